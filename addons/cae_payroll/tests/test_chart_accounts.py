# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class TestChartAccounts(TransactionCase):
    """The pay rules book on the accounts of the company's own chart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, lang="en_US", **DISABLED_MAIL_CONTEXT)
        )
        cls.companies = {}
        for chart, country in (
            ("be_comp", "base.be"),
            ("ca_2023", "base.ca"),
            ("generic_coa", "base.ch"),
        ):
            company = cls.env["res.company"].create(
                {"name": f"Payroll {chart}", "country_id": cls.env.ref(country).id}
            )
            cls.env["account.chart.template"].try_loading(
                chart, company=company, install_demo=False
            )
            cls.companies[chart] = company

    def _rule_accounts(self, company, xmlid="cae_payroll.rule_gross"):
        rule = self.env.ref(xmlid).with_company(company)
        return (
            rule.account_debit.with_company(company).code,
            rule.account_credit.with_company(company).code,
        )

    def test_gross_pay_per_chart(self):
        """Belgian 6202 rémunérations / 455; Canadian 512110 / 221203; the
        French 641 would be a Belgian capital loss: nothing on other charts."""
        self.assertEqual(
            self._rule_accounts(self.companies["be_comp"]), ("620200", "455000")
        )
        self.assertEqual(
            self._rule_accounts(self.companies["ca_2023"]), ("512110", "221203")
        )
        self.assertEqual(
            self._rule_accounts(self.companies["generic_coa"]), (False, False)
        )

    def test_salary_journal_of_every_chart(self):
        for chart, company in self.companies.items():
            with self.subTest(chart=chart):
                self.assertEqual(company.cae_payroll_journal_id.type, "general")

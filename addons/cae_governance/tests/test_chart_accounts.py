# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

from ..models.res_company import CAPITAL_ACCOUNT_DEFAULTS


class TestChartAccounts(TransactionCase):
    """Share capital entries use the accounts of the company's own chart."""

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
                {"name": f"Capital {chart}", "country_id": cls.env.ref(country).id}
            )
            cls.env["account.chart.template"].try_loading(
                chart, company=company, install_demo=False
            )
            cls.companies[chart] = company

    def _codes(self, company):
        return {
            fname: company._get_cae_capital_account(fname).with_company(company).code
            for fname in CAPITAL_ACCOUNT_DEFAULTS["fr"]
        }

    def test_belgian_cooperative(self):
        """An SC has an "apport" (1119), uncalled (101) or called (410)."""
        self.assertEqual(
            self._codes(self.companies["be_comp"]),
            {
                "cae_capital_uncalled_account_id": "111900",
                "cae_capital_called_account_id": "111900",
                "cae_capital_paid_account_id": "111900",
                "cae_associate_subscribed_account_id": "101000",
                "cae_associate_called_account_id": "410000",
                "cae_associate_reimburse_account_id": "489000",
                "cae_capital_loss_account_id": "141000",
                "cae_salary_deduction_account_id": "455000",
            },
        )

    def test_canadian_cooperative(self):
        self.assertEqual(
            self._codes(self.companies["ca_2023"]),
            {
                "cae_capital_uncalled_account_id": "314000",
                "cae_capital_called_account_id": "314000",
                "cae_capital_paid_account_id": "314000",
                "cae_associate_subscribed_account_id": "113310",
                "cae_associate_called_account_id": "113310",
                "cae_associate_reimburse_account_id": "222100",
                "cae_capital_loss_account_id": "321000",
                "cae_salary_deduction_account_id": "221203",
            },
        )

    def test_other_chart_asks_for_the_accounts(self):
        company = self.companies["generic_coa"]
        with self.assertRaises(UserError) as catcher:
            company._get_cae_capital_account("cae_capital_paid_account_id")
        self.assertIn("Set the account", str(catcher.exception))

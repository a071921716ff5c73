# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class TestQuebecCjs(TransactionCase):
    """A CJS hosted in Québec: youths of 14 to 17, and the Canadian chart.

    Québec CJS take youths of secondary school age (12 to 17) and, since 1
    June 2023, no employer may have a child under 14 work (Loi sur les
    normes du travail, art. 84.3); the French cahier des charges takes 16 to
    18 (test_age_rule).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, lang="en_US", **DISABLED_MAIL_CONTEXT)
        )
        cls.company = cls.env["res.company"].create(
            {
                "name": "Coop Québec",
                "country_id": cls.env.ref("base.ca").id,
                "state_id": cls.env.ref("base.state_ca_qc").id,
            }
        )
        cls.env["account.chart.template"].try_loading(
            "ca_2023", company=cls.company, install_demo=False
        )
        cls.cjs = cls.env["cae.cjs.project"].create(
            {
                "name": "CJS Limoilou",
                "kind": "cjs",
                "company_id": cls.company.id,
                "date_start": date(2026, 6, 22),
                "date_end": date(2026, 8, 21),
            }
        )

    def _participant(self, name, birth_date):
        return self.env["cae.cjs.participant"].create(
            {"project_id": self.cjs.id, "name": name, "birth_date": birth_date}
        )

    def test_quebec_ages(self):
        """14 to 17 on 22 June 2026: 12 until the 2023 ban on work under 14."""
        self.assertEqual(
            self.company.cae_rule_set_id, self.env.ref("cae_base.rule_set_quebec")
        )
        self.assertEqual(self._participant("Quatorze", date(2012, 6, 22)).age, 14)
        self.assertEqual(self._participant("Dix-sept", date(2008, 6, 23)).age, 17)
        for name, birth in (
            ("Treize", date(2012, 6, 23)),
            ("Dix-huit", date(2008, 6, 22)),
        ):
            with (
                self.subTest(name=name),
                self.assertRaisesRegex(ValidationError, "aged 14 to 17"),
                self.cr.savepoint(),
            ):
                self._participant(name, birth)
        Parameter = self.env["cae.parameter"]
        self.assertEqual(
            Parameter._get_value("cae_cjs_age_min", date(2020, 7, 1), self.company), 12
        )

    def test_result_accounts_of_the_canadian_chart(self):
        """Revenue 4 and expenses 5: the French 7 and 6 are other things here."""
        self.assertEqual(
            (self.company.cae_cjs_revenue_accounts, self.company.cae_cjs_cost_accounts),
            ("4", "5"),
        )

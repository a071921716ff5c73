# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import ValidationError

from .common import CaeBalanceCommon

DEFAULT_CODES = [
    "cash",
    "taxes_due",
    "suppliers",
    "reference_treasury",
    "salaries_to_pay",
    "customers",
    "expense_claims",
    "future_treasury",
    "turnover",
    "resold_purchases",
    "result",
]


class TestBalanceIndicator(CaeBalanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Indicator = cls.env["cae.balance.indicator"]
        cls.activity = cls.alice.activity_id

    def _grid(self, company=None):
        return self.Indicator.search(
            [("company_id", "=", (company or self.company).id)]
        )

    def _entry(self, lines, activity=None, day="2026-03-31"):
        """A posted miscellaneous entry of the activity: [(code, debit − credit)]."""
        Account = self.env["account.account"].with_company(self.company)
        move = (
            self.env["account.move"]
            .with_company(self.company)
            .create(
                {
                    "move_type": "entry",
                    "date": day,
                    "company_id": self.company.id,
                    "cae_activity_id": (activity or self.activity).id,
                    "line_ids": [
                        Command.create(
                            {
                                "name": code,
                                "account_id": Account.search(
                                    [
                                        ("code", "=", code),
                                        *Account._check_company_domain(self.company),
                                    ]
                                ).id,
                                "debit": max(amount, 0.0),
                                "credit": max(-amount, 0.0),
                            }
                        )
                        for code, amount in lines
                    ],
                }
            )
        )
        move.action_post()
        return move

    def test_default_grid_of_every_company(self):
        """The grid comes with the chart of accounts, whenever it is loaded."""
        self.assertEqual(self._grid().mapped("code"), DEFAULT_CODES)
        # Company B has no chart yet: no accounts, no grid.
        self.assertFalse(self._grid(self.company_b))
        self.assertIn("has no chart of accounts yet", self.company_b.cae_chart_warning)
        new = self.env["res.company"].create(
            {"name": "CAE created later", "country_id": self.env.ref("base.fr").id}
        )
        self.assertFalse(self._grid(new))
        self.env["account.chart.template"].try_loading(
            "fr", company=new, install_demo=False
        )
        self.assertEqual(self._grid(new).mapped("code"), DEFAULT_CODES)
        self.assertEqual(
            self._grid(new).filtered(lambda i: i.code == "customers").account_prefixes,
            "41",
        )
        reference = self._grid().filtered(lambda i: i.code == "reference_treasury")
        self.assertEqual(
            reference.operand_ids.mapped("code"), ["cash", "taxes_due", "suppliers"]
        )
        self.assertEqual(
            reference.with_context(lang="fr_FR").name, "Trésorerie de référence"
        )

    def test_prefixes_with_exclusions_against_hand_sums(self):
        """42,43,44,-421,-425: social and tax debts without salaries."""
        self._entry(
            [
                ("641100", 1500.0),  # gross salary
                ("645100", 600.0),  # employer contributions
                ("421000", -1000.0),  # net salary to pay
                ("431000", -900.0),  # URSSAF
                ("437000", -200.0),  # other social bodies
                ("425000", 50.0),  # advance paid to the employee
                ("512001", -50.0),
            ]
        )
        values = self.activity._get_indicator_values(date_to=date(2026, 3, 31))[
            self.activity.id
        ]
        self.assertEqual(values["taxes_due"], -900.0 - 200.0)
        self.assertEqual(values["salaries_to_pay"], -1000.0)
        self.assertEqual(values["expense_claims"], 50.0)
        self.assertEqual(values["cash"], -50.0)
        self.assertEqual(values["reference_treasury"], -50.0 - 1100.0)
        self.assertEqual(values["future_treasury"], -1150.0 - 1000.0 + 50.0)
        self.assertEqual(values["result"], -2100.0)

    def test_custom_indicator_and_sign(self):
        social = self.Indicator.create(
            {
                "name": "Social debts",
                "code": "social",
                "company_id": self.company.id,
                "account_prefixes": " 43 , 421,-4311",
                "sign": "credit",
            }
        )
        self.Indicator.create(
            {
                "name": "Social and cash",
                "code": "social_cash",
                "company_id": self.company.id,
                "kind": "sum",
                "operand_ids": [Command.set((social | self._grid()[:1]).ids)],
            }
        )
        self._entry([("641100", 1300.0), ("421000", -1000.0), ("431000", -300.0)])
        values = self.activity._get_indicator_values(
            codes=["social", "social_cash", "cash"]
        )[self.activity.id]
        self.assertEqual(values, {"social": 1300.0, "social_cash": 1300.0, "cash": 0.0})

    def test_bad_prefixes_are_refused_in_french(self):
        for prefixes in ("", "-421", "42;43", "4 2"):
            with self.subTest(prefixes=prefixes), self.assertRaises(ValidationError):
                self.Indicator.create(
                    {
                        "name": "Bad",
                        "code": "bad",
                        "company_id": self.company.id,
                        "account_prefixes": prefixes,
                    }
                )
        with self.assertRaisesText(ValidationError, "préfixes de comptes"):
            self.Indicator.with_context(lang="fr_FR").create(
                {
                    "name": "Bad",
                    "code": "bad",
                    "company_id": self.company.id,
                    "account_prefixes": "42;43",
                }
            )

    def test_sum_cycles_are_refused(self):
        grid = {i.code: i for i in self._grid()}
        with self.assertRaisesText(ValidationError, "s'ajoute lui-même"):
            grid["cash"].with_context(lang="fr_FR").write(
                {
                    "kind": "sum",
                    "operand_ids": [Command.set(grid["reference_treasury"].ids)],
                }
            )
        with self.assertRaises(ValidationError):
            self.Indicator.create(
                {
                    "name": "Empty sum",
                    "code": "empty",
                    "company_id": self.company.id,
                    "kind": "sum",
                }
            )

    def test_duplicate_or_badly_written_code(self):
        with self.assertRaises(ValidationError):
            self.Indicator.create(
                {
                    "name": "Cash",
                    "code": "Cash Today",
                    "company_id": self.company.id,
                    "account_prefixes": "5",
                }
            )

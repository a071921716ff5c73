# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One treasury figure, with one definition, wherever it is shown."""

from odoo.tests import tagged

from .common import CaeBalanceCommon


@tagged("post_install", "-at_install")
class TestTreasury(CaeBalanceCommon):
    def test_same_treasury_everywhere(self):
        """1,000.00 + 20 % VAT invoiced and paid, a 300.00 bill unpaid.

        Cash 1,200.00, VAT due 200.00, supplier 300.00: treasury 700.00.
        """
        activity = self.alice.activity_id
        invoice = self._post_document(activity, "out_invoice", 1000.0, self.sale_tax)
        self._register_payment(invoice)
        self._post_document(activity, "in_invoice", 300.0)
        treasury = activity._get_treasury()[activity.id]
        self.assertEqual(treasury["value"], 700.0)
        self.assertEqual(treasury["name"], "Reference treasury")
        grid = {row["code"]: row for row in activity._get_balance_grid()[activity.id]}
        self.assertEqual(grid["reference_treasury"]["value"], 700.0)
        self.assertEqual(self.alice.balance_reference_treasury, 700.0)
        summary = activity._get_balance_summary()
        self.assertEqual(summary["months"][-1][1]["reference_treasury"], 700.0)
        self.assertEqual(
            [serie["name"] for serie in summary["series"]],
            ["Turnover excl. VAT", "Result", "Reference treasury"],
        )
        self.assertEqual(
            treasury["definition"], grid["reference_treasury"]["definition"]
        )
        self.assertEqual(
            treasury["definition"],
            "The activity's treasury: its cash once taxes, contributions and "
            "suppliers are paid (Cash today + Taxes and contributions due + "
            "Suppliers to pay (what is owed counts as negative))",
        )
        self.assertEqual(
            grid["taxes_due"]["definition"],
            "Balance on the date of accounts 42, 43, 44 except 421, 425",
        )

    def test_definitions_in_french(self):
        activity = self.alice.activity_id.with_context(lang="fr_FR")
        grid = {row["code"]: row for row in activity._get_balance_grid()[activity.id]}
        self.assertEqual(
            grid["taxes_due"]["definition"],
            "Solde à la date des comptes 42, 43, 44 sauf 421, 425",
        )
        self.assertIn("Trésorerie du jour + ", grid["reference_treasury"]["definition"])

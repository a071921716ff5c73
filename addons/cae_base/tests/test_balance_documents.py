# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command

from .common import CaeBalanceCommon

MARCH_END = date(2026, 3, 31)


class TestBalanceDocuments(CaeBalanceCommon):
    """An activity's month, posted as users do it, against figures by hand.

    Alice invoices 1,000.00 € + 20 % VAT = 1,200.00 € on 15 March and is
    paid 500.00 € on 20 March; she gets a bill of 300.00 € + 60.00 € VAT on
    18 March and claims 48.00 € of expenses (40.00 € + 8.00 € VAT) on 22
    March.

    ==================  ===========================================  =======
    cash                bank 500.00                                    500.00
    taxes_due           -200.00 collected + 60.00 + 8.00 deductible   -132.00
    suppliers           -360.00                                       -360.00
    reference           500.00 - 132.00 - 360.00                         8.00
    customers           1,200.00 - 500.00                              700.00
    expense_claims      -48.00                                         -48.00
    future              8.00 + 700.00 - 48.00                          660.00
    turnover            1,000.00                                     1,000.00
    resold_purchases    the bill, on 607 (goods for resale)            300.00
    result              1,000.00 - 300.00 - 40.00                      660.00
    ==================  ===========================================  =======
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity = cls.alice.activity_id
        cls.invoice = cls._post_document(
            cls.activity, "out_invoice", 1000.0, cls.sale_tax, "2026-03-15"
        )
        cls.payment = cls._register_payment(cls.invoice, 500.0, "2026-03-20")
        cls.bill = cls._post_document(
            cls.activity, "in_invoice", 300.0, cls.purchase_tax, "2026-03-18"
        )
        cls.sheet = cls._post_expense_claim(cls.alice, 48.0, "2026-03-22")

    def _values(self, activity=None, **kwargs):
        activity = activity or self.activity
        return activity._get_indicator_values(**kwargs)[activity.id]

    def test_invoice_amounts(self):
        self.assertEqual(self.invoice.amount_total, 1200.0)
        self.assertEqual(self.invoice.payment_state, "partial")
        self.assertEqual(self.invoice.amount_residual, 700.0)
        self.assertEqual(self.payment.cae_activity_id, self.activity)
        self.assertEqual(self.payment.move_id.cae_activity_id, self.activity)
        self.assertEqual(self.sheet.account_move_ids.cae_activity_id, self.activity)

    def test_every_line_has_an_analytic_line(self):
        """Receivable, tax, bank and payable lines carry the activity."""
        account = self.activity.analytic_account_id
        column = account.plan_id._column_name()
        moves = (
            self.invoice
            | self.payment.move_id
            | self.bill
            | self.sheet.account_move_ids
        )
        for line in moves.line_ids:
            with self.subTest(move=line.move_id.name, account=line.account_id.code):
                self.assertEqual(line.analytic_distribution, {str(account.id): 100})
                self.assertEqual(line.analytic_line_ids[column], account)
                self.assertAlmostEqual(line.analytic_line_ids.amount, -line.balance)
        codes = set(moves.line_ids.analytic_line_ids.general_account_id.mapped("code"))
        self.assertTrue({"411100", "445710", "512002", "401100", "425100"} <= codes)

    def test_grid_at_the_end_of_march(self):
        self.assertEqual(
            self._values(date_from=date(2026, 3, 1), date_to=MARCH_END),
            {
                "cash": 500.0,
                "taxes_due": -132.0,
                "suppliers": -360.0,
                "reference_treasury": 8.0,
                "salaries_to_pay": 0.0,
                "customers": 700.0,
                "expense_claims": -48.0,
                "future_treasury": 660.0,
                "turnover": 1000.0,
                "resold_purchases": 300.0,
                "result": 660.0,
            },
        )

    def test_positions_at_a_date_and_movements_of_a_period(self):
        # On 19 March the invoice is not paid yet; the claim is not there.
        values = self._values(date_to=date(2026, 3, 19), codes=["cash", "customers"])
        self.assertEqual(values, {"cash": 0.0, "customers": 1200.0})
        # From 16 March: positions still count the invoice of the 15th,
        # movements (turnover, result) no longer do.
        values = self._values(
            date_from=date(2026, 3, 16),
            date_to=MARCH_END,
            codes=["customers", "turnover", "result"],
        )
        self.assertEqual(
            values, {"customers": 700.0, "turnover": 0.0, "result": -340.0}
        )

    def test_paying_the_rest_moves_customers_to_cash(self):
        self._register_payment(self.invoice, date="2026-03-28")
        self.assertEqual(self.invoice.payment_state, "paid")
        values = self._values(date_to=MARCH_END, codes=["cash", "customers"])
        self.assertEqual(values, {"cash": 1200.0, "customers": 0.0})

    def test_paying_the_claim_and_the_bill(self):
        self._register_payment(self.sheet.account_move_ids, date="2026-03-29")
        self._register_payment(self.bill, date="2026-03-30")
        values = self._values(
            date_to=MARCH_END, codes=["cash", "suppliers", "expense_claims"]
        )
        self.assertEqual(
            values,
            {"cash": 500.0 - 48.0 - 360.0, "suppliers": 0.0, "expense_claims": 0.0},
        )

    def test_other_activities_and_drafts_do_not_count(self):
        bob = self.bob.activity_id
        self._post_document(bob, "out_invoice", 100.0)
        draft = self._invoice(self.activity, amount=999.0)
        self.assertEqual(draft.state, "draft")
        values = (self.activity | bob)._get_indicator_values(
            date_to=MARCH_END, codes=["customers", "turnover"]
        )
        self.assertEqual(values[bob.id], {"customers": 100.0, "turnover": 100.0})
        self.assertEqual(values[self.activity.id]["customers"], 700.0)
        # A cancelled document leaves the grid.
        self.bill.button_draft()
        self.assertEqual(self._values(date_to=MARCH_END)["suppliers"], 0.0)

    def test_company_paid_expense(self):
        """An expense paid with the company's card: the payment entry too."""
        self.company.expense_outstanding_account_id = (
            self.env["account.chart.template"]
            .with_company(self.company)
            .ref("pcg_5121")
        )
        self.alice._ensure_employee()
        sheet = (
            self.env["hr.expense.sheet"]
            .with_company(self.company)
            .create(
                {
                    "name": "Carte société",
                    "employee_id": self.alice.employee_id.id,
                    "company_id": self.company.id,
                    "payment_mode": "company_account",
                    "expense_line_ids": [
                        Command.create(
                            {
                                "name": "Train",
                                "employee_id": self.alice.employee_id.id,
                                "product_id": self.expense_product.id,
                                "total_amount_currency": 120.0,
                                "tax_ids": [Command.set(self.purchase_tax.ids)],
                                "payment_mode": "company_account",
                                "date": "2026-03-25",
                                "company_id": self.company.id,
                            }
                        )
                    ],
                }
            )
        )
        sheet.action_submit_sheet()
        sheet._do_approve()
        sheet.action_sheet_move_post()
        self.assertEqual(sheet.account_move_ids.cae_activity_id, self.activity)
        values = self._values(
            date_from=date(2026, 3, 1), date_to=MARCH_END, codes=["cash", "result"]
        )
        self.assertEqual(values, {"cash": 500.0 - 120.0, "result": 660.0 - 100.0})

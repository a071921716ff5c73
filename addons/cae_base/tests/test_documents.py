# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form

from .common import CaeAccountingCommon


class TestDocuments(CaeAccountingCommon):
    def test_invoice_lines_get_the_activity_account(self):
        invoice = self._invoice(self.alice.activity_id, amount=1200.0)
        account = self.alice.analytic_account_id
        line = invoice.invoice_line_ids
        self.assertEqual(line.analytic_distribution, {str(account.id): 100})
        invoice.action_post()
        # The product line's analytic line (the receivable line has its own).
        analytic = self.env["account.analytic.line"].search(
            [("move_line_id", "in", invoice.invoice_line_ids.ids)]
        )
        plan_column = account.plan_id._column_name()
        self.assertEqual(analytic[plan_column], account)
        self.assertAlmostEqual(analytic.amount, 1200.0)

    def test_vendor_bill_gets_the_activity_account(self):
        bill = self._invoice(self.alice.activity_id, "in_invoice", amount=80.0)
        bill.action_post()
        analytic = self.env["account.analytic.line"].search(
            [("move_line_id", "in", bill.invoice_line_ids.ids)]
        )
        self.assertAlmostEqual(analytic.amount, -80.0)

    def test_activity_set_in_the_form_fills_the_lines(self):
        with Form(
            self.env["account.move"]
            .with_company(self.company)
            .with_context(default_move_type="out_invoice")
        ) as move:
            move.partner_id = self.customer
            move.cae_activity_id = self.bob.activity_id
            with move.invoice_line_ids.new() as line:
                line.product_id = self.product
        self.assertEqual(
            move.record.invoice_line_ids.analytic_distribution,
            {str(self.bob.analytic_account_id.id): 100},
        )

    def test_documents_filtered_by_entrepreneur(self):
        alice_invoice = self._invoice(self.alice.activity_id)
        bob_invoice = self._invoice(self.bob.activity_id)
        found = self.env["account.move"].search(
            [("cae_entrepreneur_ids", "in", self.alice.ids)]
        )
        self.assertIn(alice_invoice, found)
        self.assertNotIn(bob_invoice, found)
        self.assertEqual(self.alice.invoice_count, 1)
        action = self.alice.action_view_invoices()
        self.assertEqual(
            self.env["account.move"].search(action["domain"]), alice_invoice
        )

    def test_expense_of_an_entrepreneur_goes_to_their_activity(self):
        self.alice._ensure_employee()
        expense_product = self.env["product.product"].create(
            {
                "name": "Train ticket",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "company_id": self.company.id,
            }
        )
        expense = (
            self.env["hr.expense"]
            .with_company(self.company)
            .create(
                {
                    "name": "Train to Bordeaux",
                    "employee_id": self.alice.employee_id.id,
                    "product_id": expense_product.id,
                    "total_amount_currency": 42.0,
                }
            )
        )
        self.assertEqual(expense.cae_activity_id, self.alice.activity_id)
        self.assertEqual(
            expense.analytic_distribution,
            {str(self.alice.analytic_account_id.id): 100},
        )
        self.assertEqual(self.alice.expense_count, 1)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError

from .common import CjsAccountingCommon


class TestContract(CjsAccountingCommon):
    """Quotes and invoices of the hosting cooperative on the project's account."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anna, cls.bruno, cls.chloe = cls._running_flashcoop()
        cls.env["cae.cjs.price"].create(
            {
                "project_id": cls.flashcoop.id,
                "product_id": cls.service.id,
                "price_unit": 15.0,
            }
        )
        cls.contract = cls.env["cae.cjs.contract"].create(
            {
                "project_id": cls.flashcoop.id,
                "name": "Tonte chez Mme Durand",
                "partner_id": cls.customer.id,
                "date": date(2026, 6, 3),
                "line_ids": [(0, 0, {"product_id": cls.service.id, "quantity": 4})],
            }
        )

    def test_price_comes_from_the_project_price_list(self):
        self.assertEqual(self.contract.line_ids.price_unit, 15.0)
        self.assertEqual(self.contract.amount_untaxed, 60.0)
        self.assertEqual(self.contract.state, "draft")

    def test_facilitator_prepares_the_quote_without_sales_rights(self):
        contract = self.contract.with_user(self.facilitator)
        contract.action_create_quote()
        order = self.contract.sale_order_id
        self.assertEqual(self.contract.state, "quoted")
        self.assertRecordValues(
            order,
            [
                {
                    "partner_id": self.customer.id,
                    "company_id": self.company.id,
                    "amount_untaxed": 60.0,
                    "user_id": self.facilitator.id,
                    "cae_cjs_contract_id": self.contract.id,
                }
            ],
        )
        self.assertEqual(
            order.order_line.analytic_distribution,
            {str(self.flashcoop.analytic_account_id.id): 100},
        )
        with self.assertRaisesRegex(UserError, "already has a quote"):
            contract.action_create_quote()

    def test_the_analytic_account_receives_the_invoices(self):
        self._work(self.anna, 3.0, contract=self.contract)
        self._work(self.bruno, 1.0, contract=self.contract)
        action = self.contract.with_user(self.accountant).action_invoice()
        invoice = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(self.contract.state, "invoiced")
        self.assertEqual(invoice.cae_activity_id, self.flashcoop.activity_id)
        self.assertEqual(
            invoice.invoice_line_ids.analytic_distribution,
            {str(self.flashcoop.analytic_account_id.id): 100},
        )
        invoice.action_post()
        analytic = self.env["account.analytic.line"].search(
            [("move_line_id", "in", invoice.line_ids.ids)]
        )
        column = self.flashcoop.analytic_account_id.plan_id._column_name()
        self.assertEqual(analytic[column], self.flashcoop.analytic_account_id)
        # The sale line as revenue; the receivable line, owed by the customer,
        # is on the project's account as well (its customers indicator).
        revenue = analytic.filtered(
            lambda line: line.general_account_id.account_type == "income"
        )
        self.assertEqual(revenue.amount, 60.0)
        self.assertEqual(sum(analytic.mapped("amount")), 0.0)
        self.assertEqual(self.flashcoop.revenue, 60.0)
        self.assertEqual(self.contract.amount_invoiced, 60.0)
        self.assertEqual(self.contract.hours_total, 4.0)
        # The project's invoices, as the cooperative's activity.
        moves = self.env["account.move"].search(
            self.flashcoop.action_view_invoices()["domain"]
        )
        self.assertEqual(moves, invoice)
        with self.assertRaisesRegex(UserError, "already invoiced"):
            self.contract.with_user(self.accountant).action_invoice()

    def test_only_invoicing_staff_invoice(self):
        with self.assertRaisesRegex(AccessError, "invoicing staff"):
            self.contract.with_user(self.facilitator).action_invoice()
        self.assertFalse(self.contract.sale_order_id)

    def test_contract_without_services_is_not_quoted(self):
        empty = self.env["cae.cjs.contract"].create(
            {
                "project_id": self.flashcoop.id,
                "name": "Vide",
                "partner_id": self.customer.id,
            }
        )
        with self.assertRaisesRegex(UserError, "Add the services"):
            empty.action_create_quote()
        with self.assertRaisesRegex(UserError, "Ajoutez les services"):
            empty.with_context(lang="fr_FR").action_create_quote()
        self.assertFalse(
            self.env["sale.order"].search([("cae_cjs_contract_id", "=", empty.id)])
        )

    def test_cancelled_quote_can_be_redone(self):
        self.contract.action_create_quote()
        first = self.contract.sale_order_id
        first._action_cancel()
        self.assertEqual(self.contract.state, "cancelled")
        self.contract.action_create_quote()
        self.assertNotEqual(self.contract.sale_order_id, first)
        self.assertEqual(self.contract.state, "quoted")

    def test_vendor_bills_are_costs_of_the_project(self):
        action = self.flashcoop.action_view_purchases()
        self.assertEqual(
            action["context"]["default_cae_activity_id"], self.flashcoop.activity_id.id
        )
        self._post(self.flashcoop, 120.0, "in_invoice")
        self.assertEqual(self.flashcoop.costs, 120.0)
        self.assertEqual(self.flashcoop.result, -120.0)

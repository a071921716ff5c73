# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import CjsAccountingCommon


class TestEventSale(CjsAccountingCommon):
    """The takings of the Flashcoop's sales event, entered in one go."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._running_flashcoop()
        cls.flashcoop.write(
            {
                "event_name": "Marché de Noël",
                "event_date": date(2026, 6, 6),
            }
        )
        cls.price = cls.env["cae.cjs.price"].create(
            {
                "project_id": cls.flashcoop.id,
                "product_id": cls.cookies.id,
                "price_unit": 2.5,
                "quantity_planned": 200,
            }
        )
        cls.sale = cls.env["cae.cjs.event.sale"].create(
            {
                "project_id": cls.flashcoop.id,
                "date": date(2026, 6, 6),
                "line_ids": [(0, 0, {"price_id": cls.price.id, "quantity": 148})],
            }
        )

    def test_posting_makes_a_paid_receipt_on_the_project_account(self):
        self.assertEqual(self.sale.amount_untaxed, 370.0)
        self.assertEqual(self.sale.journal_id.type, "cash")
        self.assertEqual(
            self.sale.partner_id, self.env.ref("cae_cjs.partner_event_customers")
        )
        self.sale.with_user(self.accountant).action_post()
        receipt = self.sale.move_id
        self.assertRecordValues(
            receipt,
            [
                {
                    "move_type": "out_receipt",
                    "state": "posted",
                    "amount_total": 370.0,
                    "payment_state": receipt.payment_state,
                    "cae_activity_id": self.flashcoop.activity_id.id,
                }
            ],
        )
        self.assertIn(receipt.payment_state, ("paid", "in_payment"))
        self.assertEqual(self.sale.state, "posted")
        self.assertEqual(self.flashcoop.revenue, 370.0)
        self.assertEqual(self.price.quantity_sold, 148.0)
        with self.assertRaisesRegex(UserError, "already posted"):
            self.sale.action_post()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            self.sale.unlink()

    def test_only_invoicing_staff_post(self):
        with self.assertRaises(AccessError):
            self.sale.with_user(self.facilitator).action_post()
        self.assertFalse(self.sale.move_id)

    def test_bad_inputs(self):
        empty = self.env["cae.cjs.event.sale"].create(
            {"project_id": self.flashcoop.id, "date": date(2026, 6, 6)}
        )
        with self.assertRaisesRegex(UserError, "Enter the products sold"):
            empty.action_post()
        with (
            self.assertRaisesRegex(ValidationError, "positive quantity"),
            self.cr.savepoint(),
        ):
            self.sale.line_ids.quantity = 0
        other_price = self.env["cae.cjs.price"].create(
            {"project_id": self.cjs.id, "product_id": self.cookies.id, "price_unit": 1}
        )
        with (
            self.assertRaisesRegex(ValidationError, "price list"),
            self.cr.savepoint(),
        ):
            self.sale.line_ids.price_id = other_price
        self.assertEqual(self.sale.line_ids.quantity, 148.0)

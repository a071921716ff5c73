# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form

from odoo.addons.cae_base.tests.common import CaeAccountingCommon


class TestSaleValidation(CaeAccountingCommon):
    """Entrepreneurs prepare their activity's quotations; accountants confirm."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = cls.entrepreneur_user
        cls.activity = cls.alice.activity_id
        cls.bob_order = cls._order(cls.bob.activity_id, 300.0)
        # A training organisation's sale, exempt (CGI art. 261-4-4°): 0 %.
        cls.exempt_tax = cls.env["account.tax"].create(
            {
                "name": "Exonéré formation",
                "amount": 0.0,
                "type_tax_use": "sale",
                "company_id": cls.company.id,
            }
        )

    @classmethod
    def _order(cls, activity, price):
        return (
            cls.env["sale.order"]
            .with_company(cls.company)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "company_id": cls.company.id,
                    "cae_activity_id": activity.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "price_unit": price,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )

    def _prepare_quotation(self):
        Order = self.env["sale.order"].with_user(self.user).with_company(self.company)
        customer = (
            self.env["res.partner"]
            .with_user(self.user)
            .create({"name": "Mairie de Bègles", "is_company": True})
        )
        form = Form(Order)
        form.partner_id = customer
        with form.order_line.new() as line:
            line.product_id = self.product
            line.price_unit = 480.0
            line.tax_id.clear()
            line.tax_id.add(self.exempt_tax)
        return form.save()

    def test_quotation_on_the_entrepreneurs_activity(self):
        order = self._prepare_quotation()
        self.assertEqual(order.cae_activity_id, self.activity)
        self.assertEqual(order.amount_total, 480.0)
        self.assertEqual(order.partner_id.cae_activity_ids, self.activity)
        with self.assertRaises(AccessError):
            order.write({"cae_activity_id": self.bob.activity_id.id})

    def test_other_activity_orders_are_invisible(self):
        Order = self.env["sale.order"].with_user(self.user)
        self._prepare_quotation()
        self.assertNotIn(self.bob_order, Order.search([]))
        self.assertFalse(Order.search([("id", "=", self.bob_order.id)]))
        bob_order = self.bob_order.with_user(self.user)
        with self.assertRaises(AccessError):
            bob_order.read(["amount_total"])
        with self.assertRaises(AccessError):
            bob_order.write({"note": "mine"})
        with self.assertRaises(AccessError):
            bob_order.action_confirm()
        with self.assertRaises(AccessError):
            bob_order.order_line.read(["price_unit"])
        self.assertEqual(self.bob_order.state, "draft")

    def test_submit_then_accountant_confirms_and_invoices(self):
        order = self._prepare_quotation()
        # (With event_sale, reading the registrations fails even before.)
        with self.assertRaises(AccessError):
            order.action_confirm()
        self.assertEqual(order.state, "draft")
        order.action_cae_submit()
        self.assertEqual(order.cae_validation_state, "to_validate")
        with self.assertRaisesText(UserError, "waiting for validation"):
            order.write({"order_line": [Command.clear()]})
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_sale.sale_order_action_cae_to_validate"
        )
        self.assertIn("cae_advisor_id", action["context"])
        to_validate = (
            self.env["sale.order"]
            .with_user(self.accountant)
            .search([("cae_validation_state", "=", "to_validate")])
        )
        self.assertEqual(to_validate, order)
        self.assertEqual(to_validate.cae_advisor_id, self.advisor)
        order.with_user(self.accountant).action_confirm()
        self.assertRecordValues(
            order, [{"state": "sale", "cae_validation_state": "validated"}]
        )
        invoice = order.with_user(self.accountant)._create_invoices()
        self.assertEqual(invoice.cae_activity_id, self.activity)
        self.assertEqual(invoice.with_user(self.user).amount_total, 480.0)
        invoice.with_user(self.accountant).action_post()
        self.assertEqual(
            invoice.invoice_line_ids.analytic_distribution,
            {str(self.activity.analytic_account_id.id): 100},
        )

    def test_accountant_sends_back(self):
        order = self._prepare_quotation()
        order.action_cae_submit()
        self.env["cae.send.back"].with_user(self.accountant).with_context(
            active_model="sale.order", active_ids=order.ids
        ).create({"reason": "Remise trop forte"}).action_send_back()
        self.assertEqual(order.cae_validation_state, "sent_back")
        self.assertEqual(
            order.message_ids[0].body, "<p>Sent back: Remise trop forte</p>"
        )
        self.assertIn(self.user.partner_id, order.message_ids[0].partner_ids)

    def test_lines_stay_on_the_activity(self):
        order = self._prepare_quotation()
        bob_account = str(self.bob.activity_id.analytic_account_id.id)
        with self.assertRaises(AccessError):
            order.order_line.write({"analytic_distribution": {bob_account: 100}})

    def test_french_message(self):
        order = self._prepare_quotation()
        with self.assertRaisesText(AccessError, "soumettez plutôt le devis"):
            order.with_context(lang="fr_FR")._cae_check_can_confirm()

    def test_workflow_moves_through_its_buttons(self):
        order = self._prepare_quotation()
        with self.assertRaisesText(UserError, "workflow"):
            order.write({"state": "sale"})
        with self.assertRaisesText(UserError, "workflow"):
            order.write({"cae_validation_state": "validated"})
        order.action_cae_submit()
        with self.assertRaisesText(UserError, "waiting for validation"):
            order.order_line.write({"price_unit": 1.0})
        self.assertRecordValues(order, [{"state": "draft", "amount_total": 480.0}])

    def test_waiting_quotation_stays_in_the_cooperative(self):
        order = self._prepare_quotation()
        order.action_cae_submit()
        text = "can be sent to the customer once the accountant has validated it"
        with self.assertRaisesText(UserError, text):
            order.action_quotation_send()
        with self.assertRaisesText(UserError, text):
            order.action_quotation_sent()
        with self.assertRaisesText(UserError, text):
            order.message_post(body="Votre devis", partner_ids=order.partner_id.ids)
        with self.assertRaisesText(UserError, text):
            order.with_context(mark_so_as_sent=True).message_post(body="Devis")
        # A question to the cooperative's accountant is still possible.
        order.message_post(body="Remise ?", partner_ids=self.accountant.partner_id.ids)
        self.assertEqual(order.state, "draft")
        # Sent back, the quotation is the entrepreneur's again.
        order.with_user(self.accountant)._cae_send_back("Remise trop forte")
        order.action_quotation_sent()
        self.assertEqual(order.state, "sent")

    def test_validation_badge_in_french(self):
        """The states of the mixin's field on sale.order are translated too."""
        fields = (
            self.env["sale.order"]
            .with_context(lang="fr_FR")
            .fields_get(["cae_validation_state"])
        )
        labels = dict(fields["cae_validation_state"]["selection"])
        self.assertEqual(
            labels,
            {"to_validate": "À valider", "sent_back": "Renvoyé", "validated": "Validé"},
        )

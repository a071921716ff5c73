# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from ast import literal_eval

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form

from .common import CaeAccountingCommon


class TestInvoiceSubmission(CaeAccountingCommon):
    """An entrepreneur prepares and submits; an accountant posts or sends back."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = cls.entrepreneur_user
        cls.activity = cls.alice.activity_id
        cls.company.cae_validator_id = cls.accountant
        # A training organisation's sale, exempt (CGI art. 261-4-4°): 0 %.
        cls.exempt_tax = cls.env["account.tax"].create(
            {
                "name": "Exonéré formation",
                "amount": 0.0,
                "type_tax_use": "sale",
                "company_id": cls.company.id,
            }
        )

    def _prepare_invoice(self, amount=250.0):
        """An invoice filled in the form by Alice, as in the web client."""
        Move = self.env["account.move"].with_user(self.user).with_company(self.company)
        customer = (
            self.env["res.partner"]
            .with_user(self.user)
            .create({"name": "Studio Lumière", "is_company": True})
        )
        form = Form(Move.with_context(default_move_type="out_invoice"))
        form.partner_id = customer
        form.invoice_date = "2026-03-10"
        with form.invoice_line_ids.new() as line:
            line.product_id = self.product
            line.price_unit = amount
            line.tax_ids.clear()
            line.tax_ids.add(self.exempt_tax)
        return form.save()

    def test_invoice_is_on_the_entrepreneurs_activity(self):
        invoice = self._prepare_invoice()
        self.assertEqual(invoice.cae_activity_id, self.activity)
        self.assertTrue(invoice.cae_activity_locked)
        self.assertEqual(
            invoice.invoice_line_ids.analytic_distribution,
            {str(self.activity.analytic_account_id.id): 100},
        )
        self.assertEqual(invoice.amount_total, 250.0)
        self.assertEqual(invoice.partner_id.cae_activity_ids, self.activity)

    def test_entrepreneur_cannot_move_an_invoice_to_another_activity(self):
        invoice = self._prepare_invoice()
        with self.assertRaises(AccessError):
            invoice.write({"cae_activity_id": self.bob.activity_id.id})
        bob_account = str(self.bob.activity_id.analytic_account_id.id)
        with self.assertRaises(AccessError):
            invoice.invoice_line_ids.write(
                {"analytic_distribution": {bob_account: 100}}
            )
        with self.assertRaises(AccessError):
            self.env["account.move"].with_user(self.user).create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.customer.id,
                    "cae_activity_id": self.bob.activity_id.id,
                }
            )

    def test_entrepreneur_cannot_post_their_own_invoice(self):
        invoice = self._prepare_invoice()
        with self.assertRaisesText(AccessError, "submit it for validation"):
            invoice.action_post()
        with self.assertRaises(AccessError):
            invoice._post(soft=False)
        self.assertEqual(invoice.state, "draft")

    def test_submit_then_accountant_posts(self):
        invoice = self._prepare_invoice()
        invoice.action_cae_submit()
        self.assertEqual(invoice.cae_validation_state, "to_validate")
        self.assertIn(
            "Submitted for validation.", invoice.message_ids.mapped("body")[0]
        )
        todo = invoice.sudo().activity_ids
        self.assertEqual(todo.user_id, self.accountant)
        # Submitted: the entrepreneur waits, without changing the lines.
        with self.assertRaisesText(UserError, "waiting for validation"):
            invoice.write({"invoice_line_ids": [Command.clear()]})
        to_validate = (
            self.env["account.move"]
            .with_user(self.accountant)
            .search([("cae_validation_state", "=", "to_validate")])
        )
        self.assertEqual(to_validate, invoice)
        invoice.with_user(self.accountant).action_post()
        self.assertRecordValues(
            invoice, [{"state": "posted", "cae_validation_state": "validated"}]
        )
        self.assertFalse(invoice.sudo().activity_ids)
        # The entrepreneur still sees their posted invoice.
        self.assertEqual(
            invoice.with_user(self.user).read(["state"])[0]["state"], "posted"
        )

    def test_accountant_sends_back_with_a_reason(self):
        invoice = self._prepare_invoice()
        invoice.action_cae_submit()
        wizard = (
            self.env["cae.send.back"]
            .with_user(self.accountant)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"reason": "Le SIRET du client manque."})
        )
        wizard.action_send_back()
        self.assertEqual(invoice.cae_validation_state, "sent_back")
        message = invoice.message_ids[0]
        self.assertEqual(message.body, "<p>Sent back: Le SIRET du client manque.</p>")
        self.assertIn(self.user.partner_id, message.partner_ids)
        self.assertFalse(invoice.sudo().activity_ids)
        # Back with the entrepreneur, who corrects it and submits it again.
        invoice.write({"ref": "SIRET 123 456 789 00012"})
        invoice.action_cae_submit()
        self.assertEqual(invoice.cae_validation_state, "to_validate")

    def test_entrepreneurs_cannot_send_back(self):
        invoice = self._prepare_invoice()
        invoice.action_cae_submit()
        with self.assertRaises(AccessError):
            invoice._cae_send_back("Moi-même")
        with self.assertRaises(AccessError):
            self.env["cae.send.back"].with_user(self.user).create(
                {"res_model": "account.move", "res_ids": str(invoice.id), "reason": "x"}
            )

    def test_submission_errors_in_french(self):
        invoice = self._prepare_invoice()
        invoice.invoice_line_ids.unlink()
        with self.assertRaisesText(UserError, "Ajoutez au moins une ligne"):
            invoice.with_context(lang="fr_FR").action_cae_submit()

    def test_to_validate_per_advisor_and_activity(self):
        alice_invoice = self._prepare_invoice()
        alice_invoice.action_cae_submit()
        bob_invoice = self._invoice(self.bob.activity_id)
        bob_invoice.write({"cae_validation_state": "to_validate"})
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_base.account_move_action_cae_to_validate"
        )
        Move = self.env["account.move"].with_user(self.accountant)
        groups = Move._read_group(
            literal_eval(action["domain"]),
            ["cae_advisor_id", "cae_activity_id"],
            ["__count"],
        )
        self.assertEqual(
            sorted(
                (advisor.login, activity.name, count)
                for advisor, activity, count in groups
            ),
            sorted(
                [
                    ("advisor_a", self.alice.activity_id.name, 1),
                    ("advisor_a2", self.bob.activity_id.name, 1),
                ]
            ),
        )

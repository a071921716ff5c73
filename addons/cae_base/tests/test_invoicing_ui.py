# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import CaeAccountingCommon


@tagged("post_install", "-at_install")
class TestInvoicingUi(CaeAccountingCommon, HttpCase):
    def test_entrepreneur_submits_an_invoice(self):
        """Alice prepares an invoice in the back office and submits it."""
        self.env["res.partner"].create(
            {
                "name": "Studio Tour",
                "is_company": True,
                "cae_activity_ids": [(4, self.alice.activity_id.id)],
            }
        )
        self.start_tour(
            "/odoo/action-cae_base.account_move_action_cae_invoices",
            "cae_invoice_submit_tour",
            login="entrepreneur_a",
        )
        invoice = self.env["account.move"].search(
            [("cae_activity_id", "=", self.alice.activity_id.id)]
        )
        self.assertEqual(invoice.partner_id.name, "Studio Tour")
        self.assertRecordValues(
            invoice,
            [
                {
                    "cae_activity_id": self.alice.activity_id.id,
                    "cae_validation_state": "to_validate",
                    "state": "draft",
                    "amount_untaxed": 640.0,
                }
            ],
        )

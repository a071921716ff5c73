# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    cae_tl_billing_run_id = fields.Many2one(
        comodel_name="cae.tl.billing.run",
        string="Third-place billing run",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    cae_tl_network_invoice_id = fields.Many2one(
        comodel_name="account.move",
        string="Host's invoice",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Third places: the invoice of another company of the network "
        "that this vendor bill records.",
    )
    cae_tl_network_bill_id = fields.Many2one(
        comodel_name="account.move",
        string="Bill of the home structure",
        readonly=True,
        copy=False,
        help="Third places: the vendor bill recording this invoice in the "
        "books of the guests' home structure.",
    )
    cae_tl_booking_ids = fields.One2many(
        comodel_name="cae.tl.booking",
        inverse_name="move_id",
        string="Third-place bookings",
        readonly=True,
    )

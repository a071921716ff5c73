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
    cae_tl_booking_ids = fields.One2many(
        comodel_name="cae.tl.booking",
        inverse_name="move_id",
        string="Third-place bookings",
        readonly=True,
    )

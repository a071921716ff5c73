# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    cae_activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity",
        index=True,
        tracking=True,
        check_company=True,
        help="Activity of the cooperative this document belongs to; its "
        "analytic account is set on the document's lines.",
    )
    cae_entrepreneur_ids = fields.One2many(
        related="cae_activity_id.entrepreneur_ids",
        string="Entrepreneurs",
    )

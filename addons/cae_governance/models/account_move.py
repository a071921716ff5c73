# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    cae_share_operation_id = fields.Many2one(
        comodel_name="cae.share.operation",
        string="Share capital operation",
        index="btree_not_null",
        readonly=True,
        copy=False,
        check_company=True,
    )

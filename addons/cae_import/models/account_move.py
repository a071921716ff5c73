# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    cae_import_key = fields.Char(
        string="Import key",
        copy=False,
        index="btree_not_null",
        readonly=True,
        help="Key of the imported line that created this entry (opening "
        "balances of an activity): a new import of the same file updates it.",
    )

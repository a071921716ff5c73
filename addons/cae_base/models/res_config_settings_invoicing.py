# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cae_validator_id = fields.Many2one(
        related="company_id.cae_validator_id",
        readonly=False,
    )
    cae_internal_journal_id = fields.Many2one(
        related="company_id.cae_internal_journal_id",
        readonly=False,
    )
    cae_internal_expense_account_id = fields.Many2one(
        related="company_id.cae_internal_expense_account_id",
        readonly=False,
    )
    cae_internal_income_account_id = fields.Many2one(
        related="company_id.cae_internal_income_account_id",
        readonly=False,
    )

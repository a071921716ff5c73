# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cae_cjs_revenue_accounts = fields.Char(
        related="company_id.cae_cjs_revenue_accounts",
        readonly=False,
    )
    cae_cjs_cost_accounts = fields.Char(
        related="company_id.cae_cjs_cost_accounts",
        readonly=False,
    )
    cae_cjs_reserve_rate = fields.Float(
        related="company_id.cae_cjs_reserve_rate",
        readonly=False,
    )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cae_payroll_structure_id = fields.Many2one(
        related="company_id.cae_payroll_structure_id",
        readonly=False,
    )
    cae_payroll_journal_id = fields.Many2one(
        related="company_id.cae_payroll_journal_id",
        readonly=False,
    )
    cae_payroll_indicator_id = fields.Many2one(
        related="company_id.cae_payroll_indicator_id",
        readonly=False,
    )
    cae_payroll_safety_reserve = fields.Monetary(
        related="company_id.cae_payroll_safety_reserve",
        readonly=False,
    )

    def action_cae_payroll_setup(self):
        """Create what is missing: structure, salary journal, rule accounts."""
        self.company_id._cae_payroll_setup()
        return True

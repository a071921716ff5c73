# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeContributionReverse(models.TransientModel):
    _name = "cae.contribution.reverse"
    _description = "Reverse a contribution run"

    run_id = fields.Many2one(
        comodel_name="cae.contribution.run", required=True, ondelete="cascade"
    )
    reason = fields.Text(required=True)
    date = fields.Date(
        string="Reversal date", required=True, default=fields.Date.context_today
    )

    def action_reverse(self):
        self.ensure_one()
        self.run_id._reverse(self.reason, self.date)
        return {"type": "ir.actions.act_window_close"}

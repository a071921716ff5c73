# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeShareEarlyReimbursement(models.TransientModel):
    """A manager decides to reimburse a withdrawn associate before the
    delay of the statutes, and says why."""

    _name = "cae.share.early.reimbursement"
    _description = "Early reimbursement decision"

    operation_id = fields.Many2one(
        comodel_name="cae.share.operation",
        string="Withdrawal",
        required=True,
        readonly=True,
        ondelete="cascade",
    )
    reimbursement_due_date = fields.Date(related="operation_id.reimbursement_due_date")
    reason = fields.Text(
        required=True,
        help="Why the cooperative reimburses before the delay (e.g. decision "
        "of the board of [date], hardship of the associate...). Kept on the "
        "withdrawal and in its history.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.operation_id._decide_early_reimbursement(self.reason)
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountPayment(models.Model):
    _name = "account.payment"
    _inherit = ["account.payment", "cae.workflow.mixin"]
    # Workflow guard (cae.workflow.mixin), for the cooperative's people: a
    # payment is posted, validated, rejected or cancelled by its buttons.
    _cae_workflow_cooperative_only = True
    _cae_workflow_fields = frozenset({"move_id", "is_sent"})
    _cae_workflow_steps = (
        "action_post",
        "action_validate",
        "action_reject",
        "action_cancel",
        "action_draft",
        "mark_as_sent",
        "unmark_as_sent",
        "_generate_journal_entry",
        "_synchronize_from_moves",
    )
    _cae_workflow_step_models = ("account.move",)

    def _cae_workflow_locks(self):
        return False

    cae_activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity",
        index=True,
        check_company=True,
        tracking=True,
        help="Activity whose cash this payment moves; its journal entry "
        "carries the activity's analytic account on every line.",
    )

    def _generate_move_vals(
        self, write_off_line_vals=None, force_balance=None, line_ids=None
    ):
        vals = super()._generate_move_vals(
            write_off_line_vals=write_off_line_vals,
            force_balance=force_balance,
            line_ids=line_ids,
        )
        if self.cae_activity_id:
            vals["cae_activity_id"] = self.cae_activity_id.id
        return vals

    def write(self, vals):
        res = super().write(vals)
        if "cae_activity_id" in vals:
            for payment in self.filtered("move_id"):
                payment.move_id.cae_activity_id = payment.cae_activity_id
        return res

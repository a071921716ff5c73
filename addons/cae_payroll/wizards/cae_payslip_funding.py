# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

DECISIONS = [
    ("reduce", "Reduce the variable part"),
    ("accept", "Accept a negative balance"),
]


class CaePayslipFunding(models.TransientModel):
    """Staff decision on payslips their activity cannot fund."""

    _name = "cae.payslip.funding"
    _description = "Funding decision on payslips"

    payslip_ids = fields.Many2many(
        comodel_name="hr.payslip",
        string="Payslips",
        default=lambda self: self._default_payslip_ids(),
    )
    decision = fields.Selection(
        selection=DECISIONS,
        required=True,
        default="reduce",
    )
    reason = fields.Text(
        help="Why the cooperative accepts that the activity's balance goes "
        "negative; kept in the payslip's history.",
    )
    missing_amount = fields.Monetary(
        string="Missing",
        compute="_compute_missing_amount",
        currency_field="currency_id",
    )
    currency_id = fields.Many2one(
        comodel_name="res.currency",
        compute="_compute_missing_amount",
    )

    def _default_payslip_ids(self):
        if self.env.context.get("active_model") != "hr.payslip":
            return self.env["hr.payslip"]
        return self.env["hr.payslip"].browse(self.env.context.get("active_ids"))

    # Without its dependencies the amount was computed before the payslips
    # were set, and the dialog showed "Missing 0.00" next to its lines.
    @api.depends("payslip_ids", "payslip_ids.cae_missing_amount")
    def _compute_missing_amount(self):
        for wizard in self:
            wizard.missing_amount = sum(wizard.payslip_ids.mapped("cae_missing_amount"))
            wizard.currency_id = (
                wizard.payslip_ids.company_id[:1] or self.env.company
            ).currency_id

    def action_apply(self):
        self.ensure_one()
        payslips = self.payslip_ids.filtered(
            lambda p: p.cae_funding_state == "unfunded"
        )
        if not payslips:
            raise UserError(
                self.env._("None of these payslips waits for a funding decision.")
            )
        if self.decision == "accept":
            payslips._cae_accept_negative_balance(self.reason)
        else:
            payslips._cae_reduce_variable_part()
        return {"type": "ir.actions.act_window_close"}

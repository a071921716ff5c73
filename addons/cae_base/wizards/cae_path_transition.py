# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.cae_path_step import STAGES


class CaePathTransition(models.TransientModel):
    """Collect the facts of a change of stage, then call the entrepreneur."""

    _name = "cae.path.transition"
    _description = "Change of stage in the entrepreneur path"
    _inherit = ["cae.stage.label.mixin"]
    _cae_stage_fields = ("stage", "current_stage")

    entrepreneur_id = fields.Many2one(
        comodel_name="cae.entrepreneur",
        required=True,
        ondelete="cascade",
    )
    current_stage = fields.Selection(related="entrepreneur_id.stage")
    stage = fields.Selection(selection=STAGES, string="New stage", required=True)
    backward = fields.Boolean(string="Going back")
    date = fields.Date(required=True, default=fields.Date.context_today)
    has_open_cape = fields.Boolean(compute="_compute_has_open_cape")
    cape_date_end = fields.Date(
        string="End of the CAPE",
        compute="_compute_cape_date_end",
        store=True,
        readonly=False,
        help="Last day of the support contract; the CESA starts after it.",
    )
    trial_period_months = fields.Integer(string="Trial period (months)", default=2)
    exit_reason_id = fields.Many2one(comodel_name="cae.exit.reason")
    reason = fields.Text()

    @api.depends("entrepreneur_id", "stage")
    def _compute_has_open_cape(self):
        for wizard in self:
            capes = wizard.entrepreneur_id.path_step_ids.filtered(
                lambda s: s.stage == "cape"
            )
            wizard.has_open_cape = bool(
                wizard.stage == "cesa"
                and capes
                and not capes.sorted("date_start")[-1].date_end
            )

    @api.depends("has_open_cape", "date")
    def _compute_cape_date_end(self):
        # Proposed: the day before the CESA starts.
        for wizard in self:
            wizard.cape_date_end = (
                fields.Date.subtract(wizard.date, days=1)
                if wizard.has_open_cape and wizard.date
                else False
            )

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        # Only who may change the entrepreneur prepares a change of stage.
        wizards.entrepreneur_id.check_access("write")
        return wizards

    def action_confirm(self):
        self.ensure_one()
        self.entrepreneur_id._do_transition(
            self.stage,
            self.date,
            cape_date_end=self.cape_date_end,
            trial_period_months=self.trial_period_months,
            exit_reason=self.exit_reason_id,
            reason=self.reason,
        )
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.cae_path_step import STAGES

# Trial period proposed for a CESA when the law leaves that much.
DEFAULT_TRIAL_MONTHS = 2


class CaePathTransition(models.TransientModel):
    """Collect the facts of a change of stage, then call the entrepreneur.

    Signing a CAPE, it proposes its planned end (the longest term the rules
    allow); signing a CESA, the end of the CAPE (the day before, or the
    very day when the CAPE began that day) and a trial period within what
    L7332-1 leaves after the earlier contracts.
    """

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
    has_open_cape = fields.Boolean(
        compute="_compute_has_open_cape",
        help="A CAPE the change of stage ends: its last day is asked.",
    )
    cape_date_end = fields.Date(
        string="End of the CAPE",
        compute="_compute_cape_date_end",
        store=True,
        readonly=False,
        help="Last day of the support contract. Signing it: its planned end. "
        "Before a CESA: the CESA may start the day after it, or on that very "
        "day (the CAPE then ends when the CESA is signed).",
    )
    trial_period_months = fields.Integer(
        string="Trial period (months)",
        compute="_compute_trial_period",
        store=True,
        readonly=False,
    )
    trial_period_latest_end = fields.Date(
        string="Trial period until at the latest",
        compute="_compute_trial_period_latest_end",
        help="The longest trial period of the rules (8 months, L7332-1), less "
        "the time under the CAPE and the other contracts concluded before.",
    )
    trial_period_exhausted = fields.Boolean(
        compute="_compute_trial_period_latest_end",
        help="The earlier contracts used up the whole trial period.",
    )
    exit_reason_id = fields.Many2one(comodel_name="cae.exit.reason")
    reason = fields.Text()

    @api.depends("entrepreneur_id", "stage")
    def _compute_has_open_cape(self):
        for wizard in self:
            wizard.has_open_cape = (
                wizard.stage == "cesa" and wizard.current_stage == "cape"
            )

    @api.depends("stage", "has_open_cape", "date")
    def _compute_cape_date_end(self):
        for wizard in self:
            entrepreneur, date = wizard.entrepreneur_id, wizard.date
            if not (date and entrepreneur):
                wizard.cape_date_end = False
            elif wizard.stage == "cape":
                wizard.cape_date_end = entrepreneur._default_test_contract_end(date)
            elif wizard.has_open_cape:
                wizard.cape_date_end = entrepreneur._default_cape_end_before_cesa(date)
            else:
                wizard.cape_date_end = False

    def _trial_period_allowance(self):
        """``(maximum, latest_end, months)`` of L7332-1 for this CESA."""
        self.ensure_one()
        entrepreneur, date = self.entrepreneur_id, self.date
        if self.stage != "cesa" or not (date and entrepreneur):
            return None, None, None
        capes = entrepreneur.path_step_ids.filtered(lambda s: s.stage == "cape")
        last_cape = capes.sorted("date_start")[-1:]
        cape_ends = (
            {last_cape: self.cape_date_end} if last_cape and self.cape_date_end else {}
        )
        return entrepreneur._trial_period_allowance(
            date, entrepreneur._contract_periods(cape_ends)
        )

    @api.depends("stage", "date", "cape_date_end")
    def _compute_trial_period(self):
        for wizard in self:
            maximum, _latest_end, months = wizard._trial_period_allowance()
            if wizard.stage != "cesa":
                wizard.trial_period_months = 0
            elif maximum is None:
                wizard.trial_period_months = DEFAULT_TRIAL_MONTHS
            else:
                wizard.trial_period_months = min(DEFAULT_TRIAL_MONTHS, months)

    @api.depends("stage", "date", "cape_date_end")
    def _compute_trial_period_latest_end(self):
        for wizard in self:
            maximum, latest_end, _months = wizard._trial_period_allowance()
            wizard.trial_period_exhausted = bool(
                maximum is not None and latest_end < wizard.date
            )
            wizard.trial_period_latest_end = (
                latest_end
                if maximum is not None and not wizard.trial_period_exhausted
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

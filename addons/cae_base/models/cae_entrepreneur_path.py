# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .cae_path_step import CONTRACT_STAGES, STAGE_RANK, STAGES


class CaeEntrepreneur(models.Model):
    """The path of an entrepreneur: its stages, their history, the deadlines.

    The path (candidate, CAPE, CESA, associate, exit) is the dated history
    ``path_step_ids``; the stage and its dates are computed from it. It
    changes only through :meth:`_do_transition` (called by the transition
    wizard), which checks the rules of the path before writing anything;
    the legal deadlines derive from the history.
    """

    _name = "cae.entrepreneur"
    _inherit = "cae.entrepreneur"

    # The path
    path_step_ids = fields.One2many(
        comodel_name="cae.path.step",
        inverse_name="entrepreneur_id",
        string="Path",
    )
    stage = fields.Selection(
        selection=STAGES,
        compute="_compute_path",
        store=True,
        index=True,
        tracking=True,
        group_expand="_group_expand_stage",
    )
    stage_date = fields.Date(
        string="In this stage since",
        compute="_compute_path",
        store=True,
    )
    info_meeting_date = fields.Date(string="Information meeting")
    welcome_interview_date = fields.Date(string="Welcome interview")
    cape_date_start = fields.Date(
        string="CAPE start", compute="_compute_path", store=True
    )
    cape_date_end = fields.Date(string="CAPE end", compute="_compute_path", store=True)
    cesa_date_start = fields.Date(
        string="CESA start", compute="_compute_path", store=True
    )
    associate_date = fields.Date(
        string="Associate since", compute="_compute_path", store=True
    )
    exit_date = fields.Date(compute="_compute_path", store=True)
    exit_reason_id = fields.Many2one(
        comodel_name="cae.exit.reason",
        compute="_compute_path",
        store=True,
    )

    # Legal deadlines (DESIGN.md §2)
    first_contract_date = fields.Date(
        compute="_compute_path",
        store=True,
        help="First CAPE or CESA signature: starts the countdown to becoming an "
        "associate (L7331-3).",
    )
    associate_deadline = fields.Date(
        compute="_compute_associate_deadline",
        store=True,
        index=True,
        help="Date by which the entrepreneur must have become an associate: "
        "3 years from the first CAPE or CESA signature (L7331-3).",
    )
    associate_deadline_met = fields.Boolean(
        compute="_compute_associate_deadline",
        store=True,
    )
    trial_end_date = fields.Date(
        string="End of trial period",
        compute="_compute_path",
        store=True,
        help="End of the CESA trial period (at most 8 months, L7332-1).",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends(
        "path_step_ids.stage",
        "path_step_ids.date_start",
        "path_step_ids.date_end",
        "path_step_ids.trial_period_months",
        "path_step_ids.exit_reason_id",
    )
    def _compute_path(self):
        for entrepreneur in self:
            steps = entrepreneur._sorted_steps()
            current = steps[-1:] if steps else steps
            entrepreneur.stage = current.stage or "candidate"
            entrepreneur.stage_date = current.date_start
            capes = steps.filtered(lambda s: s.stage == "cape")
            cesas = steps.filtered(lambda s: s.stage == "cesa")
            associates = steps.filtered(lambda s: s.stage == "associate")
            exits = steps.filtered(lambda s: s.stage == "exit")
            entrepreneur.cape_date_start = capes[:1].date_start
            entrepreneur.cape_date_end = capes[-1:].date_end
            entrepreneur.cesa_date_start = cesas[-1:].date_start
            entrepreneur.associate_date = associates[:1].date_start
            entrepreneur.exit_date = (
                current.date_start if current.stage == "exit" else False
            )
            entrepreneur.exit_reason_id = exits[-1:].exit_reason_id
            contracts = steps.filtered(lambda s: s.stage in CONTRACT_STAGES)
            entrepreneur.first_contract_date = contracts[:1].date_start
            last_cesa = cesas[-1:]
            entrepreneur.trial_end_date = (
                last_cesa.date_start
                + relativedelta(months=last_cesa.trial_period_months)
                - timedelta(days=1)
                if last_cesa and last_cesa.trial_period_months
                else False
            )

    @api.depends(
        "first_contract_date",
        "associate_date",
        "company_id.cae_rule_set_id.associate_deadline_months",
        "company_id.cae_rule_set_id.associate_deadline_parameter_id",
        "company_id.cae_rule_set_id.test_contract_counts_in_deadline",
    )
    def _compute_associate_deadline(self):
        RuleSet = self.env["cae.rule.set"]
        for company, entrepreneurs in self.grouped("company_id").items():
            # The rules in force at the first signature set the deadline (the
            # company's rule set, else the law); none before the law existed.
            months_at = RuleSet._figure_getter("associate_deadline", company)
            rule_set = company.sudo().cae_rule_set_id
            counts_test = not rule_set or rule_set.test_contract_counts_in_deadline
            for entrepreneur in entrepreneurs:
                start = entrepreneur.first_contract_date
                if not counts_test:
                    cesas = entrepreneur.path_step_ids.filtered(
                        lambda s: s.stage == "cesa"
                    )
                    start = min(cesas.mapped("date_start"), default=False)
                months = months_at(start) if start else None
                deadline = (
                    start + relativedelta(months=int(months))
                    if months is not None
                    else False
                )
                entrepreneur.associate_deadline = deadline
                entrepreneur.associate_deadline_met = bool(
                    deadline
                    and entrepreneur.associate_date
                    and entrepreneur.associate_date <= deadline
                )

    @api.model
    def _group_expand_stage(self, stages, domain):
        return [code for code, _label in STAGES]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _action_transition(self, stage):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change of stage"),
            "res_model": "cae.path.transition",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_entrepreneur_id": self.id,
                "default_stage": stage,
            },
        }

    def action_start_cape(self):
        return self._action_transition("cape")

    def action_start_cesa(self):
        return self._action_transition("cesa")

    def action_become_associate(self):
        return self._action_transition("associate")

    def action_exit(self):
        return self._action_transition("exit")

    def action_go_back(self):
        action = self._action_transition(False)
        action["context"]["default_backward"] = True
        return action

    # ------------------------------------------------------------------
    # The path
    # ------------------------------------------------------------------
    def _sorted_steps(self):
        self.ensure_one()
        return self.path_step_ids.sorted(lambda s: (s.date_start, s.id or 0))

    def _check_can_transition(
        self,
        stage,
        date,
        *,
        cape_date_end=None,
        trial_period_months=0,
        exit_reason=None,
        reason=None,
    ):
        """Raise a clear error if the path cannot move to ``stage`` on ``date``.

        Nothing is written here, so that a refused change leaves the
        entrepreneur exactly as they were.
        """
        self.ensure_one()
        _ = self.env._
        if not date:
            raise UserError(_("Give the date of the change of stage."))
        current = self._sorted_steps()[-1:]
        if stage == self.stage:
            raise UserError(
                _(
                    "%(name)s is already at the %(stage)s stage.",
                    name=self.name,
                    stage=current._stage_label() if current else stage,
                )
            )
        if current and date < current.date_start:
            raise UserError(
                _(
                    "The change of stage (%(date)s) cannot be dated before the "
                    "start of the current stage (%(start)s).",
                    date=date,
                    start=current.date_start,
                )
            )
        backward = STAGE_RANK[stage] < STAGE_RANK[self.stage]
        if backward and not (reason or "").strip():
            raise UserError(
                _(
                    "Going back in the path of %(name)s needs a reason.",
                    name=self.name,
                )
            )
        if stage == "cesa":
            self.env["cae.path.step"]._check_trial_period_months(
                trial_period_months, date, self.company_id
            )
            capes = self.path_step_ids.filtered(lambda s: s.stage == "cape")
            last_cape = capes.sorted("date_start")[-1:]
            if last_cape:
                cape_end = cape_date_end or last_cape.date_end
                if not cape_end:
                    raise UserError(
                        _(
                            "Give the end date of the CAPE of %(name)s before "
                            "signing a CESA.",
                            name=self.name,
                        )
                    )
                if cape_end >= date:
                    raise UserError(
                        _(
                            "A CESA cannot start before the CAPE ends: the CAPE "
                            "of %(name)s ends on %(end)s, the CESA would start on "
                            "%(start)s.",
                            name=self.name,
                            end=cape_end,
                            start=date,
                        )
                    )
                if cape_end < last_cape.date_start:
                    raise UserError(
                        _(
                            "The CAPE cannot end (%(end)s) before it starts "
                            "(%(start)s).",
                            end=cape_end,
                            start=last_cape.date_start,
                        )
                    )
                self._check_test_contract_end(last_cape.date_start, cape_end)
        if stage == "associate" and not self.path_step_ids.filtered(
            lambda s: s.stage in CONTRACT_STAGES
        ):
            raise UserError(
                _(
                    "%(name)s cannot become an associate without a CAPE or a "
                    "CESA in their path.",
                    name=self.name,
                )
            )
        if stage == "exit" and not exit_reason:
            raise UserError(
                _(
                    "Give the reason why %(name)s leaves the cooperative.",
                    name=self.name,
                )
            )

    def _check_test_contract_end(self, start, end):
        """Refuse a test contract (CAPE) longer than the rules allow."""
        self.ensure_one()
        RuleSet = self.env["cae.rule.set"]
        months = RuleSet._figure_getter("test_contract_max", self.company_id)(start)
        if not months:
            return
        latest = start + relativedelta(months=int(months)) - timedelta(days=1)
        if end > latest:
            raise UserError(
                self.env._(
                    "The %(contract)s of %(name)s lasts at most %(months)s months: "
                    "started on %(start)s, it ends on %(latest)s at the latest, "
                    "not on %(end)s.",
                    contract=RuleSet._test_contract_label(self.company_id),
                    name=self.name,
                    months=int(months),
                    start=start,
                    latest=latest,
                    end=end,
                )
            )

    def _do_transition(
        self,
        stage,
        date,
        *,
        cape_date_end=None,
        trial_period_months=0,
        exit_reason=None,
        reason=None,
    ):
        """Move the entrepreneur to ``stage`` on ``date`` and log it."""
        self.ensure_one()
        self._check_can_transition(
            stage,
            date,
            cape_date_end=cape_date_end,
            trial_period_months=trial_period_months,
            exit_reason=exit_reason,
            reason=reason,
        )
        previous_stage = self.stage
        current = self._sorted_steps()[-1:]
        if current.stage == "cape" and stage == "cesa":
            current.date_end = cape_date_end or current.date_end
        elif current and (not current.date_end or current.date_end >= date):
            # A stage left on the day it started lasted that single day.
            current.date_end = max(date - timedelta(days=1), current.date_start)
        elif stage == "cesa" and cape_date_end:
            # CESA signed after the CAPE already closed: record its real end.
            last_cape = self.path_step_ids.filtered(lambda s: s.stage == "cape")
            last_cape.sorted("date_start")[-1:].date_end = cape_date_end
        backward = STAGE_RANK[stage] < STAGE_RANK[previous_stage]
        self.env["cae.path.step"].create(
            {
                "entrepreneur_id": self.id,
                "stage": stage,
                "date_start": date,
                "trial_period_months": trial_period_months if stage == "cesa" else 0,
                "exit_reason_id": exit_reason.id if exit_reason else False,
                "reason": reason,
                "is_backward": backward,
            }
        )
        if stage == "cesa":
            self._ensure_employee()
        self._post_transition_message(previous_stage, date, exit_reason, reason)
        return True

    def _post_transition_message(self, previous_stage, date, exit_reason, reason):
        labels = dict(
            self.env["cae.rule.set"]._stage_labels(
                self._fields["stage"]._description_selection(self.env),
                self.company_id,
            )
        )
        body = Markup("<p>%s</p>") % self.env._(
            "Path: %(old)s → %(new)s on %(date)s.",
            old=labels[previous_stage],
            new=labels[self.stage],
            date=fields.Date.to_string(date),
        )
        if exit_reason:
            body += Markup("<p>%s</p>") % self.env._(
                "Exit reason: %(reason)s", reason=exit_reason.name
            )
        if reason:
            body += Markup("<p>%s</p>") % self.env._(
                "Reason: %(reason)s", reason=reason
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")

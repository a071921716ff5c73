# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from ..tools.path_calc import (
    ONE_DAY,
    Period,
    last_day,
    reduced_limit,
    whole_months_until,
)
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

    prior_contract_ids = fields.One2many(
        comodel_name="cae.prior.contract",
        inverse_name="entrepreneur_id",
        string="Other contracts with the cooperative",
        help="Contracts other than the CAPE and the CESA concluded with the "
        "cooperative (fixed-term contract, internship...): like a CAPE, their "
        "duration shortens the associate deadline and the trial period "
        "(L7331-3, L7332-1).",
    )
    cape_renewal_count = fields.Integer(
        string="Renewals of the CAPE",
        compute="_compute_cape_renewal_count",
    )

    # Legal deadlines (docs/entrepreneur-path.md)
    first_contract_date = fields.Date(
        compute="_compute_path",
        store=True,
        help="First CAPE or CESA: the entry into the cooperative.",
    )
    associate_deadline = fields.Date(
        compute="_compute_associate_deadline",
        store=True,
        index=True,
        help="Date by which the salaried entrepreneur must have become an "
        "associate: 3 years from the conclusion of the CESA, less the "
        "duration of the CAPE or of any other contract concluded before "
        "between the parties (L7331-3). None during a CAPE alone.",
    )
    associate_deadline_met = fields.Boolean(
        compute="_compute_associate_deadline",
        store=True,
    )
    trial_end_date = fields.Date(
        string="End of trial period",
        compute="_compute_path",
        store=True,
        help="End of the CESA trial period: 8 months at most, renewal "
        "included, less the duration of the CAPE or of any other contract "
        "concluded before (L7332-1).",
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
                last_day(last_cesa.date_start, last_cesa.trial_period_months)
                if last_cesa and last_cesa.trial_period_months
                else False
            )

    @api.depends(
        "path_step_ids.stage",
        "path_step_ids.date_start",
        "path_step_ids.date_end",
        "prior_contract_ids.date_start",
        "prior_contract_ids.date_end",
        "associate_date",
        "company_id.cae_rule_set_id.associate_deadline_months",
        "company_id.cae_rule_set_id.associate_deadline_parameter_id",
        "company_id.cae_rule_set_id.test_contract_counts_in_deadline",
    )
    def _compute_associate_deadline(self):
        """L7331-3: 3 years from the conclusion of the (last) CESA, less the
        time under the CAPE or any other contract concluded before; none
        without a CESA. See ``path_calc.reduced_limit``."""
        RuleSet = self.env["cae.rule.set"]
        for company, entrepreneurs in self.grouped("company_id").items():
            # The rules in force when the CESA is concluded set the deadline
            # (the company's rule set, else the law).
            months_at = RuleSet._figure_getter("associate_deadline", company)
            counts = RuleSet._earlier_contracts_count(company)
            for entrepreneur in entrepreneurs:
                cesa = entrepreneur._sorted_steps().filtered(
                    lambda s: s.stage == "cesa"
                )[-1:]
                months = months_at(cesa.date_start) if cesa else None
                deadline = False
                if months is not None:
                    earlier = entrepreneur._contract_periods() if counts else []
                    deadline = reduced_limit(cesa.date_start, int(months), earlier)
                entrepreneur.associate_deadline = deadline
                entrepreneur.associate_deadline_met = bool(
                    deadline
                    and entrepreneur.associate_date
                    and entrepreneur.associate_date <= deadline
                )

    @api.depends("path_step_ids.renewal_ids")
    def _compute_cape_renewal_count(self):
        for entrepreneur in self:
            capes = entrepreneur.path_step_ids.filtered(lambda s: s.stage == "cape")
            entrepreneur.cape_renewal_count = len(
                capes.sorted("date_start")[-1:].renewal_ids
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

    def action_renew_test_contract(self):
        """Open the renewal of the current CAPE in a dialog."""
        self.ensure_one()
        step = self._sorted_steps()[-1:]
        step._check_can_renew()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Renew the %(contract)s",
                contract=self.env["cae.rule.set"]._test_contract_label(self.company_id),
            ),
            "res_model": "cae.path.renewal",
            "view_mode": "form",
            "target": "new",
            "context": {"default_step_id": step.id},
        }

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

    def _contract_periods(self, cape_ends=None):
        """The contracts between the entrepreneur and the cooperative.

        A list of ``path_calc.Period``: each CAPE to its last day, each CESA
        to the day before the exit or the return to an earlier stage
        (becoming an associate does not end it) and the other contracts
        recorded. ``cape_ends`` (``{step: end}``) replaces the end of CAPE
        steps, to check a change before writing it.
        """
        self.ensure_one()
        cape_ends = cape_ends or {}
        steps = self._sorted_steps()
        periods = []
        for index, step in enumerate(steps):
            if step.stage not in CONTRACT_STAGES:
                continue
            later = steps[index + 1 :]
            if step.stage == "cape":
                end = cape_ends.get(step, step.date_end)
                if not end and later:
                    end = max(later[0].date_start - ONE_DAY, step.date_start)
            else:
                enders = later.filtered(lambda s: s.stage != "associate")
                end = (
                    max(enders[0].date_start - ONE_DAY, step.date_start)
                    if enders
                    else None
                )
            periods.append(Period(step.date_start, end or None))
        periods += [
            Period(contract.date_start, contract.date_end or None)
            for contract in self.prior_contract_ids
        ]
        return periods

    def _trial_period_allowance(self, start, periods):
        """``(maximum, latest_end, months)`` of the trial of a CESA on ``start``.

        L7332-1: the maximum of the rules (8 months), less the time under
        the contracts concluded before (``periods``); ``latest_end`` is its
        last day, ``months`` the most whole months that fit. ``(None, None,
        None)``: no maximum.
        """
        self.ensure_one()
        RuleSet = self.env["cae.rule.set"]
        maximum = RuleSet._figure_getter("trial_period_max", self.company_id)(start)
        if maximum is None:
            return None, None, None
        maximum = int(maximum)
        earlier = periods if RuleSet._earlier_contracts_count(self.company_id) else []
        limit = reduced_limit(start, maximum, earlier)
        return maximum, limit - ONE_DAY, whole_months_until(start, limit, maximum)

    def _check_trial_period(self, start, months, periods):
        """Refuse a trial period longer than L7332-1 allows (see above)."""
        self.ensure_one()
        _ = self.env._
        if months < 0:
            raise ValidationError(
                _(
                    "The trial period of a CESA cannot be negative (%(months)s "
                    "months).",
                    months=months,
                )
            )
        maximum, latest_end, allowed = self._trial_period_allowance(start, periods)
        if maximum is None:
            return
        if months > maximum:
            raise ValidationError(
                _(
                    "The trial period of a CESA lasts at most %(max)s months "
                    "(L7332-1); %(months)s months were given.",
                    max=maximum,
                    months=months,
                )
            )
        if months > allowed and latest_end < start:
            raise ValidationError(
                _(
                    "The CESA of %(name)s can have no trial period: the CAPE and "
                    "the other contracts concluded before used up the %(max)s "
                    "months of L7332-1 (%(months)s months given).",
                    name=self.name,
                    max=maximum,
                    months=months,
                )
            )
        if months > allowed:
            raise ValidationError(
                _(
                    "The trial period of the CESA of %(name)s can last %(allowed)s "
                    "month(s) at most, not %(months)s: the %(max)s months of "
                    "L7332-1 less the time under the CAPE or the other contracts "
                    "concluded before leave a trial until %(latest)s at the "
                    "latest.",
                    name=self.name,
                    allowed=allowed,
                    months=months,
                    max=maximum,
                    latest=format_date(self.env, latest_end),
                )
            )

    def _default_test_contract_end(self, start):
        """Planned last day of a test contract signed on ``start``: the
        longest the rules allow (France: 12 months), none without a limit."""
        self.ensure_one()
        RuleSet = self.env["cae.rule.set"]
        for figure in ("test_contract_term", "test_contract_max"):
            months = RuleSet._figure_getter(figure, self.company_id)(start)
            if months:
                return last_day(start, int(months))
        return False

    def _check_test_contract(self, start, end, renewals):
        """Refuse a test contract (CAPE) the rules do not allow.

        ``start`` and ``end`` are its first and last days, ``renewals`` the
        ``(start, end)`` of its renewals. Each term (the contract as signed,
        then each renewal) lasts at most the longest term, there are at most
        so many renewals and the whole at most the maximum in total (France:
        12 months renewable twice, Code de commerce L127-2; Belgium: 18
        months in all).
        """
        self.ensure_one()
        _ = self.env._
        RuleSet = self.env["cae.rule.set"]
        company = self.company_id
        contract = RuleSet._test_contract_label(company)
        renewals = sorted(renewals)
        terms = [(start, renewals[0][0] - ONE_DAY if renewals else end)] + renewals
        for term_start, term_end in terms:
            if term_end and term_end < term_start:
                raise ValidationError(
                    _(
                        "The %(contract)s of %(name)s cannot end (%(end)s) before "
                        "it starts (%(start)s).",
                        contract=contract,
                        name=self.name,
                        end=format_date(self.env, term_end),
                        start=format_date(self.env, term_start),
                    )
                )
        term = RuleSet._figure_getter("test_contract_term", company)(start)
        for term_start, term_end in terms if term else []:
            latest = last_day(term_start, int(term))
            if term_end and term_end > latest:
                raise ValidationError(
                    _(
                        "The %(contract)s of %(name)s and each of its renewals "
                        "last %(months)s months at most: the term from %(start)s "
                        "ends on %(latest)s at the latest, not on %(end)s.",
                        contract=contract,
                        name=self.name,
                        months=int(term),
                        start=format_date(self.env, term_start),
                        latest=format_date(self.env, latest),
                        end=format_date(self.env, term_end),
                    )
                )
        most = RuleSet._figure_getter("test_contract_renewals", company)(start)
        if most is not None and len(renewals) > most:
            raise ValidationError(
                _(
                    "The %(contract)s of %(name)s can be renewed %(max)s time(s) "
                    "at most.",
                    contract=contract,
                    name=self.name,
                    max=int(most),
                )
            )
        months = RuleSet._figure_getter("test_contract_max", company)(start)
        last = max([end] + [r_end for _r, r_end in renewals], default=None)
        if months and last and last > last_day(start, int(months)):
            raise ValidationError(
                _(
                    "The %(contract)s of %(name)s lasts at most %(months)s months: "
                    "started on %(start)s, it ends on %(latest)s at the latest, "
                    "not on %(end)s.",
                    contract=contract,
                    name=self.name,
                    months=int(months),
                    start=format_date(self.env, start),
                    latest=format_date(self.env, last_day(start, int(months))),
                    end=format_date(self.env, last),
                )
            )

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

        A CESA may start on the day after the last day of the CAPE, later
        (a gap, which does not count as time under contract), or on the
        CAPE's last day itself: the CAPE then ends on the day the CESA is
        signed, and that day counts once, for the CESA. It may not start
        while the CAPE goes on after it: end the CAPE that day at the latest.
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
                    date=format_date(self.env, date),
                    start=format_date(self.env, current.date_start),
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
        if stage == "cape":
            end = cape_date_end or self._default_test_contract_end(date)
            self._check_test_contract(date, end, [])
        if stage == "cesa":
            self._check_cesa_after_cape(date, cape_date_end, trial_period_months)
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

    def _default_cape_end_before_cesa(self, date):
        """Last day of the CAPE before a CESA signed on ``date``.

        Its planned end if it comes before; else the CAPE is brought to an
        end the day before the CESA, or on its very day when the CAPE began
        that day. ``None`` without a CAPE.
        """
        self.ensure_one()
        capes = self.path_step_ids.filtered(lambda s: s.stage == "cape")
        last_cape = capes.sorted("date_start")[-1:]
        if not last_cape:
            return None
        planned = last_cape.date_end
        if planned and planned < date:
            return planned
        return max(date - ONE_DAY, last_cape.date_start)

    def _check_cesa_after_cape(self, date, cape_date_end, trial_period_months):
        """The CAPE's end and the trial period of a CESA signed on ``date``."""
        _ = self.env._
        capes = self.path_step_ids.filtered(lambda s: s.stage == "cape")
        last_cape = capes.sorted("date_start")[-1:]
        cape_ends = {}
        if last_cape:
            cape_end = cape_date_end or self._default_cape_end_before_cesa(date)
            if cape_end > date:
                raise UserError(
                    _(
                        "A CESA cannot start while the CAPE goes on: the CAPE of "
                        "%(name)s ends on %(end)s, the CESA would start on "
                        "%(start)s. End the CAPE on %(start)s at the latest.",
                        name=self.name,
                        end=format_date(self.env, cape_end),
                        start=format_date(self.env, date),
                    )
                )
            self._check_test_contract(
                last_cape.date_start,
                cape_end,
                [(r.date_start, r.date_end) for r in last_cape.renewal_ids],
            )
            cape_ends[last_cape] = cape_end
        self._check_trial_period(
            date, trial_period_months, self._contract_periods(cape_ends)
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
        """Move the entrepreneur to ``stage`` on ``date`` and log it.

        ``cape_date_end``: signing a CAPE, its planned last day (by default
        the longest the rules allow); signing a CESA, the last day of the
        CAPE before it.
        """
        self.ensure_one()
        if stage == "cesa" and date and not cape_date_end:
            cape_date_end = self._default_cape_end_before_cesa(date)
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
            current.date_end = max(date - ONE_DAY, current.date_start)
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
                "date_end": (cape_date_end or self._default_test_contract_end(date))
                if stage == "cape"
                else False,
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
            date=format_date(self.env, date),
        )
        if self.stage == "cape" and self.cape_date_end:
            body += Markup("<p>%s</p>") % self.env._(
                "Contract until %(end)s.", end=format_date(self.env, self.cape_date_end)
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

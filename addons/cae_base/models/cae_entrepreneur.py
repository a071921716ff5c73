# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .cae_path_step import CONTRACT_STAGES, STAGE_RANK, STAGES

# Stages during which the follow-up meetings of décret 2015-1363 are due.
FOLLOWED_STAGES = ("cape", "cesa", "associate")


class CaeEntrepreneur(models.Model):
    """A person who runs an activity inside the cooperative.

    The person is a contact (``partner_id``); a user (internal or portal) and
    an employee are optional. Their activity is a ``cae.activity``, hence an
    analytic account, created with them. Their path (candidate, CAPE, CESA,
    associate, exit) is the dated history ``path_step_ids``, changed only
    through :meth:`_do_transition`; the legal deadlines derive from it.
    """

    _name = "cae.entrepreneur"
    _description = "Entrepreneur"
    _inherit = ["cae.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    # Workflow guard (cae.workflow.mixin): the path moves through its
    # transitions only; the reference comes from the sequence.
    _cae_workflow_state_field = None
    _cae_workflow_fields = frozenset(
        {"stage", "stage_date", "reference", "path_step_ids"}
    )
    _cae_workflow_extra_steps = ("_do_transition", "create")
    _cae_workflow_initial_values = {"reference": ("/",)}
    _order = "name, id"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    reference = fields.Char(readonly=True, copy=False, index=True, default="/")
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Contact",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        tracking=True,
    )
    name = fields.Char(
        related="partner_id.name",
        store=True,
        readonly=False,
        index=True,
    )
    email = fields.Char(related="partner_id.email", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    avatar_128 = fields.Image(related="partner_id.avatar_128")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="User",
        index=True,
        copy=False,
        tracking=True,
        help="Internal user (CAE Entrepreneur group) or portal user of the "
        "entrepreneur.",
    )
    employee_id = fields.Many2one(
        comodel_name="hr.employee",
        string="Employee",
        copy=False,
        check_company=True,
        tracking=True,
    )
    advisor_id = fields.Many2one(
        comodel_name="res.users",
        string="Advisor",
        index=True,
        tracking=True,
        default=lambda self: self._default_advisor_id(),
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("cae_base.group_cae_advisor").id)
        ],
        help="Support staff member who follows this entrepreneur.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    trade_id = fields.Many2one(comodel_name="cae.trade", tracking=True)
    activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity",
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
        help="Created with the entrepreneur, named after the business.",
    )
    analytic_account_id = fields.Many2one(
        related="activity_id.analytic_account_id",
        store=True,
        index=True,
    )
    business_name = fields.Char(
        help="Name of the activity, e.g. 'Atelier Bois Martin'. Used to name "
        "the activity and its analytic account.",
    )
    active = fields.Boolean(default=True)
    color = fields.Integer()
    note = fields.Html()

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

    # Follow-up (décret 2015-1363: two individual meetings a year at least)
    followup_ids = fields.One2many(
        comodel_name="cae.followup",
        inverse_name="entrepreneur_id",
        string="Follow-up meetings",
    )
    followup_count = fields.Integer(
        string="Follow-ups this year",
        compute="_compute_followup_count",
    )
    last_followup_date = fields.Date(compute="_compute_followup_count")

    # Alerts, kept up to date by the daily scheduled action.
    deadline_alert = fields.Boolean(
        string="Associate deadline soon",
        compute="_compute_alerts",
        store=True,
        help="Not yet an associate and the deadline is less than the alert "
        "window away (6 months by default) or passed.",
    )
    followup_alert = fields.Boolean(
        string="Follow-ups missing",
        compute="_compute_alerts",
        store=True,
        help="Fewer follow-up meetings this year than the legal minimum.",
    )

    # Documents
    invoice_count = fields.Integer(compute="_compute_document_counts")
    bill_count = fields.Integer(compute="_compute_document_counts")
    expense_count = fields.Integer(compute="_compute_document_counts")

    _sql_constraints = [
        (
            "user_company_unique",
            "unique(user_id, company_id)",
            "A user can be linked to only one entrepreneur per company.",
        ),
    ]

    # ------------------------------------------------------------------
    # Defaults
    # ------------------------------------------------------------------
    @api.model
    def _default_advisor_id(self):
        # An advisor creating an entrepreneur follows them (and so sees them).
        user = self.env.user
        if user.has_group("cae_base.group_cae_advisor") and not user.has_group(
            "cae_base.group_cae_accountant"
        ):
            return user
        return False

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

    @api.depends("followup_ids.date")
    def _compute_followup_count(self):
        year_start = fields.Date.context_today(self).replace(month=1, day=1)
        for entrepreneur in self:
            dates = entrepreneur.followup_ids.mapped("date")
            entrepreneur.followup_count = len([d for d in dates if d >= year_start])
            entrepreneur.last_followup_date = max(dates, default=False)

    @api.depends(
        "stage",
        "associate_deadline",
        "followup_ids.date",
        "company_id.cae_rule_set_id",
    )
    def _compute_alerts(self):
        today = fields.Date.context_today(self)
        year_start = today.replace(month=1, day=1)
        RuleSet = self.env["cae.rule.set"]
        for company, entrepreneurs in self.grouped("company_id").items():
            # No alert window in the rules: alert once the deadline passed; no
            # minimum of follow-ups: no follow-up alert.
            window = RuleSet._figure_getter("deadline_alert", company)(today) or 0
            minimum = RuleSet._figure_getter("followups_min", company)(today) or 0
            horizon = today + relativedelta(months=int(window))
            for entrepreneur in entrepreneurs:
                deadline = entrepreneur.associate_deadline
                entrepreneur.deadline_alert = bool(
                    entrepreneur.stage in CONTRACT_STAGES
                    and deadline
                    and deadline <= horizon
                )
                done = len(
                    entrepreneur.followup_ids.filtered(lambda f: f.date >= year_start)
                )
                entrepreneur.followup_alert = (
                    entrepreneur.stage in FOLLOWED_STAGES and done < minimum
                )

    def _compute_document_counts(self):
        activities = self.activity_id
        moves = []
        if self.env["account.move"].has_access("read"):
            moves = self.env["account.move"]._read_group(
                [("cae_activity_id", "in", activities.ids)],
                ["cae_activity_id", "move_type"],
                ["__count"],
            )
        invoices, bills = {}, {}
        for activity, move_type, count in moves:
            if move_type in ("out_invoice", "out_refund"):
                invoices[activity] = invoices.get(activity, 0) + count
            elif move_type in ("in_invoice", "in_refund"):
                bills[activity] = bills.get(activity, 0) + count
        expenses = dict(
            self.env["hr.expense"]._read_group(
                [("cae_activity_id", "in", activities.ids)],
                ["cae_activity_id"],
                ["__count"],
            )
        )
        for entrepreneur in self:
            activity = entrepreneur.activity_id
            entrepreneur.invoice_count = invoices.get(activity, 0)
            entrepreneur.bill_count = bills.get(activity, 0)
            entrepreneur.expense_count = expenses.get(activity, 0)

    @api.model
    def _group_expand_stage(self, stages, domain):
        return [code for code, _label in STAGES]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("user_id", "company_id")
    def _check_user_company(self):
        for entrepreneur in self.filtered("user_id"):
            if entrepreneur.company_id not in entrepreneur.user_id.company_ids:
                raise ValidationError(
                    self.env._(
                        "The user %(user)s has no access to the company "
                        "%(company)s of the entrepreneur %(name)s.",
                        user=entrepreneur.user_id.name,
                        company=entrepreneur.company_id.name,
                        name=entrepreneur.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cae_check_links(vals)
            company_id = vals.get("company_id") or self.env.company.id
            if not vals.get("partner_id") and vals.get("user_id"):
                # The person already has a login: one contact for both.
                user = self.env["res.users"].sudo().browse(vals["user_id"])
                vals["partner_id"] = user.partner_id.id
                for field in ("email", "phone"):
                    if not vals.get(field):
                        vals.pop(field, None)
            if not vals.get("partner_id"):
                # sudo: advisors may create entrepreneurs without being
                # allowed to create any contact.
                vals["partner_id"] = (
                    self.env["res.partner"]
                    .sudo()
                    .create(self._prepare_partner_vals(vals, company_id))
                    .id
                )
                for field in ("name", "email", "phone"):
                    vals.pop(field, None)
            if vals.get("reference", "/") == "/":
                vals["reference"] = (
                    self.env["ir.sequence"]
                    .with_company(company_id)
                    .next_by_code("cae.entrepreneur")
                    or "/"
                )
            if not vals.get("path_step_ids"):
                vals["path_step_ids"] = [
                    fields.Command.create(
                        {
                            "stage": "candidate",
                            "date_start": vals.get("info_meeting_date")
                            or fields.Date.context_today(self),
                        }
                    )
                ]
        entrepreneurs = super().create(vals_list)
        entrepreneurs.filtered(lambda e: not e.activity_id)._create_activities()
        entrepreneurs._grant_entrepreneur_group()
        return entrepreneurs

    def write(self, vals):
        self._cae_check_links(vals)
        res = super().write(vals)
        if vals.get("user_id"):
            self._grant_entrepreneur_group()
        return res

    def _cae_check_links(self, vals):
        """Advisors attach an entrepreneur to an activity, or to an employee,
        they already follow: linking a record gives its access (record
        rules follow the entrepreneurs), so the link needs that access first.
        """
        if self.env.su or self.env.user.has_group("cae_base.group_cae_accountant"):
            return
        if vals.get("activity_id"):
            self.env["cae.activity"].browse(vals["activity_id"]).check_access("write")
        if vals.get("employee_id"):
            employee = self.env["hr.employee"].sudo().browse(vals["employee_id"])
            others = employee.cae_entrepreneur_ids.with_env(self.env) - self
            others.check_access("write")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_documents(self):
        for entrepreneur in self:
            if entrepreneur.invoice_count or entrepreneur.bill_count:
                raise UserError(
                    self.env._(
                        "%(name)s has accounting documents: archive the "
                        "entrepreneur instead of deleting them.",
                        name=entrepreneur.name,
                    )
                )

    @api.model
    def _prepare_partner_vals(self, vals, company_id):
        return {
            "name": vals.get("name"),
            "email": vals.get("email"),
            "phone": vals.get("phone"),
            "company_id": company_id,
        }

    def _prepare_activity_vals(self):
        self.ensure_one()
        return {
            "name": self.business_name or self.name,
            "company_id": self.company_id.id,
            "trade_id": self.trade_id.id,
            "code": self.reference if self.reference != "/" else False,
        }

    def _create_activities(self):
        # sudo: the activity is only reachable through its entrepreneur, whom
        # the creating user may already access.
        activities = (
            self.env["cae.activity"]
            .sudo()
            .create([entrepreneur._prepare_activity_vals() for entrepreneur in self])
        )
        for entrepreneur, activity in zip(self, activities, strict=True):
            entrepreneur.activity_id = activity

    def _grant_entrepreneur_group(self):
        """Internal users of entrepreneurs get the CAE Entrepreneur group."""
        group = self.env.ref("cae_base.group_cae_entrepreneur")
        users = self.user_id.filtered(
            lambda u: not u.share and group not in u.groups_id
        )
        if users:
            group.sudo().write({"users": [fields.Command.link(u.id) for u in users]})

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

    def action_create_employee(self):
        self._ensure_employee()
        return True

    def _action_documents(self, model, name, domain, context=None):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("cae_activity_id", "=", self.activity_id.id), *domain],
            "context": {
                "default_cae_activity_id": self.activity_id.id,
                **(context or {}),
            },
        }

    def action_view_invoices(self):
        return self._action_documents(
            "account.move",
            self.env._("Customer invoices"),
            [("move_type", "in", ("out_invoice", "out_refund"))],
            {"default_move_type": "out_invoice"},
        )

    def action_view_bills(self):
        return self._action_documents(
            "account.move",
            self.env._("Vendor bills"),
            [("move_type", "in", ("in_invoice", "in_refund"))],
            {"default_move_type": "in_invoice"},
        )

    def action_view_expenses(self):
        return self._action_documents(
            "hr.expense",
            self.env._("Expenses"),
            [],
            {"default_employee_id": self.employee_id.id},
        )

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

    def _ensure_employee(self):
        """Salaried entrepreneurs are employees of the cooperative."""
        for entrepreneur in self.filtered(lambda e: not e.employee_id):
            entrepreneur.employee_id = (
                self.env["hr.employee"]
                .sudo()
                .create(entrepreneur._prepare_employee_vals())
            )

    def _prepare_employee_vals(self):
        self.ensure_one()
        return {
            "name": self.name,
            "work_contact_id": self.partner_id.id,
            "work_email": self.email,
            "user_id": self.user_id.id
            if self.user_id and not self.user_id.share
            else False,
            "company_id": self.company_id.id,
        }

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------
    @api.model
    def cron_check_deadlines(self):
        """Refresh the date-dependent alerts and tell advisors about them."""
        entrepreneurs = self.search([("stage", "in", FOLLOWED_STAGES)])
        entrepreneurs._compute_alerts()
        entrepreneurs.flush_recordset(["deadline_alert", "followup_alert"])
        entrepreneurs.filtered("deadline_alert")._schedule_alert_activity(
            "cae_base.mail_activity_type_associate_deadline",
            lambda e: self.env._(
                "Associate deadline on %(date)s", date=e.associate_deadline
            ),
        )
        entrepreneurs.filtered("followup_alert")._schedule_alert_activity(
            "cae_base.mail_activity_type_followup_missing",
            lambda e: self.env._(
                "%(count)s follow-up meeting(s) this year", count=e.followup_count
            ),
        )

    def _schedule_alert_activity(self, activity_type_xmlid, summary):
        """One open activity per entrepreneur and alert, for their advisor."""
        activity_type = self.env.ref(activity_type_xmlid)
        existing = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        already = set(existing.mapped("res_id"))
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": entrepreneur.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary(entrepreneur),
                    "user_id": (entrepreneur.advisor_id or self.env.user).id,
                    "date_deadline": fields.Date.context_today(self),
                }
                for entrepreneur in self
                if entrepreneur.id not in already
            ]
        )

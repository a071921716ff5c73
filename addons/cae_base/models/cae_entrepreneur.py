# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .cae_path_step import CONTRACT_STAGES

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
        # sudo: the activity is new, made for these entrepreneurs, whom the
        # creating user may already access; it is reachable through them
        # only once linked (the link check of write() would refuse it).
        activities = (
            self.env["cae.activity"]
            .sudo()
            .create([entrepreneur._prepare_activity_vals() for entrepreneur in self])
        )
        for entrepreneur, activity in zip(self.sudo(), activities, strict=True):
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
            lambda e: e.env._(
                "Associate deadline on %(date)s",
                date=format_date(e.env, e.associate_deadline),
            ),
        )
        entrepreneurs.filtered("followup_alert")._schedule_alert_activity(
            "cae_base.mail_activity_type_followup_missing",
            lambda e: e.env._(
                "%(count)s follow-up meeting(s) this year", count=e.followup_count
            ),
        )

    def _schedule_alert_activity(self, activity_type_xmlid, summary):
        """One open activity per entrepreneur and alert, for their advisor.

        ``summary(entrepreneur)`` is called in the advisor's language.
        """
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
        vals_list = []
        for entrepreneur in self:
            if entrepreneur.id in already:
                continue
            user = entrepreneur.advisor_id or self.env.user
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": entrepreneur.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary(entrepreneur.with_context(lang=user.lang)),
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                }
            )
        self.env["mail.activity"].create(vals_list)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PROJECT_KINDS = [
    ("cjs", "Youth service cooperative (CJS)"),
    ("flashcoop", "Flashcoop"),
]
PROJECT_STATES = [
    ("draft", "Preparation"),
    ("running", "Running"),
    ("closed", "Closed"),
]
# Once closed, these fields hold the figures the distribution was made from.
FROZEN_FIELDS = {
    "kind",
    "company_id",
    "date_start",
    "date_end",
    "distribution_key",
    "hours_weight",
    "reserve_mode",
    "reserve_rate",
    "reserve_fixed",
}
# Dated parameters (data/cae_parameter_data.xml) bounding the group's size.
PARTICIPANT_BOUNDS = {
    "cjs": ("cae_cjs_participants_min", "cae_cjs_participants_max"),
    "flashcoop": ("cae_flashcoop_participants_min", "cae_flashcoop_participants_max"),
}


class CaeCjsProject(models.Model):
    """A youth service cooperative (CJS) or a Flashcoop.

    A collective project hosted by the cooperative (``company_id``): a group
    of participants, with facilitators, runs a small cooperative for a
    summer (CJS) or seven working days (Flashcoop). Its money is an activity
    of the hosting cooperative (``activity_id``, kind ``project``), hence an
    analytic account created with the project: its quotes, invoices, bills
    and event sales carry that account, and its result is read from the
    posted entries. Closing the project computes the result, keeps a reserve
    for the next edition and shares the rest among the participants by the
    key the group chose (see ``cae.cjs.project.closing``).
    """

    _name = "cae.cjs.project"
    _description = "Collective project"
    _inherit = [
        "cae.workflow.mixin",
        "cae.cjs.project.closing",
        "mail.thread",
        "mail.activity.mixin",
    ]
    # Workflow guard (cae_base's cae.workflow.mixin): the state, the
    # closing figures and the distribution come from the steps; once
    # closed, the project keeps its descriptive fields and the records that
    # do not make its result (committee, sponsors, plan, assemblies).
    _cae_workflow_fields = frozenset(
        {
            "reference",
            "activity_id",
            "closing_date",
            "closed_revenue",
            "closed_costs",
            "closed_result",
            "reserve_amount",
            "distributed_amount",
            "distribution_line_ids",
        }
    )
    _cae_workflow_open_states = frozenset({"draft", "running"})
    _cae_workflow_writable = {
        "closed": (
            "name",
            "note",
            "municipality",
            "event_name",
            "event_place",
            "facilitator_ids",
            "local_member_ids",
            "sponsor_ids",
            "financing_line_ids",
            "committee_ids",
            "assembly_ids",
        )
    }
    _cae_workflow_initial_values = {"reference": ("/",)}
    # create: gives the project its activity.
    _cae_workflow_extra_steps = ("create",)
    _order = "date_start desc, id desc"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(required=True, tracking=True)
    reference = fields.Char(readonly=True, copy=False, index=True, default="/")
    kind = fields.Selection(
        selection=PROJECT_KINDS,
        required=True,
        default="cjs",
        tracking=True,
    )
    state = fields.Selection(
        selection=PROJECT_STATES,
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Hosting cooperative",
        required=True,
        default=lambda self: self.env.company,
        index=True,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(string="Start date", required=True, tracking=True)
    date_end = fields.Date(
        string="End date",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="A Flashcoop lasts a number of working days (legal parameters); a "
        "CJS runs over the summer.",
    )
    municipality = fields.Char(tracking=True)
    event_name = fields.Char(
        string="Sales event",
        help="Market, fair or festival where the Flashcoop sells its products.",
    )
    event_date = fields.Date()
    event_place = fields.Char()
    event_customer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer of the event sales",
        check_company=True,
        default=lambda self: self.env.ref(
            "cae_cjs.partner_event_customers", raise_if_not_found=False
        ),
        help="Contact the receipts of the event day's sales are made out to.",
    )
    activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
        check_company=True,
        help="Activity of the hosting cooperative created with the project: "
        "its analytic account collects the project's revenue and costs.",
    )
    analytic_account_id = fields.Many2one(related="activity_id.analytic_account_id")
    facilitator_ids = fields.Many2many(
        comodel_name="res.users",
        relation="cae_cjs_project_facilitator_rel",
        column1="project_id",
        column2="user_id",
        string="Facilitators",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("cae_cjs.group_cjs_facilitator").id)
        ],
        help="Usually two: they support the group and see the participants' "
        "personal data.",
    )
    note = fields.Html()
    participant_ids = fields.One2many(
        comodel_name="cae.cjs.participant",
        inverse_name="project_id",
        string="Participants",
    )
    participant_count = fields.Integer(compute="_compute_participant_count")
    local_member_ids = fields.One2many(
        comodel_name="cae.cjs.local.member",
        inverse_name="project_id",
        string="Local committee",
    )
    sponsor_ids = fields.One2many(
        comodel_name="cae.cjs.sponsor",
        inverse_name="project_id",
        string="Sponsors and grants",
    )
    financing_line_ids = fields.One2many(
        comodel_name="cae.cjs.financing.line",
        inverse_name="project_id",
        string="Financing plan",
    )
    committee_ids = fields.One2many(
        comodel_name="cae.cjs.committee",
        inverse_name="project_id",
        string="Committees",
    )
    assembly_ids = fields.One2many(
        comodel_name="cae.cjs.assembly",
        inverse_name="project_id",
        string="General assemblies",
    )
    decision_ids = fields.One2many(
        comodel_name="cae.cjs.decision",
        inverse_name="project_id",
        string="Decisions",
    )
    price_ids = fields.One2many(
        comodel_name="cae.cjs.price",
        inverse_name="project_id",
        string="Price list",
    )
    contract_ids = fields.One2many(
        comodel_name="cae.cjs.contract",
        inverse_name="project_id",
        string="Contracts",
    )
    contract_count = fields.Integer(compute="_compute_contract_count")
    work_ids = fields.One2many(
        comodel_name="cae.cjs.work",
        inverse_name="project_id",
        string="Hours worked",
    )
    hours_total = fields.Float(
        string="Total hours",
        compute="_compute_hours_total",
        digits=(16, 2),
    )
    event_sale_ids = fields.One2many(
        comodel_name="cae.cjs.event.sale",
        inverse_name="project_id",
        string="Event sales",
    )
    sponsor_total = fields.Monetary(compute="_compute_financing")
    financing_need_total = fields.Monetary(string="Needs", compute="_compute_financing")
    financing_resource_total = fields.Monetary(
        string="Resources",
        compute="_compute_financing",
        help="Resources of the financing plan plus the sponsors and grants.",
    )
    financing_balance = fields.Monetary(
        string="Balance of the plan", compute="_compute_financing"
    )
    distribution_line_ids = fields.One2many(
        comodel_name="cae.cjs.distribution.line",
        inverse_name="project_id",
        string="Distribution",
        readonly=True,
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("kind", "date_start")
    def _compute_date_end(self):
        for project in self:
            if not project.date_start:
                continue
            if project.kind == "flashcoop":
                days = project._get_parameter("cae_flashcoop_working_days")
                project.date_end = self._add_working_days(project.date_start, days)
            elif not project.date_end or project.date_end < project.date_start:
                project.date_end = project.date_start + timedelta(days=61)

    @api.depends("participant_ids")
    def _compute_participant_count(self):
        for project in self:
            project.participant_count = len(project.participant_ids)

    @api.depends("contract_ids")
    def _compute_contract_count(self):
        for project in self:
            project.contract_count = len(project.contract_ids)

    @api.depends("work_ids.hours")
    def _compute_hours_total(self):
        hours = self._get_hours_by_participant()
        for project in self:
            project.hours_total = sum(hours.get(project.id, {}).values())

    @api.depends(
        "sponsor_ids.amount",
        "financing_line_ids.kind",
        "financing_line_ids.amount",
    )
    def _compute_financing(self):
        for project in self:
            lines = project.financing_line_ids
            needs = sum(
                lines.filtered(lambda line: line.kind == "need").mapped("amount")
            )
            resources = sum(
                lines.filtered(lambda line: line.kind == "resource").mapped("amount")
            )
            sponsors = sum(project.sponsor_ids.mapped("amount"))
            project.sponsor_total = sponsors
            project.financing_need_total = needs
            project.financing_resource_total = resources + sponsors
            project.financing_balance = resources + sponsors - needs

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("date_start", "date_end", "event_date")
    def _check_dates(self):
        for project in self:
            if project.date_end < project.date_start:
                raise ValidationError(
                    self.env._(
                        "The project %(project)s cannot end before it starts.",
                        project=project.display_name,
                    )
                )
            if project.event_date and not (
                project.date_start <= project.event_date <= project.date_end
            ):
                raise ValidationError(
                    self.env._(
                        "The sales event of %(project)s must take place between "
                        "the start and the end of the project.",
                        project=project.display_name,
                    )
                )

    @api.constrains("date_start", "kind")
    def _check_participants_age(self):
        self.participant_ids._check_age_rule()

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.depends("reference", "name")
    def _compute_display_name(self):
        for project in self:
            if project.reference and project.reference != "/":
                project.display_name = f"{project.reference} {project.name}"
            else:
                project.display_name = project.name

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("reference", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                code = f"cae.cjs.project.{vals.get('kind') or 'cjs'}"
                vals["reference"] = (
                    self.env["ir.sequence"].with_company(company).next_by_code(code)
                    or "/"
                )
        projects = super().create(vals_list)
        for project in projects:
            # sudo: the staff who create projects need not manage activities.
            activity = (
                self.env["cae.activity"].sudo().create(project._prepare_activity_vals())
            )
            project.activity_id = activity
        return projects

    def write(self, vals):
        frozen = FROZEN_FIELDS.intersection(vals)
        if frozen:
            closed = self.filtered(lambda p: p.state == "closed")
            if closed:
                raise UserError(
                    self.env._(
                        "The project %(project)s is closed: its dates, kind and "
                        "distribution settings can no longer change.",
                        project=closed[0].display_name,
                    )
                )
        if "company_id" in vals and any(
            project.activity_id and project.company_id.id != vals["company_id"]
            for project in self
        ):
            raise UserError(
                self.env._(
                    "The hosting cooperative of a project cannot change: its "
                    "analytic account belongs to the cooperative's books."
                )
            )
        res = super().write(vals)
        if "name" in vals or "reference" in vals:
            for project in self.filtered("activity_id"):
                project.activity_id.sudo().write(project._prepare_activity_vals())
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        for project in self:
            if project.state != "draft":
                raise UserError(
                    self.env._(
                        "The project %(project)s has started: it cannot be " "deleted.",
                        project=project.display_name,
                    )
                )
            if (
                self.env["account.move"]
                .sudo()
                .search_count(
                    [("cae_activity_id", "=", project.activity_id.id)], limit=1
                )
            ):
                raise UserError(
                    self.env._(
                        "The project %(project)s has accounting documents: it "
                        "cannot be deleted.",
                        project=project.display_name,
                    )
                )

    def unlink(self):
        activities = self.activity_id.sudo()
        accounts = activities.analytic_account_id
        res = super().unlink()
        activities.unlink()
        accounts.unlink()
        return res

    def _prepare_activity_vals(self):
        self.ensure_one()
        vals = {"name": self.name, "kind": "project", "company_id": self.company_id.id}
        if self.reference and self.reference != "/":
            vals["code"] = self.reference
        return vals

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_start(self):
        self._check_can_start()
        self.write({"state": "running"})

    def action_back_to_preparation(self):
        self._check_is_staff()
        if any(project.state != "running" for project in self):
            raise UserError(
                self.env._("Only a running project can go back to preparation.")
            )
        self.distribution_line_ids.unlink()
        self.write({"state": "draft"})

    def action_view_invoices(self):
        return self._action_view_moves(
            "account.action_move_out_invoice_type",
            ["out_invoice", "out_refund", "out_receipt"],
            "out_invoice",
        )

    def action_view_purchases(self):
        return self._action_view_moves(
            "account.action_move_in_invoice_type",
            ["in_invoice", "in_refund", "in_receipt"],
            "in_invoice",
        )

    def _action_view_moves(self, xmlid, move_types, default_type):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [
            ("cae_activity_id", "=", self.activity_id.id),
            ("move_type", "in", move_types),
        ]
        action["context"] = {
            "default_move_type": default_type,
            "default_cae_activity_id": self.activity_id.id,
            "default_company_id": self.company_id.id,
        }
        return action

    def action_view_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_cjs.cae_cjs_contract_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_view_work(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_cjs.cae_cjs_work_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _get_parameter(self, code):
        self.ensure_one()
        return self.env["cae.parameter"]._get_value(
            code, self.date_start, self.company_id
        )

    @staticmethod
    def _add_working_days(start, days):
        """Last of ``days`` working days (Monday to Friday) from ``start``."""
        day = start
        while day.weekday() >= 5:
            day += timedelta(days=1)
        counted = 1
        while counted < days:
            day += timedelta(days=1)
            if day.weekday() < 5:
                counted += 1
        return day

    def _check_can_start(self):
        for project in self:
            if project.state != "draft":
                raise UserError(
                    self.env._(
                        "The project %(project)s has already started.",
                        project=project.display_name,
                    )
                )
            if not project.facilitator_ids:
                raise UserError(
                    self.env._(
                        "Give the project %(project)s its facilitators before "
                        "starting it.",
                        project=project.display_name,
                    )
                )
            code_min, code_max = PARTICIPANT_BOUNDS[project.kind]
            low = int(project._get_parameter(code_min))
            high = int(project._get_parameter(code_max))
            if not low <= project.participant_count <= high:
                raise UserError(
                    self.env._(
                        "The project %(project)s has %(count)s participants; "
                        "this kind of project takes %(low)s to %(high)s.",
                        project=project.display_name,
                        count=project.participant_count,
                        low=low,
                        high=high,
                    )
                )
            project.participant_ids._check_ready_to_start()

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cae_base.tools.amount_words import amount_in_words_fr

ASSOCIATE_KINDS = [
    ("entrepreneur", "Entrepreneur"),
    ("staff", "Staff member"),
    ("external", "External associate"),
    ("legal_entity", "Legal entity"),
]
ASSOCIATE_STATES = [
    ("candidate", "Candidate"),
    ("associate", "Associate"),
    ("former", "Former associate"),
]
# Stages of cae_base's path in which holding shares makes one an associate.
PROMOTED_STAGES = ("cape", "cesa")


class CaeAssociate(models.Model):
    """A member of the cooperative: any contact holding (or about to hold)
    shares of its capital.

    The figures (shares, subscribed and paid capital) come from the share
    ledger ``line_ids``, written by the validated operations of the register.
    An associate is a *candidate* until a first operation gives them shares,
    and a *former associate* once they hold none.
    """

    _name = "cae.associate"
    _description = "Associate"
    _inherit = ["cae.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    # Workflow guard (cae_base's cae.workflow.mixin): the status and its
    # dates follow the share ledger only.
    _cae_workflow_state_field = None
    _cae_workflow_fields = frozenset({"state", "admission_date", "exit_date"})
    _order = "number, name, id"
    _check_company_auto = True

    number = fields.Integer(
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Number in the register of associates, given by the first "
        "operation that makes the contact an associate.",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Contact",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        tracking=True,
    )
    name = fields.Char(related="partner_id.name", store=True, index=True)
    email = fields.Char(related="partner_id.email")
    avatar_128 = fields.Image(related="partner_id.avatar_128")
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        selection=ASSOCIATE_KINDS,
        compute="_compute_kind",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="Decides which share classes the associate may hold.",
    )
    entrepreneur_id = fields.Many2one(
        comodel_name="cae.entrepreneur",
        compute="_compute_entrepreneur_id",
        store=True,
        precompute=True,
        index="btree_not_null",
    )
    employee_id = fields.Many2one(
        comodel_name="hr.employee",
        compute="_compute_employee_id",
        help="Employee of the cooperative (salaried entrepreneur or staff) "
        "whose work contact is this associate.",
    )
    state = fields.Selection(
        selection=ASSOCIATE_STATES,
        compute="_compute_shares",
        store=True,
        index=True,
        tracking=True,
    )
    admission_date = fields.Date(compute="_compute_shares", store=True)
    exit_date = fields.Date(compute="_compute_shares", store=True)
    active = fields.Boolean(default=True)
    note = fields.Html()

    line_ids = fields.One2many(
        comodel_name="cae.share.line",
        inverse_name="associate_id",
        string="Share ledger",
    )
    holding_ids = fields.One2many(
        comodel_name="cae.share.holding",
        inverse_name="associate_id",
        string="Shares held",
    )
    subscription_ids = fields.One2many(
        comodel_name="cae.share.operation",
        inverse_name="associate_id",
        string="Subscriptions",
        domain=[("operation_type", "=", "subscription")],
    )
    call_ids = fields.One2many(
        comodel_name="cae.share.call",
        inverse_name="associate_id",
        string="Calls of capital",
    )
    share_count = fields.Integer(
        string="Shares", compute="_compute_shares", store=True, aggregator="sum"
    )
    amount_subscribed = fields.Monetary(
        string="Subscribed capital",
        compute="_compute_shares",
        store=True,
        aggregator="sum",
    )
    amount_paid = fields.Monetary(
        string="Paid capital", compute="_compute_shares", store=True, aggregator="sum"
    )
    amount_unpaid = fields.Monetary(
        string="Still to pay",
        compute="_compute_shares",
        store=True,
        aggregator="sum",
    )
    amount_due = fields.Monetary(
        string="Called, not paid",
        compute="_compute_amount_due",
        help="Capital called and not paid yet.",
    )
    operation_count = fields.Integer(compute="_compute_operation_count")

    # Assemblies
    college_id = fields.Many2one(
        comodel_name="cae.assembly.college",
        string="Voting college",
        check_company=True,
        tracking=True,
        help="College the associate votes in, when assemblies vote by colleges.",
    )
    board_member = fields.Boolean(
        tracking=True,
        help="Sits on the board: votes in board meetings. Set when elected "
        "by an assembly.",
    )
    attendance_ids = fields.One2many(
        comodel_name="cae.assembly.attendance",
        inverse_name="associate_id",
        string="Assemblies",
    )

    # Salary deduction (see cae_associate_salary_deduction.py)
    salary_deduction = fields.Boolean(
        string="Pay by salary deduction",
        tracking=True,
        help="The calls of capital are deducted from the associate's payslips "
        "(needs the payroll bridge module).",
    )
    salary_deduction_amount = fields.Monetary(
        string="Monthly deduction",
        tracking=True,
        help="Amount deducted every month until the shares are paid; more "
        "when a call falls due.",
    )

    _sql_constraints = [
        (
            "partner_company_unique",
            "unique(partner_id, company_id)",
            "This contact is already an associate of the company.",
        ),
        (
            "number_company_unique",
            "unique(company_id, number)",
            "An associate number is used once per company.",
        ),
        (
            "salary_deduction_amount_positive",
            "CHECK(salary_deduction_amount >= 0)",
            "The monthly deduction cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("partner_id.is_company", "entrepreneur_id", "company_id")
    def _compute_kind(self):
        for associate in self:
            if associate.partner_id.is_company:
                associate.kind = "legal_entity"
            elif associate.entrepreneur_id:
                associate.kind = "entrepreneur"
            elif associate.employee_id:
                associate.kind = "staff"
            else:
                associate.kind = associate.kind or "external"

    @api.depends("partner_id.cae_entrepreneur_ids.company_id", "company_id")
    def _compute_entrepreneur_id(self):
        # Stored compute, run as superuser: the link does not depend on who
        # creates the associate.
        for associate in self:
            associate.entrepreneur_id = (
                associate.partner_id.cae_entrepreneur_ids.filtered(
                    lambda e, c=associate.company_id: e.company_id == c
                )[:1]
            )

    @api.depends("partner_id", "company_id", "entrepreneur_id.employee_id")
    def _compute_employee_id(self):
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("work_contact_id", "in", self.partner_id.ids),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
        )
        by_key = {(e.work_contact_id, e.company_id): e for e in employees}
        for associate in self:
            associate.employee_id = associate.entrepreneur_id.sudo().employee_id or (
                by_key.get((associate.partner_id, associate.company_id))
            )

    @api.depends(
        "line_ids.quantity",
        "line_ids.amount_subscribed",
        "line_ids.amount_paid",
        "line_ids.date",
    )
    def _compute_shares(self):
        for associate in self:
            lines = associate.line_ids.sorted(lambda line: (line.date, line.id))
            quantity = sum(lines.mapped("quantity"))
            subscribed = sum(lines.mapped("amount_subscribed"))
            paid = sum(lines.mapped("amount_paid"))
            associate.share_count = quantity
            associate.amount_subscribed = subscribed
            associate.amount_paid = paid
            associate.amount_unpaid = subscribed - paid
            gaining = lines.filtered(lambda line: line.quantity > 0)
            associate.admission_date = gaining[:1].date
            if quantity > 0:
                associate.state = "associate"
                associate.exit_date = False
            elif lines:
                associate.state = "former"
                associate.exit_date = lines.filtered("quantity")[-1:].date
            else:
                associate.state = "candidate"
                associate.exit_date = False

    def _compute_amount_due(self):
        due = dict(
            self.env["cae.share.operation"]._read_group(
                [
                    ("associate_id", "in", self.ids),
                    ("operation_type", "=", "subscription"),
                    ("state", "=", "done"),
                ],
                ["associate_id"],
                ["amount_due:sum"],
            )
        )
        for associate in self:
            associate.amount_due = due.get(associate, 0.0)

    def _compute_operation_count(self):
        Operation = self.env["cae.share.operation"]
        for associate in self:
            associate.operation_count = Operation.search_count(
                associate._get_operations_domain()
            )

    @api.constrains("salary_deduction", "partner_id", "company_id")
    def _check_salary_deduction(self):
        for associate in self.filtered("salary_deduction"):
            if not associate.employee_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s is not an employee of the cooperative: only "
                        "salaried entrepreneurs and staff can pay their shares "
                        "by salary deduction.",
                        name=associate.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _get_operations_domain(self):
        return [
            "|",
            ("associate_id", "in", self.ids),
            ("associate_to_id", "in", self.ids),
        ]

    def action_view_operations(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_governance.cae_share_operation_action"
        )
        action["domain"] = self._get_operations_domain()
        action["context"] = {"search_default_filter_registered": 1}
        return action

    def _action_new_operation(self, operation_type, action_xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(action_xmlid)
        action.update(
            view_mode="form",
            views=[(False, "form")],
            target="current",
            context={
                "default_operation_type": operation_type,
                "default_associate_id": self.id,
                "default_company_id": self.company_id.id,
            },
        )
        return action

    def action_new_subscription(self):
        return self._action_new_operation(
            "subscription", "cae_governance.cae_share_subscription_action"
        )

    def action_new_transfer(self):
        return self._action_new_operation(
            "transfer", "cae_governance.cae_share_transfer_action"
        )

    def action_new_withdrawal(self):
        return self._action_new_operation(
            "withdrawal", "cae_governance.cae_share_withdrawal_action"
        )

    def action_print_certificate(self):
        return self.env.ref(
            "cae_governance.action_report_share_certificate"
        ).report_action(self)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _ensure_for_partner(self, partner, company):
        """The associate record of ``partner`` in ``company``, created if
        missing (as a candidate)."""
        associate = self.with_context(active_test=False).search(
            [("partner_id", "=", partner.id), ("company_id", "=", company.id)],
            limit=1,
        )
        return associate or self.create(
            {"partner_id": partner.id, "company_id": company.id}
        )

    def _assign_number(self, register):
        """Give the next associate number to those who have none."""
        for associate in self.filtered(lambda a: not a.number):
            associate.number = register._next_associate_number()

    def _get_holdings(self, date=None, share_class=None):
        """``{(associate, share_class): (shares, subscribed, paid)}`` on
        ``date`` (included), from the share ledger, in one query."""
        domain = [("associate_id", "in", self.ids)]
        if date:
            domain.append(("date", "<=", date))
        if share_class:
            domain.append(("share_class_id", "=", share_class.id))
        return {
            (associate, share_class): (quantity, subscribed, paid)
            for associate, share_class, quantity, subscribed, paid in self.env[
                "cae.share.line"
            ]._read_group(
                domain,
                ["associate_id", "share_class_id"],
                ["quantity:sum", "amount_subscribed:sum", "amount_paid:sum"],
            )
        }

    def _get_entrepreneur_to_promote(self):
        """The entrepreneur whose path moves to 'associate' with their first
        shares: under CAPE or CESA (L7331-3)."""
        self.ensure_one()
        entrepreneur = self.entrepreneur_id
        if entrepreneur and entrepreneur.stage in PROMOTED_STAGES:
            return entrepreneur
        return self.env["cae.entrepreneur"]

    def _check_can_promote(self, date):
        entrepreneur = self._get_entrepreneur_to_promote()
        if entrepreneur:
            entrepreneur._check_can_transition("associate", date)

    def _promote_entrepreneur(self, date):
        entrepreneur = self._get_entrepreneur_to_promote()
        if entrepreneur:
            entrepreneur._do_transition("associate", date)

    @api.model
    def _amount_in_words(self, amount, currency):
        """The amount in French words, as on the share certificate:
        "deux cent cinquante euros", "un million d'euros", "vingt et un euros
        et cinquante centimes" (Odoo's own words for other currencies)."""
        amount = currency.round(amount)
        if currency.name == "EUR":
            return amount_in_words_fr(amount)
        return currency.with_context(lang="fr_FR").amount_to_text(amount)

    def _get_report_base_filename(self):
        self.ensure_one()
        return f"Attestation de parts - {self.name}"

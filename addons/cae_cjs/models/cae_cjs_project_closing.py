# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount, groupby

from ..tools import distribution

DISTRIBUTION_KEYS = [
    ("equal", "Equal shares"),
    ("hours", "Hours worked"),
    ("mix", "Mix of equal shares and hours"),
]
RESERVE_MODES = [
    ("rate", "Share of the result"),
    ("amount", "Fixed amount"),
]


class CaeCjsProjectClosing(models.AbstractModel):
    """The closing of a collective project: result, reserve and sharing.

    Inherited by ``cae.cjs.project``, whose participants, hours, activity
    and state it reads. How it works: the result is read from the posted
    analytic lines of the project's account (:meth:`_get_result_figures`),
    a reserve is kept (:meth:`_get_reserve`), and the rest is shared by the
    key of the group (:meth:`_get_distribution_weights`) with the largest
    remainder method of :mod:`..tools.distribution`. Everything is computed
    and checked first (:meth:`_get_closing_figures`), then written.
    """

    _name = "cae.cjs.project.closing"
    _description = "Closing of a collective project"

    currency_id = fields.Many2one(comodel_name="res.currency")
    revenue = fields.Monetary(
        compute="_compute_accounting_figures",
        help="Posted revenue on the project's analytic account (accounts of "
        "the revenue selection in the settings).",
    )
    costs = fields.Monetary(
        compute="_compute_accounting_figures",
        help="Posted costs on the project's analytic account (accounts of the "
        "cost selection in the settings).",
    )
    result = fields.Monetary(compute="_compute_accounting_figures")
    distribution_key = fields.Selection(
        selection=DISTRIBUTION_KEYS,
        required=True,
        default="equal",
        tracking=True,
        help="How the group shares the result, decided in general assembly.",
    )
    hours_weight = fields.Float(
        string="Share by hours (%)",
        digits=(5, 2),
        default=50.0,
        tracking=True,
        help="With the mixed key, the part of the amount shared by hours "
        "worked; the rest is shared equally.",
    )
    distribution_decision_id = fields.Many2one(
        comodel_name="cae.cjs.decision",
        string="Decided by",
        domain="[('project_id', '=', id)]",
        help="Decision of the youths' general assembly choosing the key.",
    )
    reserve_mode = fields.Selection(
        selection=RESERVE_MODES,
        required=True,
        default="rate",
        tracking=True,
    )
    reserve_rate = fields.Float(
        string="Reserve (%)",
        digits=(5, 2),
        default=lambda self: self.env.company.cae_cjs_reserve_rate,
        tracking=True,
        help="Share of a positive result kept for the next edition.",
    )
    reserve_fixed = fields.Monetary(
        string="Reserve amount",
        tracking=True,
        help="Amount kept for the next edition (at most the result).",
    )
    closing_date = fields.Date(readonly=True, copy=False, tracking=True)
    closed_revenue = fields.Monetary(
        string="Revenue at closing", readonly=True, copy=False
    )
    closed_costs = fields.Monetary(string="Costs at closing", readonly=True, copy=False)
    closed_result = fields.Monetary(
        string="Result at closing", readonly=True, copy=False
    )
    reserve_amount = fields.Monetary(string="Reserve kept", readonly=True, copy=False)
    distributed_amount = fields.Monetary(readonly=True, copy=False, tracking=True)

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    def _compute_accounting_figures(self):
        figures = self._get_result_figures()
        for project in self:
            project.revenue = figures[project.id]["revenue"]
            project.costs = figures[project.id]["costs"]
            project.result = (
                figures[project.id]["revenue"] - figures[project.id]["costs"]
            )

    @api.constrains("hours_weight", "reserve_rate", "reserve_fixed")
    def _check_distribution_settings(self):
        for project in self:
            if not 0 <= project.hours_weight <= 100:
                raise ValidationError(
                    self.env._("The share by hours must be between 0 and 100 %.")
                )
            if not 0 <= project.reserve_rate <= 100:
                raise ValidationError(
                    self.env._("The reserve rate must be between 0 and 100 %.")
                )
            if project.reserve_fixed < 0:
                raise ValidationError(
                    self.env._("The reserve amount cannot be negative.")
                )

    @api.constrains("distribution_decision_id")
    def _check_distribution_decision(self):
        for project in self:
            decision = project.distribution_decision_id
            if decision and decision.project_id != project:
                raise ValidationError(
                    self.env._(
                        "The decision choosing the key must belong to the "
                        "project %(project)s.",
                        project=project.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_compute_distribution(self):
        """Preview the distribution with today's figures (nothing closed)."""
        self._check_can_close(preview=True)
        figures = self._get_closing_figures()
        for project in self:
            project._write_distribution(figures[project.id])

    def action_close(self):
        """Compute the result and share it: final, a project closes once."""
        self._check_can_close()
        figures = self._get_closing_figures()
        today = fields.Date.context_today(self)
        for project in self:
            project_figures = figures[project.id]
            project._write_distribution(project_figures)
            project.write(
                {
                    "state": "closed",
                    "closing_date": today,
                    "closed_revenue": project_figures["revenue"],
                    "closed_costs": project_figures["costs"],
                    "closed_result": project_figures["result"],
                    "reserve_amount": project_figures["reserve"],
                    "distributed_amount": project_figures["distributed"],
                }
            )
            project._message_closing()

    def action_print_statements(self):
        self._check_closed()
        empty = self.filtered(lambda project: not project.participant_ids)
        if empty:
            raise UserError(
                self.env._(
                    "The project %(project)s has no participant: there is no "
                    "statement to print.",
                    project=empty[0].display_name,
                )
            )
        return self.env.ref(
            "cae_cjs.action_report_participant_statement"
        ).report_action(self.participant_ids)

    def action_export_xlsx(self):
        self._check_closed()
        return self.env.ref("cae_cjs.action_report_project_xlsx").report_action(self)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _check_is_staff(self):
        if not self.env.user.has_group("cae_base.group_cae_advisor"):
            raise AccessError(
                self.env._(
                    "Only the staff of the hosting cooperative can close a "
                    "project or send it back to preparation."
                )
            )

    def _check_closed(self):
        for project in self:
            if project.state != "closed":
                raise UserError(
                    self.env._(
                        "The project %(project)s is not closed yet: there is no "
                        "distribution to print.",
                        project=project.display_name,
                    )
                )

    def _check_can_close(self, preview=False):
        """Refuse closings that cannot be right, before writing anything."""
        self._check_is_staff()
        for project in self:
            if project.state == "closed":
                raise UserError(
                    self.env._(
                        "The project %(project)s is already closed: it cannot be "
                        "closed twice.",
                        project=project.display_name,
                    )
                )
            if project.state != "running":
                raise UserError(
                    self.env._(
                        "Start the project %(project)s before closing it.",
                        project=project.display_name,
                    )
                )
            if not project.participant_ids:
                raise UserError(
                    self.env._(
                        "The project %(project)s has no participant to share its "
                        "result with.",
                        project=project.display_name,
                    )
                )
            if preview:
                continue
            drafts = (
                self.env["account.move"]
                .sudo()
                .search_count(
                    [
                        ("cae_activity_id", "=", project.activity_id.id),
                        ("state", "=", "draft"),
                    ]
                )
            )
            if drafts:
                raise UserError(
                    self.env._(
                        "The project %(project)s still has %(count)s draft "
                        "accounting documents: post or delete them before "
                        "closing, so that the result is final.",
                        project=project.display_name,
                        count=drafts,
                    )
                )

    def _get_hours_by_participant(self):
        """{project id: {participant id: hours}} in one grouped query."""
        hours = {}
        if not self.ids:
            return hours
        groups = (
            self.env["cae.cjs.work"]
            .sudo()
            ._read_group(
                [("project_id", "in", self.ids)],
                ["project_id", "participant_id"],
                ["hours:sum"],
            )
        )
        for project, participant, total in groups:
            hours.setdefault(project.id, {})[participant.id] = total
        return hours

    def _get_result_figures(self):
        """{project id: {"revenue", "costs"}} from the posted entries.

        cae_base's indicator engine sums the project's analytic lines on
        the company's revenue and cost account selections, one query per
        company; sudo because the facilitators and the local committee see
        the project's figures without accounting rights.
        """
        Indicator = self.env["cae.balance.indicator"].sudo()
        figures = {}
        for company, projects in groupby(self.sudo(), key=lambda p: p.company_id):
            projects = self.browse(p.id for p in projects).sudo()
            values = Indicator._compute_selection_values(
                company,
                projects.analytic_account_id,
                {
                    "revenue": company.cae_cjs_revenue_accounts,
                    "costs": company.cae_cjs_cost_accounts,
                },
            )
            for project in projects:
                sums = values.get(project.analytic_account_id.id, {})
                figures[project.id] = {
                    # Σ(debit − credit): revenue is credited, costs debited.
                    "revenue": -sums.get("revenue", 0.0) + 0.0,
                    "costs": sums.get("costs", 0.0),
                }
        return figures

    def _get_reserve(self, result):
        self.ensure_one()
        if self.currency_id.compare_amounts(result, 0) <= 0:
            return 0.0
        if self.reserve_mode == "amount":
            return min(self.reserve_fixed, result)
        return self.currency_id.round(result * self.reserve_rate / 100)

    def _get_closing_figures(self):
        """Result, reserve, amount distributed and each participant's share.

        Raises a translated error, before anything is written, when the key
        cannot share the amount (hours key without any hour worked).
        """
        figures = self._get_result_figures()
        hours = self._get_hours_by_participant()
        for project in self:
            project_figures = figures[project.id]
            result = project.currency_id.round(
                project_figures["revenue"] - project_figures["costs"]
            )
            reserve = project._get_reserve(result)
            distributed = project.currency_id.round(max(result - reserve, 0.0))
            project_figures.update(
                result=result,
                reserve=reserve,
                distributed=distributed,
                lines=project._prepare_distribution(
                    distributed, hours.get(project.id, {})
                ),
            )
        return figures

    def _get_distribution_weights(self, participant_hours):
        """Exact weights (fractions) of the participants, by the project's key."""
        self.ensure_one()
        uses_hours = self.distribution_key == "hours" or (
            self.distribution_key == "mix" and self.hours_weight
        )
        if uses_hours and not sum(participant_hours):
            raise UserError(
                self.env._(
                    "No hour is recorded on the project %(project)s: its result "
                    "cannot be shared by hours worked. Record the hours or choose "
                    "equal shares.",
                    project=self.display_name,
                )
            )
        if self.distribution_key == "hours":
            return distribution.hours_weights(participant_hours)
        if self.distribution_key == "mix":
            share = distribution.to_fraction(self.hours_weight) / 100
            return distribution.mix_weights(participant_hours, share)
        return distribution.equal_weights(len(participant_hours))

    def _prepare_distribution(self, amount, hours):
        """Values of the distribution lines sharing ``amount``.

        Participants are taken by name, then by creation: on equal
        remainders, the cent left over goes to the first of them.
        """
        self.ensure_one()
        participants = self.participant_ids.sorted(lambda p: (p.name or "", p.id))
        participant_hours = [hours.get(p.id, 0.0) for p in participants]
        weights = self._get_distribution_weights(participant_hours)
        factor = 10**self.currency_id.decimal_places
        cents = distribution.split(round(amount * factor), weights)
        return [
            {
                "participant_id": participant.id,
                "hours": participant_hours[index],
                "weight": float(weights[index] * 100),
                "amount": cents[index] / factor,
            }
            for index, participant in enumerate(participants)
        ]

    def _write_distribution(self, figures):
        self.ensure_one()
        self.distribution_line_ids.unlink()
        self.env["cae.cjs.distribution.line"].create(
            [dict(line, project_id=self.id) for line in figures["lines"]]
        )

    def _message_closing(self):
        self.ensure_one()
        currency = self.currency_id
        key = dict(self._fields["distribution_key"]._description_selection(self.env))
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "Project closed: result %(result)s, reserve %(reserve)s, "
                "%(distributed)s shared among %(count)s participants (%(key)s).",
                result=format_amount(self.env, self.closed_result, currency),
                reserve=format_amount(self.env, self.reserve_amount, currency),
                distributed=format_amount(self.env, self.distributed_amount, currency),
                count=len(self.participant_ids),
                key=key[self.distribution_key],
            )
        )

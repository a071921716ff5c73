# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

ZONES = [("rural", "Rural"), ("urban", "Urban")]
LATE_CANCEL_POLICIES = [
    ("refuse", "Refuse the cancellation"),
    ("charge", "Cancel and charge the booking"),
]


class CaeTlPlace(models.Model):
    """A third place (coworking space, fablab) run or used by the cooperative.

    Its opening hours and closed days are a ``resource.calendar`` (working
    times and global time off), in the calendar's time zone. Bookings of its
    resources must fit in them. Revenue of the place (customer invoices and
    internal charges to entrepreneurs' activities) is recorded on its own
    activity, an analytic account of the activities plan.
    """

    _name = "cae.tl.place"
    _description = "Third place"
    _inherit = ["mail.thread"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Address",
        check_company=True,
        help="Contact holding the address of the place; events held here "
        "take it as their venue.",
    )
    zone = fields.Selection(selection=ZONES, required=True, default="urban")
    description = fields.Html()
    manager_id = fields.Many2one(
        comodel_name="res.users",
        string="Manager",
        tracking=True,
        check_company=True,
        help="Facilitator in charge of the place.",
    )
    calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Opening hours",
        required=True,
        check_company=True,
        default=lambda self: self.env.company.resource_calendar_id,
        help="Opening hours (working times) and closed days (time off without "
        "resource) of the place, in the calendar's time zone.",
    )
    tz = fields.Selection(related="calendar_id.tz")
    resource_ids = fields.One2many(
        comodel_name="cae.tl.resource",
        inverse_name="place_id",
        string="Resources",
    )
    resource_count = fields.Integer(compute="_compute_counts")
    booking_count = fields.Integer(compute="_compute_counts")
    event_ids = fields.One2many(
        comodel_name="event.event",
        inverse_name="cae_tl_place_id",
        string="Events",
    )
    event_count = fields.Integer(compute="_compute_counts")
    membership_plan_ids = fields.One2many(
        comodel_name="cae.tl.membership.plan",
        inverse_name="place_id",
        string="Membership plans",
    )

    # Rules
    late_cancel_policy = fields.Selection(
        selection=LATE_CANCEL_POLICIES,
        string="Late cancellation",
        required=True,
        default="charge",
        help="What happens when a user cancels after the cancellation "
        "deadline of the resource. Facilitators may always cancel.",
    )
    half_day_hours = fields.Float(
        string="Hours in a half-day",
        default=4.0,
        required=True,
        help="Hours covered by a half-day price.",
    )
    day_hours = fields.Float(
        string="Hours in a day",
        default=8.0,
        required=True,
        help="Hours covered by a day price.",
    )

    # Billing
    activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity of the place",
        check_company=True,
        domain=[("kind", "!=", "entrepreneur")],
        help="Analytic account receiving the revenue of the place: customer "
        "invoices and internal charges to entrepreneurs' activities.",
    )
    internal_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Internal charges journal",
        check_company=True,
        domain=[("type", "=", "general")],
        help="Miscellaneous journal of the internal charge entries. "
        "Default: the first miscellaneous journal of the company.",
    )
    internal_expense_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Expense account (entrepreneurs)",
        check_company=True,
        help="Debited on the entrepreneur's activity. Default: 613200 "
        "(real property rental) of the French chart.",
    )
    internal_income_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Income account (place)",
        check_company=True,
        help="Credited on the place's activity. Default: 708300 (sundry "
        "rentals) of the French chart.",
    )
    billing_run_ids = fields.One2many(
        comodel_name="cae.tl.billing.run",
        inverse_name="place_id",
        string="Billing runs",
    )

    _sql_constraints = [
        (
            "hours_positive",
            "CHECK(half_day_hours > 0 AND day_hours >= half_day_hours)",
            "A half-day must last some hours and a day at least a half-day.",
        ),
    ]

    def _compute_counts(self):
        resources = dict(
            self.env["cae.tl.resource"]._read_group(
                [("place_id", "in", self.ids)], ["place_id"], ["__count"]
            )
        )
        Booking = self.env["cae.tl.booking"]
        bookings = (
            dict(
                Booking._read_group(
                    [("place_id", "in", self.ids)], ["place_id"], ["__count"]
                )
            )
            if Booking.has_access("read")
            else {}
        )
        # sudo: a count, shown to people who may not read events.
        events = dict(
            self.env["event.event"]
            .sudo()
            ._read_group(
                [("cae_tl_place_id", "in", self.ids)], ["cae_tl_place_id"], ["__count"]
            )
        )
        for place in self:
            place.resource_count = resources.get(place, 0)
            place.booking_count = bookings.get(place, 0)
            place.event_count = events.get(place, 0)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _action_related(self, xmlid, field):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [(field, "=", self.id)]
        action["context"] = {f"default_{field}": self.id}
        return action

    def action_view_resources(self):
        return self._action_related("cae_tierslieux.cae_tl_resource_action", "place_id")

    def action_view_bookings(self):
        return self._action_related("cae_tierslieux.cae_tl_booking_action", "place_id")

    def action_view_events(self):
        return self._action_related("event.action_event_view", "cae_tl_place_id")

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _get_internal_charge_accounts(self):
        """(journal, expense account, income account) of internal charges.

        Empty settings fall back on the company's miscellaneous journal and
        on the French chart's 613200 and 708300.
        """
        self.ensure_one()
        chart = self.env["account.chart.template"].with_company(self.company_id)
        journal = self.internal_journal_id or self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.company_id),
                ("type", "=", "general"),
            ],
            limit=1,
        )
        expense = self.internal_expense_account_id or chart.ref(
            "pcg_6132", raise_if_not_found=False
        )
        income = self.internal_income_account_id or chart.ref(
            "pcg_7083", raise_if_not_found=False
        )
        if not (journal and expense and income):
            raise UserError(
                self.env._(
                    "Set the internal charges journal and accounts of the place "
                    "%(place)s before billing entrepreneurs.",
                    place=self.display_name,
                )
            )
        return journal, expense, income

    @api.model
    def _cron_monthly_billing(self):
        """Bill last month's bookings of every place (scheduled action)."""
        month = fields.Date.context_today(self).replace(day=1)
        last_month = fields.Date.subtract(month, months=1)
        for place in self.search([]):
            # One place's missing setting must not stop the others' billing.
            try:
                with self.env.cr.savepoint():
                    self.env["cae.tl.billing.run"]._run_for(place, last_month)
            except UserError:
                _logger.exception("Billing of the third place %s failed", place.name)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)


class Access(
    namedtuple("Access", "category home_company entrepreneur membership network")
):
    """How someone may book in a place: as an entrepreneur or a member of
    the place's company, or as a guest under a network's rules (``network``
    set, ``home_company`` the structure they belong to)."""

    __slots__ = ()

    @property
    def is_guest(self):
        return bool(self.network)


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

    # Network
    operator_id = fields.Many2one(
        comodel_name="res.partner",
        string="Run by",
        compute="_compute_operator_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        tracking=True,
        help="Structure running the place: the company itself, or a partner "
        "structure of a network outside this database whose place the "
        "company lists with its resources. The bookings of a partner's "
        "place are billed by that structure to the company.",
    )
    is_partner_listing = fields.Boolean(
        string="Place of a partner",
        compute="_compute_is_partner_listing",
        store=True,
        help="Run by a partner structure outside this database: listed here "
        "so that the members of the company can book it under a network's "
        "rules.",
    )
    network_ids = fields.Many2many(
        comodel_name="cae.tl.network",
        relation="cae_tl_network_place_rel",
        column1="place_id",
        column2="network_id",
        string="Networks",
        help="Networks whose members may book here as guests, at the "
        "network's rate card of the place.",
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

    @api.depends("company_id")
    def _compute_operator_id(self):
        # A company's place is run by the company: moving the place to
        # another company moves its operator too; a partner's stays.
        companies = self._companies_of(self.operator_id)
        for place in self:
            if not place.operator_id or place.operator_id in companies:
                place.operator_id = place.company_id.partner_id

    @api.depends("operator_id", "company_id")
    def _compute_is_partner_listing(self):
        for place in self:
            place.is_partner_listing = place.operator_id != place.company_id.partner_id

    @api.constrains("operator_id", "company_id", "network_ids")
    def _check_operator(self):
        for place in self:
            company = self._companies_of(place.operator_id).get(place.operator_id)
            if company and company != place.company_id:
                raise ValidationError(
                    self.env._(
                        "%(operator)s is a company of this database: create the "
                        "place %(place)s in that company, not as a listing.",
                        operator=place.operator_id.name,
                        place=place.name,
                    )
                )
            for network in place.network_ids.sudo():
                if not network._structure_of(place.operator_id):
                    raise ValidationError(
                        self.env._(
                            "The place %(place)s is run by %(operator)s, which is "
                            "not a structure of the network %(network)s: add it "
                            "first.",
                            place=place.name,
                            operator=place.operator_id.name,
                            network=network.name,
                        )
                    )
            if place.is_partner_listing and not place.network_ids:
                raise ValidationError(
                    self.env._(
                        "The place %(place)s of %(operator)s is offered under a "
                        "network's rules: choose its network.",
                        place=place.name,
                        operator=place.operator_id.name,
                    )
                )

    @api.model
    def _companies_of(self, partners):
        """``{partner: company}`` for the partners that are companies of
        this database (sudo: all companies, whatever the user's)."""
        if not partners:
            return {}
        companies = (
            self.env["res.company"].sudo().search([("partner_id", "in", partners.ids)])
        )
        return {company.partner_id: company for company in companies}

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

        Empty settings of the place fall back on the company's settings of
        internal invoices between activities (``cae_base``: 613200 and
        708300 in the French chart).
        """
        self.ensure_one()
        company = self.company_id.sudo()
        if not (
            self.internal_journal_id
            and self.internal_expense_account_id
            and self.internal_income_account_id
        ):
            journal, expense, income = company._cae_internal_invoice_accounts()
        return (
            self.internal_journal_id or journal,
            self.internal_expense_account_id or expense,
            self.internal_income_account_id or income,
        )

    @api.model
    def _access_context(self, partner, day):
        """What :meth:`_access_for` needs about ``partner`` on ``day``, read
        once for many places: active entrepreneurs and current memberships
        (all companies: a network spans several)."""
        partner = partner.sudo()
        entrepreneurs = partner.cae_entrepreneur_ids.filtered(
            lambda e: e.stage != "exit"
        )
        memberships = (
            self.env["cae.tl.membership"].sudo()._current_for(partner, day)
            if partner and day
            else self.env["cae.tl.membership"].sudo()
        )
        return entrepreneurs, memberships

    def _access_for(self, partner, day, context=None):
        """How ``partner`` may book in this place on ``day`` (an
        :class:`Access`), or None: they pay as a contact (external, public).

        The place's own people first (entrepreneurs, then members of the
        place's company), then the guests of its networks: an entrepreneur of
        another cooperative of the network, a holder of a plan valid here
        sold by another structure, or a member of a place of the network.
        A partner's listed place only takes guests of the company listing it.
        """
        self.ensure_one()
        place = self.sudo()
        entrepreneurs, memberships = context or self._access_context(partner, day)
        company = place.company_id
        valid_here = memberships.filtered(
            lambda m: place in m.plan_id._get_valid_places()
        )
        if not place.is_partner_listing:
            entrepreneur = entrepreneurs.filtered(lambda e: e.company_id == company)
            if entrepreneur:
                return Access("entrepreneur", company, entrepreneur[:1], None, None)
            member = valid_here.filtered(lambda m: m.company_id == company)
            if member:
                return Access("member", company, None, member[:1], None)
        for network in place.network_ids.filtered("active"):
            homes = network.structure_ids.company_id.filtered(
                lambda c: c.partner_id != place.operator_id
                and (not place.is_partner_listing or c == company)
            )
            if network.allow_entrepreneurs:
                entrepreneur = entrepreneurs.filtered(
                    lambda e, h=homes: e.company_id in h
                )
                if entrepreneur:
                    entrepreneur = entrepreneur[:1]
                    return Access(
                        "network", entrepreneur.company_id, entrepreneur, None, network
                    )
            guests = valid_here
            if network.allow_members:
                guests |= memberships.filtered(
                    lambda m, n=network: m.place_id in n.place_ids
                )
            guest = guests.filtered(lambda m, h=homes: m.company_id in h)[:1]
            if guest:
                entrepreneur = entrepreneurs.filtered(
                    lambda e, g=guest: e.company_id == g.company_id
                )
                return Access(
                    "network", guest.company_id, entrepreneur[:1], guest, network
                )
        return None

    @api.model
    def _places_open_to(self, partner, day):
        """Places where ``partner`` may book on ``day`` as an entrepreneur,
        a member or a guest of a network (see :meth:`_access_for`)."""
        context = self._access_context(partner, day)
        entrepreneurs, memberships = context
        companies = entrepreneurs.company_id | memberships.company_id
        networks = (
            self.env["cae.tl.network.structure"]
            .sudo()
            .search([("company_id", "in", companies.ids)])
            .network_id
        )
        candidates = self.sudo().search(
            [
                "|",
                "|",
                ("company_id", "in", companies.ids),
                ("network_ids", "in", networks.ids),
                ("id", "in", memberships.plan_id._get_valid_places().ids),
            ]
        )
        return candidates.filtered(lambda p: p._access_for(partner, day, context))

    @api.model
    def _cron_monthly_billing(self):
        """Bill last month's bookings of every place (scheduled action)."""
        month = fields.Date.context_today(self).replace(day=1)
        last_month = fields.Date.subtract(month, months=1)
        places = self.search([])
        if len(places) > 1:
            # One job per place: a place's missing setting is reported on
            # its run, the others are billed.
            self.env["cae.tl.billing.run"]._bill_places(
                places, last_month, skip_running=True
            )
            return
        for place in places:
            # One place's missing setting must not stop the others' billing.
            try:
                with self.env.cr.savepoint():
                    self.env["cae.tl.billing.run"]._run_for(place, last_month)
            except UserError:
                _logger.exception("Billing of the third place %s failed", place.name)

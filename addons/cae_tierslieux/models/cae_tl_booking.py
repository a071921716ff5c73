# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .cae_tl_booking_rules import Candidate

BOOKING_STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# States that hold the resource (the exclusion constraint lists them too).
ACTIVE_STATES = ("draft", "confirmed", "done")
USER_CATEGORIES = [
    ("entrepreneur", "CAE entrepreneur"),
    ("member", "Member of the place"),
    ("network", "Guest of the network"),
    ("external", "External or remote worker"),
    ("public", "Public"),
]
# Changing these re-checks the booking rules and the price.
SCHEDULE_FIELDS = {"resource_id", "start", "stop", "units", "people", "partner_id"}


class CaeTlBooking(models.Model):
    """A resource booked by someone from ``start`` to ``stop``.

    No double booking, by construction:

    - rooms and machines (*exclusive* resources): the exclusion constraint
      ``no_double_booking`` makes PostgreSQL refuse two active bookings of
      the same resource whose ranges ``[start, occupied_until)`` overlap
      (``occupied_until`` adds the resource's buffer). Ranges are half-open:
      a booking may start when the previous one ends. Whatever the code
      path, two transactions cannot both succeed.
    - desks: the units in use are counted while the resource row is locked.

    Before writing, the resource rows are locked (see
    ``cae.tl.resource._lock_for_booking``): concurrent bookings of a resource
    are serialized, the second one is replayed by Odoo and refused with a
    clear message, and the constraint never has to break a deadlock.

    The other rules (opening hours, durations, slot step, horizon,
    training) are checked before writing, see ``cae.tl.booking.rules``.
    The price is fixed at confirmation: membership credits first, then the
    cheapest combination of the rate card of the user's category.
    """

    _name = "cae.tl.booking"
    _description = "Third-place booking"
    _inherit = ["cae.workflow.mixin", "mail.thread", "cae.tl.booking.rules"]
    # Workflow guard (cae_base's cae.workflow.mixin): priced, billed and
    # moved through the states by the steps only; a done or cancelled
    # booking keeps its note.
    _cae_workflow_fields = frozenset(
        {
            "name",
            "membership_id",
            "credit_hours",
            "amount",
            "price_detail",
            "late_cancel",
            "billing_run_id",
            "move_id",
        }
    )
    _cae_workflow_open_states = frozenset({"draft", "confirmed"})
    _cae_workflow_writable = {None: ("note",)}
    _cae_workflow_extra_steps = ("_apply_pricing", "_cron_mark_done")
    _cae_workflow_step_models = ("cae.tl.billing.run",)
    _cae_workflow_initial_values = {"name": ("/",)}
    _order = "start desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "resource_id", "partner_id"]

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    resource_id = fields.Many2one(
        comodel_name="cae.tl.resource",
        string="Resource",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    place_id = fields.Many2one(
        related="resource_id.place_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="resource_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(related="resource_id.kind")
    exclusive = fields.Boolean(
        related="resource_id.exclusive", store=True, precompute=True
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Booked by",
        required=True,
        index=True,
        tracking=True,
    )
    entrepreneur_id = fields.Many2one(
        comodel_name="cae.entrepreneur",
        string="Entrepreneur",
        compute="_compute_access",
        store=True,
        index=True,
        precompute=True,
        help="Active entrepreneur of the cooperative linked to the contact: "
        "their bookings are charged to their activity.",
    )
    home_company_id = fields.Many2one(
        comodel_name="res.company",
        string="Home structure",
        compute="_compute_access",
        store=True,
        index=True,
        precompute=True,
        help="Company the booker belongs to: the place's, or for a guest of "
        "a network the cooperative or structure they are a member of. It "
        "charges them the booking.",
    )
    network_id = fields.Many2one(
        comodel_name="cae.tl.network",
        string="Network",
        compute="_compute_access",
        store=True,
        index="btree_not_null",
        precompute=True,
        help="Network under whose rules a guest books in the place of another "
        "structure: the host bills the booking to the guest's home structure.",
    )
    host_partner_id = fields.Many2one(
        related="place_id.operator_id",
        string="Host structure",
        store=True,
        precompute=True,
    )
    booker_name = fields.Char(
        related="partner_id.name",
        string="Booker's name",
        store=True,
        precompute=True,
        help="The name the host structure needs, without reading the contact.",
    )
    start = fields.Datetime(required=True, index=True, tracking=True)
    stop = fields.Datetime(string="End", required=True, tracking=True)
    occupied_until = fields.Datetime(
        compute="_compute_occupied_until",
        store=True,
        precompute=True,
        required=True,
        help="End plus the buffer of the room or machine: the resource stays "
        "unavailable until then.",
    )
    date = fields.Date(
        compute="_compute_date",
        store=True,
        precompute=True,
        index=True,
        help="Day of the start, in the place's time zone.",
    )
    duration = fields.Float(
        string="Duration (hours)",
        compute="_compute_duration",
        store=True,
        precompute=True,
        aggregator="sum",
    )
    units = fields.Integer(
        string="Desks",
        default=1,
        required=True,
        help="Number of desks booked (desks only).",
    )
    people = fields.Integer(
        default=1,
        required=True,
        help="Number of people expected (meeting rooms).",
    )
    state = fields.Selection(
        selection=BOOKING_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    user_category = fields.Selection(
        selection=USER_CATEGORIES,
        compute="_compute_access",
        store=True,
        precompute=True,
        help="Rate card that applies: CAE entrepreneur, member of the place "
        "(a membership on that day), guest of a network of the place, else "
        "the contact's own category.",
    )
    note = fields.Text()

    # Price, fixed at confirmation
    membership_id = fields.Many2one(
        comodel_name="cae.tl.membership",
        string="Membership used",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    credit_hours = fields.Float(
        string="Hours covered by membership",
        readonly=True,
        copy=False,
        aggregator="sum",
    )
    amount = fields.Monetary(
        string="Price",
        readonly=True,
        copy=False,
        aggregator="sum",
        help="Price excluding taxes, fixed at confirmation.",
    )
    price_detail = fields.Char(readonly=True, copy=False)
    late_cancel = fields.Boolean(
        string="Late cancellation charged",
        readonly=True,
        copy=False,
    )

    network_amount = fields.Monetary(
        string="Billed by the host",
        readonly=True,
        copy=False,
        aggregator="sum",
        help="Guests of a network: what the host structure bills the guest's "
        "home structure, at the network's rate of the place for the whole "
        "booking (memberships of the home structure do not lower it).",
    )

    # Billing
    network_invoice_id = fields.Many2one(
        comodel_name="account.move",
        string="Host's invoice",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Invoice of the host company to the guest's home structure.",
    )
    network_bill_id = fields.Many2one(
        comodel_name="account.move",
        string="Home structure's bill",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Vendor bill of the host structure in the books of the guest's "
        "home structure.",
    )
    billing_run_id = fields.Many2one(
        comodel_name="cae.tl.billing.run",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    move_id = fields.Many2one(
        comodel_name="account.move",
        string="Billed on",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Customer invoice or internal charge entry of this booking.",
    )

    _sql_constraints = [
        (
            "no_double_booking",
            "EXCLUDE USING gist (resource_id WITH =, "
            "tsrange(start, occupied_until, '[)') WITH &&) "
            "WHERE (exclusive AND state IN ('draft', 'confirmed', 'done'))",
            "This room or machine is already booked at that time.",
        ),
        (
            "stop_after_start",
            "CHECK(stop > start)",
            "A booking must end after it starts.",
        ),
        (
            "units_positive",
            "CHECK(units > 0 AND people > 0)",
            "A booking takes at least one desk and one person.",
        ),
    ]

    def _auto_init(self):
        # The exclusion constraint compares resource ids (integers) with a
        # GiST index, which needs btree_gist (a trusted extension).
        self.env.cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        return super()._auto_init()

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("partner_id", "resource_id", "date")
    def _compute_access(self):
        """Who books, for whom, at which rate: see ``cae.tl.place._access_for``
        (sudo inside: portal users and facilitators may not read
        entrepreneurs nor the memberships of other companies)."""
        for booking in self:
            place = booking.place_id
            if not (place and booking.partner_id):
                booking.update(
                    {
                        "entrepreneur_id": False,
                        "home_company_id": place.company_id,
                        "network_id": False,
                        "user_category": "public",
                    }
                )
                continue
            access = place._access_for(booking.partner_id, booking.date)
            category = (
                access.category
                if access
                else booking.partner_id.cae_tl_category or "public"
            )
            booking.update(
                {
                    "entrepreneur_id": access and access.entrepreneur,
                    "home_company_id": (access and access.home_company)
                    or place.company_id,
                    "network_id": access and access.network,
                    "user_category": category,
                }
            )

    @api.depends("stop", "resource_id")
    def _compute_occupied_until(self):
        # The buffer of the resource at booking time: a later change of the
        # buffer applies to new bookings only.
        for booking in self:
            buffer = booking.resource_id.buffer_minutes or 0
            if not booking.resource_id.exclusive:
                buffer = 0
            booking.occupied_until = booking.stop and booking.stop + timedelta(
                minutes=buffer
            )

    @api.depends("start", "resource_id")
    def _compute_date(self):
        for booking in self:
            booking.date = (
                booking.start
                and booking.resource_id
                and booking.resource_id._to_local(booking.start).date()
            )

    @api.depends("start", "stop")
    def _compute_duration(self):
        for booking in self:
            if booking.start and booking.stop:
                booking.duration = (booking.stop - booking.start).total_seconds() / 3600
            else:
                booking.duration = 0.0

    @api.depends("name", "resource_id", "start")
    def _compute_display_name(self):
        for booking in self:
            if booking.resource_id and booking.start:
                booking.display_name = self.env._(
                    "%(reference)s: %(resource)s, %(when)s",
                    reference=booking.name,
                    # sudo: the resource of a booking one may read is part
                    # of its name, also in another structure's place of the
                    # network (whose resources stay that structure's).
                    resource=booking.resource_id.sudo().name,
                    when=booking._format_local(booking.start),
                )
            else:
                booking.display_name = booking.name

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._check_candidates(
            [
                self._candidate_from_vals(vals)
                for vals in vals_list
                if vals.get("state", "draft") in ACTIVE_STATES
            ]
        )
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("cae.tl.booking")
        bookings = super().create(vals_list)
        bookings.filtered(lambda b: b.state == "confirmed")._apply_pricing()
        return bookings

    def write(self, vals):
        rescheduled = SCHEDULE_FIELDS & set(vals)
        if rescheduled:
            if self.filtered(lambda b: b.move_id or b.network_bill_id):
                raise UserError(
                    self.env._("A billed booking can no longer be changed.")
                )
            active = self.filtered(lambda b: b.state in ACTIVE_STATES)
            self._check_candidates(
                [Candidate.from_record(booking, vals, self.env) for booking in active]
            )
        res = super().write(vals)
        if rescheduled:
            self.filtered(lambda b: b.state == "confirmed")._apply_pricing()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if self.filtered(
            lambda b: b.state in ("confirmed", "done") or b.move_id or b.network_bill_id
        ):
            raise UserError(
                self.env._(
                    "Confirmed, done or billed bookings cannot be deleted: cancel "
                    "them instead."
                )
            )

    @api.model
    def _candidate_from_vals(self, vals):
        return Candidate.from_vals(vals, self.env)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_confirm(self):
        drafts = self.filtered(lambda b: b.state == "draft")
        drafts.write({"state": "confirmed"})
        drafts._apply_pricing()
        return True

    def action_cancel(self):
        """Cancel; after the deadline, follow the place's rule.

        Facilitators may always cancel without charge. Users cancelling
        late are refused, or charged (credits stay used, the price is
        billed) depending on the place. Everything is checked before
        anything is written.
        """
        facilitator = self._is_facilitator()
        now = fields.Datetime.now()
        free, charged = self.browse(), self.browse()
        for booking in self.filtered(lambda b: b.state != "cancelled"):
            if booking.state == "done" or booking.move_id or booking.network_bill_id:
                raise UserError(
                    self.env._(
                        "The booking %(booking)s is done or billed: it can no "
                        "longer be cancelled.",
                        booking=booking.display_name,
                    )
                )
            if facilitator or not booking._is_late_cancellation(now):
                free |= booking
            elif booking.place_id.late_cancel_policy == "refuse":
                raise UserError(
                    self.env._(
                        "The booking %(booking)s can no longer be cancelled: the "
                        "deadline was %(deadline)s.",
                        booking=booking.display_name,
                        deadline=booking._format_local(
                            booking._cancellation_deadline()
                        ),
                    )
                )
            else:
                charged |= booking
        free.write(
            {
                "state": "cancelled",
                "membership_id": False,
                "credit_hours": 0.0,
                "amount": 0.0,
                "network_amount": 0.0,
                "price_detail": False,
            }
        )
        charged.write({"state": "cancelled", "late_cancel": True})
        return True

    def action_done(self):
        self.filtered(lambda b: b.state == "confirmed").write({"state": "done"})
        return True

    @api.model
    def _cron_mark_done(self):
        """Bookings whose end has passed are done."""
        self.search(
            [("state", "=", "confirmed"), ("stop", "<=", fields.Datetime.now())]
        ).action_done()

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _cancellation_deadline(self):
        self.ensure_one()
        return self.start - timedelta(hours=self.resource_id.cancel_deadline_hours)

    def _is_late_cancellation(self, now=None):
        self.ensure_one()
        now = now or fields.Datetime.now()
        return self.state == "confirmed" and now > self._cancellation_deadline()

    @api.model
    def _quote(self, vals):
        """Price values of the booking ``vals`` would make, once confirmed,
        without writing anything; raises the reason if it cannot be made.

        What a person sees before confirming: the same rules and the same
        pricing as :meth:`action_confirm`, on a record in memory.
        """
        self._check_candidates([self._candidate_from_vals(vals)], lock=False)
        booking = self.new(vals)
        return self.env["cae.tl.price"]._price_booking(booking)

    def _can_self_cancel(self):
        """Whether the booker may cancel it now without being refused."""
        self.ensure_one()
        return self.state in ("draft", "confirmed") and not (
            self._is_late_cancellation()
            and self.place_id.late_cancel_policy == "refuse"
        )

    def _apply_pricing(self):
        """Fix the price of confirmed bookings, in chronological order.

        Membership credits are consumed first: the membership rows are locked
        so that two concurrent bookings cannot both spend the last hours
        (sudo: a network pass may belong to another company).
        """
        memberships = (
            self.env["cae.tl.membership"]
            .sudo()
            .search([("partner_id", "in", self.partner_id.ids)])
        )
        memberships._lock_for_credits()
        for booking in self.sorted(lambda b: (b.start, b.id)):
            booking.write(self.env["cae.tl.price"]._price_booking(booking))

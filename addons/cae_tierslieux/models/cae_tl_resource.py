# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.misc import format_date

from ..tools import timeline
from .cae_tl_resource_type import EXCLUSIVE_KINDS, RESOURCE_KINDS


class CaeTlResource(models.Model):
    """Something to book in a place.

    - Desks: ``capacity`` identical units; bookings take some of them and
      never more than are free at any instant.
    - Meeting rooms: one group at a time, of at most ``capacity`` people.
    - Machines: one user at a time.

    Rooms and machines are *exclusive*: PostgreSQL itself refuses two active
    bookings whose time ranges (buffer included) overlap (see
    ``cae.tl.booking``). The booking rules (durations, slot step, horizon,
    cancellation deadline, buffer) are set per resource.
    """

    _name = "cae.tl.resource"
    _description = "Third-place resource"
    _inherit = ["mail.thread"]
    _order = "place_id, sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    place_id = fields.Many2one(
        comodel_name="cae.tl.place",
        string="Place",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="place_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    type_id = fields.Many2one(
        comodel_name="cae.tl.resource.type",
        string="Type",
        index=True,
        check_company=True,
    )
    kind = fields.Selection(
        selection=RESOURCE_KINDS,
        compute="_compute_from_type",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
    )
    exclusive = fields.Boolean(
        compute="_compute_exclusive",
        store=True,
        help="Rooms and machines serve one booking at a time.",
    )
    capacity = fields.Integer(
        default=1,
        required=True,
        tracking=True,
        help="Desks: number of identical desks. Meeting room: most people "
        "at once. Machine: always 1.",
    )
    requires_training = fields.Boolean(
        compute="_compute_from_type",
        store=True,
        readonly=False,
        precompute=True,
        help="Only people holding a valid training for this machine or its "
        "type may book it.",
    )
    description = fields.Html()
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Invoiced product",
        check_company=True,
        compute="_compute_product_id",
        store=True,
        readonly=False,
        precompute=True,
        help="Product of the customer invoice lines of this resource's "
        "bookings (its taxes and income account apply).",
    )

    # Booking rules
    min_duration = fields.Float(
        string="Minimum duration",
        default=1.0,
        required=True,
        help="Shortest booking, in hours.",
    )
    max_duration = fields.Float(
        string="Maximum duration",
        default=10.0,
        required=True,
        help="Longest booking, in hours.",
    )
    slot_step = fields.Integer(
        string="Slot step (minutes)",
        default=30,
        required=True,
        help="Bookings start and last a multiple of this step, counted from "
        "midnight: with 30 minutes, 9:00 or 9:30 but not 9:10.",
    )
    buffer_minutes = fields.Integer(
        string="Buffer (minutes)",
        default=0,
        help="Time kept free after each booking of a room or machine "
        "(cleaning, cooling down). Applies to bookings made after a change.",
    )
    horizon_days = fields.Integer(
        string="Booking horizon (days)",
        default=60,
        required=True,
        help="How far ahead users may book.",
    )
    cancel_deadline_hours = fields.Integer(
        string="Cancellation deadline (hours)",
        default=24,
        help="Hours before the start after which a cancellation is late and "
        "follows the place's rule (refused or charged).",
    )

    booking_ids = fields.One2many(
        comodel_name="cae.tl.booking",
        inverse_name="resource_id",
        string="Bookings",
    )
    price_ids = fields.One2many(
        comodel_name="cae.tl.price",
        inverse_name="resource_id",
        string="Prices",
    )
    calendar_feed_url = fields.Char(
        string="Calendar address",
        compute="_compute_calendar_feed_url",
        groups="cae_tierslieux.group_cae_tl_user",
        help="Read-only iCalendar feed of the bookings of the resource.",
    )

    _sql_constraints = [
        ("capacity_positive", "CHECK(capacity > 0)", "Capacity must be positive."),
        (
            "durations_valid",
            "CHECK(min_duration > 0 AND max_duration >= min_duration)",
            "The maximum duration must be at least the minimum duration, "
            "which must be positive.",
        ),
        (
            "rules_positive",
            "CHECK(slot_step > 0 AND horizon_days > 0 AND buffer_minutes >= 0 "
            "AND cancel_deadline_hours >= 0)",
            "The slot step and horizon must be positive, the buffer and the "
            "cancellation deadline not negative.",
        ),
    ]

    @api.depends("type_id")
    def _compute_from_type(self):
        for resource in self:
            if resource.type_id:
                resource.kind = resource.type_id.kind
                resource.requires_training = resource.type_id.requires_training
            elif not resource.kind:
                resource.kind = "desk"

    @api.depends("kind")
    def _compute_exclusive(self):
        for resource in self:
            resource.exclusive = resource.kind in EXCLUSIVE_KINDS

    @api.depends("kind")
    def _compute_product_id(self):
        for resource in self:
            if not resource.product_id:
                resource.product_id = self.env.ref(
                    f"cae_tierslieux.product_{resource.kind}",
                    raise_if_not_found=False,
                )

    def _compute_calendar_feed_url(self):
        Feed = self.env["cae.tl.calendar.feed"]
        for resource in self:
            feed = Feed._for_target(resource=resource) if resource.id else Feed
            resource.calendar_feed_url = feed._get_url() if feed else False

    @api.constrains("kind", "capacity")
    def _check_machine_capacity(self):
        for resource in self:
            if resource.kind == "machine" and resource.capacity != 1:
                raise ValidationError(
                    self.env._(
                        "The machine %(machine)s serves one user at a time: its "
                        "capacity must be 1.",
                        machine=resource.display_name,
                    )
                )

    @api.constrains("slot_step", "min_duration", "max_duration")
    def _check_durations_on_step(self):
        for resource in self:
            for hours in (resource.min_duration, resource.max_duration):
                if round(hours * 60) % resource.slot_step:
                    raise ValidationError(
                        self.env._(
                            "The durations of %(resource)s must be multiples of "
                            "its slot step (%(step)s minutes).",
                            resource=resource.display_name,
                            step=resource.slot_step,
                        )
                    )

    def write(self, vals):
        if {"kind", "place_id", "capacity"} & set(vals):
            self._check_no_active_booking_change(vals)
        return super().write(vals)

    def _check_no_active_booking_change(self, vals):
        """Kind and place shape the bookings' constraints: frozen once
        booked. A capacity may only shrink down to the future bookings'
        peak (desks booked at once, or people in a room)."""
        booked = self.env["cae.tl.booking"].search(
            [("resource_id", "in", self.ids), ("state", "!=", "cancelled")]
        )
        now = fields.Datetime.now()
        for resource in booked.resource_id:
            if ("kind" in vals and vals["kind"] != resource.kind) or (
                "place_id" in vals and vals["place_id"] != resource.place_id.id
            ):
                raise UserError(
                    self.env._(
                        "%(resource)s has bookings: its kind and place can no "
                        "longer change. Archive it and create a new resource.",
                        resource=resource.display_name,
                    )
                )
            if vals.get("capacity", resource.capacity) >= resource.capacity:
                continue
            future = booked.filtered(
                lambda b, r=resource: b.resource_id == r and b.stop > now
            )
            if resource.kind == "room":
                peak = max(future.mapped("people"), default=0)
            else:
                busy = [(b.start, b.stop, b.units) for b in future]
                peak = max(
                    (timeline.peak_usage(busy, b.start, b.stop) for b in future),
                    default=0,
                )
            if peak > vals["capacity"]:
                raise UserError(
                    self.env._(
                        "%(resource)s is booked for %(peak)s at once in the "
                        "future: its capacity cannot go below.",
                        resource=resource.display_name,
                        peak=peak,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_create_calendar_feed(self):
        """Give the resource a calendar address (facilitators)."""
        self.env["cae.tl.calendar.feed"].check_access("create")
        self.check_access("read")
        for resource in self:
            self.env["cae.tl.calendar.feed"]._for_target(resource=resource, create=True)
        self.invalidate_recordset(["calendar_feed_url"])
        return True

    def action_revoke_calendar_feed(self):
        """The address stops answering (facilitators)."""
        self.env["cae.tl.calendar.feed"].check_access("write")
        self.check_access("read")
        for resource in self:
            self.env["cae.tl.calendar.feed"]._for_target(
                resource=resource
            ).action_revoke()
        self.invalidate_recordset(["calendar_feed_url"])
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _lock_for_booking(self):
        """Serialize bookings of these resources until the transaction ends.

        Odoo runs transactions in REPEATABLE READ: a mere ``SELECT ... FOR
        UPDATE`` would make a concurrent booking wait, then let it count the
        units on its old snapshot. A real (no-op) update makes it fail with a
        serialization error instead; Odoo then replays the request, which
        sees the first booking and counts right.
        """
        if not self.ids:
            return
        self.env.cr.execute(
            SQL(
                "UPDATE cae_tl_resource SET write_date = write_date " "WHERE id IN %s",
                tuple(sorted(self.ids)),
            )
        )

    def _tz(self):
        self.ensure_one()
        return pytz.timezone(self.place_id.calendar_id.tz or "UTC")

    def _to_local(self, utc_naive):
        """Naive local time of the place for a naive UTC datetime."""
        return pytz.utc.localize(utc_naive).astimezone(self._tz()).replace(tzinfo=None)

    def _format_slot(self, moment):
        """A start time as people read it: "mar. 3 déc. 09:00"."""
        local = self._to_local(moment)
        day = format_date(self.env, local.date(), date_format="EEE d MMM")
        return f"{day} {local:%H:%M}"

    def _to_utc(self, local_naive):
        return (
            self._tz().localize(local_naive).astimezone(pytz.utc).replace(tzinfo=None)
        )

    def _opening_intervals(self, start, stop):
        """Opening intervals of the place between naive UTC ``start`` and
        ``stop``, as naive local ``(start, stop)`` pairs (closed days out)."""
        self.ensure_one()
        calendar = self.place_id.calendar_id
        tz = self._tz()
        intervals = calendar._work_intervals_batch(
            pytz.utc.localize(start), pytz.utc.localize(stop), tz=tz
        )[False]
        return [
            (
                begin.astimezone(tz).replace(tzinfo=None),
                end.astimezone(tz).replace(tzinfo=None),
            )
            for begin, end, _records in intervals
        ]

    def _busy_intervals(self, start, stop, exclude_ids=()):
        """``(start, occupied_until, units)`` of active bookings overlapping
        ``[start, stop)`` (naive UTC), one query for all resources."""
        self.env["cae.tl.booking"].flush_model(
            ["resource_id", "start", "stop", "occupied_until", "units", "state"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT resource_id, start, occupied_until, units
                  FROM cae_tl_booking
                 WHERE resource_id IN %(resources)s
                   AND state IN ('draft', 'confirmed', 'done')
                   AND start < %(stop)s
                   AND occupied_until > %(start)s
                   AND id NOT IN %(exclude)s
                 ORDER BY start
                """,
                resources=tuple(self.ids),
                start=start,
                stop=stop,
                exclude=tuple(exclude_ids) or (0,),
            )
        )
        busy = {resource_id: [] for resource_id in self.ids}
        for resource_id, busy_start, busy_stop, units in self.env.cr.fetchall():
            busy[resource_id].append((busy_start, busy_stop, units))
        return busy

    def _horizon_for(self, partner, day):
        """How many days ahead ``partner`` may book this resource: its own
        horizon, shortened for the guests of a network if it says so."""
        self.ensure_one()
        access = partner and self.place_id._access_for(partner, day)
        if access and access.is_guest and access.network.guest_horizon_days:
            return min(self.horizon_days, access.network.guest_horizon_days)
        return self.horizon_days

    def _get_free_slots(
        self,
        date_from,
        date_to,
        duration,
        units=1,
        not_before=None,
        horizon_days=None,
    ):
        """Free start times (naive UTC) for a booking of ``duration`` hours.

        :param date_from: first local day searched (a date).
        :param date_to: last local day searched (a date, included).
        :param not_before: earliest start (naive UTC), e.g. now.
        :param horizon_days: how far ahead one may book (default: the
            resource's horizon).

        Costs a bounded number of queries whatever the number of bookings:
        the opening hours (two), then the bookings of the period (one).
        """
        self.ensure_one()
        local_start = datetime.combine(date_from, time.min)
        local_stop = datetime.combine(date_to + timedelta(days=1), time.min)
        start, stop = self._to_utc(local_start), self._to_utc(local_stop)
        horizon = fields.Datetime.now() + timedelta(
            days=self.horizon_days if horizon_days is None else horizon_days
        )
        stop = min(stop, horizon)
        if stop <= start:
            return []
        buffer = timedelta(minutes=self.buffer_minutes if self.exclusive else 0)
        busy = [
            (self._to_local(b_start), self._to_local(b_stop), b_units)
            for b_start, b_stop, b_units in self._busy_intervals(start, stop + buffer)[
                self.id
            ]
        ]
        if self.exclusive:
            busy = [(b_start, b_stop, 1) for b_start, b_stop, _units in busy]
        starts = timeline.free_starts(
            self._opening_intervals(start, stop),
            busy,
            timedelta(hours=duration),
            self.slot_step,
            capacity=1 if self.exclusive else self.capacity,
            units=1 if self.exclusive else units,
            buffer=buffer,
            not_before=not_before and self._to_local(not_before),
        )
        return [self._to_utc(moment) for moment in starts]

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict, namedtuple
from datetime import datetime, time, timedelta

from odoo import fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from ..tools import timeline


class Candidate(
    namedtuple("Candidate", "booking_id resource partner start stop units people")
):
    """A booking as it would be written: checked before anything is."""

    __slots__ = ()

    @classmethod
    def from_vals(cls, vals, env):
        return cls(
            booking_id=None,
            resource=env["cae.tl.resource"].browse(vals.get("resource_id")),
            partner=env["res.partner"].browse(vals.get("partner_id")),
            start=fields.Datetime.to_datetime(vals.get("start")),
            stop=fields.Datetime.to_datetime(vals.get("stop")),
            units=vals.get("units", 1),
            people=vals.get("people", 1),
        )

    @classmethod
    def from_record(cls, booking, vals, env):
        def value(field):
            return vals[field] if field in vals else booking[field]

        return cls(
            booking_id=booking.id,
            resource=env["cae.tl.resource"].browse(
                vals.get("resource_id", booking.resource_id.id)
            ),
            partner=env["res.partner"].browse(
                vals.get("partner_id", booking.partner_id.id)
            ),
            start=fields.Datetime.to_datetime(value("start")),
            stop=fields.Datetime.to_datetime(value("stop")),
            units=value("units"),
            people=value("people"),
        )

    @property
    def hours(self):
        return (self.stop - self.start).total_seconds() / 3600


# Bounds of what a booking may hold (see ``_check_bounds``).
MIN_YEAR, MAX_YEAR = 2000, 2099
MAX_COUNT = 1000


def format_hours(hours):
    """1.5 -> '1h30', 2.0 -> '2h' (the same in French and English)."""
    minutes = round(hours * 60)
    return (
        f"{minutes // 60}h{minutes % 60:02d}" if minutes % 60 else f"{minutes // 60}h"
    )


class CaeTlBookingRules(models.AbstractModel):
    """The booking rules, checked on :class:`Candidate` tuples before a
    booking is created or changed, so that a refused booking leaves nothing
    written. Every refusal says what to change, in the user's language.

    Always checked: shape (duration, slot step, desks and people), opening
    hours and closed days, training, availability. Checked for self-service
    only (users who are not facilitators, and the portal): no booking in
    the past nor beyond the resource's horizon.
    """

    _name = "cae.tl.booking.rules"
    _description = "Third-place booking rules"

    def _is_facilitator(self):
        return not self.env.context.get(
            "cae_tl_self_service"
        ) and self.env.user.has_group("cae_tierslieux.group_cae_tl_user")

    def _format_local(self, moment, resource=None):
        """``moment`` (naive UTC) in the place's time, in the user's date
        format: "03/09/2026 17:00", "09/03/2026 17:00"."""
        resource = resource or self.resource_id
        local = resource._to_local(moment)
        return f"{format_date(self.env, local.date())} {local:%H:%M}"

    def _check_candidates(self, candidates, lock=True):
        """Check ``candidates`` against every rule; with ``lock``, lock their
        resources first (see ``cae.tl.resource._lock_for_booking``), as any
        write must. A quote checks without locking."""
        candidates = [c for c in candidates if c.resource and c.start and c.stop]
        if not candidates:
            return
        self_service = not self._is_facilitator()
        now = fields.Datetime.now()
        for candidate in candidates:
            self._check_bounds(candidate)
            self._check_shape(candidate)
            self._check_opening_hours(candidate)
            if self_service:
                self._check_booking_window(candidate, now)
            self._check_training(candidate)
        if lock:
            resources = self.env["cae.tl.resource"].union(
                *(c.resource for c in candidates)
            )
            resources._lock_for_booking()
        self._check_availability(candidates)

    def _check_bounds(self, candidate):
        """Dates and numbers a booking can hold, checked before any time
        arithmetic: an absurd year or count gets a clear message, not an
        overflow."""
        for moment in (candidate.start, candidate.stop):
            if not (MIN_YEAR <= moment.year <= MAX_YEAR):
                raise ValidationError(
                    self.env._(
                        "A booking takes place between the years %(first)s and "
                        "%(last)s.",
                        first=MIN_YEAR,
                        last=MAX_YEAR,
                    )
                )
        for count in (candidate.units, candidate.people):
            if not isinstance(count, int) or not (1 <= count <= MAX_COUNT):
                raise ValidationError(
                    self.env._(
                        "A booking takes from 1 to %(max)s desks and people.",
                        max=MAX_COUNT,
                    )
                )

    def _check_shape(self, candidate):
        resource, hours = candidate.resource, candidate.hours
        if candidate.stop <= candidate.start:
            raise ValidationError(self.env._("A booking must end after it starts."))
        if resource.kind == "desk" and candidate.units > resource.capacity:
            raise ValidationError(
                self.env._(
                    "%(resource)s has %(capacity)s desks: %(units)s cannot be "
                    "booked at once.",
                    resource=resource.display_name,
                    capacity=resource.capacity,
                    units=candidate.units,
                )
            )
        if resource.kind != "desk" and candidate.units != 1:
            raise ValidationError(
                self.env._("Only desks can be booked several at once.")
            )
        if resource.kind == "room" and candidate.people > resource.capacity:
            raise ValidationError(
                self.env._(
                    "%(resource)s holds %(capacity)s people at most, not "
                    "%(people)s.",
                    resource=resource.display_name,
                    capacity=resource.capacity,
                    people=candidate.people,
                )
            )
        minutes = round(hours * 60)
        if not (
            round(resource.min_duration * 60)
            <= minutes
            <= round(resource.max_duration * 60)
        ):
            raise ValidationError(
                self.env._(
                    "A booking of %(resource)s lasts from %(min)s to %(max)s; "
                    "this one lasts %(duration)s.",
                    resource=resource.display_name,
                    min=format_hours(resource.min_duration),
                    max=format_hours(resource.max_duration),
                    duration=format_hours(hours),
                )
            )
        local_start = resource._to_local(candidate.start)
        start_minute = local_start.hour * 60 + local_start.minute
        if (
            local_start.second
            or start_minute % resource.slot_step
            or minutes % resource.slot_step
        ):
            raise ValidationError(
                self.env._(
                    "Bookings of %(resource)s start and last a multiple of "
                    "%(step)s minutes, counted from midnight: %(start)s to "
                    "%(stop)s is not on that grid.",
                    resource=resource.display_name,
                    step=resource.slot_step,
                    start=self._format_local(candidate.start, resource),
                    stop=self._format_local(candidate.stop, resource),
                )
            )

    def _check_opening_hours(self, candidate):
        resource = candidate.resource
        local_start = resource._to_local(candidate.start)
        local_stop = resource._to_local(candidate.stop)
        day = local_start.date()
        intervals = resource._opening_intervals(
            resource._to_utc(datetime.combine(day, time.min)),
            resource._to_utc(datetime.combine(day + timedelta(days=1), time.min)),
        )
        if any(begin <= local_start and local_stop <= end for begin, end in intervals):
            return
        place = resource.place_id
        if not intervals:
            raise ValidationError(
                self.env._(
                    "%(place)s is closed on %(day)s.",
                    place=place.display_name,
                    day=format_date(self.env, day),
                )
            )
        raise ValidationError(
            self.env._(
                "%(place)s is not open during the whole booking (%(start)s to "
                "%(stop)s). Opening hours that day: %(hours)s.",
                place=place.display_name,
                start=self._format_local(candidate.start, resource),
                stop=self._format_local(candidate.stop, resource),
                hours=", ".join(
                    f"{begin:%H:%M}-{end:%H:%M}" for begin, end in intervals
                ),
            )
        )

    def _check_booking_window(self, candidate, now):
        resource = candidate.resource
        if candidate.start < now:
            raise ValidationError(self.env._("A booking cannot start in the past."))
        days = resource._horizon_for(
            candidate.partner, resource._to_local(candidate.start).date()
        )
        limit = now + timedelta(days=days)
        if candidate.start > limit:
            raise ValidationError(
                self.env._(
                    "%(resource)s can be booked at most %(days)s days ahead, "
                    "until %(limit)s.",
                    resource=resource.display_name,
                    days=days,
                    limit=self._format_local(limit, resource),
                )
            )

    def _check_training(self, candidate):
        resource = candidate.resource
        if not resource.requires_training:
            return
        day = resource._to_local(candidate.start).date()
        trainings = (
            self.env["cae.tl.training"]
            .sudo()
            ._search_for(candidate.partner, resource)
            .filtered(lambda t: t.date <= day)
        )
        if trainings.filtered(lambda t: not t.date_expiry or t.date_expiry >= day):
            return
        if trainings:
            raise ValidationError(
                self.env._(
                    "%(resource)s requires a training: the training of "
                    "%(person)s expired on %(expiry)s. Book a new training "
                    "session.",
                    resource=resource.display_name,
                    person=candidate.partner.display_name,
                    expiry=format_date(self.env, max(trainings.mapped("date_expiry"))),
                )
            )
        raise ValidationError(
            self.env._(
                "%(resource)s requires a training: %(person)s has no valid "
                "training for it on %(day)s.",
                resource=resource.display_name,
                person=candidate.partner.display_name,
                day=format_date(self.env, day),
            )
        )

    def _check_availability(self, candidates):
        """No overlap on rooms and machines, no more desks than there are.

        One query for the bookings of all the resources concerned; the other
        candidates of the same batch count too.
        """
        per_resource = defaultdict(list)
        for candidate in candidates:
            per_resource[candidate.resource].append(candidate)
        resources = self.env["cae.tl.resource"].union(*per_resource)
        exclude = [c.booking_id for c in candidates if c.booking_id]
        max_buffer = timedelta(minutes=max(resources.mapped("buffer_minutes")))
        busy = resources._busy_intervals(
            min(c.start for c in candidates),
            max(c.stop for c in candidates) + max_buffer,
            exclude_ids=exclude,
        )
        for resource, batch in per_resource.items():
            taken = list(busy[resource.id])
            for candidate in batch:
                if resource.exclusive:
                    self._check_exclusive(candidate, taken)
                    buffer = timedelta(minutes=resource.buffer_minutes)
                    taken.append((candidate.start, candidate.stop + buffer, 1))
                else:
                    self._check_units(candidate, taken)
                    taken.append((candidate.start, candidate.stop, candidate.units))

    def _check_exclusive(self, candidate, taken):
        resource = candidate.resource
        until = candidate.stop + timedelta(minutes=resource.buffer_minutes)
        for start, stop, _units in taken:
            if timeline.overlaps(candidate.start, until, start, stop):
                raise ValidationError(
                    self.env._(
                        "%(resource)s is already booked from %(start)s to "
                        "%(stop)s (buffer included).",
                        resource=resource.display_name,
                        start=self._format_local(start, resource),
                        stop=self._format_local(stop, resource),
                    )
                )

    def _check_units(self, candidate, taken):
        resource = candidate.resource
        peak = timeline.peak_usage(taken, candidate.start, candidate.stop)
        if peak + candidate.units > resource.capacity:
            raise ValidationError(
                self.env._(
                    "Only %(free)s of the %(capacity)s desks of %(resource)s are "
                    "free during the whole period %(start)s to %(stop)s.",
                    free=max(resource.capacity - peak, 0),
                    capacity=resource.capacity,
                    resource=resource.display_name,
                    start=self._format_local(candidate.start, resource),
                    stop=self._format_local(candidate.stop, resource),
                )
            )

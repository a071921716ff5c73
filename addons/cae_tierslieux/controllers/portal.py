# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools.misc import format_amount, format_date

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.cae_tl_booking_rules import MAX_COUNT, MAX_YEAR, MIN_YEAR, format_hours

# Largest id PostgreSQL's integer columns hold: anything above is not found.
MAX_ID = 2**31 - 1
# How many next free start times the home page shows per resource.
NEXT_SLOTS = 3


class CaeTlPortal(CustomerPortal):
    """Self-booking for CAE entrepreneurs, members of the places and guests
    of their networks.

    Who may book what: see ``cae.tl.place._access_for`` (an entrepreneur
    books in their company's places, a member where their plan is valid, a
    guest in the places of the networks of their structure). Anything else
    answers 404, and nothing of other people is shown: the week grid lists
    free start times only. Records are read as superuser after these
    checks; bookings are made in self-service mode, so every rule applies
    (horizon, past, cancellation deadline). Every value of a URL or a form
    is parsed within bounds: a wrong one gets a message or the default,
    never a server error.
    """

    # ------------------------------------------------------------------
    # Parsing what comes from the browser
    # ------------------------------------------------------------------
    @staticmethod
    def _cae_tl_int(value, default, low=1, high=MAX_COUNT):
        """``value`` as an integer within ``[low, high]``, else ``default``."""
        try:
            number = int(value)
        except (TypeError, ValueError, OverflowError):
            return default
        return number if low <= number <= high else default

    @staticmethod
    def _cae_tl_date(value):
        """``value`` (YYYY-MM-DD) as a date of the years bookings may hold,
        else None."""
        try:
            day = fields.Date.to_date(value)
        except (TypeError, ValueError, OverflowError):
            return None
        if not day or not (MIN_YEAR <= day.year <= MAX_YEAR):
            return None
        return day

    @staticmethod
    def _cae_tl_datetime(value):
        try:
            moment = fields.Datetime.to_datetime(value)
        except (TypeError, ValueError, OverflowError):
            return None
        if not moment or not (MIN_YEAR <= moment.year <= MAX_YEAR):
            return None
        return moment

    # ------------------------------------------------------------------
    # Who may book what
    # ------------------------------------------------------------------
    def _cae_tl_partner(self):
        return request.env.user.partner_id

    def _cae_tl_today(self):
        return fields.Date.context_today(request.env.user)

    def _cae_tl_places(self):
        """Places the current user may book in today: those of their own
        structures first, then the partners'."""
        places = request.env["cae.tl.place"]._places_open_to(
            self._cae_tl_partner(), self._cae_tl_today()
        )
        own = self._cae_tl_home_partners()
        return places.sorted(lambda p: (p.operator_id not in own, p.sequence, p.name))

    def _cae_tl_resource(self, resource_id):
        if not 0 < resource_id <= MAX_ID:
            raise NotFound()
        resource = request.env["cae.tl.resource"].sudo().browse(resource_id).exists()
        if not resource or resource.place_id not in self._cae_tl_places():
            raise NotFound()
        return resource

    def _cae_tl_own_booking(self, booking_id):
        """The booking ``booking_id`` (from a URL) if it is the user's."""
        booking_id = self._cae_tl_int(booking_id, 0, high=MAX_ID)
        try:
            return self._cae_tl_booking(booking_id)
        except NotFound:
            return request.env["cae.tl.booking"]

    def _cae_tl_booking(self, booking_id):
        if not 0 < booking_id <= MAX_ID:
            raise NotFound()
        booking = request.env["cae.tl.booking"].sudo().browse(booking_id).exists()
        if not booking or booking.partner_id != self._cae_tl_partner():
            raise NotFound()
        return booking

    def _cae_tl_booked_message(self, booking_id):
        booking = self._cae_tl_own_booking(booking_id)
        if not booking:
            return False
        message = request.env._(
            "Booking %(reference)s confirmed: %(resource)s, %(when)s.",
            reference=booking.name,
            resource=booking.resource_id.name,
            when=booking._format_local(booking.start),
        )
        if booking.amount:
            message += " " + request.env._(
                "Price: %(amount)s (%(detail)s).",
                amount=format_amount(request.env, booking.amount, booking.currency_id),
                detail=booking.price_detail,
            )
        elif booking.credit_hours:
            message += " " + booking.price_detail
        return message

    # ------------------------------------------------------------------
    # Home
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "cae_tl_place_count" in counters:
            values["cae_tl_place_count"] = len(self._cae_tl_places())
        return values

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route("/my/tierslieux", type="http", auth="user", website=True)
    def portal_cae_tl_home(self, booked=None, cancelled=None, **kw):
        return request.render(
            "cae_tierslieux.portal_my_tierslieux",
            self._cae_tl_home_values(booked=booked, cancelled=cancelled),
        )

    def _cae_tl_home_values(self, **messages):
        partner = self._cae_tl_partner()
        Booking = request.env["cae.tl.booking"].sudo()
        now = fields.Datetime.now()
        bookings = Booking.search(
            [("partner_id", "=", partner.id), ("stop", ">=", now)], order="start"
        )
        past = Booking.search(
            [("partner_id", "=", partner.id), ("stop", "<", now)],
            order="start desc",
            limit=20,
        )
        memberships = (
            request.env["cae.tl.membership"]
            .sudo()
            .search([("partner_id", "=", partner.id), ("is_current", "=", True)])
        )
        charges = [
            {
                "month": format_date(request.env, month, date_format="MMMM y"),
                "document": move.name,
                "hours": hours,
                "amount": amount,
                "currency": move.currency_id,
            }
            for month, move, amount, hours in Booking._read_group(
                [("partner_id", "=", partner.id), ("move_id", "!=", False)],
                ["date:month", "move_id"],
                ["amount:sum", "duration:sum"],
                order="date:month desc",
                limit=24,
            )
        ]
        places = self._cae_tl_places()
        resources = (
            request.env["cae.tl.resource"]
            .sudo()
            .search([("place_id", "in", places.ids)])
        )
        feed = request.env["cae.tl.calendar.feed"]._for_target(partner=partner)
        return {
            **self._prepare_portal_layout_values(),
            "page_name": "cae_tl",
            "bookings": bookings,
            "past_bookings": past,
            "memberships": memberships,
            "charges": charges,
            "places": places,
            "resources": resources,
            "next_slots": self._cae_tl_next_slots(resources),
            "home_partners": self._cae_tl_home_partners(),
            "feed_url": feed._get_url() if feed else False,
            "booked": self._cae_tl_booked_message(messages.get("booked")),
            "cancelled": messages.get("cancelled"),
            "error": messages.get("error"),
            "notice": messages.get("notice"),
        }

    def _cae_tl_home_partners(self):
        """The structures the user belongs to: their places are not
        "partner" places for them."""
        partner = self._cae_tl_partner().sudo()
        entrepreneurs = partner.cae_entrepreneur_ids.filtered(
            lambda e: e.stage != "exit"
        )
        memberships = request.env["cae.tl.membership"]._current_for(
            partner, self._cae_tl_today()
        )
        return (entrepreneurs.company_id | memberships.company_id).partner_id

    def _cae_tl_next_slots(self, resources):
        """``{resource id: label}``: the next free start times of each
        resource in the coming week, for its shortest booking ("mer. 2 déc.
        09:00, 09:30, 10:00")."""
        today = self._cae_tl_today()
        now = fields.Datetime.now()
        partner = self._cae_tl_partner()
        slots = {}
        for resource in resources:
            starts = resource._get_free_slots(
                today,
                today + timedelta(days=6),
                resource.min_duration,
                not_before=now,
                horizon_days=resource._horizon_for(partner, today),
            )[:NEXT_SLOTS]
            labels, last_day = [], None
            for start in starts:
                local = resource._to_local(start)
                if local.date() == last_day:
                    labels.append(f"{local:%H:%M}")
                else:
                    labels.append(resource._format_slot(start))
                last_day = local.date()
            slots[resource.id] = ", ".join(labels)
        return slots

    @http.route(
        "/my/tierslieux/resource/<int:resource_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_cae_tl_resource(self, resource_id, week=None, duration=None, **kw):
        resource = self._cae_tl_resource(resource_id)
        return request.render(
            "cae_tierslieux.portal_cae_tl_resource",
            self._cae_tl_slot_values(resource, week, duration, kw),
        )

    def _cae_tl_week(self, resource, week):
        """Monday of the week to show and, if ``week`` was not a week one
        may book, a notice saying the current week is shown instead."""
        today = fields.Date.context_today(resource.with_context(tz=resource._tz().zone))
        day = self._cae_tl_date(week) if week else today
        notice = None
        horizon = resource._horizon_for(self._cae_tl_partner(), today)
        latest = today + timedelta(days=horizon + 7)
        if not day or not (today - timedelta(days=7) <= day <= latest):
            notice = request.env._(
                "This week cannot be booked: here is the current week."
            )
            day = today
        return day - timedelta(days=day.weekday()), notice

    def _cae_tl_slot_values(self, resource, week, duration, kw, error=None):
        monday, notice = self._cae_tl_week(resource, week)
        durations = self._cae_tl_durations(resource)
        minutes = self._cae_tl_int(duration, durations[0], high=24 * 60)
        if minutes not in durations:
            minutes = durations[0]
        units, people = self._cae_tl_counts(resource, kw)
        horizon = resource._horizon_for(self._cae_tl_partner(), self._cae_tl_today())
        slots = resource._get_free_slots(
            monday,
            monday + timedelta(days=6),
            minutes / 60,
            units=units,
            not_before=fields.Datetime.now(),
            horizon_days=horizon,
        )
        days = []
        for offset in range(7):
            current = monday + timedelta(days=offset)
            starts = [s for s in slots if resource._to_local(s).date() == current]
            days.append(
                {
                    "date": current,
                    "label": format_date(
                        request.env, current, date_format="EEEE d MMM"
                    ),
                    "slots": [
                        (
                            fields.Datetime.to_string(s),
                            resource._to_local(s).strftime("%H:%M"),
                        )
                        for s in starts
                    ],
                }
            )
        rules = request.env._(
            "Bookings from %(min)s to %(max)s, up to %(days)s days ahead; free "
            "cancellation until %(hours)s hours before the start. Times are those "
            "of the place.",
            min=format_hours(resource.min_duration),
            max=format_hours(resource.max_duration),
            days=horizon,
            hours=resource.cancel_deadline_hours,
        )
        return {
            **self._prepare_portal_layout_values(),
            "page_name": "cae_tl_resource",
            "rules": rules,
            "resource": resource,
            "access": resource.place_id._access_for(
                self._cae_tl_partner(), self._cae_tl_today()
            ),
            "days": days,
            "monday": monday,
            "previous_week": monday - timedelta(days=7),
            "next_week": monday + timedelta(days=7),
            "durations": [(m, f"{m // 60}h{m % 60:02d}") for m in durations],
            "duration": minutes,
            "units": units,
            "people": people,
            "error": error,
            "notice": notice,
        }

    def _cae_tl_counts(self, resource, kw):
        """Desks and people asked, within what the resource holds."""
        units = people = 1
        if resource.kind == "desk":
            units = self._cae_tl_int(kw.get("units"), 1, high=resource.capacity)
        if resource.kind == "room":
            people = self._cae_tl_int(kw.get("people"), 1, high=resource.capacity)
        return units, people

    @staticmethod
    def _cae_tl_durations(resource):
        """Durations offered, in minutes: min to max by slot step (at most
        12 choices, spread over the range)."""
        low = round(resource.min_duration * 60)
        high = round(resource.max_duration * 60)
        step = resource.slot_step
        choices = list(range(low, high + 1, step)) or [low]
        stride = max(len(choices) // 12, 1)
        return sorted(set(choices[::stride] + [choices[-1]]))

    def _cae_tl_request(self, resource, start, duration, kw):
        """The booking values asked by the browser, or an error message."""
        begin = self._cae_tl_datetime(start)
        minutes = self._cae_tl_int(duration, 0, high=24 * 60)
        if not begin or minutes not in self._cae_tl_durations(resource):
            return None, request.env._(
                "This slot does not exist: choose one of the free slots below."
            )
        units, people = self._cae_tl_counts(resource, kw)
        return {
            "resource_id": resource.id,
            "partner_id": self._cae_tl_partner().id,
            "start": begin,
            "stop": begin + timedelta(minutes=minutes),
            "units": units,
            "people": people,
        }, None

    def _cae_tl_render_error(self, resource, vals, duration, kw, error):
        week = vals and fields.Date.to_string(resource._to_local(vals["start"]).date())
        return request.render(
            "cae_tierslieux.portal_cae_tl_resource",
            self._cae_tl_slot_values(resource, week, duration, kw, error=error),
        )

    def _cae_tl_self_service(self):
        return (
            request.env["cae.tl.booking"]
            .sudo()
            .with_context(cae_tl_self_service=True, tracking_disable=False)
        )

    @http.route(
        "/my/tierslieux/resource/<int:resource_id>/confirm",
        type="http",
        auth="user",
        website=True,
    )
    def portal_cae_tl_confirm(self, resource_id, start=None, duration=None, **kw):
        """What the booking will cost, before it is made."""
        resource = self._cae_tl_resource(resource_id)
        vals, error = self._cae_tl_request(resource, start, duration, kw)
        if vals:
            try:
                quote = self._cae_tl_self_service()._quote(vals)
            except UserError as exc:
                error = exc.args[0]
        if error:
            return self._cae_tl_render_error(resource, vals, duration, kw, error)
        booking = request.env["cae.tl.booking"].sudo()
        return request.render(
            "cae_tierslieux.portal_cae_tl_confirm",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "cae_tl_resource",
                "resource": resource,
                "access": resource.place_id._access_for(
                    self._cae_tl_partner(), self._cae_tl_today()
                ),
                "vals": vals,
                "start": fields.Datetime.to_string(vals["start"]),
                "duration": int((vals["stop"] - vals["start"]).total_seconds() // 60),
                "when": booking._format_local(vals["start"], resource),
                "until": resource._to_local(vals["stop"]).strftime("%H:%M"),
                "quote": quote,
                "amount": format_amount(
                    request.env, quote["amount"], resource.currency_id
                ),
                "deadline": booking._format_local(
                    vals["start"] - timedelta(hours=resource.cancel_deadline_hours),
                    resource,
                ),
            },
        )

    @http.route(
        "/my/tierslieux/resource/<int:resource_id>/book",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_cae_tl_book(self, resource_id, start=None, duration=None, **kw):
        resource = self._cae_tl_resource(resource_id)
        vals, error = self._cae_tl_request(resource, start, duration, kw)
        if error:
            return self._cae_tl_render_error(resource, vals, duration, kw, error)
        try:
            with request.env.cr.savepoint():
                booking = self._cae_tl_self_service().create(vals)
                booking.action_confirm()
        except UserError as exc:
            return self._cae_tl_render_error(resource, vals, duration, kw, exc.args[0])
        return request.redirect(f"/my/tierslieux?booked={booking.id}")

    @http.route(
        "/my/tierslieux/booking/<int:booking_id>/cancel",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_cae_tl_cancel(self, booking_id, **kw):
        """GET: what cancelling means (free, or charged); POST: cancel."""
        booking = self._cae_tl_booking(booking_id)
        if request.httprequest.method != "POST":
            return request.render(
                "cae_tierslieux.portal_cae_tl_cancel",
                {
                    **self._prepare_portal_layout_values(),
                    "page_name": "cae_tl_cancel",
                    "booking": booking,
                    "late": booking._is_late_cancellation(),
                    "can_cancel": booking._can_self_cancel(),
                    "deadline": booking._format_local(booking._cancellation_deadline()),
                },
            )
        try:
            with request.env.cr.savepoint():
                booking.with_context(cae_tl_self_service=True).action_cancel()
        except UserError as error:
            return request.render(
                "cae_tierslieux.portal_my_tierslieux",
                self._cae_tl_home_values(error=error.args[0]),
            )
        return request.redirect("/my/tierslieux?cancelled=1")

    # ------------------------------------------------------------------
    # Calendar feed of the member's bookings
    # ------------------------------------------------------------------
    @http.route(
        "/my/tierslieux/calendar/<string:operation>",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_cae_tl_calendar(self, operation, **kw):
        """Make (``create``) or revoke (``revoke``) the member's feed; a new
        feed after a revoked one has a new address."""
        Feed = request.env["cae.tl.calendar.feed"]
        partner = self._cae_tl_partner()
        if operation == "create":
            Feed._for_target(partner=partner, create=True)
        elif operation == "revoke":
            Feed._for_target(partner=partner).action_revoke()
        else:
            raise NotFound()
        return request.redirect("/my/tierslieux#cae_tl_calendar")


class CaeTlCalendarFeed(http.Controller):
    """The read-only iCalendar feeds (RFC 5545), reached with their secret
    token only: an unknown or revoked token is not found."""

    @http.route(
        "/tierslieux/calendar/<string:token>.ics",
        type="http",
        auth="public",
        methods=["GET"],
        csrf=False,
        save_session=False,
    )
    def cae_tl_calendar_feed(self, token, **kw):
        feed = request.env["cae.tl.calendar.feed"]._find_by_token(token)
        if not feed:
            raise NotFound()
        now = fields.Datetime.now()
        if not feed.last_access or feed.last_access < now - timedelta(hours=1):
            feed.last_access = now
        return request.make_response(
            feed._render(now).encode(),
            headers=[
                ("Content-Type", "text/calendar; charset=utf-8"),
                ("Content-Disposition", 'inline; filename="bookings.ics"'),
                ("Cache-Control", "private, max-age=300"),
            ],
        )

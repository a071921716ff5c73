# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools.misc import format_amount, format_date

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.cae_tl_booking_rules import format_hours


class CaeTlPortal(CustomerPortal):
    """Self-booking for CAE entrepreneurs and members of the places.

    Who may book what: an active entrepreneur of a company books in all its
    places, a member in the places of their current memberships. Anything
    else answers 404, and nothing of other people is shown: the week grid
    lists free start times only. Records are read as superuser after these
    checks; bookings are made in self-service mode, so every rule applies
    (horizon, past, cancellation deadline).
    """

    # ------------------------------------------------------------------
    # Who may book what
    # ------------------------------------------------------------------
    def _cae_tl_partner(self):
        return request.env.user.partner_id

    def _cae_tl_places(self):
        """Places the current user may book in."""
        partner = self._cae_tl_partner()
        env = request.env
        entrepreneurs = partner.sudo().cae_entrepreneur_ids.filtered(
            lambda e: e.stage != "exit"
        )
        memberships = (
            env["cae.tl.membership"]
            .sudo()
            .search([("partner_id", "=", partner.id), ("is_current", "=", True)])
        )
        return (
            env["cae.tl.place"]
            .sudo()
            .search(
                [
                    "|",
                    ("company_id", "in", entrepreneurs.company_id.ids),
                    ("id", "in", memberships.place_id.ids),
                ]
            )
        )

    def _cae_tl_resource(self, resource_id):
        resource = request.env["cae.tl.resource"].sudo().browse(resource_id).exists()
        if not resource or resource.place_id not in self._cae_tl_places():
            raise NotFound()
        return resource

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

    def _cae_tl_own_booking(self, booking_id):
        """The booking ``booking_id`` (from a URL) if it is the user's."""
        try:
            return self._cae_tl_booking(int(booking_id))
        except (TypeError, ValueError, NotFound):
            return request.env["cae.tl.booking"]

    def _cae_tl_booking(self, booking_id):
        booking = request.env["cae.tl.booking"].sudo().browse(booking_id).exists()
        if not booking or booking.partner_id != self._cae_tl_partner():
            raise NotFound()
        return booking

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
    def portal_cae_tl_home(self, booked=None, cancelled=None, error=None, **kw):
        return request.render(
            "cae_tierslieux.portal_my_tierslieux",
            self._cae_tl_home_values(booked=booked, cancelled=cancelled, error=error),
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
        return {
            **self._prepare_portal_layout_values(),
            "page_name": "cae_tl",
            "bookings": bookings,
            "past_bookings": past,
            "memberships": memberships,
            "charges": charges,
            "places": places,
            "resources": request.env["cae.tl.resource"]
            .sudo()
            .search([("place_id", "in", places.ids)]),
            "booked": self._cae_tl_booked_message(messages.get("booked")),
            "cancelled": messages.get("cancelled"),
            "error": messages.get("error"),
        }

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

    def _cae_tl_slot_values(self, resource, week, duration, kw, error=None):
        today = fields.Date.context_today(resource.with_context(tz=resource._tz().zone))
        try:
            day = fields.Date.to_date(week) or today
        except ValueError:
            day = today
        monday = day - timedelta(days=day.weekday())
        durations = self._cae_tl_durations(resource)
        try:
            minutes = int(duration or durations[0])
        except ValueError:
            minutes = durations[0]
        if minutes not in durations:
            minutes = durations[0]
        units = self._cae_tl_int(kw.get("units"), 1)
        slots = resource.with_context(cae_tl_self_service=True)._get_free_slots(
            monday,
            monday + timedelta(days=6),
            minutes / 60,
            units=units,
            not_before=fields.Datetime.now(),
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
            days=resource.horizon_days,
            hours=resource.cancel_deadline_hours,
        )
        return {
            **self._prepare_portal_layout_values(),
            "page_name": "cae_tl_resource",
            "rules": rules,
            "resource": resource,
            "days": days,
            "monday": monday,
            "previous_week": monday - timedelta(days=7),
            "next_week": monday + timedelta(days=7),
            "durations": [(m, f"{m // 60}h{m % 60:02d}") for m in durations],
            "duration": minutes,
            "units": units,
            "people": self._cae_tl_int(kw.get("people"), 1),
            "error": error,
        }

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

    @staticmethod
    def _cae_tl_int(value, default):
        try:
            return max(int(value), 1)
        except (TypeError, ValueError):
            return default

    @http.route(
        "/my/tierslieux/resource/<int:resource_id>/book",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_cae_tl_book(self, resource_id, start=None, duration=None, **kw):
        resource = self._cae_tl_resource(resource_id)
        try:
            begin = fields.Datetime.to_datetime(start)
            minutes = int(duration)
        except (TypeError, ValueError) as exc:
            raise NotFound() from exc
        if not begin:
            raise NotFound()
        vals = {
            "resource_id": resource.id,
            "partner_id": self._cae_tl_partner().id,
            "start": begin,
            "stop": begin + timedelta(minutes=minutes),
            "units": self._cae_tl_int(kw.get("units"), 1),
            "people": self._cae_tl_int(kw.get("people"), 1),
        }
        Booking = (
            request.env["cae.tl.booking"]
            .sudo()
            .with_context(cae_tl_self_service=True, tracking_disable=False)
        )
        try:
            with request.env.cr.savepoint():
                booking = Booking.create(vals)
                booking.action_confirm()
        except UserError as error:
            values = self._cae_tl_slot_values(
                resource,
                fields.Date.to_string(resource._to_local(begin).date()),
                minutes,
                kw,
                error=error.args[0],
            )
            return request.render("cae_tierslieux.portal_cae_tl_resource", values)
        return request.redirect(f"/my/tierslieux?booked={booking.id}")

    @http.route(
        "/my/tierslieux/booking/<int:booking_id>/cancel",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_cae_tl_cancel(self, booking_id, **kw):
        booking = self._cae_tl_booking(booking_id)
        try:
            with request.env.cr.savepoint():
                booking.with_context(cae_tl_self_service=True).action_cancel()
        except UserError as error:
            return request.render(
                "cae_tierslieux.portal_my_tierslieux",
                self._cae_tl_home_values(error=error.args[0]),
            )
        return request.redirect("/my/tierslieux?cancelled=1")

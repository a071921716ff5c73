# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import consteq

from . import ical
from .cae_tl_booking_rules import format_hours

# Bookings in a feed: from this many days back to this many days ahead.
FEED_DAYS_BACK = 90
FEED_DAYS_AHEAD = 400
# What ``secrets.token_urlsafe(32)`` makes: anything else is not a token.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,64}")


class CaeTlCalendarFeed(models.Model):
    """A secret address where calendar applications read bookings.

    Two kinds, as the booking tools people already use offer: the bookings
    of a member (anywhere in the network), or the calendar of a resource.
    The address holds a random token (32 bytes); anyone holding it reads the
    feed, nobody can change anything through it. Revoking a feed archives
    it: its address answers "not found" from then on, and a new one can be
    made. A resource's feed shows "booked" and the references, the names of
    the bookers only if its facilitators choose so.
    """

    _name = "cae.tl.calendar.feed"
    _description = "Third-place calendar feed"
    _order = "id desc"

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Member",
        index="btree_not_null",
        ondelete="cascade",
        help="A member's feed: their bookings.",
    )
    resource_id = fields.Many2one(
        comodel_name="cae.tl.resource",
        string="Resource",
        index="btree_not_null",
        ondelete="cascade",
        help="A resource's feed: its bookings.",
    )
    company_id = fields.Many2one(
        related="resource_id.company_id", store=True, index=True
    )
    active = fields.Boolean(default=True, help="Unticked once revoked.")
    token = fields.Char(
        required=True,
        copy=False,
        index=True,
        groups="base.group_system",
        default=lambda self: secrets.token_urlsafe(32),
    )
    show_names = fields.Boolean(
        string="Show the bookers' names",
        help="A resource's feed shows who booked (otherwise only that it is "
        "booked): for the place's own staff.",
    )
    last_access = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [
        (
            "one_target",
            "CHECK((partner_id IS NULL) != (resource_id IS NULL))",
            "A calendar feed is a member's or a resource's.",
        ),
        ("token_unique", "unique(token)", "Two feeds cannot share an address."),
    ]

    @api.depends("partner_id", "resource_id")
    def _compute_display_name(self):
        for feed in self:
            feed.display_name = (feed.partner_id or feed.resource_id).display_name

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_revoke(self):
        """The address stops answering; a new feed gets a new address."""
        self.write({"active": False})
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _get_url(self):
        self.ensure_one()
        base = self.get_base_url()
        return f"{base}/tierslieux/calendar/{self.sudo().token}.ics"

    @api.model
    def _for_target(self, partner=None, resource=None, create=False):
        """The active feed of ``partner`` or ``resource`` (sudo: called after
        the caller checked who asks), made if ``create``."""
        field, target = (
            ("partner_id", partner) if partner else ("resource_id", resource)
        )
        feed = self.sudo().search([(field, "=", target.id)], limit=1)
        if not feed and create:
            feed = self.sudo().create({field: target.id})
        return feed

    @api.model
    def _find_by_token(self, token):
        """The active feed of ``token``, or an empty recordset."""
        if not token or not TOKEN_PATTERN.fullmatch(token):
            return self.browse()
        feed = self.sudo().search([("token", "=", token)], limit=1)
        if feed and consteq(feed.token, token):
            return feed
        return self.browse()

    def _bookings(self, now):
        self.ensure_one()
        field, target = (
            ("partner_id", self.partner_id)
            if self.partner_id
            else ("resource_id", self.resource_id)
        )
        return (
            self.env["cae.tl.booking"]
            .sudo()
            .search(
                [
                    (field, "=", target.id),
                    ("stop", ">=", now - timedelta(days=FEED_DAYS_BACK)),
                    ("start", "<=", now + timedelta(days=FEED_DAYS_AHEAD)),
                ],
                order="start, id",
            )
        )

    def _render(self, now=None):
        """The iCalendar text of the feed, in its owner's language."""
        self.ensure_one()
        now = now or fields.Datetime.now()
        feed = self.sudo()
        lang = (
            feed.partner_id.lang
            or feed.resource_id.company_id.partner_id.lang
            or self.env.lang
        )
        feed = feed.with_context(lang=lang)
        domain = self.env["ir.config_parameter"].sudo().get_param("database.uuid")
        events = [feed._event(booking, domain) for booking in feed._bookings(now)]
        if feed.partner_id:
            name = feed.env._("My bookings in the third places")
        else:
            name = feed.resource_id.display_name
        return ical.calendar(name, events, "-//CAE suite//Third places//FR", now)

    def _event(self, booking, domain):
        env = self.env
        status = {"draft": "TENTATIVE", "cancelled": "CANCELLED"}.get(
            booking.state, "CONFIRMED"
        )
        place = booking.place_id
        if self.partner_id:
            summary = env._(
                "%(resource)s - %(place)s",
                resource=booking.resource_id.name,
                place=place.name,
            )
            description = env._(
                "Booking %(reference)s, %(duration)s. Free cancellation until "
                "%(deadline)s.",
                reference=booking.name,
                duration=format_hours(booking.duration),
                deadline=booking._format_local(booking._cancellation_deadline()),
            )
        else:
            who = booking.booker_name if self.show_names else env._("Booked")
            summary = f"{who} ({booking.name})"
            description = booking.note if self.show_names else ""
        address = place.partner_id
        location = ", ".join(
            part
            for part in (place.name, address.street, address.zip, address.city)
            if part
        )
        return ical.Event(
            uid=f"cae-tl-booking-{booking.id}@{domain}",
            start=booking.start,
            stop=booking.stop,
            summary=summary,
            description=description,
            location=location,
            status=status,
            last_modified=booking.write_date,
        )

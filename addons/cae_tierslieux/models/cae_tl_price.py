# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..tools.pricing import cheapest_combination
from .cae_tl_booking import USER_CATEGORIES
from .cae_tl_booking_rules import format_hours


class CaeTlPrice(models.Model):
    """A rate card line: what a user category pays for a resource.

    A line applies to one resource, to every resource of a type, or to every
    resource of the place; the most specific one wins. Its hour, half-day and
    day prices (excluding taxes, per desk for desks) are combined at the
    cheapest (see :mod:`.pricing`); a price left at zero is not offered. A
    category without any line books for free.
    """

    _name = "cae.tl.price"
    _description = "Third-place price"
    _order = "place_id, resource_id, type_id, user_category"
    _check_company_auto = True

    place_id = fields.Many2one(
        comodel_name="cae.tl.place",
        string="Place",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="place_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    resource_id = fields.Many2one(
        comodel_name="cae.tl.resource",
        string="Resource",
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('place_id', '=', place_id)]",
        help="Leave empty for every resource of the type, or of the place.",
    )
    type_id = fields.Many2one(
        comodel_name="cae.tl.resource.type",
        string="Resource type",
        ondelete="cascade",
        check_company=True,
        help="Leave empty (and the resource too) for every resource of the place.",
    )
    user_category = fields.Selection(selection=USER_CATEGORIES, required=True)
    price_hour = fields.Monetary(string="Per hour")
    price_half_day = fields.Monetary(string="Per half-day")
    price_day = fields.Monetary(string="Per day")

    _sql_constraints = [
        (
            "some_price",
            "CHECK(COALESCE(price_hour, 0) > 0 OR COALESCE(price_half_day, 0) > 0 "
            "OR COALESCE(price_day, 0) > 0)",
            "A price line needs a price per hour, half-day or day. To let a "
            "category book for free, give it no price line.",
        ),
        (
            "resource_or_type",
            "CHECK(resource_id IS NULL OR type_id IS NULL)",
            "A price applies to a resource or to a resource type, not both.",
        ),
    ]

    def init(self):
        # One line per target and category; NULL targets count as equal.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS cae_tl_price_target_uniq ON "
                "cae_tl_price (place_id, COALESCE(resource_id, 0), "
                "COALESCE(type_id, 0), user_category)"
            )
        )

    @api.constrains("resource_id", "place_id")
    def _check_resource_place(self):
        for price in self:
            if price.resource_id and price.resource_id.place_id != price.place_id:
                raise ValidationError(
                    self.env._(
                        "The resource %(resource)s is not in the place %(place)s.",
                        resource=price.resource_id.display_name,
                        place=price.place_id.display_name,
                    )
                )

    @api.depends("place_id", "resource_id", "type_id", "user_category")
    def _compute_display_name(self):
        categories = dict(
            self._fields["user_category"]._description_selection(self.env)
        )
        for price in self:
            target = price.resource_id or price.type_id or price.place_id
            price.display_name = (
                f"{target.display_name} / {categories.get(price.user_category, '')}"
            )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _find_rate(self, resource, category):
        """Most specific line for ``resource`` and ``category``, if any
        (sudo: a guest's booking is priced by the host's rate card)."""
        prices = self.sudo().search(
            [
                ("place_id", "=", resource.place_id.id),
                ("user_category", "=", category),
                "|",
                ("resource_id", "in", [resource.id, False]),
                ("type_id", "in", [resource.type_id.id, False]),
            ]
        )
        for match in (
            lambda p: p.resource_id == resource,
            lambda p: resource.type_id and p.type_id == resource.type_id,
            lambda p: not p.resource_id and not p.type_id,
        ):
            found = prices.filtered(match)
            if found:
                return found[:1]
        return self.browse()

    def _combination(self, hours):
        self.ensure_one()
        place = self.place_id
        return cheapest_combination(
            hours,
            price_hour=self.price_hour or None,
            price_half_day=self.price_half_day or None,
            price_day=self.price_day or None,
            half_day_hours=place.half_day_hours,
            day_hours=place.day_hours,
        )

    @api.model
    def _price_booking(self, booking):
        """Price values of ``booking``: membership first, then the rate card.

        A pass covers the whole booking; hour credits cover what is left in
        the month of the booking (one desk only: a booking of several desks
        is for a team and pays full price).
        """
        values = {
            "membership_id": False,
            "credit_hours": 0.0,
            "amount": 0.0,
            "network_amount": 0.0,
            "price_detail": False,
        }
        hours, details = booking.duration, []
        membership = self.env["cae.tl.membership"]._find_for(
            booking.partner_id, booking.place_id, booking.date, booking.resource_id
        )
        if membership and booking.units == 1:
            used = membership._credits_to_use(booking, hours)
            if used:
                values.update(membership_id=membership.id, credit_hours=used)
                details.append(
                    self.env._(
                        "%(hours)s on %(membership)s",
                        hours=format_hours(used),
                        membership=membership.plan_id.name,
                    )
                )
                hours -= used
        if hours > 1e-6:
            rate = self._find_rate(booking.resource_id, booking.user_category)
            combination = rate and rate._combination(hours)
            if combination:
                values["amount"] = booking.currency_id.round(
                    combination.amount * booking.units
                )
                details.append(self._describe(combination, booking.units))
            else:
                details.append(self.env._("no price for this category"))
        values["price_detail"] = " + ".join(details)
        if booking.network_id:
            values["network_amount"] = self._network_amount(booking)
        return values

    @api.model
    def _network_amount(self, booking):
        """What the host bills the guest's home structure: the whole booking
        at the place's network rate (whatever the guest's credits)."""
        rate = self._find_rate(booking.resource_id, "network")
        combination = rate and rate._combination(booking.duration)
        if not combination:
            return 0.0
        return booking.currency_id.round(combination.amount * booking.units)

    @api.model
    def _describe(self, combination, units):
        parts = []
        if combination.days:
            parts.append(self.env._("%(count)s × day", count=combination.days))
        if combination.half_days:
            parts.append(
                self.env._("%(count)s × half-day", count=combination.half_days)
            )
        if combination.hours > 1e-6:
            parts.append(
                self.env._(
                    "%(hours)s by the hour", hours=format_hours(combination.hours)
                )
            )
        text = " + ".join(parts)
        if units > 1:
            text = self.env._("(%(text)s) × %(units)s desks", text=text, units=units)
        return text

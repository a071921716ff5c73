# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class CaeTlMembership(models.Model):
    """A person's membership under a plan, between two dates.

    The membership is taken in a *home place*, one of the plan's places: its
    fee (the plan's price in that place) is billed by that place's monthly
    billing. It opens every place where the plan is valid. Its hour credits
    are counted per calendar month (the month of each booking's day), in
    all the places together or per place as the plan says: what a month's
    bookings did not use is lost.
    """

    _name = "cae.tl.membership"
    _description = "Third-place membership"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Member",
        required=True,
        index=True,
        tracking=True,
    )
    plan_id = fields.Many2one(
        comodel_name="cae.tl.membership.plan",
        string="Plan",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    place_id = fields.Many2one(
        comodel_name="cae.tl.place",
        string="Home place",
        compute="_compute_place_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        tracking=True,
        help="Place where the member subscribed, among the plan's places of "
        "its company: its price applies and its billing bills the fee.",
    )
    fee = fields.Monetary(
        string="Monthly fee",
        compute="_compute_fee",
        store=True,
        help="The plan's fee in the home place, excluding taxes.",
    )
    valid_place_ids = fields.Many2many(related="plan_id.valid_place_ids")
    company_id = fields.Many2one(
        related="plan_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(related="plan_id.kind")
    date_start = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(tracking=True, help="Leave empty while it runs.")
    booking_ids = fields.One2many(
        comodel_name="cae.tl.booking",
        inverse_name="membership_id",
        string="Bookings",
    )
    credits_used = fields.Float(
        string="Hours used this month", compute="_compute_credits"
    )
    credits_left = fields.Float(
        string="Hours left this month", compute="_compute_credits"
    )
    is_current = fields.Boolean(
        string="Current", compute="_compute_is_current", search="_search_is_current"
    )

    _sql_constraints = [
        (
            "dates_ordered",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "A membership cannot end before it starts.",
        ),
    ]

    @api.depends("plan_id")
    def _compute_place_id(self):
        for membership in self:
            if membership.place_id not in membership.plan_id._get_valid_places():
                membership.place_id = membership.plan_id.place_id

    @api.depends("plan_id.fee", "plan_id.place_line_ids.fee", "place_id")
    def _compute_fee(self):
        for membership in self:
            membership.fee = (
                membership.plan_id._fee_at(membership.place_id)
                if membership.plan_id
                else 0.0
            )

    @api.constrains("place_id", "plan_id")
    def _check_home_place(self):
        for membership in self.sudo():
            place, plan = membership.place_id, membership.plan_id
            if (
                place not in plan._get_valid_places()
                or place.company_id != plan.company_id
                or place.is_partner_listing
            ):
                raise ValidationError(
                    self.env._(
                        "The home place of a membership of %(plan)s is one of the "
                        "plan's places run by %(company)s, not %(place)s.",
                        plan=plan.name,
                        company=plan.company_id.name,
                        place=place.name,
                    )
                )

    @api.depends("partner_id", "plan_id")
    def _compute_display_name(self):
        for membership in self:
            membership.display_name = (
                f"{membership.plan_id.name or ''} - {membership.partner_id.name or ''}"
            )

    @api.depends("plan_id.credit_hours", "booking_ids.credit_hours", "place_id")
    def _compute_credits(self):
        """Hours of this month: of all the places, or of the home place for
        credits per place."""
        today = fields.Date.context_today(self)
        used = {}
        for membership in self:
            if membership.plan_id.credit_scope == "per_place":
                used.update(
                    membership._credits_used_in(today, place=membership.place_id)
                )
        shared = self.filtered(lambda m: m.plan_id.credit_scope != "per_place")
        used.update(shared._credits_used_in(today))
        for membership in self:
            membership.credits_used = used.get(membership.id, 0.0)
            # A new membership has no plan yet: no credits.
            hours = (
                membership.plan_id._credit_hours_at(membership.place_id)
                if membership.plan_id
                else 0.0
            )
            membership.credits_left = (
                max(hours - membership.credits_used, 0.0)
                if membership.kind == "credits"
                else 0.0
            )

    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for membership in self:
            membership.is_current = membership.date_start <= today and (
                not membership.date_end or membership.date_end >= today
            )

    def _search_is_current(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
        ]
        if (operator == "=") != bool(value):
            domain = ["!", *domain]
        return domain

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _current_for(self, partner, day):
        """Memberships of ``partner`` running on ``day``, of every company
        (sudo: a network pass of one structure opens the places of others)."""
        return self.sudo().search(
            [
                ("partner_id", "=", partner.id),
                ("date_start", "<=", day),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", day),
            ]
        )

    @api.model
    def _find_for(self, partner, place, day, resource=None):
        """Membership of ``partner`` valid at ``place`` on ``day``; with a
        ``resource``, one whose plan covers it, a pass before credits, the
        place's own company's plans before the others'."""
        if not (partner and place and day):
            return self.browse()
        memberships = self._current_for(partner, day).filtered(
            lambda m: place in m.plan_id._get_valid_places()
        )
        if resource is not None:
            memberships = memberships.filtered(lambda m: m.plan_id._covers(resource))
        memberships = memberships.sorted(
            lambda m: (m.kind != "pass", m.company_id != place.company_id, m.id)
        )
        return memberships[:1]

    def _lock_for_credits(self):
        """Serialize credit spending (see ``cae.tl.resource._lock_for_booking``)."""
        if self.ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE cae_tl_membership SET write_date = write_date "
                    "WHERE id IN %s",
                    tuple(sorted(self.ids)),
                )
            )

    def _credits_used_in(self, day, exclude=None, place=None):
        """Hours of credits used in the month of ``day``, per membership id
        (in ``place`` only, if given).

        Cancelled bookings give their credits back, unless the cancellation
        was late and charged.
        """
        if not self.ids:
            return {}
        month = day.replace(day=1)
        domain = [
            ("membership_id", "in", self.ids),
            ("date", ">=", month),
            ("date", "<", month + relativedelta(months=1)),
            "|",
            ("state", "in", ("confirmed", "done")),
            ("late_cancel", "=", True),
        ]
        if place:
            domain.append(("place_id", "=", place.id))
        exclude_ids = [
            i for i in (exclude.ids if exclude else []) if isinstance(i, int)
        ]
        if exclude_ids:
            domain.append(("id", "not in", exclude_ids))
        groups = (
            self.env["cae.tl.booking"]
            .sudo()
            ._read_group(domain, ["membership_id"], ["credit_hours:sum"])
        )
        return {membership.id: hours for membership, hours in groups}

    def _credits_to_use(self, booking, hours):
        """Hours of ``booking`` this membership covers: all of them for a
        pass, what is left of the month's credits otherwise."""
        self.ensure_one()
        if self.kind == "pass":
            return hours
        place = booking.place_id if self.plan_id.credit_scope == "per_place" else None
        used = self._credits_used_in(booking.date, exclude=booking, place=place)
        available = self.plan_id._credit_hours_at(booking.place_id) - used.get(
            self.id, 0.0
        )
        return max(min(hours, available), 0.0)

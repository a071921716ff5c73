# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

PLAN_KINDS = [
    ("pass", "Unlimited pass"),
    ("credits", "Hour credits"),
]
PLAN_SCOPES = [
    ("place", "This place only"),
    ("places", "Several places"),
    ("network", "Every place of a network"),
]
CREDIT_SCOPES = [
    ("shared", "Shared between the places"),
    ("per_place", "Per place"),
]


class CaeTlMembershipPlan(models.Model):
    """What a place sells to its members, by the month.

    - Unlimited pass: the covered resources cost nothing during the month.
    - Hour credits: so many hours a month, used by bookings before anything
      is charged; unused hours are lost at the end of the month.

    A plan is valid in its place only, in several places, or in every place
    of a network (a *network pass*, as Nexudus and Cobot call the
    multi-location plans). Its credits are shared between the places (one
    pool of hours) or given per place; its fee and hours may differ per
    place (``place_line_ids``): a member pays the fee of the place where
    they subscribed, their home place.

    The monthly fee is billed by the monthly billing run of the home place.
    Members also get the "member" rate card of their company's places for
    what their plan does not cover, and the "network" rate card in the
    places of other structures.
    """

    _name = "cae.tl.membership.plan"
    _description = "Third-place membership plan"
    _order = "place_id, sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    place_id = fields.Many2one(
        comodel_name="cae.tl.place",
        string="Place",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_partner_listing', '=', False)]",
        help="Place selling the plan: its members subscribe there unless "
        "they choose another of the plan's places.",
    )
    scope = fields.Selection(
        selection=PLAN_SCOPES,
        string="Valid in",
        required=True,
        default="place",
    )
    extra_place_ids = fields.Many2many(
        comodel_name="cae.tl.place",
        relation="cae_tl_membership_plan_place_rel",
        column1="plan_id",
        column2="place_id",
        string="Other places",
        help="The other places where the plan is valid (with the place).",
    )
    network_id = fields.Many2one(
        comodel_name="cae.tl.network",
        string="Network",
        index="btree_not_null",
        help="The plan is valid in every place of this network.",
    )
    credit_scope = fields.Selection(
        selection=CREDIT_SCOPES,
        string="Hour credits",
        required=True,
        default="shared",
        help="Shared: one pool of hours a month, used in any of the places. "
        "Per place: the hours of the month in each place.",
    )
    place_line_ids = fields.One2many(
        comodel_name="cae.tl.membership.plan.place",
        inverse_name="plan_id",
        string="Prices per place",
        copy=True,
        help="Places where the monthly fee or the hours differ from the plan's.",
    )
    valid_place_ids = fields.Many2many(
        comodel_name="cae.tl.place",
        string="Valid places",
        compute="_compute_valid_place_ids",
        help="Every place where the plan is valid.",
    )
    company_id = fields.Many2one(
        related="place_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(selection=PLAN_KINDS, required=True, default="credits")
    credit_hours = fields.Float(
        string="Hours per month",
        help="Hour credits of each calendar month, lost at its end.",
    )
    fee = fields.Monetary(
        string="Monthly fee",
        help="Billed each month of the membership, excluding taxes.",
    )
    type_ids = fields.Many2many(
        comodel_name="cae.tl.resource.type",
        string="Covered resource types",
        help="Resources the pass or the credits apply to; empty for all "
        "the resources of the place.",
    )
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Invoiced product",
        check_company=True,
        default=lambda self: self.env.ref(
            "cae_tierslieux.product_membership", raise_if_not_found=False
        ),
    )
    description = fields.Text()
    membership_ids = fields.One2many(
        comodel_name="cae.tl.membership",
        inverse_name="plan_id",
        string="Memberships",
    )
    member_count = fields.Integer(compute="_compute_member_count")

    _sql_constraints = [
        (
            "credits_positive",
            "CHECK(kind != 'credits' OR credit_hours > 0)",
            "A plan of hour credits needs a positive number of hours per month.",
        ),
        ("fee_positive", "CHECK(fee >= 0)", "The monthly fee cannot be negative."),
    ]

    @api.depends("scope", "place_id", "extra_place_ids", "network_id.place_ids")
    def _compute_valid_place_ids(self):
        for plan in self:
            plan.valid_place_ids = plan.sudo()._get_valid_places()

    @api.constrains("scope", "network_id", "extra_place_ids", "place_id")
    def _check_scope(self):
        for plan in self.sudo():
            if plan.scope == "network" and not plan.network_id:
                raise ValidationError(
                    self.env._(
                        "Choose the network where the plan %(plan)s is valid.",
                        plan=plan.name,
                    )
                )
            if (
                plan.scope == "network"
                and plan.place_id not in plan.network_id.place_ids
            ):
                raise ValidationError(
                    self.env._(
                        "The place %(place)s selling the plan %(plan)s is not a "
                        "place of the network %(network)s.",
                        place=plan.place_id.name,
                        plan=plan.name,
                        network=plan.network_id.name,
                    )
                )
            own = plan.company_id.partner_id
            for place in plan.extra_place_ids if plan.scope == "places" else ():
                if place.company_id == plan.company_id or any(
                    network._structure_of(own) for network in place.network_ids
                ):
                    continue
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s cannot be valid in %(place)s: the place "
                        "belongs to another structure, in no network of %(company)s.",
                        plan=plan.name,
                        place=place.name,
                        company=plan.company_id.name,
                    )
                )

    @api.depends("membership_ids")
    def _compute_member_count(self):
        counts = dict(
            self.env["cae.tl.membership"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.member_count = counts.get(plan, 0)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _get_valid_places(self):
        """Places where these plans are valid (a union)."""
        places = self.env["cae.tl.place"]
        for plan in self:
            places |= plan.place_id
            if plan.scope == "places":
                places |= plan.extra_place_ids
            elif plan.scope == "network":
                places |= plan.network_id.place_ids
        return places

    def _covers(self, resource):
        self.ensure_one()
        return resource.place_id in self._get_valid_places() and (
            not self.type_ids or resource.type_id in self.type_ids
        )

    def _place_line(self, place):
        self.ensure_one()
        return self.place_line_ids.filtered(lambda line: line.place_id == place)[:1]

    def _fee_at(self, place):
        """Monthly fee of a member whose home place is ``place``."""
        self.ensure_one()
        line = self._place_line(place)
        return line.fee if line else self.fee

    def _credit_hours_at(self, place):
        """Hours of credits of a month: in ``place`` for credits per place,
        in all the places together for shared credits."""
        self.ensure_one()
        line = self.credit_scope == "per_place" and self._place_line(place)
        return line.credit_hours if line and line.credit_hours else self.credit_hours

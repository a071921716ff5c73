# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

PLAN_KINDS = [
    ("pass", "Unlimited pass"),
    ("credits", "Hour credits"),
]


class CaeTlMembershipPlan(models.Model):
    """What a place sells to its members, by the month.

    - Unlimited pass: the covered resources cost nothing during the month.
    - Hour credits: so many hours a month, used by bookings before anything
      is charged; unused hours are lost at the end of the month.

    The monthly fee is billed by the monthly billing run. Members also get
    the "member" rate card for what their plan does not cover.
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

    @api.depends("membership_ids")
    def _compute_member_count(self):
        counts = dict(
            self.env["cae.tl.membership"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.member_count = counts.get(plan, 0)

    def _covers(self, resource):
        self.ensure_one()
        return not self.type_ids or resource.type_id in self.type_ids

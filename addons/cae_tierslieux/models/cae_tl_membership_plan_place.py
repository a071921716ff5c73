# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CaeTlMembershipPlanPlace(models.Model):
    """The price of a plan valid in several places, where it differs: the
    monthly fee of the members subscribed in that place and, for credits
    per place, the hours of each month there."""

    _name = "cae.tl.membership.plan.place"
    _description = "Third-place membership plan: price per place"
    _order = "plan_id, place_id"

    plan_id = fields.Many2one(
        comodel_name="cae.tl.membership.plan",
        string="Plan",
        required=True,
        index=True,
        ondelete="cascade",
    )
    place_id = fields.Many2one(
        comodel_name="cae.tl.place",
        string="Place",
        required=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    fee = fields.Monetary(
        string="Monthly fee",
        help="Fee of the members whose home place this is, excluding taxes.",
    )
    credit_hours = fields.Float(
        string="Hours per month",
        help="Credits per place: the hours of each month in this place; 0 "
        "for the plan's.",
    )

    _sql_constraints = [
        ("place_unique", "unique(plan_id, place_id)", "One line per place."),
        (
            "amounts_positive",
            "CHECK(fee >= 0 AND credit_hours >= 0)",
            "The fee and the hours of a place cannot be negative.",
        ),
    ]

    @api.constrains("place_id", "plan_id")
    def _check_place_valid(self):
        for line in self:
            if line.place_id not in line.plan_id.sudo()._get_valid_places():
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s is not valid in %(place)s.",
                        plan=line.plan_id.name,
                        place=line.place_id.name,
                    )
                )

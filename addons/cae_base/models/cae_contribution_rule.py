# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

BASE_SELECTION = [
    ("turnover", "% of turnover excl. VAT"),
    ("margin", "% of gross margin (turnover − purchases re-invoiced)"),
    ("invoice", "% of each customer invoice"),
    ("fixed", "Fixed amount per month"),
]


class CaeContributionRule(models.Model):
    """How much an activity gives the cooperative for its shared services.

    A rule without activity is the company's default; a rule with an
    activity overrides it for that activity (special cases only). Rules of
    the same scope cannot overlap in time; a run uses the rule in force on
    the last day of its period. The arithmetic is in ``contribution_calc``.
    """

    _name = "cae.contribution.rule"
    _description = "Contribution rule"
    _inherit = ["mail.thread"]
    _order = "company_id, activity_id, date_from desc, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity (override)",
        index=True,
        check_company=True,
        tracking=True,
        domain="[('kind', '=', 'entrepreneur')]",
        help="Empty: the company's default rule. Set only for an activity "
        "with special terms.",
    )
    base = fields.Selection(
        selection=BASE_SELECTION,
        required=True,
        default="turnover",
        tracking=True,
    )
    rate = fields.Float(
        string="Rate (%)",
        digits=(5, 2),
        tracking=True,
        help="Percentage of the base, between 0 and 100.",
    )
    fixed_amount = fields.Monetary(
        string="Amount per month",
        currency_field="currency_id",
        tracking=True,
    )
    amount_min = fields.Monetary(
        string="Minimum per period",
        currency_field="currency_id",
        tracking=True,
        help="0: no minimum. Applies to activities that had a base.",
    )
    amount_max = fields.Monetary(
        string="Maximum per period",
        currency_field="currency_id",
        tracking=True,
        help="0: no maximum.",
    )
    yearly_fee = fields.Monetary(
        currency_field="currency_id",
        tracking=True,
        help="Added once a calendar year, with the activity's first "
        "contribution of the year (e.g. 25 € at SMart).",
    )
    deductible_product_ids = fields.Many2many(
        comodel_name="product.product",
        relation="cae_contribution_rule_product_rel",
        column1="rule_id",
        column2="product_id",
        string="Deductible expense categories",
        check_company=True,
        domain="[('can_be_expensed', '=', True)]",
        help="Expenses of these categories are deducted from the base.",
    )
    date_from = fields.Date(
        string="Valid from",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_to = fields.Date(string="Valid until", tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    note = fields.Html()

    # ------------------------------------------------------------------
    # Constraints (in Python, for a clear message in the user's language;
    # they run in the writing transaction, which they roll back)
    # ------------------------------------------------------------------
    @api.constrains("rate", "fixed_amount", "amount_min", "amount_max", "yearly_fee")
    def _check_amounts(self):
        _ = self.env._
        for rule in self:
            if not 0.0 <= rule.rate <= 100.0:
                raise ValidationError(
                    _(
                        "The rate of the contribution rule %(rule)s must be between "
                        "0 and 100 %%, not %(rate)s.",
                        rule=rule.name,
                        rate=rule.rate,
                    )
                )
            if (
                min(
                    rule.fixed_amount, rule.amount_min, rule.amount_max, rule.yearly_fee
                )
                < 0
            ):
                raise ValidationError(
                    _(
                        "The amounts of the contribution rule %(rule)s cannot be "
                        "negative.",
                        rule=rule.name,
                    )
                )
            if rule.amount_max and rule.amount_min > rule.amount_max:
                raise ValidationError(
                    _(
                        "The minimum of the contribution rule %(rule)s is above its "
                        "maximum.",
                        rule=rule.name,
                    )
                )
            if rule.base == "fixed" and not rule.fixed_amount:
                raise ValidationError(
                    _(
                        "Give the amount per month of the contribution rule "
                        "%(rule)s.",
                        rule=rule.name,
                    )
                )

    @api.constrains("date_from", "date_to", "company_id", "activity_id", "active")
    def _check_no_overlap(self):
        for rule in self.filtered("active"):
            if rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(
                    self.env._(
                        "The contribution rule %(rule)s cannot end before it starts.",
                        rule=rule.name,
                    )
                )
            domain = [
                ("id", "!=", rule.id),
                ("company_id", "=", rule.company_id.id),
                ("activity_id", "=", rule.activity_id.id),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", rule.date_from),
            ]
            if rule.date_to:
                domain.append(("date_from", "<=", rule.date_to))
            other = self.search(domain, limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "The contribution rule %(rule)s overlaps %(other)s (valid "
                        "from %(start)s): end one before the other starts.",
                        rule=rule.name,
                        other=other.name,
                        start=other.date_from,
                    )
                )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _rules_by_activity(self, activities, date):
        """``{activity: rule}`` in force on ``date`` (override, else default).

        One search for all the activities of one company.
        """
        companies = activities.company_id
        rules = self.search(
            [
                ("company_id", "in", companies.ids),
                ("date_from", "<=", date),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", date),
            ]
        )
        defaults = {r.company_id: r for r in rules if not r.activity_id}
        overrides = {r.activity_id: r for r in rules if r.activity_id}
        return {
            activity: overrides.get(activity) or defaults.get(activity.company_id)
            for activity in activities
            if activity in overrides or activity.company_id in defaults
        }

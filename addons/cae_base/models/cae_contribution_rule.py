# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

# Fields that decide whether two rules overlap.
OVERLAP_FIELDS = {"date_from", "date_to", "company_id", "activity_id", "active"}

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
    the same scope cannot overlap in time: checked in Python for a clear
    message, and by the exclusion constraint ``no_overlap`` so that two
    users saving overlapping rules at the same time cannot both succeed
    (the second waits for the first and is refused). A run uses the rule in
    force on the last day of its period. The arithmetic is in
    ``contribution_calc``.
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
        string="Minimum per month",
        currency_field="currency_id",
        tracking=True,
        help="0: no minimum. Applies to activities that had a base; a run of "
        "several months applies it once per month of its period, like the "
        "amount per month.",
    )
    amount_max = fields.Monetary(
        string="Maximum per month",
        currency_field="currency_id",
        tracking=True,
        help="0: no maximum. A run of several months applies it once per "
        "month of its period.",
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

    _sql_constraints = [
        (
            "no_overlap",
            "EXCLUDE USING gist (company_id WITH =, "
            "(COALESCE(activity_id, 0)) WITH =, "
            "daterange(date_from, date_to, '[]') WITH &&) "
            "WHERE (active AND (date_to IS NULL OR date_to >= date_from))",
            "Two contribution rules of the same activity, or two default rules "
            "of the company, cannot be valid on the same day.",
        ),
    ]

    def _auto_init(self):
        # The exclusion constraint compares integers with a GiST index,
        # which needs btree_gist (a trusted extension).
        self.env.cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        return super()._auto_init()

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
            rule._check_overlap(
                rule.name,
                rule.company_id.id,
                rule.activity_id.id,
                rule.date_from,
                rule.date_to,
                rule.ids,
            )

    @api.model
    def _check_overlap(self, name, company_id, activity_id, date_from, date_to, ids):
        """Refuse a rule of this scope and validity overlapping another one
        (``ids``: the rules being written, left out)."""
        if date_to and date_to < date_from:
            raise ValidationError(
                self.env._(
                    "The contribution rule %(rule)s cannot end before it starts.",
                    rule=name,
                )
            )
        domain = [
            ("id", "not in", ids),
            ("company_id", "=", company_id),
            ("activity_id", "=", activity_id or False),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", date_from),
        ]
        if date_to:
            domain.append(("date_from", "<=", date_to))
        other = self.search(domain, limit=1)
        if other:
            raise ValidationError(
                self.env._(
                    "The contribution rule %(rule)s overlaps %(other)s (valid "
                    "from %(start)s): end one before the other starts.",
                    rule=name,
                    other=other.name,
                    start=format_date(self.env, other.date_from),
                )
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    # The overlap is checked before writing too: the exclusion constraint
    # would refuse the row first, without saying which rule it overlaps.
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            full = self._add_missing_default_values(vals)
            if full.get("active", True) and full.get("date_from"):
                self._check_overlap(
                    full.get("name"),
                    full.get("company_id") or self.env.company.id,
                    full.get("activity_id"),
                    fields.Date.to_date(full["date_from"]),
                    fields.Date.to_date(full.get("date_to")),
                    [],
                )
        return super().create(vals_list)

    def write(self, vals):
        if OVERLAP_FIELDS & set(vals):
            for rule in self:
                if not vals.get("active", rule.active):
                    continue
                self._check_overlap(
                    vals.get("name", rule.name),
                    vals.get("company_id", rule.company_id.id),
                    vals["activity_id"]
                    if "activity_id" in vals
                    else rule.activity_id.id,
                    fields.Date.to_date(vals.get("date_from", rule.date_from)),
                    fields.Date.to_date(vals["date_to"])
                    if "date_to" in vals
                    else rule.date_to,
                    self.ids,
                )
        return super().write(vals)

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

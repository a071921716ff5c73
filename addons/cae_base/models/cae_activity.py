# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_date, formatLang

from ..report.balance_chart import bar_chart

# The treasury every screen shows (cae.balance.indicator code).
TREASURY_CODE = "reference_treasury"

ACTIVITY_KINDS = [
    ("entrepreneur", "Entrepreneur's activity"),
    ("cooperative", "Cooperative (shared services)"),
]


class CaeActivity(models.Model):
    """An economic activity run inside the cooperative.

    Décret 2015-1363 requires a separate analytic account per activity: each
    activity owns exactly one ``account.analytic.account`` of the company's
    activities plan, created with it and named after it. Everything the
    activity earns or spends carries that account in its analytic
    distribution. One entrepreneur has one activity by default; several
    entrepreneurs may share one (with a written agreement).
    """

    _name = "cae.activity"
    _description = "Activity"
    _inherit = ["mail.thread"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        string="Analytic code",
        tracking=True,
        help="Reference of the analytic account, e.g. ACT-0042.",
    )
    kind = fields.Selection(
        selection=ACTIVITY_KINDS,
        required=True,
        default="entrepreneur",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    analytic_account_id = fields.Many2one(
        comodel_name="account.analytic.account",
        required=True,
        ondelete="restrict",
        index=True,
        copy=False,
        check_company=True,
        tracking=True,
        help="Created with the activity in the company's activities plan.",
    )
    entrepreneur_ids = fields.One2many(
        comodel_name="cae.entrepreneur",
        inverse_name="activity_id",
        string="Entrepreneurs",
    )
    entrepreneur_count = fields.Integer(
        string="Number of entrepreneurs",
        compute="_compute_entrepreneur_count",
    )
    trade_id = fields.Many2one(comodel_name="cae.trade")
    sharing_agreement = fields.Html(
        help="Written agreement between the entrepreneurs sharing this "
        "activity, including how pay is split (décret 2015-1363).",
    )

    _sql_constraints = [
        (
            "analytic_account_unique",
            "unique(analytic_account_id)",
            "Two activities cannot share the same analytic account.",
        ),
    ]

    @api.depends("entrepreneur_ids")
    def _compute_entrepreneur_count(self):
        for activity in self:
            activity.entrepreneur_count = len(activity.entrepreneur_ids)

    @api.constrains("analytic_account_id")
    def _check_analytic_account_plan(self):
        for activity in self:
            plan = activity.company_id._get_cae_activity_plan()
            if activity.analytic_account_id.root_plan_id != plan:
                raise ValidationError(
                    self.env._(
                        "The analytic account of the activity %(activity)s must "
                        "belong to the plan %(plan)s.",
                        activity=activity.display_name,
                        plan=plan.display_name,
                    )
                )

    def _check_analytic_account_free(self, account_ids):
        """Refuse accounts that another activity already owns.

        Checked before writing, with one query for the whole batch; the
        unique index stays the guard against concurrent transactions.
        """
        account_ids = [account_id for account_id in account_ids if account_id]
        if len(account_ids) != len(set(account_ids)):
            raise ValidationError(
                self.env._("Two activities cannot share the same analytic account.")
            )
        taken = self.sudo().search(
            [("analytic_account_id", "in", account_ids), ("id", "not in", self.ids)],
            limit=1,
        )
        if taken:
            raise ValidationError(
                self.env._(
                    "The analytic account %(account)s already belongs to another "
                    "activity: each activity needs its own analytic account.",
                    account=taken.analytic_account_id.display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_analytic_account_free(
            [vals.get("analytic_account_id") for vals in vals_list]
        )
        for vals in vals_list:
            if not vals.get("analytic_account_id"):
                vals["analytic_account_id"] = self._create_analytic_account(vals).id
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("analytic_account_id"):
            if len(self) > 1:
                raise ValidationError(
                    self.env._("Two activities cannot share the same analytic account.")
                )
            self._check_analytic_account_free([vals["analytic_account_id"]])
        res = super().write(vals)
        sync = {
            field: vals[field] for field in ("name", "code", "active") if field in vals
        }
        if "code" in sync:
            sync["code"] = sync["code"] or False
        if sync:
            self.analytic_account_id.sudo().write(sync)
        return res

    @api.model
    def _prepare_analytic_account_vals(self, vals):
        company = self.env["res.company"].browse(
            vals.get("company_id") or self.env.company.id
        )
        return {
            "name": vals.get("name"),
            "code": vals.get("code"),
            "plan_id": company._get_cae_activity_plan().id,
            "company_id": company.id,
        }

    @api.model
    def _create_analytic_account(self, vals):
        # sudo: entrepreneurs' creators (advisors) need not manage analytics.
        return (
            self.env["account.analytic.account"]
            .sudo()
            .create(self._prepare_analytic_account_vals(vals))
        )

    # ------------------------------------------------------------------
    # Balance indicators
    # ------------------------------------------------------------------
    def _get_indicator_values(self, date_from=None, date_to=None, codes=None):
        """Balance indicators of the activities: ``{activity_id: {code: amount}}``.

        :param date_from: first day of the period (``None``: from the start);
            only used by indicators of type "movements" (turnover, result).
        :param date_to: last day (``None``: everything posted); indicators of
            type "position" (cash, debts) are balances at this date.
        :param codes: indicator codes wanted (``None``: the whole grid of
            each activity's company, see ``cae.balance.indicator``).
        :return: amounts in company currency, rounded once with its rounding.

        Convention (autonomie/enDI): a leaf indicator is Σ(debit − credit) of
        the posted journal items of the activity on the accounts matching its
        prefixes, i.e. minus the analytic amount Odoo stores. Cash at bank and
        customers to collect are positive, suppliers, taxes, salaries and
        expense claims to pay negative; indicators signed "credit − debit"
        (turnover, result = revenue − costs) are positive for a profit.

        Cost: one SQL query per company, whatever the number of activities.
        """
        Indicator = self.env["cae.balance.indicator"]
        result = {}
        for company, analytic_by_activity in self._analytic_accounts_by_company():
            values = Indicator._compute_values(
                company,
                self.env["account.analytic.account"].browse(
                    analytic_by_activity.values()
                ),
                date_from=date_from,
                date_to=date_to,
                codes=codes,
            )
            for activity_id, analytic_id in analytic_by_activity.items():
                result[activity_id] = values[analytic_id]
        return result

    def _analytic_accounts_by_company(self):
        """``[(company, {activity_id: analytic_account_id})]`` in one query.

        Read in SQL rather than through the recordset: the ORM would fetch
        them 1,000 records at a time, a query count growing with the number
        of activities.
        """
        self.flush_model(["company_id", "analytic_account_id"])
        rows = self.env.execute_query(
            SQL(
                "SELECT company_id, id, analytic_account_id FROM cae_activity"
                " WHERE id = ANY(%s) ORDER BY company_id, id",
                [record_id for record_id in self._ids if isinstance(record_id, int)],
            )
        )
        by_company = {}
        for company_id, activity_id, analytic_id in rows:
            by_company.setdefault(company_id, {})[activity_id] = analytic_id
        return [
            (self.env["res.company"].browse(company_id), mapping)
            for company_id, mapping in by_company.items()
        ]

    def _get_monthly_indicator_values(self, date_from, date_to, codes=None):
        """Month by month: ``{activity_id: [(month_start, {code: amount})]}``.

        Positions (cash, debts) at the end of each month, movements
        (turnover, result) of each month, for every whole month from
        ``date_from`` to ``date_to``; same convention as
        :meth:`_get_indicator_values`, one SQL query per company.
        """
        Indicator = self.env["cae.balance.indicator"]
        result = {}
        for company, analytic_by_activity in self._analytic_accounts_by_company():
            values = Indicator._compute_monthly_values(
                company,
                self.env["account.analytic.account"].browse(
                    analytic_by_activity.values()
                ),
                date_from,
                date_to,
                codes=codes,
            )
            for activity_id, analytic_id in analytic_by_activity.items():
                result[activity_id] = values[analytic_id]
        return result

    def _get_balance_grid(self, date_from=None, date_to=None):
        """The grid as rows to display: ``{activity_id: [row]}``.

        A row is a dict with the indicator's ``code``, ``name`` (in the
        user's language), ``value``, ``is_sum`` and ``balance_type``, in the
        grid's order.
        """
        values = self._get_indicator_values(date_from, date_to)
        Indicator = self.env["cae.balance.indicator"].sudo()
        result = {}
        for company, activities in self.grouped("company_id").items():
            indicators = Indicator.search([("company_id", "=", company.id)])
            for activity in activities:
                result[activity.id] = [
                    {
                        "code": indicator.code,
                        "name": indicator.name,
                        "definition": indicator.definition,
                        "value": values[activity.id].get(indicator.code, 0.0),
                        "is_sum": indicator.kind == "sum",
                        "balance_type": indicator.balance_type,
                    }
                    for indicator in indicators
                ]
        return result

    def _get_treasury(self, date_to=None):
        """The activity's treasury, as every screen shows it.

        ``{activity_id: {"value", "name", "definition"}}``: the indicator
        ``reference_treasury`` of the company's grid (cash once taxes,
        contributions and suppliers are paid) at ``date_to`` (today by
        default), with its name and definition for labels and hovers. The
        portal, the entrepreneur's form and the PDF read this one figure.
        """
        date_to = date_to or fields.Date.context_today(self)
        values = self._get_indicator_values(date_to=date_to, codes=[TREASURY_CODE])
        Indicator = self.env["cae.balance.indicator"].sudo()
        indicators = {
            indicator.company_id: indicator
            for indicator in Indicator.search(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("code", "=", TREASURY_CODE),
                ]
            )
        }
        return {
            activity.id: {
                "value": values.get(activity.id, {}).get(TREASURY_CODE, 0.0),
                "name": indicators.get(activity.company_id, Indicator).name or "",
                "definition": indicators.get(activity.company_id, Indicator).definition
                or "",
            }
            for activity in self
        }

    def _get_balance_summary(self, date_to=None):
        """What an entrepreneur looks at first, for one activity.

        The grid at ``date_to`` (positions) and since the first of January
        (movements), the last 12 months as a chart, the contributions of
        those months and the unpaid customer invoices. Read with sudo by
        callers that checked the user may see this activity (portal, PDF).
        """
        self.ensure_one()
        date_to = date_to or fields.Date.context_today(self)
        year_start = date_to.replace(month=1, day=1)
        first_month = date_to.replace(day=1) - relativedelta(months=11)
        months = self._get_monthly_indicator_values(
            first_month, date_to, codes=["turnover", "result", TREASURY_CODE]
        )[self.id]
        labels = [
            format_date(self.env, month, date_format="MMM yy") for month, _v in months
        ]
        grid = self._get_balance_grid(year_start, date_to)[self.id]
        # The chart and the table of months name their figures as the grid.
        rows = {row["code"]: row for row in grid}
        series = [
            {
                "code": code,
                "name": rows[code]["name"] if code in rows else code,
                "definition": rows[code]["definition"] if code in rows else "",
            }
            for code in ("turnover", "result", TREASURY_CODE)
        ]
        currency = self.company_id.currency_id
        chart = bar_chart(
            labels,
            [
                (serie["name"], color, [values[serie["code"]] for _m, values in months])
                for serie, color in zip(
                    series, ("#017e84", "#714b67", "#e99d00"), strict=True
                )
            ],
            format_value=lambda value: formatLang(
                self.env, value, digits=0, currency_obj=currency
            ),
        )
        contributions = (
            self.env["cae.contribution.line"]
            .sudo()
            .search(
                [
                    ("activity_id", "=", self.id),
                    ("state", "=", "posted"),
                    ("date_to", ">=", first_month),
                ]
            )
        )
        unpaid = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("cae_activity_id", "=", self.id),
                    ("state", "=", "posted"),
                    ("move_type", "=", "out_invoice"),
                    ("payment_state", "in", ("not_paid", "partial")),
                ],
                order="invoice_date_due, id",
            )
        )
        return {
            "activity": self,
            "currency": self.company_id.currency_id,
            "date_to": date_to,
            "year_start": year_start,
            "grid": grid,
            "series": series,
            "months": months,
            "month_labels": labels,
            "chart": chart,
            "contributions": contributions,
            "unpaid_invoices": unpaid,
        }

    def _get_statement_lang(self):
        """French statements for French entrepreneurs: their contact's language."""
        self.ensure_one()
        partner = self.entrepreneur_ids[:1].partner_id or self.company_id.partner_id
        return partner.lang or self.env.lang

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """Entrepreneurs choose the other activity of an internal invoice.

        They cannot read other activities; with the context key
        ``cae_internal_counterpart``, the names of their company's
        activities (only) are offered to them.
        """
        if (
            self.env.context.get("cae_internal_counterpart")
            and self.env.user._cae_is_entrepreneur_only()
        ):
            domain = [*(args or []), ("company_id", "in", self.env.companies.ids)]
            return super(CaeActivity, self.sudo()).name_search(
                name, domain, operator, limit
            )
        return super().name_search(name, args, operator, limit)

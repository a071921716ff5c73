# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from ..tools.contribution_calc import ActivityFigures, RuleTerms, compute_contribution
from ..tools.forecast_calc import FLOWS, roll_forward, spread

_lt = LazyTranslate(__name__)

# Labels and hovers of the flows (same order as forecast_calc.FLOWS).
FLOW_LABELS = {
    "customers": (
        _lt("Customer invoices"),
        _lt(
            "Posted customer invoices still to collect (incl. VAT), in the month "
            "of their due date; overdue ones this month."
        ),
    ),
    "quotes": (
        _lt("Signed quotes"),
        _lt(
            "Signed quotes not invoiced yet (incl. VAT), in the month of their "
            "delivery date, else next month."
        ),
    ),
    "bills": (
        _lt("Supplier bills"),
        _lt(
            "Supplier bills not posted yet (submitted for validation), in the "
            "month of their due date. Posted bills are already deducted from "
            "today's treasury."
        ),
    ),
    "expenses": (
        _lt("Expense claims"),
        _lt("Expense claims to reimburse: approved or submitted, paid this month."),
    ),
    "salaries": (
        _lt("Salaries"),
        _lt(
            "Net salaries still to pay, then the planned salary of the running "
            "employment contract at its real cost (gross pay and employer "
            "contributions, less the general reduction)."
        ),
    ),
    "contributions": (
        _lt("Contributions to the cooperative"),
        _lt(
            "The contribution rule of the activity applied to each month's "
            "turnover (invoiced, then signed quotes), charged the next month."
        ),
    ),
}

# The revenue view: codes and labels, in the order they are shown.
REVENUE_STAGES = {
    "cashed": (
        _lt("Cashed"),
        _lt("Customer payments received on this year's invoices (incl. VAT)."),
    ),
    "invoiced": (
        _lt("Invoiced, not paid"),
        _lt("Posted customer invoices still to collect (incl. VAT)."),
    ),
    "signed": (
        _lt("Signed"),
        _lt("Signed quotes not invoiced yet (incl. VAT)."),
    ),
    "sent": (
        _lt("Sent"),
        _lt("Quotes sent to customers, waiting for their answer (incl. VAT)."),
    ),
    "lost": (
        _lt("Lost"),
        _lt("Quotes cancelled this year (incl. VAT)."),
    ),
}


class CaeActivity(models.Model):
    """The treasury forecast of an activity: one engine for every screen.

    :meth:`_get_treasury_forecast` starts from today's treasury (the figure
    of :meth:`_get_treasury`, the one every screen shows) and adds, month by
    month, the flows of ``forecast_calc.FLOWS``. Each flow is gathered by an
    overridable method with grouped queries: cae_sale adds the signed
    quotes (:meth:`_get_forecast_quotes`), cae_payroll the planned salary
    (:meth:`_get_forecast_salaries`), without cae_base depending on them.
    """

    _inherit = "cae.activity"

    treasury_forecast_html = fields.Html(
        string="Treasury forecast",
        compute="_compute_treasury_forecast_html",
        sanitize=False,
    )

    def _compute_treasury_forecast_html(self):
        for activity in self:
            if not activity.id:
                activity.treasury_forecast_html = False
                continue
            forecast = activity._get_treasury_forecast()
            activity.treasury_forecast_html = self.env["ir.qweb"]._render(
                "cae_base.treasury_forecast_table",
                {"forecast": forecast, "revenue": activity._get_revenue_view()},
            )

    # ------------------------------------------------------------------
    # Forecast
    # ------------------------------------------------------------------
    def _forecast_months(self, date, months):
        first = date.replace(day=1)
        return [first + relativedelta(months=index) for index in range(months)]

    def _get_treasury_forecast(self, months=6, date=None):
        """Today's treasury and the forecast of the next ``months`` months.

        ``{"date", "currency", "treasury": {value, name, definition},
        "flows": [{code, name, definition}], "months": [{month, label,
        opening, flows: {code: amount}, total, closing}]}``; the first month
        is the current one (from ``date``, today by default).

        Definition: opening of the first month = today's treasury (cash once
        taxes, contributions and posted supplier bills are paid); each month
        adds the customer invoices due, the signed quotes expected, and
        subtracts the bills not yet posted, the expense claims, the salaries
        and the contributions; its closing treasury opens the next month.

        Read with sudo by callers that checked the user may see this
        activity (portal). Cost: a fixed number of grouped queries,
        whatever the number of documents.
        """
        self.ensure_one()
        date = date or fields.Date.context_today(self)
        month_starts = self._forecast_months(date, months)
        treasury = self._get_treasury(date)[self.id]
        quotes = self._get_forecast_quotes(month_starts, date)
        flows = {
            "customers": self._get_forecast_customers(month_starts, date),
            "quotes": {month: total for month, (total, _u) in quotes.items()},
            "bills": self._get_forecast_bills(month_starts, date),
            "expenses": self._get_forecast_expenses(month_starts, date),
            "salaries": self._get_forecast_salaries(month_starts, date),
        }
        flows["contributions"] = self._get_forecast_contributions(
            month_starts,
            date,
            {month: untaxed for month, (_t, untaxed) in quotes.items()},
        )
        currency = self.company_id.currency_id
        rows = roll_forward(
            treasury["value"], month_starts, flows, round_amount=currency.round
        )
        return {
            "activity": self,
            "date": date,
            "currency": currency,
            "treasury": treasury,
            "flows": [
                {
                    "code": code,
                    "name": str(FLOW_LABELS[code][0]),
                    "definition": str(FLOW_LABELS[code][1]),
                }
                for code in FLOWS
            ],
            "months": [
                {
                    "month": row.month,
                    "label": format_date(self.env, row.month, date_format="MMMM yyyy"),
                    "opening": row.opening,
                    "flows": row.flows,
                    "total": row.total,
                    "closing": row.closing,
                }
                for row in rows
            ],
        }

    def _get_forecast_customers(self, months, date):
        """Open customer invoices (and refunds), by due date: one query."""
        groups = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("cae_activity_id", "=", self.id),
                    ("state", "=", "posted"),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("payment_state", "in", ("not_paid", "partial")),
                ],
                ["invoice_date_due:day"],
                ["amount_residual_signed:sum"],
            )
        )
        return spread(
            [(due or date, amount) for due, amount in groups],
            months,
        )

    def _get_forecast_bills(self, months, date):
        """Supplier bills not posted yet (draft, submitted), by due date.

        Posted bills are in today's treasury (suppliers to pay) already.
        """
        groups = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("cae_activity_id", "=", self.id),
                    ("state", "=", "draft"),
                    ("move_type", "in", ("in_invoice", "in_refund")),
                ],
                ["invoice_date_due:day"],
                ["amount_total_signed:sum"],
            )
        )
        return spread([(due or date, amount) for due, amount in groups], months)

    def _get_forecast_expenses(self, months, date):
        """Expense claims to reimburse, this month.

        Posted claims not paid yet are the grid's ``expense_claims`` (a
        debt, negative); claims submitted or approved but not posted yet
        add their total (one grouped query).
        """
        posted = self._get_indicator_values(date_to=date, codes=["expense_claims"])
        amount = posted.get(self.id, {}).get("expense_claims", 0.0)
        groups = (
            self.env["hr.expense.sheet"]
            .sudo()
            ._read_group(
                [
                    ("cae_activity_id", "=", self.id),
                    ("state", "in", ("submit", "approve")),
                ],
                [],
                ["total_amount:sum"],
            )
        )
        amount -= groups[0][0] or 0.0
        return {months[0]: amount} if amount else {}

    def _get_forecast_quotes(self, months, date):
        """Signed quotes not invoiced yet: ``{month: (total, untaxed)}``.

        Nothing without quotes: cae_sale overrides it.
        """
        return {}

    def _get_forecast_salaries(self, months, date):
        """Salaries to pay: ``{month: amount}`` (negative).

        The net salaries posted and not paid yet (the grid's
        ``salaries_to_pay``) are paid this month; cae_payroll adds the
        planned salary of the running contract.
        """
        values = self._get_indicator_values(date_to=date, codes=["salaries_to_pay"])
        amount = values.get(self.id, {}).get("salaries_to_pay", 0.0)
        return {months[0]: amount} if amount else {}

    def _get_forecast_contributions(self, months, date, quotes_untaxed):
        """Contributions to the cooperative: ``{month: amount}`` (negative).

        The contribution of a month's turnover is charged the next month
        (``cae.contribution.run.cron_run_previous_month``): last month's if
        its run is not posted yet, then the current month's invoiced
        turnover plus the signed quotes expected, with the rule in force
        (``contribution_calc.compute_contribution``).
        """
        previous = months[0] - relativedelta(months=1)
        rules = self.env["cae.contribution.rule"].sudo()
        turnovers = self._get_monthly_indicator_values(
            previous, date, codes=["turnover", "resold_purchases"]
        )[self.id]
        actual = dict(turnovers)
        last_posted = (
            self.env["cae.contribution.run"]
            .sudo()
            .search_count(
                [
                    ("company_id", "=", self.company_id.id),
                    ("state", "=", "posted"),
                    ("date_to", ">=", months[0] - timedelta(days=1)),
                ],
                limit=1,
            )
        )
        fee_years = set(
            line_date.year
            for (line_date,) in self.env["cae.contribution.line"]
            .sudo()
            ._read_group(
                [
                    ("activity_id", "=", self.id),
                    ("state", "=", "posted"),
                    ("yearly_fee", ">", 0),
                    ("date_to", ">=", previous.replace(month=1, day=1)),
                ],
                ["date_to:year"],
            )
        )
        currency = self.company_id.currency_id
        result = {}
        for month in months:
            charged = month - relativedelta(months=1)
            if charged == previous and last_posted:
                continue
            rule = rules._rules_by_activity(self, charged).get(self)
            if not rule:
                continue
            figures = actual.get(charged, {})
            turnover = figures.get("turnover", 0.0) + quotes_untaxed.get(charged, 0.0)
            terms = RuleTerms(
                base=rule.base,
                rate=rule.rate,
                fixed_amount=rule.fixed_amount,
                amount_min=rule.amount_min,
                amount_max=rule.amount_max,
                yearly_fee=rule.yearly_fee,
                yearly_fee_due=charged.year not in fee_years,
            )
            activity_figures = ActivityFigures(
                turnover=turnover,
                resold_purchases=figures.get("resold_purchases", 0.0),
                invoiced=turnover,
            )
            amount = compute_contribution(
                activity_figures, terms, round_amount=currency.round
            ).amount
            if amount:
                fee_years.add(charged.year)
                result[month] = -amount
        return result

    # ------------------------------------------------------------------
    # Revenue view
    # ------------------------------------------------------------------
    def _get_revenue_view(self, date=None):
        """Where the year's revenue stands: ``[{code, name, definition,
        amount}]`` for cashed, invoiced not paid, signed, sent, lost.

        Customer invoices here; the quotes (signed, sent, lost) come from
        :meth:`_get_revenue_quotes`, which cae_sale overrides.
        """
        self.ensure_one()
        date = date or fields.Date.context_today(self)
        year_start = date.replace(month=1, day=1)
        Move = self.env["account.move"].sudo()
        base = [
            ("cae_activity_id", "=", self.id),
            ("state", "=", "posted"),
            ("move_type", "in", ("out_invoice", "out_refund")),
        ]
        cashed = Move._read_group(
            [*base, ("invoice_date", ">=", year_start), ("invoice_date", "<=", date)],
            [],
            ["amount_total_signed:sum", "amount_residual_signed:sum"],
        )[0]
        invoiced = Move._read_group(
            [*base, ("payment_state", "in", ("not_paid", "partial"))],
            [],
            ["amount_residual_signed:sum"],
        )[0]
        amounts = {
            "cashed": (cashed[0] or 0.0) - (cashed[1] or 0.0),
            "invoiced": invoiced[0] or 0.0,
            **self._get_revenue_quotes(year_start, date),
        }
        currency = self.company_id.currency_id
        return [
            {
                "code": code,
                "name": str(name),
                "definition": str(definition),
                "amount": currency.round(amounts[code]),
            }
            for code, (name, definition) in REVENUE_STAGES.items()
            if code in amounts
        ]

    def _get_revenue_quotes(self, year_start, date):
        """``{"signed", "sent", "lost"}`` amounts of the quotes: none here
        (cae_sale overrides it)."""
        return {}

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The figures of a contribution run: which activities, their turnover,
margin and invoices of the period read in batched queries, and the lines
they give (the arithmetic itself is in tools/contribution_calc.py)."""

from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import models
from odoo.tools import SQL

from ..tools.contribution_calc import ActivityFigures, RuleTerms, compute_contribution


# One model split by responsibility, one file each (CONTRIBUTING.md).
# pylint: disable=consider-merging-classes-inherited
class CaeContributionRun(models.Model):
    _inherit = "cae.contribution.run"

    def _get_activities(self):
        """Activities charged by the run: the company's active entrepreneurs'."""
        self.ensure_one()
        return (
            self.env["cae.activity"]
            .sudo()
            .search(
                [("company_id", "=", self.company_id.id), ("kind", "=", "entrepreneur")]
            )
        )

    def _months(self):
        delta = relativedelta(self.date_to + timedelta(days=1), self.date_from)
        return delta.years * 12 + delta.months

    def _prepare_line_vals(self, activities=None):
        """Values of the contribution lines, one per activity that owes one
        (of ``activities``, by default every activity of the run)."""
        self.ensure_one()
        if activities is None:
            activities = self._get_activities()
        if not activities:
            return []
        rules = (
            self.env["cae.contribution.rule"]
            .sudo()
            ._rules_by_activity(activities, self.date_to)
        )
        activities = activities.filtered(lambda a: a in rules)
        figures = self._gather_figures(activities, rules)
        fee_charged = self._yearly_fee_charged(activities)
        currency = self.company_id.currency_id
        months = self._months()
        vals_list = []
        for activity in activities:
            rule = rules[activity]
            terms = RuleTerms(
                base=rule.base,
                rate=rule.rate,
                fixed_amount=rule.fixed_amount,
                months=months,
                amount_min=rule.amount_min,
                amount_max=rule.amount_max,
                yearly_fee=rule.yearly_fee,
                yearly_fee_due=activity.id not in fee_charged,
            )
            result = compute_contribution(
                figures[activity.id], terms, round_amount=currency.round
            )
            if currency.is_zero(result.amount):
                continue
            vals_list.append(
                {
                    "run_id": self.id,
                    "activity_id": activity.id,
                    "rule_id": rule.id,
                    "base": rule.base,
                    "gross_base": result.gross_base,
                    "deduction": result.deduction,
                    "base_amount": result.base_amount,
                    "rate": rule.rate if rule.base != "fixed" else 0.0,
                    "invoice_count": figures[activity.id].invoice_count,
                    "proportional_amount": result.proportional_amount,
                    "fixed_amount": result.fixed_amount,
                    "limit": result.limit,
                    "yearly_fee": result.yearly_fee,
                    "amount": result.amount,
                }
            )
        return vals_list

    def _gather_figures(self, activities, rules):
        """``{activity_id: ActivityFigures}`` in a few grouped queries."""
        values = activities._get_indicator_values(
            self.date_from, self.date_to, codes=["turnover", "resold_purchases"]
        )
        invoiced = self._invoiced_by_activity(
            activities.filtered(lambda a: rules[a].base == "invoice")
        )
        deductions = self._deductions_by_activity(activities, rules)
        result = {}
        for activity in activities:
            amounts = invoiced.get(activity.id, ())
            result[activity.id] = ActivityFigures(
                turnover=values[activity.id]["turnover"],
                resold_purchases=values[activity.id]["resold_purchases"],
                invoiced=sum(amounts),
                invoice_count=len(amounts),
                deduction=deductions.get(activity.id, 0.0),
                invoice_amounts=amounts,
            )
        return result

    def _invoiced_by_activity(self, activities):
        """``{activity_id: (untaxed amount of each posted invoice, ...)}``.

        Refunds count negative (signed amounts, company currency). One query
        for all the activities: a "% of each invoice" rule rounds each one.
        """
        if not activities:
            return {}
        moves = (
            self.env["account.move"]
            .sudo()
            .search_fetch(
                [
                    ("cae_activity_id", "in", activities.ids),
                    ("state", "=", "posted"),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("invoice_date", ">=", self.date_from),
                    ("invoice_date", "<=", self.date_to),
                ],
                ["cae_activity_id", "amount_untaxed_signed"],
                order="invoice_date, id",
            )
        )
        result = defaultdict(tuple)
        for move in moves:
            result[move.cae_activity_id.id] += (move.amount_untaxed_signed,)
        return dict(result)

    def _deductions_by_activity(self, activities, rules):
        """``{activity_id: Σ(debit − credit)}`` of the deductible expenses.

        One query over the posted analytic lines of the period whose product
        is a deductible expense category of the activity's rule.
        """
        products = self.env["product.product"].union(
            *(rule.deductible_product_ids for rule in set(rules.values()))
        )
        if not products or not activities:
            return {}
        column = self.company_id._get_cae_activity_plan()._column_name()
        self.env["account.analytic.line"].flush_model(
            [column, "amount", "date", "product_id", "move_line_id"]
        )
        self.env["account.move.line"].flush_model(["parent_state"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT aal.%(column)s, aal.product_id, -SUM(aal.amount)
                  FROM account_analytic_line aal
                  JOIN account_move_line aml
                    ON aml.id = aal.move_line_id AND aml.parent_state = 'posted'
                 WHERE aal.%(column)s = ANY(%(analytic_ids)s)
                   AND aal.product_id = ANY(%(product_ids)s)
                   AND aal.date BETWEEN %(date_from)s AND %(date_to)s
              GROUP BY 1, 2
                """,
                column=SQL.identifier(column),
                analytic_ids=activities.analytic_account_id.ids,
                product_ids=products.ids,
                date_from=self.date_from,
                date_to=self.date_to,
            )
        )
        by_analytic = defaultdict(dict)
        for analytic_id, product_id, amount in rows:
            by_analytic[analytic_id][product_id] = amount
        result = {}
        for activity in activities:
            amounts = by_analytic.get(activity.analytic_account_id.id, {})
            deductible = rules[activity].deductible_product_ids.ids
            result[activity.id] = sum(amounts.get(pid, 0.0) for pid in deductible)
        return result

    def _yearly_fee_charged(self, activities):
        """Ids of the activities already charged their yearly fee this year."""
        year_start = self.date_to.replace(month=1, day=1)
        groups = (
            self.env["cae.contribution.line"]
            .sudo()
            ._read_group(
                [
                    ("activity_id", "in", activities.ids),
                    ("state", "=", "posted"),
                    ("yearly_fee", ">", 0),
                    ("date_to", ">=", year_start),
                    ("run_id", "!=", self.id),
                ],
                ["activity_id"],
            )
        )
        return {activity.id for (activity,) in groups}

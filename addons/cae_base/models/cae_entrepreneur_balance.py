# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import fields, models


class CaeEntrepreneur(models.Model):
    """The balance of the entrepreneur's activity, on their form."""

    _inherit = "cae.entrepreneur"

    balance_currency_id = fields.Many2one(related="company_id.currency_id")
    balance_cash = fields.Monetary(
        string="Cash today",
        compute="_compute_balance",
        currency_field="balance_currency_id",
    )
    balance_reference_treasury = fields.Monetary(
        string="Reference treasury",
        compute="_compute_balance",
        currency_field="balance_currency_id",
        help="Cash today, minus the taxes and suppliers to pay.",
    )
    balance_future_treasury = fields.Monetary(
        string="Future treasury",
        compute="_compute_balance",
        currency_field="balance_currency_id",
        help="Reference treasury, minus the salaries and expense claims to pay, "
        "plus what customers owe.",
    )
    balance_turnover = fields.Monetary(
        string="Turnover this year",
        compute="_compute_balance",
        currency_field="balance_currency_id",
    )
    balance_result = fields.Monetary(
        string="Result this year",
        compute="_compute_balance",
        currency_field="balance_currency_id",
    )
    balance_grid_html = fields.Html(
        string="Balance grid",
        compute="_compute_balance",
        sanitize=False,
    )

    def _compute_balance(self):
        """All the entrepreneurs' figures with one call of the engine."""
        today = fields.Date.context_today(self)
        year_start = today.replace(month=1, day=1)
        activities = self.activity_id
        grids = activities._get_balance_grid(year_start, today) if activities else {}
        for entrepreneur in self:
            rows = grids.get(entrepreneur.activity_id.id, [])
            values = {row["code"]: row["value"] for row in rows}
            entrepreneur.balance_cash = values.get("cash", 0.0)
            entrepreneur.balance_reference_treasury = values.get(
                "reference_treasury", 0.0
            )
            entrepreneur.balance_future_treasury = values.get("future_treasury", 0.0)
            entrepreneur.balance_turnover = values.get("turnover", 0.0)
            entrepreneur.balance_result = values.get("result", 0.0)
            entrepreneur.balance_grid_html = (
                Markup(
                    self.env["ir.qweb"]._render(
                        "cae_base.balance_grid_table",
                        {
                            "grid": rows,
                            "currency": entrepreneur.company_id.currency_id,
                            "year_start": year_start,
                        },
                    )
                )
                if rows
                else False
            )

    def _action_balance_report(self, model, name, view_mode, context=None):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": view_mode,
            "domain": [("activity_id", "=", self.activity_id.id)],
            "context": context or {},
        }

    def action_view_balance(self):
        return self._action_balance_report(
            "cae.balance.report",
            self.env._("Balance of %(name)s", name=self.name),
            "pivot,graph,list",
        )

    def action_view_balance_chart(self):
        return self._action_balance_report(
            "cae.balance.report",
            self.env._("The last 12 months of %(name)s", name=self.name),
            "graph,pivot,list",
            {
                "search_default_last_12_months": 1,
                "search_default_main_indicators": 1,
                "graph_groupbys": ["date:month", "indicator_id"],
            },
        )

    def action_print_balance_statement(self):
        self.ensure_one()
        return self.env.ref("cae_base.action_report_balance_statement").report_action(
            self.activity_id
        )

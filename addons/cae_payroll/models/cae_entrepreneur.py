# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hr_payslip import EMPLOYEE_RATE_CODES, EMPLOYER_RATE_CODES
from .pay_math import cost_from_gross, fundable_gross, net_from_gross


class CaeEntrepreneur(models.Model):
    _inherit = "cae.entrepreneur"

    cae_contract_ids = fields.One2many(
        comodel_name="hr.contract",
        inverse_name="cae_entrepreneur_id",
        string="CESA contracts",
    )
    cae_payslip_count = fields.Integer(
        string="Payslips",
        compute="_compute_cae_payslip_count",
    )
    cae_budget_currency_id = fields.Many2one(
        related="company_id.currency_id",
        string="Budget currency",
    )
    cae_budget_treasury = fields.Monetary(
        string="Available treasury",
        compute="_compute_cae_budget",
        currency_field="cae_budget_currency_id",
        help="The activity's treasury indicator chosen in the settings, today.",
    )
    cae_budget_reserve = fields.Monetary(
        string="Safety reserve",
        compute="_compute_cae_budget",
        currency_field="cae_budget_currency_id",
    )
    cae_budget_fundable = fields.Monetary(
        string="Can fund this month",
        compute="_compute_cae_budget",
        currency_field="cae_budget_currency_id",
        help="Available treasury minus the safety reserve: the total cost of "
        "the pay the activity can afford this month.",
    )
    cae_budget_gross = fields.Monetary(
        string="Fundable gross pay",
        compute="_compute_cae_budget",
        currency_field="cae_budget_currency_id",
        help="Highest gross pay whose total cost (gross plus employer "
        "contributions) the activity can fund.",
    )
    cae_budget_net = fields.Monetary(
        string="Matching net pay",
        compute="_compute_cae_budget",
        currency_field="cae_budget_currency_id",
    )

    def _compute_cae_payslip_count(self):
        counts = {}
        if self.env["hr.payslip"].has_access("read"):
            counts = dict(
                self.env["hr.payslip"]._read_group(
                    [("cae_entrepreneur_id", "in", self.ids)],
                    ["cae_entrepreneur_id"],
                    ["__count"],
                )
            )
        for entrepreneur in self:
            entrepreneur.cae_payslip_count = counts.get(entrepreneur, 0)

    @api.depends_context("company")
    def _compute_cae_budget(self):
        budgets = self._cae_salary_budget()
        for entrepreneur in self:
            budget = budgets.get(entrepreneur.id, {})
            entrepreneur.cae_budget_treasury = budget.get("treasury", 0.0)
            entrepreneur.cae_budget_reserve = budget.get("reserve", 0.0)
            entrepreneur.cae_budget_fundable = budget.get("fundable", 0.0)
            entrepreneur.cae_budget_gross = budget.get("gross", 0.0)
            entrepreneur.cae_budget_net = budget.get("net", 0.0)

    def _cae_salary_budget(self, date=None):
        """What each activity can fund this month, as pay.

        ``{entrepreneur_id: {treasury, reserve, fundable, gross, net, cost}}``
        where fundable = treasury indicator − safety reserve (never below 0),
        gross = the highest gross whose total cost fits in it, net = that
        gross minus the employee contributions. One treasury reading per
        company. Entrepreneurs without an activity are left out.
        """
        date = date or fields.Date.context_today(self)
        Parameter = self.env["cae.parameter"]
        budgets = {}
        entrepreneurs = self.sudo().filtered("activity_id")
        for company, group in entrepreneurs.grouped("company_id").items():
            currency = company.currency_id
            rnd = currency.round
            employee_rates = [
                Parameter._cae_cached_value(code, date, company)
                for code in EMPLOYEE_RATE_CODES
            ]
            employer_rates = [
                Parameter._cae_cached_value(code, date, company)
                for code in EMPLOYER_RATE_CODES
            ]
            reserve = company.cae_payroll_safety_reserve
            # A budget is information: no indicator set up shows no budget.
            treasury = company._cae_payroll_treasury(
                group.activity_id, date, raise_if_missing=False
            )
            for entrepreneur in group:
                available = treasury.get(entrepreneur.activity_id.id, 0.0)
                fundable = rnd(max(available - reserve, 0.0))
                gross = fundable_gross(fundable, employer_rates, rnd)
                budgets[entrepreneur.id] = {
                    "treasury": available,
                    "reserve": reserve,
                    "fundable": fundable,
                    "gross": gross,
                    "net": net_from_gross(gross, employee_rates, rnd),
                    "cost": cost_from_gross(gross, employer_rates, rnd),
                    "currency": currency,
                }
        return budgets

    def action_cae_view_payslips(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Payslips"),
            "res_model": "hr.payslip",
            "view_mode": "list,form",
            "domain": [("cae_entrepreneur_id", "=", self.id)],
        }

    def action_cae_view_contracts(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("CESA contracts"),
            "res_model": "hr.contract",
            "view_mode": "list,form",
            "domain": [("cae_entrepreneur_id", "=", self.id)],
            "context": {
                "default_cae_is_cesa": True,
                "default_employee_id": self.employee_id.id,
                "default_name": self.env._("CESA %(name)s", name=self.name),
            },
        }

    def action_cae_simulate_salary(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Salary simulation"),
            "res_model": "cae.salary.simulation",
            "view_mode": "form",
            "target": "new",
            "context": {"default_entrepreneur_id": self.id},
        }

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.hr_payslip import EMPLOYEE_RATE_CODES, EMPLOYER_RATE_CODES
from ..models.pay_math import contributions, cost_from_gross, gross_from_net


class CaeSalarySimulation(models.TransientModel):
    """Desired net pay → gross → total cost → treasury left to the activity.

    Same rates and same rounding as the payslip, so the figures are those the
    payslip will show (for a payslip dated on the simulation date).
    """

    _name = "cae.salary.simulation"
    _description = "Salary simulation"

    entrepreneur_id = fields.Many2one(
        comodel_name="cae.entrepreneur",
        required=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="entrepreneur_id.company_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="Rates and treasury are read on this date.",
    )
    desired_net = fields.Monetary(string="Desired net pay")
    employee_rate = fields.Float(
        string="Employee contribution rate (%)",
        compute="_compute_simulation",
        digits=(16, 2),
    )
    employer_rate = fields.Float(
        string="Employer contribution rate (%)",
        compute="_compute_simulation",
        digits=(16, 2),
    )
    gross = fields.Monetary(string="Gross pay", compute="_compute_simulation")
    employee_contributions = fields.Monetary(compute="_compute_simulation")
    employer_contributions = fields.Monetary(compute="_compute_simulation")
    cost = fields.Monetary(string="Total cost", compute="_compute_simulation")
    fundable = fields.Monetary(
        string="Activity can fund",
        compute="_compute_simulation",
        help="Available treasury minus the safety reserve.",
    )
    remaining = fields.Monetary(
        string="Treasury left after pay",
        compute="_compute_simulation",
        help="What the activity can fund minus the total cost; negative when "
        "the activity cannot afford this pay.",
    )
    budget_gross = fields.Monetary(
        string="Fundable gross pay", compute="_compute_simulation"
    )
    budget_net = fields.Monetary(
        string="Fundable net pay", compute="_compute_simulation"
    )

    @api.depends("entrepreneur_id", "date", "desired_net")
    def _compute_simulation(self):
        Parameter = self.env["cae.parameter"]
        for wizard in self:
            company = wizard.company_id or self.env.company
            rnd = company.currency_id.round
            date = wizard.date or fields.Date.context_today(wizard)
            employee_rates = [
                Parameter._cae_cached_value(code, date, company)
                for code in EMPLOYEE_RATE_CODES
            ]
            employer_rates = [
                Parameter._cae_cached_value(code, date, company)
                for code in EMPLOYER_RATE_CODES
            ]
            gross = gross_from_net(wizard.desired_net, employee_rates, rnd)
            cost = cost_from_gross(gross, employer_rates, rnd)
            budget = wizard.entrepreneur_id._cae_salary_budget(date).get(
                wizard.entrepreneur_id.id, {}
            )
            fundable = budget.get("fundable", 0.0)
            wizard.employee_rate = sum(employee_rates)
            wizard.employer_rate = sum(employer_rates)
            wizard.gross = gross
            wizard.employee_contributions = contributions(gross, employee_rates, rnd)
            wizard.employer_contributions = contributions(gross, employer_rates, rnd)
            wizard.cost = cost
            wizard.fundable = fundable
            wizard.remaining = rnd(fundable - cost)
            wizard.budget_gross = budget.get("gross", 0.0)
            wizard.budget_net = budget.get("net", 0.0)

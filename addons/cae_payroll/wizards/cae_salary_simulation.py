# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import french_payroll


class CaeSalarySimulation(models.TransientModel):
    """Desired net pay → gross → labour cost → treasury left to the activity.

    Solved by the French payroll engine with the rules and rounding of the
    payslip (every contribution, the general reduction on the year's
    figures), so the figures are those of a payslip of the simulation's
    month. Only for entrepreneurs the user may read (their advisor, the
    accountants): checked before anything is read as superuser.
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
    desired_net = fields.Monetary(string="Desired net pay before income tax")
    gross = fields.Monetary(string="Gross pay", compute="_compute_simulation")
    employee_contributions = fields.Monetary(compute="_compute_simulation")
    employer_contributions = fields.Monetary(
        compute="_compute_simulation",
        help="Before the general reduction.",
    )
    reduction = fields.Monetary(
        string="General reduction",
        compute="_compute_simulation",
    )
    cost = fields.Monetary(string="Labour cost", compute="_compute_simulation")
    fundable = fields.Monetary(
        string="Activity can fund",
        compute="_compute_simulation",
        help="Available treasury minus the safety reserve.",
    )
    remaining = fields.Monetary(
        string="Treasury left after pay",
        compute="_compute_simulation",
        help="What the activity can fund minus the labour cost; negative "
        "when the activity cannot afford this pay.",
    )
    budget_gross = fields.Monetary(
        string="Fundable gross pay", compute="_compute_simulation"
    )
    budget_net = fields.Monetary(
        string="Fundable net pay", compute="_compute_simulation"
    )

    @api.depends("entrepreneur_id", "date", "desired_net")
    def _compute_simulation(self):
        for wizard in self:
            entrepreneur = wizard.entrepreneur_id
            company = wizard.company_id or self.env.company
            date = wizard.date or fields.Date.context_today(wizard)
            # Raises AccessError for an entrepreneur the user may not read.
            budget = entrepreneur._cae_salary_budget(date).get(entrepreneur.id, {})
            params = self.env["cae.parameter"]._cae_payroll_params(company.id, date)
            case = entrepreneur.sudo()._cae_salary_case(date) if entrepreneur else None
            result = None
            if case:
                gross = french_payroll.gross_from_net(wizard.desired_net, case, params)
                result = french_payroll.compute(case.replace(gross=gross), params)
            fundable = budget.get("fundable", 0.0)
            wizard.gross = result.gross if result else 0.0
            wizard.employee_contributions = result.employee_total if result else 0.0
            wizard.employer_contributions = result.employer_total if result else 0.0
            wizard.reduction = result.reduction if result else 0.0
            wizard.cost = result.cost if result else 0.0
            wizard.fundable = fundable
            wizard.remaining = company.currency_id.round(fundable - wizard.cost)
            wizard.budget_gross = budget.get("gross", 0.0)
            wizard.budget_net = budget.get("net", 0.0)

    @api.model_create_multi
    def create(self, vals_list):
        # Only for an entrepreneur the user may read (record rules).
        entrepreneurs = self.env["cae.entrepreneur"].browse(
            [
                vals.get("entrepreneur_id")
                for vals in vals_list
                if vals.get("entrepreneur_id")
            ]
        )
        entrepreneurs.check_access("read")
        return super().create(vals_list)

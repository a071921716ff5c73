# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..tools import french_payroll


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

    def _cae_salary_case(self, date, gross=0.0):
        """The payroll engine's case of a month's pay on ``date``: the
        running CESA contract (hours, executive status, dates) or full time,
        and the year's figures of the confirmed payslips."""
        self.ensure_one()
        contract = self.sudo().cae_contract_ids.filtered(
            lambda c: c.state == "open"
            and c.date_start <= date
            and (not c.date_end or c.date_end >= date)
        )[:1]
        company = self.company_id
        first = date.replace(day=1)
        last = first + relativedelta(months=1, days=-1)
        Payslip = self.env["hr.payslip"].sudo()
        ytd = (0.0, 0.0, 0.0)
        if self.employee_id:
            probe = Payslip.new(
                {
                    "employee_id": self.employee_id.id,
                    "company_id": company.id,
                    "contract_id": contract.id,
                    "date_from": first,
                    "date_to": last,
                }
            )
            ytd = probe._cae_ytd_figures().get(probe.id, ytd)
        employee = self.employee_id.sudo()
        tax_rate = None
        if employee and employee.cae_pas_rate_type == "personal":
            tax_rate = employee.cae_pas_rate
        hours = (
            contract.cae_monthly_hours
            or self.env["hr.contract"]._default_cae_monthly_hours()
        )
        return french_payroll.Case(
            date_from=first,
            date_to=last,
            gross=gross,
            monthly_hours=hours,
            executive=contract.cae_is_executive,
            headcount=company.cae_payroll_headcount,
            contract_start=contract.date_start or None,
            contract_end=contract.date_end or None,
            ytd_base=ytd[0],
            ytd_smic=ytd[1],
            ytd_reduction=ytd[2],
            tax_rate=tax_rate,
            tax_zone=employee.cae_pas_zone or "metropole",
        )

    def _cae_salary_budget(self, date=None):
        """What each activity can fund this month, as pay.

        ``{entrepreneur_id: {treasury, reserve, fundable, gross, net, cost}}``
        where fundable = treasury indicator − safety reserve (never below 0),
        gross = the highest gross whose labour cost (with every contribution
        and the general reduction, by the payroll engine) fits in it, net =
        its net pay before tax. One treasury reading per company.
        Entrepreneurs without an activity are left out.

        Reading the treasury needs rights the caller may not have: the
        caller must be able to read the entrepreneurs themselves (their
        advisor, an accountant, the entrepreneur), checked before ``sudo``.
        """
        self.check_access("read")
        date = date or fields.Date.context_today(self)
        budgets = {}
        entrepreneurs = self.sudo().filtered("activity_id")
        for company, group in entrepreneurs.grouped("company_id").items():
            currency = company.currency_id
            rnd = currency.round
            params = self.env["cae.parameter"]._cae_payroll_params(company.id, date)
            reserve = company.cae_payroll_safety_reserve
            # A budget is information: no indicator set up shows no budget.
            treasury = company._cae_payroll_treasury(
                group.activity_id, date, raise_if_missing=False
            )
            for entrepreneur in group:
                available = treasury.get(entrepreneur.activity_id.id, 0.0)
                fundable = rnd(max(available - reserve, 0.0))
                case = entrepreneur._cae_salary_case(date)
                gross = french_payroll.gross_from_cost(fundable, case, params)
                result = french_payroll.compute(case.replace(gross=gross), params)
                budgets[entrepreneur.id] = {
                    "treasury": available,
                    "reserve": reserve,
                    "fundable": fundable,
                    "gross": gross,
                    "net": result.net_before_tax,
                    "cost": result.cost,
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

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

WAGE_TYPES = [
    ("monthly", "Monthly gross"),
    ("hourly", "Hours × hourly rate"),
]


class HrContract(models.Model):
    """The employment contract (CESA) of a salaried entrepreneur.

    Its fixed pay is either a monthly gross (``wage``) or monthly hours at an
    hourly rate (``wage`` then follows). The analytic account is the one of
    the entrepreneur's activity, so that ``payroll_account`` posts the
    payslips on the activity.
    """

    _inherit = "hr.contract"

    cae_is_cesa = fields.Boolean(
        string="CESA contract",
        tracking=True,
        help="Contract of a salaried entrepreneur (contrat d'entrepreneur "
        "salarié associé): paid from their activity's treasury.",
    )
    cae_entrepreneur_id = fields.Many2one(
        comodel_name="cae.entrepreneur",
        string="Entrepreneur",
        compute="_compute_cae_entrepreneur_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    cae_activity_id = fields.Many2one(
        related="cae_entrepreneur_id.activity_id",
        string="Activity",
        store=True,
        index=True,
    )
    cae_wage_type = fields.Selection(
        selection=WAGE_TYPES,
        string="Fixed pay",
        required=True,
        default="monthly",
        tracking=True,
    )
    cae_hourly_rate = fields.Monetary(
        string="Hourly rate",
        tracking=True,
        help="Gross hourly rate; never below the minimum wage of the "
        "payslip's date.",
    )
    cae_monthly_hours = fields.Float(
        string="Monthly hours",
        digits=(16, 2),
        default=lambda self: self._default_cae_monthly_hours(),
        tracking=True,
        help="Hours paid each month (151.67 for 35 hours a week).",
    )
    cae_is_executive = fields.Boolean(
        string="Executive (cadre)",
        tracking=True,
        help="Executive status (ANI du 17 novembre 2017): APEC contribution "
        "and the executives' mandatory welfare of 1.50 % of tranche 1.",
    )
    cae_effective_hourly_rate = fields.Monetary(
        string="Effective hourly rate",
        compute="_compute_cae_effective_hourly_rate",
        help="Hourly rate of the fixed part: the hourly rate, or the monthly "
        "gross divided by the monthly hours.",
    )
    analytic_account_id = fields.Many2one(
        compute="_compute_analytic_account_id",
        store=True,
        readonly=False,
        precompute=True,
    )

    @api.model
    def _default_cae_monthly_hours(self):
        Parameter = self.env["cae.parameter"].sudo()
        # Absent while the module installs (existing contracts): no default.
        if not Parameter.search_count([("code", "=", "cae_full_time_monthly_hours")]):
            return 0.0
        return Parameter._get_value(
            "cae_full_time_monthly_hours", company=self.env.company
        )

    @api.depends("employee_id", "cae_is_cesa")
    def _compute_cae_entrepreneur_id(self):
        for contract in self:
            if contract.cae_is_cesa:
                entrepreneurs = contract.employee_id.sudo().cae_entrepreneur_ids
                contract.cae_entrepreneur_id = (
                    entrepreneurs[:1] or contract.cae_entrepreneur_id
                )
            else:
                contract.cae_entrepreneur_id = False

    @api.depends("cae_entrepreneur_id.activity_id.analytic_account_id")
    def _compute_analytic_account_id(self):
        for contract in self:
            activity = contract.cae_entrepreneur_id.activity_id
            contract.analytic_account_id = (
                activity.analytic_account_id or contract.analytic_account_id
            )

    @api.depends("cae_wage_type", "cae_hourly_rate", "wage", "cae_monthly_hours")
    def _compute_cae_effective_hourly_rate(self):
        for contract in self:
            contract.cae_effective_hourly_rate = contract._cae_hourly_rate()

    @api.constrains(
        "cae_is_cesa", "cae_entrepreneur_id", "analytic_account_id", "employee_id"
    )
    def _check_cae_cesa(self):
        for contract in self.filtered("cae_is_cesa"):
            entrepreneur = contract.cae_entrepreneur_id
            if not entrepreneur:
                raise ValidationError(
                    self.env._(
                        "The CESA contract %(contract)s needs the entrepreneur "
                        "it employs.",
                        contract=contract.name,
                    )
                )
            if entrepreneur.employee_id != contract.employee_id:
                raise ValidationError(
                    self.env._(
                        "The CESA contract %(contract)s must employ "
                        "%(entrepreneur)s's employee record.",
                        contract=contract.name,
                        entrepreneur=entrepreneur.name,
                    )
                )
            expected = entrepreneur.activity_id.analytic_account_id
            if contract.analytic_account_id != expected:
                raise ValidationError(
                    self.env._(
                        "The CESA contract %(contract)s must be posted on the "
                        "analytic account of the activity %(activity)s.",
                        contract=contract.name,
                        activity=entrepreneur.activity_id.display_name,
                    )
                )

    @api.constrains("cae_wage_type", "cae_hourly_rate", "cae_monthly_hours")
    def _check_cae_hours(self):
        for contract in self.filtered(lambda c: c.cae_wage_type == "hourly"):
            if contract.cae_hourly_rate <= 0 or contract.cae_monthly_hours <= 0:
                raise ValidationError(
                    self.env._(
                        "A contract paid by the hour needs an hourly rate and "
                        "monthly hours (%(contract)s).",
                        contract=contract.name,
                    )
                )

    @api.onchange("cae_is_cesa", "employee_id")
    def _onchange_cae_is_cesa(self):
        if self.cae_is_cesa:
            company = self.company_id or self.env.company
            self.struct_id = self.struct_id or company.cae_payroll_structure_id
            self.journal_id = self.journal_id or company.cae_payroll_journal_id

    @api.onchange("cae_wage_type", "cae_hourly_rate", "cae_monthly_hours")
    def _onchange_cae_hourly_wage(self):
        if self.cae_wage_type == "hourly":
            self.wage = self._cae_hourly_wage(self._prepare_cae_values(self))

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._prepare_cae_vals(vals) for vals in vals_list])

    def write(self, vals):
        if any(
            field in vals
            for field in ("cae_wage_type", "cae_hourly_rate", "cae_monthly_hours")
        ):
            for contract in self:
                super(HrContract, contract).write(
                    contract._prepare_cae_vals(vals, contract)
                )
            return True
        return super().write(vals)

    @api.model
    def _prepare_cae_values(self, contract=None, vals=None):
        """Pay fields of ``vals`` over those of ``contract`` (or the defaults)."""
        vals = vals or {}
        defaults = {
            "cae_wage_type": "monthly",
            "cae_hourly_rate": 0.0,
            "cae_monthly_hours": None,
        }
        values = {}
        for key, default in defaults.items():
            if key in vals:
                values[key] = vals[key]
            elif contract:
                values[key] = contract[key]
            elif key == "cae_monthly_hours":
                values[key] = self._default_cae_monthly_hours()
            else:
                values[key] = default
        return values

    @api.model
    def _cae_hourly_wage(self, values):
        currency = self.env.company.currency_id
        return currency.round(
            (values["cae_hourly_rate"] or 0.0) * (values["cae_monthly_hours"] or 0.0)
        )

    @api.model
    def _prepare_cae_vals(self, vals, contract=None):
        """Fill the CESA defaults (structure, journal) and an hourly wage."""
        vals = dict(vals)
        if vals.get("cae_is_cesa") and not contract:
            employee = self.env["hr.employee"].browse(vals.get("employee_id"))
            company = self.env["res.company"].browse(
                vals.get("company_id") or employee.company_id.id or self.env.company.id
            )
            vals.setdefault("struct_id", company.cae_payroll_structure_id.id)
            vals.setdefault("journal_id", company.cae_payroll_journal_id.id)
        values = self._prepare_cae_values(contract, vals)
        if values["cae_wage_type"] == "hourly":
            vals["wage"] = self._cae_hourly_wage(values)
        return vals

    def _cae_hourly_rate(self):
        """Hourly rate of the fixed part, to the cent (checked against SMIC)."""
        self.ensure_one()
        if self.cae_wage_type == "hourly":
            return self.cae_hourly_rate
        if not self.cae_monthly_hours:
            return 0.0
        return self.currency_id.round(self.wage / self.cae_monthly_hours)

    def _cae_is_below_minimum_wage(self, minimum):
        self.ensure_one()
        return float_compare(self._cae_hourly_rate(), minimum, precision_digits=2) < 0

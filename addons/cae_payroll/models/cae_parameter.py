# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools

# Parameters of cae_base the payroll engine reads besides the cae_pay_* ones.
PAYROLL_CODES = ("cae_smic_hourly", "cae_full_time_monthly_hours")


class CaeParameter(models.Model):
    _inherit = "cae.parameter"

    @api.model
    @tools.ormcache("code", "company_id")
    def _cae_cached_dated_values(self, code, company_id):
        """Sorted ``((date_from, value), ...)`` of ``code`` for a company.

        Salary rules read parameters once per payslip line: caching them per
        worker keeps a batch of a thousand payslips from costing a query
        each. Any change of a parameter or of its values clears the cache.
        """
        company = self.env["res.company"].browse(company_id)
        return tuple(self._get_parameter(code)._dated_values(company))

    @api.model
    def _cae_cached_value(self, code, date, company):
        """Like ``_get_value`` (same error when missing), from the cache."""
        values = self._cae_cached_dated_values(code, company.id)
        value = self._value_at(values, date)
        if value is None:
            return self._get_value(code, date, company)
        return value

    @api.model
    @tools.ormcache("company_id", "date")
    def _cae_payroll_params(self, company_id, date):
        """``{code: value}`` of the payroll parameters in force on ``date``
        for a company: every ``cae_pay_*`` code, the minimum wage and the
        full-time hours (the French payroll engine's input, see
        tools/french_payroll.py). Codes without a value on that date are
        left out. Cached per worker; do not modify the dict."""
        company = self.env["res.company"].browse(company_id)
        parameters = self.sudo().search(
            [
                "|",
                ("code", "=like", "cae_pay_%"),
                ("code", "in", PAYROLL_CODES),
            ]
        )
        params = {}
        for parameter in parameters:
            value = self._value_at(parameter._dated_values(company), date)
            if value is not None:
                params[parameter.code] = value
        return params

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()
        return records

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res

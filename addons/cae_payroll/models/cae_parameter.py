# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import functools

from odoo import api, models, tools
from odoo.tools import SQL

# Parameters of cae_base the payroll engine reads besides the cae_pay_* ones.
PAYROLL_CODES = ("cae_smic_hourly", "cae_full_time_monthly_hours")
# Key of the parameters' fingerprint in the cursor's cache.
FINGERPRINT = "cae_parameter_fingerprint"


class CaeParameter(models.Model):
    _inherit = "cae.parameter"

    @api.model
    def _cae_parameters_fingerprint(self):
        """A digest of what the cached payroll figures are made of: the codes
        of the parameters and their dated values (one query per transaction).

        It is part of the caches' keys, so a change of a parameter, committed
        by any worker, makes the others read it again at their next
        transaction, without clearing the registry's other caches (access
        rules, views...). Being a digest of the content, equal keys always
        mean equal figures, whatever the order in which transactions commit.
        A change undone by a savepoint's rollback is forgotten at the end of
        the transaction (the digest is kept until then).
        """
        cr = self.env.cr
        if FINGERPRINT not in cr.cache:
            self.env["cae.parameter"].flush_model(["code"])
            self.env["cae.parameter.value"].flush_model()
            cr.execute(
                SQL(
                    """
                    SELECT md5(string_agg(
                        concat_ws(':', p.id, p.code, v.id, v.date_from,
                                  v.value, v.company_id),
                        ',' ORDER BY p.id, v.id))
                      FROM cae_parameter p
                      LEFT JOIN cae_parameter_value v ON v.parameter_id = p.id
                    """
                )
            )
            cr.cache[FINGERPRINT] = cr.fetchone()[0]
            # The next transaction of this cursor reads it again (the dict
            # itself: a closing cursor has no ``cache`` attribute any more).
            forget = functools.partial(cr.cache.pop, FINGERPRINT, None)
            cr.postcommit.add(forget)
            cr.postrollback.add(forget)
        return cr.cache[FINGERPRINT]

    @api.model
    def _cae_parameters_changed(self):
        """A parameter or a value changed: the fingerprint is read again."""
        self.env.cr.cache.pop(FINGERPRINT, None)

    @api.model
    def _cae_cached_dated_values(self, code, company_id):
        """Sorted ``((date_from, value), ...)`` of ``code`` for a company.

        Salary rules read parameters once per payslip line: caching them per
        worker keeps a batch of a thousand payslips from costing a query
        each.
        """
        return self._cae_dated_values_by_fingerprint(
            code, company_id, self._cae_parameters_fingerprint()
        )

    @api.model
    @tools.ormcache("code", "company_id", "fingerprint")
    def _cae_dated_values_by_fingerprint(self, code, company_id, fingerprint):
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
    def _cae_payroll_params(self, company_id, date):
        """``{code: value}`` of the payroll parameters in force on ``date``
        for a company: every ``cae_pay_*`` code, the minimum wage and the
        full-time hours (the French payroll engine's input, see
        tools/french_payroll.py). Codes without a value on that date are
        left out. Cached per worker; do not modify the dict."""
        return self._cae_payroll_params_by_fingerprint(
            company_id, date, self._cae_parameters_fingerprint()
        )

    @api.model
    @tools.ormcache("company_id", "date", "fingerprint")
    def _cae_payroll_params_by_fingerprint(self, company_id, date, fingerprint):
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
        self._cae_parameters_changed()
        return records

    def write(self, vals):
        res = super().write(vals)
        self._cae_parameters_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self._cae_parameters_changed()
        return res

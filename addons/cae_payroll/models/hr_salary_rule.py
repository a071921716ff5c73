# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HrSalaryRule(models.Model):
    _inherit = "hr.salary.rule"

    def _compute_rule(self, localdict):
        """Name the payslip line in the language of whoever computes it.

        OCA payroll calls the rule's method through ``api.call_kw``, which
        drops the context: every line got the rule's English name, even on
        a French payslip. The rule's own name is read again here, with the
        caller's language, unless the rule's code chose one.
        """
        result = super()._compute_rule(localdict)
        if not localdict.get("result_name"):
            result["name"] = self.name
        return result

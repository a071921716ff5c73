# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

ENGINE_SIDES = [
    ("none", "Payslip total"),
    ("employee", "Employee share"),
    ("employer", "Employer share"),
]


class HrSalaryRule(models.Model):
    """Salary rules whose amount comes from the French payroll engine.

    A rule of amount type ``cae_engine`` reads the line ``cae_engine_code``
    of the payslip's computed result (``hr.payslip._cae_engine_result``):
    a contribution (employee or employer share) or a total (fixed part,
    gross, net before tax, tax, net, reduction, cost). No Python code is
    evaluated, so a structure of fifty rules costs little more than one of
    ten. Its condition ``cae_engine`` holds when the engine has that line.
    """

    _inherit = "hr.salary.rule"

    amount_select = fields.Selection(
        selection_add=[("cae_engine", "French payroll engine")],
        ondelete={"cae_engine": "set default"},
    )
    condition_select = fields.Selection(
        selection_add=[("cae_engine", "Line of the French payroll engine")],
        ondelete={"cae_engine": "set default"},
    )
    cae_engine_code = fields.Char(
        string="Engine line",
        help="Contribution or total of the French payroll engine "
        "(addons/cae_payroll/tools/french_payroll.py) this rule reads.",
    )
    cae_engine_side = fields.Selection(
        selection=ENGINE_SIDES,
        string="Engine side",
        default="none",
    )

    def _compute_rule(self, localdict):
        """Name the payslip line in the payslip's language.

        OCA payroll calls the rule's method through ``api.call_kw``, which
        drops the context: every line got the rule's English name, even on
        a French payslip, and a batch computed by a job or at install kept
        English names in the French interface. A CESA payslip's lines are
        named in its language (French when installed, see
        ``hr.payslip._cae_report_lang``), other payslips' in the caller's,
        unless the rule's code chose a name.
        """
        result = super()._compute_rule(localdict)
        if not localdict.get("result_name"):
            payslip = localdict.get("payslip")
            rule = self
            if payslip and payslip.cae_is_cesa:
                lang = localdict.setdefault("cae_lang", payslip._cae_report_lang())
                rule = self.with_context(lang=lang)
            result["name"] = rule.name
        return result

    def _compute_rule_cae_engine(self, localdict):
        return localdict["payslip"]._cae_engine_line(self, localdict)

    def _satisfy_condition_cae_engine(self, localdict):
        return localdict["payslip"]._cae_engine_has_line(self, localdict)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CaePayrollVariablesXlsx(models.AbstractModel):
    """The month's payroll variables, one row per payslip, for a provider.

    Cooperatives that have their payslips made by an external payroll
    provider send them these figures: hours, rates, fixed and variable
    parts, and the totals of the simulation for checking.
    """

    _name = "report.cae_payroll.payroll_variables_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Payroll variables (XLSX)"

    def _columns(self):
        """``[(key, header, kind)]``; kind is text, date, number or money."""
        _ = self.env._
        return [
            ("reference", _("Entrepreneur reference"), "text"),
            ("employee", _("Employee"), "text"),
            ("activity_code", _("Analytic code"), "text"),
            ("activity", _("Activity"), "text"),
            ("contract", _("Contract"), "text"),
            ("date_from", _("From"), "date"),
            ("date_to", _("To"), "date"),
            ("wage_type", _("Fixed pay"), "text"),
            ("hours", _("Monthly hours"), "number"),
            ("hourly_rate", _("Hourly rate"), "money"),
            ("fixed", _("Fixed part"), "money"),
            ("variable", _("Variable part (L7332-3)"), "money"),
            ("gross", _("Gross pay"), "money"),
            ("employee_contributions", _("Employee contributions"), "money"),
            ("deductions", _("Deductions from net pay"), "money"),
            ("net", _("Net to pay"), "money"),
            ("employer_contributions", _("Employer contributions"), "money"),
            ("cost", _("Total cost"), "money"),
            ("funding", _("Funding"), "text"),
            ("number", _("Payslip"), "text"),
            ("state", _("Status"), "text"),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        payslips = objs
        if objs._name == "hr.payslip.run":
            payslips = objs.slip_ids
        payslips = payslips.filtered("cae_is_cesa").sorted(
            lambda p: (p.date_from, p.employee_id.name or "", p.id)
        )
        currency = (payslips.company_id[:1] or self.env.company).currency_id
        bold = workbook.add_format({"bold": True, "bg_color": "#DDDDDD"})
        formats = {
            "text": None,
            "date": workbook.add_format({"num_format": "dd/mm/yyyy"}),
            "number": workbook.add_format({"num_format": "0.00"}),
            "money": workbook.add_format(
                {"num_format": self._report_xlsx_currency_format(currency)}
            ),
        }
        sheet = workbook.add_worksheet(self.env._("Payroll variables"))
        columns = self._columns()
        for col, (_key, header, _kind) in enumerate(columns):
            sheet.write(0, col, header, bold)
            sheet.set_column(col, col, 16)
        sheet.freeze_panes(1, 0)
        for row, values in enumerate(payslips._cae_payroll_variables(), start=1):
            for col, (key, _header, kind) in enumerate(columns):
                value = values.get(key)
                if value in (None, False):
                    continue
                if kind == "date":
                    sheet.write_datetime(row, col, value, formats[kind])
                else:
                    sheet.write(row, col, value, formats[kind])

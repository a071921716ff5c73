# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from ..tools import french_payroll


class CaePayrollVariablesXlsx(models.AbstractModel):
    """The month's payroll variables, one row per payslip, for a provider.

    Cooperatives that have their payslips made by an external payroll
    provider send them these figures: hours, rates, fixed and variable
    parts, every base and every contribution (both shares), the general
    reduction and the totals, for checking.
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
            ("executive", _("Executive"), "bool"),
            ("date_from", _("From"), "date"),
            ("date_to", _("To"), "date"),
            ("wage_type", _("Fixed pay"), "text"),
            ("hours", _("Monthly hours"), "number"),
            ("hourly_rate", _("Hourly rate"), "money"),
            ("headcount", _("Headcount"), "number"),
            ("pmss", _("Social security ceiling of the month"), "money"),
            ("fixed", _("Fixed part"), "money"),
            ("variable", _("Variable part (L7332-3)"), "money"),
            ("gross", _("Gross pay"), "money"),
            ("employee_contributions", _("Employee contributions"), "money"),
            ("net_before_tax", _("Net pay before income tax"), "money"),
            ("taxable", _("Taxable net pay"), "money"),
            ("tax_rate", _("Withholding rate (%)"), "number"),
            ("tax", _("Income tax withheld"), "money"),
            ("deductions", _("Deductions from net pay"), "money"),
            ("net", _("Net pay"), "money"),
            ("net_social", _("Net social amount"), "money"),
            ("employer_contributions", _("Employer contributions"), "money"),
            ("reduction_smic", _("Minimum wage of the general reduction"), "money"),
            (
                "reduction_coefficient",
                _("Coefficient of the general reduction"),
                "ratio",
            ),
            ("reduction", _("General reduction"), "money"),
            ("cost", _("Labour cost"), "money"),
            ("funding", _("Funding"), "text"),
            ("number", _("Payslip"), "text"),
            ("state", _("Status"), "text"),
        ]

    def _contribution_columns(self, rows):
        """Three columns (base, employee, employer) per contribution found
        in ``rows``, in the order of the payslip."""
        _ = self.env._
        columns = []
        for code in french_payroll.CONTRIBUTIONS:
            names = [row[f"{code}_name"] for row in rows if f"{code}_name" in row]
            if not names:
                continue
            name = names[0]
            columns += [
                (f"{code}_base", _("%(name)s - base", name=name), "money"),
                (f"{code}_employee", _("%(name)s - employee", name=name), "money"),
                (f"{code}_employer", _("%(name)s - employer", name=name), "money"),
            ]
        return columns

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
            "bool": None,
            "date": workbook.add_format({"num_format": "dd/mm/yyyy"}),
            "number": workbook.add_format({"num_format": "0.00"}),
            "ratio": workbook.add_format({"num_format": "0.0000"}),
            "money": workbook.add_format(
                {"num_format": self._report_xlsx_currency_format(currency)}
            ),
        }
        sheet = workbook.add_worksheet(self.env._("Payroll variables"))
        rows = payslips._cae_payroll_variables()
        columns = self._columns() + self._contribution_columns(rows)
        for col, (_key, header, _kind) in enumerate(columns):
            sheet.write(0, col, header, bold)
            sheet.set_column(col, col, 16)
        sheet.freeze_panes(1, 0)
        yes, no = self.env._("Yes"), self.env._("No")
        for row, values in enumerate(rows, start=1):
            for col, (key, _header, kind) in enumerate(columns):
                value = values.get(key)
                if kind == "bool":
                    sheet.write(row, col, yes if value else no)
                    continue
                if value in (None, False):
                    continue
                if kind == "date":
                    sheet.write_datetime(row, col, value, formats[kind])
                else:
                    sheet.write(row, col, value, formats[kind])

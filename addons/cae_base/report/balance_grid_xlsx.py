# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import format_date


class BalanceGridXlsx(models.AbstractModel):
    """The balance grid of every activity for a period, one row each.

    Positions (cash, debts...) are at the end of the period, movements
    (turnover, result) over the period, as in the entrepreneur's grid; the
    last row adds the columns up with spreadsheet formulas.
    """

    _name = "report.cae_base.balance_grid_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Balance grid XLSX export"

    def generate_xlsx_report(self, workbook, data, exports):
        for export in exports:
            self._write_sheet(workbook, export)

    def _write_sheet(self, workbook, export):
        _ = self.env._
        company = export.company_id
        activities = export._get_activities()
        indicators = (
            self.env["cae.balance.indicator"]
            .sudo()
            .search([("company_id", "=", company.id)])
        )
        values = activities._get_indicator_values(export.date_from, export.date_to)
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format(
            {"num_format": self._report_xlsx_currency_format(company.currency_id)}
        )
        money_bold = workbook.add_format(
            {
                "bold": True,
                "num_format": self._report_xlsx_currency_format(company.currency_id),
            }
        )
        sheet = workbook.add_worksheet(company.name[:31])
        sheet.write(0, 0, _("Balance of the activities"), bold)
        sheet.write(
            1,
            0,
            _(
                "%(company)s, from %(start)s to %(end)s",
                company=company.name,
                start=format_date(self.env, export.date_from),
                end=format_date(self.env, export.date_to),
            ),
        )
        headers = [_("Code"), _("Activity"), _("Entrepreneurs"), _("Advisor")]
        headers += indicators.mapped("name")
        header_row, first_row = 3, 4
        for column, title in enumerate(headers):
            sheet.write(header_row, column, title, bold)
        sheet.set_column(0, 0, 10)
        sheet.set_column(1, 3, 28)
        sheet.set_column(4, 3 + len(indicators), 16)
        row = first_row
        for activity in activities:
            entrepreneurs = activity.entrepreneur_ids
            sheet.write(row, 0, activity.code or "")
            sheet.write(row, 1, activity.name)
            sheet.write(row, 2, ", ".join(entrepreneurs.mapped("name")))
            sheet.write(row, 3, ", ".join(entrepreneurs.advisor_id.mapped("name")))
            for offset, indicator in enumerate(indicators):
                sheet.write_number(
                    row, 4 + offset, values[activity.id][indicator.code], money
                )
            row += 1
        sheet.write(row, 1, _("Total"), bold)
        for offset in range(len(indicators)):
            column = 4 + offset
            sheet.write_formula(
                row,
                column,
                f"=SUM({self._cell(first_row, column)}:{self._cell(row - 1, column)})",
                money_bold,
                sum(values[a.id][indicators[offset].code] for a in activities),
            )
        sheet.freeze_panes(first_row, 2)

    @staticmethod
    def _cell(row, column):
        letters = ""
        column += 1
        while column:
            column, remainder = divmod(column - 1, 26)
            letters = chr(65 + remainder) + letters
        return f"{letters}{row + 1}"

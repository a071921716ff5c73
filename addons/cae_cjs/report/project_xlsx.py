# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import models


class ProjectXlsx(models.AbstractModel):
    """One sheet per closed project: its figures and each participant's share."""

    _name = "report.cae_cjs.project_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Distribution summary of a collective project (XLSX)"

    def generate_xlsx_report(self, workbook, data, projects):
        projects._check_closed()
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "bold": workbook.add_format({"bold": True}),
            "header": workbook.add_format({"bold": True, "bottom": 1}),
            "hours": workbook.add_format({"num_format": "0.00"}),
            "weight": workbook.add_format({"num_format": "0.0000"}),
            "date": workbook.add_format({"num_format": "dd/mm/yyyy", "align": "left"}),
        }
        for project in projects:
            styles["money"] = workbook.add_format(
                {"num_format": self._report_xlsx_currency_format(project.currency_id)}
            )
            styles["money_total"] = workbook.add_format(
                {
                    "bold": True,
                    "top": 1,
                    "num_format": self._report_xlsx_currency_format(
                        project.currency_id
                    ),
                }
            )
            sheet = workbook.add_worksheet(project.reference or project.name)
            self._write_project(sheet, project, styles)

    def _write_project(self, sheet, project, styles):
        _ = self.env._
        sheet.set_column(0, 0, 38)
        sheet.set_column(1, 3, 16)
        sheet.write(0, 0, project.display_name, styles["title"])
        key = dict(
            project._fields["distribution_key"]._description_selection(self.env)
        )[project.distribution_key]
        figures = [
            (_("Hosting cooperative"), project.company_id.name, None),
            (_("Closed on"), project.closing_date, styles["date"]),
            (_("Revenue"), project.closed_revenue, styles["money"]),
            (_("Costs"), project.closed_costs, styles["money"]),
            (_("Result"), project.closed_result, styles["money"]),
            (_("Reserve kept"), project.reserve_amount, styles["money"]),
            (_("Amount distributed"), project.distributed_amount, styles["money"]),
            (_("Distribution key"), key, None),
        ]
        if project.distribution_key == "mix":
            figures.append((_("Share by hours (%)"), project.hours_weight, None))
        row = 2
        for label, value, style in figures:
            sheet.write(row, 0, label, styles["bold"])
            if isinstance(value, date):
                sheet.write_datetime(row, 1, value, style)
            else:
                sheet.write(row, 1, value, style)
            row += 1
        row += 1
        headers = [_("Participant"), _("Hours"), _("Share (%)"), _("Amount")]
        for col, header in enumerate(headers):
            sheet.write(row, col, header, styles["header"])
        first = row + 1
        for line in project.distribution_line_ids:
            row += 1
            sheet.write(row, 0, line.participant_id.name)
            sheet.write(row, 1, line.hours, styles["hours"])
            sheet.write(row, 2, line.weight, styles["weight"])
            sheet.write(row, 3, line.amount, styles["money"])
        row += 1
        sheet.write(row, 0, _("Total"), styles["bold"])
        sheet.write_formula(
            row,
            3,
            f"=SUM(D{first + 1}:D{row})",
            styles["money_total"],
            sum(project.distribution_line_ids.mapped("amount")),
        )

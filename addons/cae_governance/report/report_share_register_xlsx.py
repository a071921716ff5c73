# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ReportShareRegisterXlsx(models.AbstractModel):
    """The register of associates as a spreadsheet: one sheet of associates,
    one of the numbered operations."""

    _name = "report.cae_governance.share_register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Register of associates (XLSX)"

    def _get_objs_for_report(self, docids, data):
        # From the print wizard the ids come in the data (the context's
        # active model is then the wizard's).
        ids = docids or (data or {}).get("register_ids")
        if ids:
            return self.env["cae.share.register"].browse(ids)
        return super()._get_objs_for_report(docids, data)

    def generate_xlsx_report(self, workbook, data, registers):
        _ = self.env._
        date = fields.Date.to_date((data or {}).get("date")) or (
            fields.Date.context_today(self)
        )
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        kinds = dict(
            self.env["cae.associate"]._fields["kind"]._description_selection(self.env)
        )
        types = dict(
            self.env["cae.share.operation"]
            ._fields["operation_type"]
            ._description_selection(self.env)
        )
        for register in registers:
            money = workbook.add_format(
                {"num_format": self._report_xlsx_currency_format(register.currency_id)}
            )
            values = register._get_register_data(date)
            sheet = workbook.add_worksheet(_("Associates")[:31])
            sheet.write(0, 0, register.company_id.name, bold)
            sheet.write(1, 0, _("Register of associates on"), bold)
            sheet.write_datetime(1, 1, values["date"], date_format)
            headers = [
                _("Number"),
                _("Associate"),
                _("Kind"),
                _("Admission"),
                _("Exit"),
                *(share_class.name for share_class in values["classes"]),
                _("Shares"),
                _("Share capital"),
                _("Paid"),
            ]
            sheet.write_row(3, 0, headers, bold)
            row_index = 4
            for row in values["rows"]:
                associate = row["associate"]
                sheet.write(row_index, 0, associate.number or "")
                sheet.write(row_index, 1, associate.name)
                sheet.write(row_index, 2, kinds.get(associate.kind, ""))
                for col, value in ((3, row["admission_date"]), (4, row["exit_date"])):
                    if value:
                        sheet.write_datetime(row_index, col, value, date_format)
                col = 5
                for share_class in values["classes"]:
                    sheet.write(row_index, col, row["quantities"].get(share_class, 0))
                    col += 1
                sheet.write(row_index, col, row["quantity"])
                sheet.write(row_index, col + 1, row["subscribed"], money)
                sheet.write(row_index, col + 2, row["paid"], money)
                row_index += 1
            total_col = 5 + len(values["classes"])
            sheet.write(row_index, 1, _("Total"), bold)
            sheet.write(row_index, total_col, values["quantity"], bold)
            sheet.write(row_index, total_col + 1, values["subscribed"], money)
            sheet.write(row_index, total_col + 2, values["paid"], money)
            sheet.set_column(1, 1, 30)

            sheet = workbook.add_worksheet(_("Operations")[:31])
            sheet.write_row(
                0,
                0,
                [
                    _("Number"),
                    _("Date"),
                    _("Operation"),
                    _("Associate"),
                    _("Transferee"),
                    _("Share class"),
                    _("Shares"),
                    _("Amount"),
                ],
                bold,
            )
            for index, operation in enumerate(values["operations"], start=1):
                sheet.write(index, 0, operation.number)
                sheet.write_datetime(index, 1, operation.date, date_format)
                sheet.write(index, 2, types.get(operation.operation_type, ""))
                sheet.write(index, 3, operation.associate_id.name)
                sheet.write(index, 4, operation.partner_to_id.name or "")
                sheet.write(index, 5, operation.share_class_id.name)
                sheet.write(index, 6, operation.quantity)
                sheet.write(index, 7, operation.amount, money)
            sheet.set_column(3, 4, 30)

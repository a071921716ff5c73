# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeShareRegisterPrint(models.TransientModel):
    """Print the register of associates as it stood on a date."""

    _name = "cae.share.register.print"
    _description = "Print the register of associates"

    register_id = fields.Many2one(
        comodel_name="cae.share.register",
        required=True,
        default=lambda self: self.env["cae.share.register"]._get_for_company(
            self.env.company
        ),
    )
    date = fields.Date(
        string="Register on",
        required=True,
        default=fields.Date.context_today,
    )

    def _report_action(self, xmlid):
        self.ensure_one()
        # The web client sends no record ids with a report that has data:
        # they travel in the data (see the reports' _get_report_values).
        return self.env.ref(xmlid).report_action(
            self.register_id,
            data={
                "date": fields.Date.to_string(self.date),
                "register_ids": self.register_id.ids,
            },
        )

    def action_print_pdf(self):
        return self._report_action("cae_governance.action_report_share_register")

    def action_print_xlsx(self):
        return self._report_action("cae_governance.action_report_share_register_xlsx")

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ReportShareRegister(models.AbstractModel):
    """Values of the register of associates PDF (see
    ``cae.share.register._get_register_data``)."""

    _name = "report.cae_governance.report_share_register"
    _description = "Register of associates"

    @api.model
    def _get_report_values(self, docids, data=None):
        # From the print wizard the web client sends the data only: the ids
        # come with it.
        docids = docids or (data or {}).get("register_ids") or []
        registers = self.env["cae.share.register"].browse(docids)
        date = fields.Date.to_date((data or {}).get("date")) or (
            fields.Date.context_today(self)
        )
        return {
            "doc_ids": docids,
            "doc_model": "cae.share.register",
            "docs": registers,
            "date": date,
            "registers": {
                register.id: register._get_register_data(date) for register in registers
            },
        }

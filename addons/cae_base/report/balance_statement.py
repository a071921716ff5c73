# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportBalanceStatement(models.AbstractModel):
    """Values of the PDF statement: computed here, only rendered in QWeb."""

    _name = "report.cae_base.report_balance_statement"
    _description = "Balance statement of an activity"

    @api.model
    def _get_report_values(self, docids, data=None):
        activities = self.env["cae.activity"].browse(docids)
        activities.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "cae.activity",
            "docs": activities,
            "summaries": {
                activity.id: activity.with_context(
                    lang=activity._get_statement_lang()
                )._get_balance_summary()
                for activity in activities
            },
        }

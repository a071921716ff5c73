# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportParticipantStatement(models.AbstractModel):
    """Values of the participants' distribution statements (PDF, French)."""

    _name = "report.cae_cjs.report_participant_statement"
    _description = "Distribution statement of a participant"

    @api.model
    def _get_report_values(self, docids, data=None):
        participants = self.env["cae.cjs.participant"].browse(docids)
        participants.project_id._check_closed()
        return {
            "doc_ids": docids,
            "doc_model": "cae.cjs.participant",
            "docs": participants,
            "statement_lang": self._get_statement_lang(),
        }

    @api.model
    def _get_statement_lang(self):
        """French, the language of the youths' cooperatives, when installed."""
        if self.env["res.lang"]._lang_get("fr_FR"):
            return "fr_FR"
        return self.env.lang

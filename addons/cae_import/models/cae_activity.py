# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CaeActivity(models.Model):
    _inherit = "cae.activity"

    @api.model
    def get_import_templates(self):
        """Template of the import wizard (activities and opening balances)."""
        return [
            {
                "label": self.env._("Activities and opening balances (import wizard)"),
                "template": "/cae_import/static/templates/activity.xlsx",
            }
        ]

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CaeEntrepreneur(models.Model):
    _inherit = "cae.entrepreneur"

    @api.model
    def get_import_templates(self):
        """Template of the import wizard (Configuration > Import), whose
        columns replay the path through its rules."""
        return [
            {
                "label": self.env._("Entrepreneurs and their path (import wizard)"),
                "template": "/cae_import/static/templates/entrepreneur.xlsx",
            }
        ]

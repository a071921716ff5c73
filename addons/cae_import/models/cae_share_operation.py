# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CaeShareOperation(models.Model):
    _inherit = "cae.share.operation"

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Share register (import wizard)"),
                "template": "/cae_import/static/templates/share.xlsx",
            }
        ]

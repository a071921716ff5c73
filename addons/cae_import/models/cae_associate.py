# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CaeAssociate(models.Model):
    _inherit = "cae.associate"

    import_reference = fields.Char(
        string="Former reference",
        copy=False,
        index="btree_not_null",
        readonly=True,
        help="Reference of the associate in the former register, by which a "
        "new import finds them.",
    )

    _sql_constraints = [
        (
            "import_reference_company_unique",
            "unique(company_id, import_reference)",
            "A former reference belongs to one associate per company.",
        ),
    ]

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Associates (import wizard)"),
                "template": "/cae_import/static/templates/associate.xlsx",
            }
        ]

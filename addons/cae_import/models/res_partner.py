# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    cae_import_reference = fields.Char(
        string="Former customer reference",
        copy=False,
        index="btree_not_null",
        readonly=True,
        help="Reference of the customer or supplier in the former software, "
        "by which a new import finds them.",
    )

    _sql_constraints = [
        (
            "cae_import_reference_company_unique",
            "unique(company_id, cae_import_reference)",
            "A former customer reference belongs to one contact per company.",
        ),
    ]

    @api.model
    def get_import_templates(self):
        return super().get_import_templates() + [
            {
                "label": self.env._(
                    "Customers, open invoices and bills of the activities "
                    "(import wizard)"
                ),
                "template": "/cae_import/static/templates/customer.xlsx",
            }
        ]

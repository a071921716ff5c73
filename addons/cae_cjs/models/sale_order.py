# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    cae_cjs_contract_id = fields.Many2one(
        comodel_name="cae.cjs.contract",
        string="Collective project contract",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )

    def _prepare_invoice(self):
        """Invoices of a project's contract belong to the project's activity."""
        vals = super()._prepare_invoice()
        activity = self.cae_cjs_contract_id.project_id.activity_id
        if activity:
            vals["cae_activity_id"] = activity.id
        return vals

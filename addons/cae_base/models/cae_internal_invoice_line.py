# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CaeInternalInvoiceLine(models.Model):
    _name = "cae.internal.invoice.line"
    _inherit = ["cae.workflow.mixin"]
    _description = "Internal invoice line"
    # The lines follow their invoice: written while it is a draft only.
    _cae_workflow_parent_field = "invoice_id"
    _order = "invoice_id, sequence, id"

    invoice_id = fields.Many2one(
        comodel_name="cae.internal.invoice",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="invoice_id.company_id", store=True)
    currency_id = fields.Many2one(related="invoice_id.currency_id")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Description", required=True)
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    price_unit = fields.Monetary(string="Unit price")
    amount = fields.Monetary(compute="_compute_amount", store=True)

    @api.depends("quantity", "price_unit", "currency_id")
    def _compute_amount(self):
        for line in self:
            line.amount = line.currency_id.round(line.quantity * line.price_unit)

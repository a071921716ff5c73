# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CaeCjsPricedLineMixin(models.AbstractModel):
    """A quantity at a unit price of the project's price list.

    Contract lines and event sales lines: each model computes its default
    ``price_unit`` (``_compute_price_unit``) and checks its own amounts.
    """

    _name = "cae.cjs.priced.line.mixin"
    _inherit = ["cae.cjs.project.mixin"]
    _description = "Priced line of a collective project"

    quantity = fields.Float(
        required=True,
        default=1.0,
        digits="Product Unit of Measure",
    )
    price_unit = fields.Monetary(
        string="Unit price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
    )
    subtotal = fields.Monetary(compute="_compute_subtotal", store=True)

    def _compute_price_unit(self):
        raise NotImplementedError()

    @api.depends("quantity", "price_unit")
    def _compute_subtotal(self):
        for line in self:
            line.subtotal = line.currency_id.round(line.quantity * line.price_unit)

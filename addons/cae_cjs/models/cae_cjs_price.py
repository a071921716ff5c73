# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CaeCjsPrice(models.Model):
    """A line of the project's price list: a service or a product, its price.

    The youths set their prices (per hour of gardening, per car washed...);
    quotes and event sales take them from here. A Flashcoop also plans the
    quantity it produces; the quantity sold comes from its posted sales.
    """

    _name = "cae.cjs.price"
    _inherit = ["cae.cjs.project.mixin"]
    _description = "Price list line"
    _order = "project_id, sequence, id"

    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Service or product",
        required=True,
        check_company=True,
        domain=[("sale_ok", "=", True)],
    )
    uom_id = fields.Many2one(related="product_id.uom_id")
    price_unit = fields.Monetary(string="Unit price", required=True)
    quantity_planned = fields.Float(
        string="Quantity produced",
        digits="Product Unit of Measure",
        help="Flashcoop: quantity made for the sales event.",
    )
    quantity_sold = fields.Float(
        compute="_compute_quantity_sold",
        digits="Product Unit of Measure",
    )

    _sql_constraints = [
        (
            "product_unique",
            "unique(project_id, product_id)",
            "A product appears once in the price list of a project.",
        ),
    ]

    @api.depends("product_id")
    def _compute_display_name(self):
        for price in self:
            price.display_name = price.product_id.display_name or ""

    def _compute_quantity_sold(self):
        groups = (
            self.env["cae.cjs.event.sale.line"]
            .sudo()
            ._read_group(
                [("price_id", "in", self.ids), ("sale_id.state", "=", "posted")],
                ["price_id"],
                ["quantity:sum"],
            )
        )
        sold = {price.id: quantity for price, quantity in groups}
        for price in self:
            price.quantity_sold = sold.get(price.id, 0.0)

    @api.constrains("price_unit", "quantity_planned")
    def _check_amounts(self):
        for price in self:
            if price.price_unit < 0 or price.quantity_planned < 0:
                raise ValidationError(
                    self.env._(
                        "The price and the quantity of %(product)s cannot be "
                        "negative.",
                        product=price.product_id.display_name,
                    )
                )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CaeCjsEventSaleLine(models.Model):
    """What was sold of one product of the price list on the event day."""

    _name = "cae.cjs.event.sale.line"
    _inherit = ["cae.workflow.mixin", "cae.cjs.priced.line.mixin"]
    # The lines follow their sale: changed while it is a draft only.
    _cae_workflow_parent_field = "sale_id"
    _description = "Event sales line"
    _order = "sale_id, id"

    sale_id = fields.Many2one(
        comodel_name="cae.cjs.event.sale",
        string="Event sales",
        required=True,
        ondelete="cascade",
        index=True,
    )
    project_id = fields.Many2one(
        related="sale_id.project_id",
        store=True,
        required=False,
    )
    price_id = fields.Many2one(
        comodel_name="cae.cjs.price",
        string="Product",
        required=True,
        ondelete="restrict",
        domain="[('project_id', '=', project_id)]",
    )
    product_id = fields.Many2one(related="price_id.product_id")

    @api.depends("price_id")
    def _compute_price_unit(self):
        for line in self:
            line.price_unit = line.price_id.price_unit

    @api.constrains("quantity", "price_unit", "price_id")
    def _check_line(self):
        for line in self:
            if line.quantity <= 0 or line.price_unit < 0:
                raise ValidationError(
                    self.env._(
                        "Enter a positive quantity and a price that is not "
                        "negative for %(product)s.",
                        product=line.product_id.display_name,
                    )
                )
            if line.price_id.project_id != line.sale_id.project_id:
                raise ValidationError(
                    self.env._("Only products of the project's price list can be sold.")
                )

    @api.model
    def _get_projects_of_vals(self, vals_list):
        ids = {vals["sale_id"] for vals in vals_list if vals.get("sale_id")}
        return self.env["cae.cjs.event.sale"].browse(ids).project_id

    def _prepare_receipt_line_vals(self):
        self.ensure_one()
        return {
            "product_id": self.product_id.id,
            "quantity": self.quantity,
            "price_unit": self.price_unit,
        }

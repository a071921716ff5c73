# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CaeCjsContractLine(models.Model):
    """A service of a contract, priced from the project's price list."""

    _name = "cae.cjs.contract.line"
    _inherit = ["cae.workflow.mixin", "cae.cjs.priced.line.mixin"]
    # The services follow their contract: changed before the quote only.
    _cae_workflow_parent_field = "contract_id"
    _description = "Service contract line"
    _order = "contract_id, sequence, id"

    contract_id = fields.Many2one(
        comodel_name="cae.cjs.contract",
        string="Contract",
        required=True,
        ondelete="cascade",
        index=True,
    )
    project_id = fields.Many2one(
        related="contract_id.project_id",
        store=True,
        required=False,
    )
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Service",
        required=True,
        check_company=True,
        domain=[("sale_ok", "=", True)],
    )
    name = fields.Char(string="Description")
    uom_id = fields.Many2one(related="product_id.uom_id")

    @api.depends("product_id", "contract_id.project_id")
    def _compute_price_unit(self):
        for line in self:
            price = line.contract_id.project_id.price_ids.filtered(
                lambda p, product=line.product_id: p.product_id == product
            )
            line.price_unit = price[:1].price_unit or line.product_id.lst_price

    @api.constrains("quantity", "price_unit")
    def _check_amounts(self):
        for line in self:
            if line.quantity <= 0 or line.price_unit < 0:
                raise ValidationError(
                    self.env._(
                        "A service of a contract needs a positive quantity and a "
                        "price that is not negative (%(service)s).",
                        service=line.product_id.display_name,
                    )
                )

    @api.model
    def _get_projects_of_vals(self, vals_list):
        ids = {vals["contract_id"] for vals in vals_list if vals.get("contract_id")}
        return self.env["cae.cjs.contract"].browse(ids).project_id

    def _prepare_sale_order_line_vals(self):
        self.ensure_one()
        analytic = self.contract_id.project_id.analytic_account_id
        vals = {
            "product_id": self.product_id.id,
            "product_uom_qty": self.quantity,
            "price_unit": self.price_unit,
            "analytic_distribution": {str(analytic.id): 100},
        }
        if self.name:
            vals["name"] = self.name
        return vals

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

FINANCING_KINDS = [
    ("need", "Need"),
    ("resource", "Resource"),
]


class CaeCjsFinancingLine(models.Model):
    """A line of the financing plan: what the project needs, what funds it.

    A Flashcoop draws it up on its first days (inputs to buy, packaging,
    stand) against its resources (own contributions, an advance of the
    cooperative); sponsors and grants are added to the resources.
    """

    _name = "cae.cjs.financing.line"
    _inherit = ["cae.cjs.project.mixin"]
    _description = "Financing plan line"
    _order = "project_id, kind, sequence, id"
    _cjs_frozen_when_closed = False

    sequence = fields.Integer(default=10)
    kind = fields.Selection(selection=FINANCING_KINDS, required=True, default="need")
    name = fields.Char(string="Description", required=True)
    amount = fields.Monetary(required=True)

    @api.constrains("amount")
    def _check_amount(self):
        if any(line.amount < 0 for line in self):
            raise ValidationError(
                self.env._("An amount of the financing plan cannot be negative.")
            )

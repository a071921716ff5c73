# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeParameterValue(models.Model):
    _name = "cae.parameter.value"
    _description = "Value of a legal parameter from a date"
    _order = "parameter_id, date_from desc"

    parameter_id = fields.Many2one(
        comodel_name="cae.parameter",
        required=True,
        ondelete="cascade",
        index=True,
    )
    date_from = fields.Date(string="In force from", required=True)
    value = fields.Float(required=True, digits=(16, 4))
    company_id = fields.Many2one(
        comodel_name="res.company",
        help="Leave empty for a value that applies to every company.",
    )
    note = fields.Char(help="Source of this value (decree, statutes...).")

    _sql_constraints = [
        (
            "date_unique",
            "unique nulls not distinct (parameter_id, date_from, company_id)",
            "A parameter already has a value from this date for this company.",
        ),
    ]

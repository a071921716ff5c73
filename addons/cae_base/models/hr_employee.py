# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    cae_entrepreneur_ids = fields.One2many(
        comodel_name="cae.entrepreneur",
        inverse_name="employee_id",
        string="Entrepreneur",
    )

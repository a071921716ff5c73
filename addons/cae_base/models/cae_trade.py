# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeTrade(models.Model):
    _name = "cae.trade"
    _description = "Trade or sector of an activity"
    _order = "sector, name"

    name = fields.Char(required=True, translate=True)
    sector = fields.Selection(
        selection=[
            ("services", "Services and consulting"),
            ("training", "Training and education"),
            ("craft", "Crafts and manufacturing"),
            ("food", "Food and catering"),
            ("digital", "Digital and communication"),
            ("culture", "Culture and arts"),
            ("wellbeing", "Health and well-being"),
            ("building", "Building and environment"),
            ("trade", "Retail"),
            ("other", "Other"),
        ],
        required=True,
        default="services",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "This trade already exists."),
    ]

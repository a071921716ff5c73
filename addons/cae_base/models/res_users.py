# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    cae_entrepreneur_ids = fields.One2many(
        comodel_name="cae.entrepreneur",
        inverse_name="user_id",
        string="Entrepreneur records",
    )
    cae_followed_entrepreneur_ids = fields.One2many(
        comodel_name="cae.entrepreneur",
        inverse_name="advisor_id",
        string="Followed entrepreneurs",
    )

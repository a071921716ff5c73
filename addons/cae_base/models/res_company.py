# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cae_activity_plan_id = fields.Many2one(
        comodel_name="account.analytic.plan",
        string="Activities analytic plan",
        default=lambda self: self.env.ref(
            "cae_base.analytic_plan_cae_activities", raise_if_not_found=False
        ),
        domain=[("parent_id", "=", False)],
        help="Root analytic plan holding one analytic account per activity.",
    )

    def _get_cae_activity_plan(self):
        self.ensure_one()
        return self.cae_activity_plan_id or self.env.ref(
            "cae_base.analytic_plan_cae_activities"
        )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeActivity(models.Model):
    _inherit = "cae.activity"

    # A collective project's money is an activity of the hosting cooperative
    # like any other, so every figure per activity counts it.
    kind = fields.Selection(
        selection_add=[("project", "Collective project")],
        ondelete={"project": "set cooperative"},
    )
    cae_cjs_project_ids = fields.One2many(
        comodel_name="cae.cjs.project",
        inverse_name="activity_id",
        string="Collective project",
    )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _cae_home_action(self):
        """Facilitators and committee members land on their projects."""
        action = super()._cae_home_action()
        if action is None and self.has_group("cae_cjs.group_cjs_committee"):
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "cae_cjs.cae_cjs_project_action"
            )
        return action

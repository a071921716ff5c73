# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    def _load_menus_blacklist(self):
        # "My activity" only for users who have one: staff are entrepreneurs
        # too for the groups (implied_ids), not for the records.
        res = super()._load_menus_blacklist()
        menu = self.env.ref("cae_base.cae_my_activity_menu", raise_if_not_found=False)
        if menu and not self.env.user.sudo().cae_entrepreneur_ids:
            res.append(menu.id)
        return res

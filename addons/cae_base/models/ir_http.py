# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """People of the cooperative land on their work, not on Discuss.

        A home action set on the user wins; otherwise the web client opens
        ``cae_base.action_cae_home`` (:meth:`res.users._cae_home_action`)
        instead of the first app of the menu.
        """
        info = super().session_info()
        user = self.env.user
        if (
            not info.get("home_action_id")
            and info.get("is_internal_user")
            and user._cae_home_action()
        ):
            info["home_action_id"] = self.env.ref("cae_base.action_cae_home").id
        return info

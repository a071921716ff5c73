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

    def _cae_is_entrepreneur_only(self):
        """Whether the user works as an entrepreneur, without accounting rights.

        Such users prepare their activity's documents but never post them:
        staff with invoicing rights (the cooperative's accountants) do.
        """
        self.ensure_one()
        return self.has_group("cae_base.group_cae_entrepreneur") and not self.has_group(
            "account.group_account_invoice"
        )

    def _cae_is_cooperative_member(self):
        """Whether the user belongs to a group of the cooperative's category
        (entrepreneurs, staff, people of the collective projects)."""
        self.ensure_one()
        category = self.env.ref("cae_base.module_category_cae")
        return any(group.category_id == category for group in self.sudo().groups_id)

    def _cae_own_activities(self):
        """Activities of the user's entrepreneur records (read as superuser)."""
        self.ensure_one()
        return self.sudo().cae_entrepreneur_ids.activity_id

    # ------------------------------------------------------------------
    # Landing page
    # ------------------------------------------------------------------
    def _cae_home_action(self):
        """The action the user lands on in the back office, or ``None``.

        Per role, most specific first: managers the entrepreneurs, the
        accountants the invoices to validate, the advisors the entrepreneurs
        they follow, the entrepreneurs their own activity. Other add-ons
        extend it (youth cooperatives: their projects).
        """
        self.ensure_one()
        Action = self.env["ir.actions.act_window"]
        if self.has_group("cae_base.group_cae_manager"):
            return Action._for_xml_id("cae_base.cae_entrepreneur_action")
        if self.has_group("cae_base.group_cae_accountant"):
            return Action._for_xml_id("cae_base.account_move_action_cae_to_validate")
        if self.has_group("cae_base.group_cae_advisor"):
            action = Action._for_xml_id("cae_base.cae_entrepreneur_action")
            action["context"] = {"search_default_my_entrepreneurs": 1}
            return action
        if self.has_group("cae_base.group_cae_entrepreneur"):
            return self._cae_action_my_activity()
        return None

    def _cae_action_my_activity(self):
        """The user's own entrepreneur record: path, deadlines and balance."""
        self.ensure_one()
        entrepreneurs = self.env["cae.entrepreneur"].search([("user_id", "=", self.id)])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_base.cae_entrepreneur_action"
        )
        # Known by the id and address of the "My activity" server action, so
        # that the web client finds its menu (and app) and a reload reruns it.
        my_activity = self.env.ref("cae_base.action_cae_my_activity")
        action.update(
            id=my_activity.id,
            path=my_activity.path,
            name=self.env._("My activity"),
            domain=[("id", "in", entrepreneurs.ids)],
            context={"create": False},
        )
        if len(entrepreneurs) == 1:
            action.update(
                view_mode="form",
                views=[(False, "form")],
                res_id=entrepreneurs.id,
            )
        else:
            action.update(
                view_mode="list,form", views=[(False, "list"), (False, "form")]
            )
        return action

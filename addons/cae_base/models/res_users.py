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

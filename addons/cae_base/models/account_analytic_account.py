# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountAnalyticAccount(models.Model):
    _inherit = "account.analytic.account"

    # One at most (unique on the activity side); a One2many keeps record
    # rules simple: ``cae_activity_ids.entrepreneur_ids.user_id``.
    cae_activity_ids = fields.One2many(
        comodel_name="cae.activity",
        inverse_name="analytic_account_id",
        string="Activity",
    )

    def exists(self):
        # Accounts already checked for a whole batch of journal items (see
        # account.move.line._create_analytic_lines): no query per item.
        known = self.env.context.get("cae_existing_analytic_account_ids")
        if known and self._ids and known.issuperset(self._ids):
            return self
        return super().exists()

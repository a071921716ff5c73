# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if any("analytic_distribution" in vals for vals in vals_list):
            lines._cae_check_entrepreneur_distribution()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if "analytic_distribution" in vals:
            self._cae_check_entrepreneur_distribution()
        return res

    def _cae_check_entrepreneur_distribution(self):
        """Entrepreneurs cannot move a line to another activity.

        On the activities plan, a line of an entrepreneur's document may only
        carry the document's own activity; other plans stay free.
        """
        if self.env.su or not self.env.user._cae_is_entrepreneur_only():
            return
        lines = self.sudo()
        accounts = self.env["account.analytic.account"].sudo().browse(
            lines._cae_distribution_account_ids()
        ).exists()
        for line in lines:
            ids = line._cae_distribution_account_ids()
            plan = line.company_id._get_cae_activity_plan()
            own = line.move_id.cae_activity_id.analytic_account_id
            others = accounts.filtered(
                lambda a, ids=ids, plan=plan, own=own: a.id in ids
                and a.root_plan_id == plan
                and a != own
            )
            if others:
                raise AccessError(
                    self.env._(
                        "The lines of your documents belong to your activity: "
                        "you cannot charge them to %(account)s.",
                        account=others[0].display_name,
                    )
                )

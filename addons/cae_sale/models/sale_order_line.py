# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError


class SaleOrderLine(models.Model):
    _name = "sale.order.line"
    _inherit = ["sale.order.line", "cae.workflow.mixin"]
    # The lines follow their order: entrepreneurs do not change them once
    # the order is submitted or confirmed, but record what they delivered.
    _cae_workflow_parent_field = "order_id"
    _cae_workflow_cooperative_only = True
    _cae_workflow_writable = {"sale": ("qty_delivered",)}

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if any(vals.get("analytic_distribution") for vals in vals_list):
            lines._cae_check_entrepreneur_distribution()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if vals.get("analytic_distribution"):
            self._cae_check_entrepreneur_distribution()
        return res

    def _cae_check_entrepreneur_distribution(self):
        """Entrepreneurs cannot charge a line to another activity."""
        if self.env.su or not self.env.user._cae_is_entrepreneur_only():
            return
        Account = self.env["account.analytic.account"].sudo()
        for line in self.sudo():
            plan = line.company_id._get_cae_activity_plan()
            own = line.order_id.cae_activity_id.analytic_account_id
            ids = {
                int(account_id)
                for key in line.analytic_distribution or {}
                for account_id in key.split(",")
                if account_id.isdigit()
            }
            others = (
                Account.browse(ids)
                .exists()
                .filtered(
                    lambda a, plan=plan, own=own: a.root_plan_id == plan and a != own
                )
            )
            if others:
                raise AccessError(
                    self.env._(
                        "The lines of your documents belong to your activity: "
                        "you cannot charge them to %(account)s.",
                        account=others[0].display_name,
                    )
                )

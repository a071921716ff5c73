# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrExpense(models.Model):
    _inherit = "hr.expense"

    cae_activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity",
        compute="_compute_cae_activity_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
        help="The entrepreneur's activity, whose analytic account the expense "
        "is charged to.",
    )

    @api.depends("employee_id")
    def _compute_cae_activity_id(self):
        for expense in self:
            entrepreneur = expense.employee_id.cae_entrepreneur_ids[:1]
            expense.cae_activity_id = (
                entrepreneur.activity_id or expense.cae_activity_id
            )

    @api.depends("cae_activity_id")
    def _compute_analytic_distribution(self):
        res = super()._compute_analytic_distribution()
        for expense in self:
            account = expense.cae_activity_id.analytic_account_id
            if account:
                expense.analytic_distribution = {
                    **(expense.analytic_distribution or {}),
                    str(account.id): 100,
                }
        return res

    def _prepare_payments_vals(self):
        # Expenses paid with the company's card: the payment's entry belongs
        # to the activity as well.
        move_vals, payment_vals = super()._prepare_payments_vals()
        if self.cae_activity_id:
            move_vals["cae_activity_id"] = self.cae_activity_id.id
            payment_vals["cae_activity_id"] = self.cae_activity_id.id
        return move_vals, payment_vals

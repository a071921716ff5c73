# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HrExpenseSheet(models.Model):
    _inherit = "hr.expense.sheet"

    def _prepare_bills_vals(self):
        # The whole claim (payable and tax lines too) belongs to the activity.
        vals = super()._prepare_bills_vals()
        activity = self.expense_line_ids.cae_activity_id
        if len(activity) == 1:
            vals["cae_activity_id"] = activity.id
        return vals

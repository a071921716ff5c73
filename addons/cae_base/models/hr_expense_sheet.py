# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrExpenseSheet(models.Model):
    _inherit = "hr.expense.sheet"

    cae_activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity",
        compute="_compute_cae_activity_id",
        store=True,
        index=True,
        help="The activity of its expenses, whose analytic account the report "
        "is charged to.",
    )
    cae_from_portal = fields.Boolean(
        string="Submitted from the portal",
        compute="_compute_cae_activity_id",
        store=True,
    )

    @api.depends("expense_line_ids.cae_activity_id", "expense_line_ids.cae_from_portal")
    def _compute_cae_activity_id(self):
        for sheet in self:
            activity = sheet.expense_line_ids.cae_activity_id
            sheet.cae_activity_id = activity if len(activity) == 1 else False
            sheet.cae_from_portal = any(
                sheet.expense_line_ids.mapped("cae_from_portal")
            )

    def _prepare_bills_vals(self):
        # The whole claim (payable and tax lines too) belongs to the activity.
        vals = super()._prepare_bills_vals()
        activity = self.expense_line_ids.cae_activity_id
        if len(activity) == 1:
            vals["cae_activity_id"] = activity.id
        return vals

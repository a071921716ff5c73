# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    cae_activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity",
        index=True,
        tracking=True,
        check_company=True,
        help="Activity of the cooperative this document belongs to; its "
        "analytic account is set on the document's lines.",
    )
    cae_entrepreneur_ids = fields.One2many(
        related="cae_activity_id.entrepreneur_ids",
        string="Entrepreneurs",
    )

    @api.depends_context("uid")
    def _compute_duplicated_ref_ids(self):
        # The form's banner names the possible duplicates: one in an activity
        # the user may not read would refuse him his own invoice's form. What
        # a user may read differs: the value is cached per user.
        res = super()._compute_duplicated_ref_ids()
        readable = self.duplicated_ref_ids._filtered_access("read")
        for move in self:
            move.duplicated_ref_ids = move.duplicated_ref_ids & readable
        return res

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted.line_ids._add_cae_activity_distribution()
        return posted

    @api.depends("expense_sheet_id")
    def _compute_needed_terms(self):
        # Expense claims paid by the entrepreneur are owed on the company's
        # expense claims account (425 in France), not on the suppliers'.
        res = super()._compute_needed_terms()
        for move in self:
            account = move.company_id.cae_expense_claim_account_id
            sheet = move.expense_sheet_id
            if account and sheet.payment_mode == "own_account" and move.needed_terms:
                move.needed_terms = {
                    key: {**values, "account_id": account.id}
                    for key, values in move.needed_terms.items()
                }
        return res

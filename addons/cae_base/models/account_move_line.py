# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    @api.depends("move_id.cae_activity_id")
    def _compute_analytic_distribution(self):
        return super()._compute_analytic_distribution()

    def _related_analytic_distribution(self):
        """The activity of the document gives its lines' analytic account."""
        distribution = super()._related_analytic_distribution()
        account = self.move_id.cae_activity_id.analytic_account_id
        if account:
            distribution = {**distribution, str(account.id): 100}
        return distribution

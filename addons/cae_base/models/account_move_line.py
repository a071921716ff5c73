# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

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

    def _add_cae_activity_distribution(self):
        """Add the move's activity to posted lines without an activity account.

        Odoo puts an invoice's analytic distribution on its product lines
        only: without this, the receivable or payable line, the tax lines
        and the payment's bank line of an activity would have no analytic
        line, and its cash, customers, suppliers and taxes indicators would
        stay empty. Called once the documents are posted: writing the
        distribution of posted lines makes Odoo create their analytic lines
        (``_inverse_analytic_distribution``) without re-synchronising the
        taxes and terms of a draft invoice. Lines already split on accounts
        of the activities plan (e.g. shared between two activities) are left
        as they are.
        """
        to_write = defaultdict(lambda: self.browse())
        for line in self:
            activity = line.move_id.cae_activity_id
            if (
                not activity
                or line.parent_state != "posted"
                or line.display_type in ("line_section", "line_note")
            ):
                continue
            plan = activity.company_id._get_cae_activity_plan()
            distribution = line.analytic_distribution or {}
            if line._cae_distribution_has_plan(distribution, plan):
                continue
            new = {**distribution, str(activity.analytic_account_id.id): 100}
            to_write[tuple(sorted(new.items()))] |= line
        for items, lines in to_write.items():
            lines.with_context(skip_account_move_synchronization=True).write(
                {"analytic_distribution": dict(items)}
            )

    def _cae_distribution_has_plan(self, distribution, plan):
        account_ids = {
            int(account_id)
            for key in distribution
            for account_id in key.split(",")
            if account_id
        }
        accounts = self.env["account.analytic.account"].browse(account_ids).exists()
        return plan in accounts.root_plan_id

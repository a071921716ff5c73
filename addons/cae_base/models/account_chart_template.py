# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.account.models.chart_template import template


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    @template("fr", "account.account")
    def _get_fr_account_account_cae(self):
        # What the cooperative owes entrepreneurs for their expense claims:
        # under 425 for the "expense claims to pay" indicator of the French
        # grid, payable so that the claims can be paid like bills.
        return {
            "cae_pcg_4251": {
                "name": "Personnel - Notes de frais à payer",
                "name@en_US": "Staff - Expense claims to pay",
                "code": "425100",
                "account_type": "liability_payable",
                "non_trade": True,
                "reconcile": True,
            },
            # The contribution only moves money between activities: both
            # accounts net to zero for the company, not for each activity.
            "cae_pcg_6589": {
                "name": "Contribution coopérative des activités",
                "name@en_US": "Cooperative contribution of the activities",
                "code": "658900",
                "account_type": "expense",
            },
            "cae_pcg_7589": {
                "name": "Contribution coopérative reçue des activités",
                "name@en_US": "Cooperative contribution received from the activities",
                "code": "758900",
                "account_type": "income_other",
            },
        }

    @template("fr", "res.company")
    def _get_fr_res_company_cae(self):
        return {
            self.env.company.id: {
                "cae_expense_claim_account_id": "cae_pcg_4251",
                "cae_contribution_journal_id": "general",
                "cae_contribution_expense_account_id": "cae_pcg_6589",
                "cae_contribution_income_account_id": "cae_pcg_7589",
                "cae_contribution_transfer_account_id": "pcg_58_account",
                # Internal invoices between activities: the accounts of the
                # tiers-lieux internal charges.
                "cae_internal_journal_id": "general",
                "cae_internal_expense_account_id": "pcg_6132",
                "cae_internal_income_account_id": "pcg_7083",
            },
        }

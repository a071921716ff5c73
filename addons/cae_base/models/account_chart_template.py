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
        }

    @template("fr", "res.company")
    def _get_fr_res_company_cae(self):
        return {
            self.env.company.id: {"cae_expense_claim_account_id": "cae_pcg_4251"},
        }

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cae_activity_plan_id = fields.Many2one(
        comodel_name="account.analytic.plan",
        string="Activities analytic plan",
        default=lambda self: self.env.ref(
            "cae_base.analytic_plan_cae_activities", raise_if_not_found=False
        ),
        domain=[("parent_id", "=", False)],
        help="Root analytic plan holding one analytic account per activity.",
    )
    cae_balance_indicator_ids = fields.One2many(
        comodel_name="cae.balance.indicator",
        inverse_name="company_id",
        string="Balance indicators",
    )
    cae_expense_claim_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Expense claims payable account",
        check_company=True,
        domain="[('account_type', '=', 'liability_payable')]",
        help="Account of the amounts owed to entrepreneurs for their expense "
        "claims (425 in the French chart, the 'expense claims to pay' "
        "indicator). Empty: the employee's payable account.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        self.env["cae.balance.indicator"]._create_default_indicators(companies)
        return companies

    @api.model
    def _cae_install_balance(self):
        """Set up the balance of existing companies (module installation).

        Companies created later get their grid in :meth:`create`, and French
        charts loaded later their expense claims account from the chart
        template (``account.chart.template``).
        """
        companies = self.search([])
        self.env["cae.balance.indicator"]._create_default_indicators(companies)
        for company in companies.filtered(
            lambda c: c.chart_template == "fr"
            and not c.parent_id
            and not c.cae_expense_claim_account_id
        ):
            chart = self.env["account.chart.template"].with_company(company)
            chart._load_data(
                {
                    "account.account": chart._get_fr_account_account_cae(),
                    "res.company": chart._get_fr_res_company_cae(),
                }
            )

    def _get_cae_activity_plan(self):
        self.ensure_one()
        return self.cae_activity_plan_id or self.env.ref(
            "cae_base.analytic_plan_cae_activities"
        )

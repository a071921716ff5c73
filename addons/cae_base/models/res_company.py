# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


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
    cae_rule_set_id = fields.Many2one(
        comodel_name="cae.rule.set",
        string="Rules of the cooperative",
        ondelete="restrict",
        domain="['|', ('company_id', '=', False), ('company_id', '=', id)]",
        help="Test contract, associate deadline, follow-ups, admission threshold, "
        "partner invitation and default contribution of the entrepreneurs of "
        "this company. Empty: the French legal parameters.",
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

    # The monthly contribution (cae.contribution.run)
    cae_cooperative_activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Cooperative's activity",
        check_company=True,
        domain="[('kind', '=', 'cooperative')]",
        help="The cooperative's own activity (shared services): contributions "
        "move from each entrepreneur's activity to its analytic account.",
    )
    cae_contribution_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Contribution journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
    )
    cae_contribution_expense_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Contribution expense account",
        check_company=True,
        help="Charged to each activity (658900 in the French chart).",
    )
    cae_contribution_income_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Contribution income account",
        check_company=True,
        help="Credited to the cooperative's activity (758900 in the French chart).",
    )
    cae_contribution_transfer_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Contribution transfer account",
        check_company=True,
        help="Internal transfer account (580000 in the French chart): when set, "
        "the contribution also leaves the activity's cash for the "
        "cooperative's, so that the activity's treasury shows what is left.",
    )

    @api.constrains("cae_rule_set_id")
    def _check_cae_rule_set_company(self):
        for company in self:
            owner = company.sudo().cae_rule_set_id.company_id
            if owner and owner != company:
                raise ValidationError(
                    self.env._(
                        "The rules %(rules)s belong to %(owner)s: %(company)s "
                        "cannot follow them.",
                        rules=company.sudo().cae_rule_set_id.name,
                        owner=owner.name,
                        company=company.name,
                    )
                )

    # Invoicing by the entrepreneurs and internal invoices
    cae_validator_id = fields.Many2one(
        comodel_name="res.users",
        string="Validating accountant",
        help="Gets a to-do for each document an entrepreneur submits. Empty: "
        "the accountants find them in Cooperative > Invoicing > To validate.",
    )
    cae_internal_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Internal invoices journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
    )
    cae_internal_expense_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Internal charges account",
        check_company=True,
        help="Charged to the buying activity (613200 in the French chart, as "
        "for the tiers-lieux bookings).",
    )
    cae_internal_income_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Internal income account",
        check_company=True,
        help="Credited to the selling activity (708300 in the French chart).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies.filtered(lambda c: not c.cae_rule_set_id)._cae_set_default_rules()
        self.env["cae.balance.indicator"]._create_default_indicators(companies)
        companies._cae_ensure_cooperative_activity()
        return companies

    def write(self, vals):
        res = super().write(vals)
        if "cae_activity_plan_id" in vals:
            # The balance report reads the analytic column of each plan.
            self.env["cae.balance.report"]._refresh_view()
        return res

    def _cae_ensure_cooperative_activity(self):
        """Give every company its own activity of kind 'cooperative'."""
        for company in self.filtered(lambda c: not c.cae_cooperative_activity_id):
            lang = company.partner_id.lang or "en_US"
            name = self.with_context(lang=lang).env._("Shared services")
            company.cae_cooperative_activity_id = (
                self.env["cae.activity"]
                .sudo()
                .create({"name": name, "kind": "cooperative", "company_id": company.id})
            )

    def _cae_set_default_rules(self):
        """Give companies the shared rule set of their country, if only one."""
        sets = (
            self.env["cae.rule.set"]
            .sudo()
            .search([("company_id", "=", False), ("country_id", "!=", False)])
        )
        by_country = sets.grouped("country_id")
        for company in self:
            candidates = by_country.get(company.country_id)
            if candidates and len(candidates) == 1:
                company.cae_rule_set_id = candidates

    @api.model
    def _cae_install_rule_sets(self):
        """At installation, existing companies get their country's rules."""
        self.search([("cae_rule_set_id", "=", False)])._cae_set_default_rules()

    def _cae_check_contribution_setup(self):
        """Raise a clear error if the contribution settings are missing."""
        self.ensure_one()
        missing = [
            self._fields[fname].get_description(self.env)["string"]
            for fname in (
                "cae_cooperative_activity_id",
                "cae_contribution_journal_id",
                "cae_contribution_expense_account_id",
                "cae_contribution_income_account_id",
            )
            if not self[fname]
        ]
        if missing:
            raise UserError(
                self.env._(
                    "Set up the contribution of %(company)s in the settings "
                    "(Cooperative > Configuration > Settings) first: %(missing)s.",
                    company=self.name,
                    missing=", ".join(missing),
                )
            )

    @api.model
    def _cae_install_balance(self):
        """Set up the balance and contribution of existing companies.

        Run at each installation or update of the module, it only adds what
        is missing: the default indicator grid, the cooperative's activity
        and, for French charts, the accounts and settings of the chart
        template. Companies created later get them in :meth:`create` and
        from the chart template (``account.chart.template``).
        """
        companies = self.search([])
        self.env["cae.balance.report"]._refresh_view()
        self.env["cae.turnover.report"].init()
        self.env["cae.balance.indicator"]._create_default_indicators(companies)
        companies._cae_ensure_cooperative_activity()
        for company in companies.filtered(
            lambda c: c.chart_template == "fr" and not c.parent_id
        ):
            chart = self.env["account.chart.template"].with_company(company)
            accounts = {
                xmlid: vals
                for xmlid, vals in chart._get_fr_account_account_cae().items()
                if not chart.ref(xmlid, raise_if_not_found=False)
            }
            settings = {
                fname: xmlid
                for fname, xmlid in chart._get_fr_res_company_cae()[company.id].items()
                if not company[fname]
            }
            if accounts or settings:
                chart._load_data(
                    {
                        "account.account": accounts,
                        "res.company": {company.id: settings},
                    }
                )

    def _get_cae_activity_plan(self):
        self.ensure_one()
        return self.cae_activity_plan_id or self.env.ref(
            "cae_base.analytic_plan_cae_activities"
        )

    def _cae_internal_invoice_accounts(self):
        """(journal, expense account, income account) of internal invoices."""
        self.ensure_one()
        fnames = (
            "cae_internal_journal_id",
            "cae_internal_expense_account_id",
            "cae_internal_income_account_id",
        )
        missing = [
            self._fields[fname].get_description(self.env)["string"]
            for fname in fnames
            if not self[fname]
        ]
        if missing:
            raise UserError(
                self.env._(
                    "Set up the internal invoices of %(company)s in the settings "
                    "(Cooperative > Configuration > Settings) first: %(missing)s.",
                    company=self.name,
                    missing=", ".join(missing),
                )
            )
        return tuple(self[fname] for fname in fnames)

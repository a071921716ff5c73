# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.chart_defaults import (
    CHART_ACCOUNTS,
    CHART_FAMILIES,
    CHART_SETTINGS,
    chart_family,
)

_logger = logging.getLogger(__name__)

# Indicators of the grid the contribution run reads (turnover, gross margin).
CONTRIBUTION_INDICATORS = ("turnover", "resold_purchases")


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
    cae_chart_warning = fields.Text(
        string="Chart of accounts warning",
        compute="_compute_cae_chart_warning",
        help="Why the balance grid of the company is missing or incomplete.",
    )
    cae_expense_claim_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Expense claims payable account",
        check_company=True,
        domain="[('account_type', '=', 'liability_payable')]",
        help="Account of the amounts owed to entrepreneurs for their expense "
        "claims, the 'expense claims to pay' indicator (created with the "
        "chart: 425100 French, 489100 Belgian, 221212 Canadian). Empty: the "
        "employee's payable account.",
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
        help="Charged to each activity (created with the chart: 658900 French, "
        "643100 Belgian, 512290 Canadian).",
    )
    cae_contribution_income_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Contribution income account",
        check_company=True,
        help="Credited to the cooperative's activity (created with the chart: "
        "758900 French, 743100 Belgian, 413390 Canadian).",
    )
    cae_contribution_transfer_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Contribution transfer account",
        check_company=True,
        help="Internal transfer account (58 in the French and Belgian charts, "
        "the company's transfer account otherwise): when set, "
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
        help="Charged to the buying activity (613200 French, as for the "
        "tiers-lieux bookings; 61 Belgian; 512207 Canadian).",
    )
    cae_internal_income_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Internal income account",
        check_company=True,
        help="Credited to the selling activity (708300 French, 7050 Belgian, "
        "411230 Canadian: in the turnover).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies.filtered(lambda c: not c.cae_rule_set_id)._cae_set_default_rules()
        # The balance grid comes with the chart of accounts (_post_load_data).
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
        # The contribution bases read these indicators of the grid: without
        # them every base would silently be zero.
        codes = set(
            self.env["cae.balance.indicator"]
            .sudo()
            .search([("company_id", "=", self.id)])
            .mapped("code")
        )
        lacking = sorted(set(CONTRIBUTION_INDICATORS) - codes)
        if lacking:
            raise UserError(
                self.env._(
                    "The balance grid of %(company)s has no indicator %(codes)s: "
                    "the contribution cannot compute its base. %(warning)s",
                    company=self.name,
                    codes=", ".join(lacking),
                    warning=" ".join(self._cae_get_chart_warnings()),
                )
            )

    @api.model
    def _cae_install_balance(self):
        """Set up the balance and contribution of existing companies.

        Run at each installation or update of the module, it only adds what
        is missing: the cooperative's activity and, for the charts the suite
        knows, the accounts and settings of the chart and the default
        indicator grid. Companies created later get them when their chart is
        loaded (``account.chart.template._post_load_data``).
        """
        companies = self.search([])
        self.env["cae.balance.report"]._refresh_view()
        self.env["cae.turnover.report"].init()
        companies._cae_ensure_cooperative_activity()
        companies.filtered("chart_template")._cae_setup_chart_defaults()

    # ------------------------------------------------------------------
    # Chart of accounts
    # ------------------------------------------------------------------
    def _cae_chart_family(self):
        """The chart family the suite knows (fr, be, ca_2023), else None.

        Branches follow the chart of their root company.
        """
        self.ensure_one()
        code = self.root_id.chart_template
        if not code:
            return None
        chart = self.env["account.chart.template"]
        return chart_family(chart._get_parent_template(code) or [code])

    def _cae_setup_chart_defaults(self):
        """Fill in what the chart of each company misses for the suite.

        The accounts of ``chart_defaults.CHART_ACCOUNTS`` (root companies
        only: branches share them) and the settings of ``CHART_SETTINGS``
        left empty, the internal transfer account of the company as the
        contribution's transfer account, then the default indicator grid
        and its check. Safe to run again: nothing set is changed.
        """
        for company in self.sudo():
            family = company._cae_chart_family()
            if family:
                company._cae_load_chart_data(family)
                if not company.cae_contribution_transfer_account_id:
                    company.cae_contribution_transfer_account_id = (
                        company.root_id.transfer_account_id
                    )
        Indicator = self.env["cae.balance.indicator"]
        Indicator._replace_french_defaults(self)
        Indicator._create_default_indicators(self)
        for company in self:
            for warning in company._cae_get_chart_warnings():
                _logger.warning("%s: %s", company.name, warning)

    def _cae_load_chart_data(self, family):
        self.ensure_one()
        chart = self.env["account.chart.template"].with_company(self)
        accounts = {}
        if not self.parent_id:
            accounts = {
                xmlid: dict(vals)
                for xmlid, vals in CHART_ACCOUNTS[family].items()
                if not chart.ref(xmlid, raise_if_not_found=False)
            }
        settings = {
            fname: xmlid
            for fname, xmlid in CHART_SETTINGS[family].items()
            if not self[fname]
            and (xmlid in accounts or chart.ref(xmlid, raise_if_not_found=False))
        }
        if accounts or settings:
            chart._load_data(
                {"account.account": accounts, "res.company": {self.id: settings}}
            )

    @api.depends("chart_template", "cae_balance_indicator_ids")
    def _compute_cae_chart_warning(self):
        for company in self:
            company.cae_chart_warning = "\n".join(company._cae_get_chart_warnings())

    def _cae_get_chart_warnings(self):
        """What is wrong between the chart and the grid, as sentences."""
        self.ensure_one()
        Indicator = self.env["cae.balance.indicator"].sudo()
        if not self.root_id.chart_template:
            return [
                self.env._(
                    "%(company)s has no chart of accounts yet: its balance grid "
                    "is created with the chart.",
                    company=self.name,
                )
            ]
        if not Indicator.search_count([("company_id", "=", self.id)], limit=1):
            if self._cae_chart_family():
                return [
                    self.env._(
                        "%(company)s has no balance indicator.", company=self.name
                    )
                ]
            # str() here, in this method: the lazy names take the language
            # of its self.env.
            known = []
            for name in CHART_FAMILIES.values():
                known.append(str(name))
            return [
                self.env._(
                    "The chart of accounts “%(chart)s” of %(company)s has no "
                    "default balance grid: the suite has one for %(known)s. "
                    "No grid was created rather than a wrong one, since an "
                    "account prefix means something else in another chart: "
                    "create the indicators with the prefixes of your chart "
                    "(Cooperative > Configuration > Balance indicators).",
                    chart=self.root_id.chart_template,
                    company=self.name,
                    known=", ".join(known),
                )
            ]
        empty = Indicator._get_leaves_without_account(self)
        if empty:
            return [
                self.env._(
                    "These indicators of %(company)s match no account of its "
                    "chart of accounts: %(indicators)s. Check their account "
                    "prefixes.",
                    company=self.name,
                    indicators=", ".join(
                        f"{indicator.name} ({indicator.account_prefixes})"
                        for indicator in empty
                    ),
                )
            ]
        return []

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

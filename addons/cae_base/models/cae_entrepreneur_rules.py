# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import float_compare, format_date


class CaeEntrepreneur(models.Model):
    """What the rules of the cooperative (``cae.rule.set``) say of an entrepreneur.

    The end of the test contract, the admission threshold computed from the
    activity's indicators and the invitation to become a partner.
    """

    _name = "cae.entrepreneur"
    _inherit = ["cae.entrepreneur", "cae.stage.label.mixin"]

    rule_set_id = fields.Many2one(
        related="company_id.cae_rule_set_id",
        string="Rules of the cooperative",
    )
    test_contract_name = fields.Char(
        string="Test contract",
        compute="_compute_test_contract",
    )
    test_contract_deadline = fields.Date(
        string="Test contract ends at the latest",
        compute="_compute_test_contract",
        help="Start of the first test contract (CAPE) plus its maximum "
        "duration under the rules of the cooperative.",
    )

    # Admission threshold (DiES: average gross margin of 2,000 € a month)
    admission_threshold = fields.Monetary(
        string="Admission threshold",
        compute="_compute_admission",
        currency_field="balance_currency_id",
        help="Average monthly gross margin the rules of the cooperative ask for.",
    )
    admission_months = fields.Integer(
        string="Months averaged", compute="_compute_admission"
    )
    admission_date_from = fields.Date(
        string="Margin from", compute="_compute_admission"
    )
    admission_date_to = fields.Date(string="Margin to", compute="_compute_admission")
    admission_margin_total = fields.Monetary(
        string="Gross margin of the period",
        compute="_compute_admission",
        currency_field="balance_currency_id",
        help="Turnover excl. VAT minus purchases re-invoiced of the activity.",
    )
    admission_margin_average = fields.Monetary(
        string="Average monthly gross margin",
        compute="_compute_admission",
        currency_field="balance_currency_id",
    )
    admission_threshold_met = fields.Boolean(
        string="Admission threshold met",
        compute="_compute_admission",
    )

    # Invitation to become a partner (DiES: after 6 months)
    partner_invitation_due_date = fields.Date(
        string="Partner invitation due",
        compute="_compute_partner_invitation_due_date",
        help="First contract plus the delay of the rules of the cooperative.",
    )
    partner_invitation_date = fields.Date(
        string="Partner invitation sent to the advisor",
        readonly=True,
        copy=False,
        help="Day the advisor got the to-do to invite the entrepreneur to "
        "become a partner; set once, by the daily scheduled action.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends(
        "cape_date_start",
        "company_id.cae_rule_set_id.test_contract_name",
        "company_id.cae_rule_set_id.test_contract_max_months",
        "company_id.cae_rule_set_id.test_contract_term_months",
        "company_id.cae_rule_set_id.test_contract_renewals_max",
    )
    def _compute_test_contract(self):
        """Latest end of the first test contract, renewals included: the
        maximum in total, or each term renewed as often as allowed (France:
        12 months renewable twice, 36 months in all)."""
        RuleSet = self.env["cae.rule.set"]
        for company, entrepreneurs in self.grouped("company_id").items():
            label = RuleSet._test_contract_label(company)
            total_at = RuleSet._figure_getter("test_contract_max", company)
            term_at = RuleSet._figure_getter("test_contract_term", company)
            renewals_at = RuleSet._figure_getter("test_contract_renewals", company)
            for entrepreneur in entrepreneurs:
                start = entrepreneur.cape_date_start
                entrepreneur.test_contract_name = label
                if not start:
                    entrepreneur.test_contract_deadline = False
                    continue
                total, term = total_at(start), term_at(start)
                renewals = renewals_at(start)
                ends = []
                if total:
                    ends.append(start + relativedelta(months=int(total)))
                if term and renewals is not None:
                    months = int(term) * (1 + int(renewals))
                    ends.append(start + relativedelta(months=months))
                entrepreneur.test_contract_deadline = (
                    min(ends) - timedelta(days=1) if ends else False
                )

    @api.depends("activity_id", "company_id.cae_rule_set_id")
    def _compute_admission(self):
        """Average monthly gross margin of the last whole months.

        One SQL query per company for all its entrepreneurs (through
        ``cae.activity._get_indicator_values``), none per entrepreneur.
        """
        today = fields.Date.context_today(self)
        month_start = today.replace(day=1)
        for company, entrepreneurs in self.grouped("company_id").items():
            rule_set = company.sudo().cae_rule_set_id
            threshold = rule_set.admission_margin_threshold
            months = rule_set.admission_period_months
            if not threshold or not months:
                entrepreneurs.update(
                    {
                        "admission_threshold": 0.0,
                        "admission_months": 0,
                        "admission_date_from": False,
                        "admission_date_to": False,
                        "admission_margin_total": 0.0,
                        "admission_margin_average": 0.0,
                        "admission_threshold_met": False,
                    }
                )
                continue
            date_from = month_start - relativedelta(months=months)
            date_to = month_start - timedelta(days=1)
            activities = entrepreneurs.activity_id.sudo()
            values = activities._get_indicator_values(
                date_from, date_to, codes=["turnover", "resold_purchases"]
            )
            currency = company.currency_id
            for entrepreneur in entrepreneurs:
                figures = values.get(entrepreneur.activity_id.id, {})
                margin = figures.get("turnover", 0.0) - figures.get(
                    "resold_purchases", 0.0
                )
                average = currency.round(margin / months)
                entrepreneur.update(
                    {
                        "admission_threshold": threshold,
                        "admission_months": months,
                        "admission_date_from": date_from,
                        "admission_date_to": date_to,
                        "admission_margin_total": currency.round(margin),
                        "admission_margin_average": average,
                        "admission_threshold_met": float_compare(
                            average,
                            threshold,
                            precision_rounding=currency.rounding,
                        )
                        >= 0,
                    }
                )

    @api.depends(
        "first_contract_date",
        "company_id.cae_rule_set_id.partner_invitation_months",
    )
    def _compute_partner_invitation_due_date(self):
        for entrepreneur in self:
            months = (
                entrepreneur.company_id.sudo().cae_rule_set_id.partner_invitation_months
            )
            start = entrepreneur.first_contract_date
            entrepreneur.partner_invitation_due_date = (
                start + relativedelta(months=months) if months and start else False
            )

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------
    @api.model
    def cron_check_deadlines(self):
        res = super().cron_check_deadlines()
        self._schedule_partner_invitations()
        return res

    @api.model
    def _schedule_partner_invitations(self):
        """Give advisors a to-do to invite entrepreneurs to become partners.

        Once per entrepreneur (``partner_invitation_date`` is then set), for
        those under contract whose invitation delay, counted from their first
        contract, has passed. One search per company with such a delay.
        """
        today = fields.Date.context_today(self)
        rule_sets = (
            self.env["cae.rule.set"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_invitation_months", ">", 0)])
        )
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("cae_rule_set_id", "in", rule_sets.ids)])
        )
        due = self.browse()
        for company in companies:
            months = company.cae_rule_set_id.partner_invitation_months
            due |= self.search(
                [
                    ("company_id", "=", company.id),
                    ("stage", "in", ("cape", "cesa")),
                    ("partner_invitation_date", "=", False),
                    ("first_contract_date", "<=", today - relativedelta(months=months)),
                ]
            )
        if not due:
            return
        due._schedule_alert_activity(
            "cae_base.mail_activity_type_partner_invitation",
            lambda e: e.env._(
                "Invite %(name)s to become a partner (in the cooperative since "
                "%(date)s)",
                name=e.name,
                date=format_date(e.env, e.first_contract_date),
            ),
        )
        due.write({"partner_invitation_date": today})

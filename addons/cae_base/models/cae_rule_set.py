# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .cae_contribution_rule import BASE_SELECTION

# The durations and counts of the path a rule set may fix. Each one is a
# number on the set or, when that number is empty, a pointer to a dated
# legal parameter; a company without rule set reads the parameter of the
# last column (French law), none if the column is empty.
# figure: (value field, parameter field, parameter code without rule set)
PATH_FIGURES = {
    "test_contract_term": (
        "test_contract_term_months",
        "test_contract_term_parameter_id",
        "cae_cape_term_max_months",
    ),
    "test_contract_renewals": (
        "test_contract_renewals_max",
        "test_contract_renewals_parameter_id",
        "cae_cape_renewals_max",
    ),
    # French law sets no total: 12 months renewable twice (L127-2).
    "test_contract_max": (
        "test_contract_max_months",
        "test_contract_max_parameter_id",
        None,
    ),
    "associate_deadline": (
        "associate_deadline_months",
        "associate_deadline_parameter_id",
        "cae_associate_deadline_months",
    ),
    "trial_period_max": (
        "trial_period_max_months",
        "trial_period_max_parameter_id",
        "cae_trial_period_max_months",
    ),
    "followups_min": (
        "followups_min_per_year",
        "followups_min_parameter_id",
        "cae_followups_min_per_year",
    ),
    "deadline_alert": (
        "deadline_alert_months",
        "deadline_alert_parameter_id",
        "cae_deadline_alert_months",
    ),
}


class CaeRuleSet(models.Model):
    """The rules of a cooperative's entrepreneur path, as one record per country.

    French CAE, Belgian business cooperative and Québec pilot are shipped as
    shared sets (no company); a company picks one in its settings, or copies
    one into its own set to change it. Every figure of the path (maximum
    test contract, associate deadline, trial period, follow-ups, alert
    window) is either a number on the set, which wins, or a dated legal
    parameter the set points to, read at the date that matters; empty
    both, the rule does not apply. Read them through
    :meth:`_figure_getter`, never the fields directly.
    """

    _name = "cae.rule.set"
    _description = "Rules of the cooperative"
    _inherit = ["mail.thread"]
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Empty: a shared set every company may choose.",
    )
    country_id = fields.Many2one(
        comodel_name="res.country",
        help="New companies of this country get this set when it is the only "
        "shared set of the country.",
    )
    currency_id = fields.Many2one(
        comodel_name="res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
        help="Currency of the amounts of the set (admission threshold, yearly "
        "fee); it should be the company's.",
    )
    note = fields.Html(help="Legal sources and practice behind these rules.")

    # The test or support contract (CAPE in France)
    test_contract_name = fields.Char(
        string="Test contract",
        translate=True,
        tracking=True,
        help="Name of the test or support contract shown to users in place of "
        "'CAPE' (France: CAPE, Code de commerce L127-1; Belgium: candidate "
        "entrepreneur, décret SAACE of 18 July 2008).",
    )
    test_contract_term_months = fields.Integer(
        string="Longest term of a test contract (months)",
        tracking=True,
        help="Longest duration of the contract as signed and of each of its "
        "renewals. Empty: the parameter below; neither: no maximum.",
    )
    test_contract_term_parameter_id = fields.Many2one(
        comodel_name="cae.parameter",
        string="Longest term (legal parameter)",
        help="France: 12 months (Code de commerce L127-2).",
    )
    test_contract_renewals_max = fields.Integer(
        string="Renewals of a test contract",
        tracking=True,
        help="How many times the test contract may be renewed. Empty: the "
        "parameter below; neither: no limit.",
    )
    test_contract_renewals_parameter_id = fields.Many2one(
        comodel_name="cae.parameter",
        string="Renewals (legal parameter)",
        help="France: renewable twice (Code de commerce L127-2).",
    )
    test_contract_max_months = fields.Integer(
        string="Maximum test contract (months)",
        tracking=True,
        help="Longest test contract in total, renewals included (Belgium: 18 "
        "months). Empty: the parameter below; neither: no total maximum.",
    )
    test_contract_max_parameter_id = fields.Many2one(
        comodel_name="cae.parameter",
        string="Maximum test contract (legal parameter)",
        help="Dated parameter used when no number is set.",
    )
    test_contract_counts_in_deadline = fields.Boolean(
        string="Earlier contracts shorten the deadlines",
        default=True,
        help="France: the duration of the CAPE or of any other contract "
        "concluded before the CESA is deducted from the 3 years to become an "
        "associate (L7331-3) and from the 8 months of trial period "
        "(L7332-1). Unticked: both run from the CESA in full.",
    )

    # Becoming an associate
    associate_deadline_months = fields.Integer(
        string="Deadline to become an associate (months)",
        tracking=True,
        help="Empty: the parameter below; neither: no deadline.",
    )
    associate_deadline_parameter_id = fields.Many2one(
        comodel_name="cae.parameter",
        string="Associate deadline (legal parameter)",
        help="France: 36 months from the conclusion of the CESA, less the "
        "duration of the CAPE or of any other contract concluded before "
        "between the parties (Code du travail L7331-3). None during a CAPE "
        "alone.",
    )
    deadline_alert_months = fields.Integer(
        string="Alert before the deadline (months)",
        help="Advisors are warned this long before the associate deadline. "
        "Empty: the parameter below; neither: on the day it passes.",
    )
    deadline_alert_parameter_id = fields.Many2one(
        comodel_name="cae.parameter",
        string="Alert window (parameter)",
    )
    partner_invitation_months = fields.Integer(
        string="Invitation to become a partner after (months)",
        tracking=True,
        help="Months after the first contract (the entry into the "
        "cooperative) when the advisor gets a to-do to invite the "
        "entrepreneur to become a partner (DiES: 6 months). Empty: none.",
    )

    # Employment contract and follow-up
    trial_period_max_months = fields.Integer(
        string="Maximum trial period (months)",
        help="Empty: the parameter below; neither: no maximum.",
    )
    trial_period_max_parameter_id = fields.Many2one(
        comodel_name="cae.parameter",
        string="Maximum trial period (legal parameter)",
        help="France: 8 months, renewal included, less the duration of the "
        "CAPE or of any other contract concluded before (Code du travail "
        "L7332-1).",
    )
    followups_min_per_year = fields.Integer(
        string="Minimum follow-up meetings per year",
        help="Empty: the parameter below; neither: no minimum.",
    )
    followups_min_parameter_id = fields.Many2one(
        comodel_name="cae.parameter",
        string="Minimum follow-ups (legal parameter)",
        help="France: 2 individual meetings a year (décret 2015-1363).",
    )

    # Admission threshold (DiES: 2,000 € of gross margin a month on average)
    admission_margin_threshold = fields.Monetary(
        string="Admission threshold (monthly gross margin)",
        currency_field="currency_id",
        tracking=True,
        help="Average gross margin a month (turnover minus purchases "
        "re-invoiced) the activity must reach to be admitted (DiES: 2,000 €). "
        "Empty: no threshold.",
    )
    admission_period_months = fields.Integer(
        string="Admission threshold period (months)",
        default=6,
        tracking=True,
        help="Number of whole months, up to the end of last month, the "
        "average gross margin is computed over.",
    )

    # Default contribution
    contribution_base = fields.Selection(
        selection=BASE_SELECTION,
        string="Default contribution base",
        help="Terms of the default contribution rule created from this set "
        "(e.g. Belgium: 10 % of the gross margin). Empty: none.",
    )
    contribution_rate = fields.Float(
        string="Default contribution rate (%)",
        digits=(5, 2),
    )
    contribution_yearly_fee = fields.Monetary(
        string="Default yearly fee",
        currency_field="currency_id",
    )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains(
        "test_contract_term_months",
        "test_contract_renewals_max",
        "test_contract_max_months",
        "associate_deadline_months",
        "deadline_alert_months",
        "partner_invitation_months",
        "trial_period_max_months",
        "followups_min_per_year",
        "admission_period_months",
        "admission_margin_threshold",
        "contribution_rate",
        "contribution_yearly_fee",
    )
    def _check_figures(self):
        _ = self.env._
        for rule_set in self:
            negative = [
                rule_set._fields[fname].get_description(self.env)["string"]
                for fname in (
                    "test_contract_term_months",
                    "test_contract_renewals_max",
                    "test_contract_max_months",
                    "associate_deadline_months",
                    "deadline_alert_months",
                    "partner_invitation_months",
                    "trial_period_max_months",
                    "followups_min_per_year",
                    "admission_period_months",
                    "admission_margin_threshold",
                    "contribution_yearly_fee",
                )
                if rule_set[fname] < 0
            ]
            if negative:
                raise ValidationError(
                    _(
                        "The rules %(name)s cannot have negative durations, counts "
                        "or amounts: %(fields)s.",
                        name=rule_set.name,
                        fields=", ".join(negative),
                    )
                )
            if rule_set.admission_margin_threshold and not (
                rule_set.admission_period_months
            ):
                raise ValidationError(
                    _(
                        "Give the number of months the admission threshold of "
                        "%(name)s is averaged over.",
                        name=rule_set.name,
                    )
                )
            if not 0.0 <= rule_set.contribution_rate <= 100.0:
                raise ValidationError(
                    _(
                        "The default contribution rate of %(name)s must be between "
                        "0 and 100 %%, not %(rate)s.",
                        name=rule_set.name,
                        rate=rule_set.contribution_rate,
                    )
                )

    @api.constrains("company_id")
    def _check_companies_using_it(self):
        for rule_set in self.filtered("company_id"):
            others = self.env["res.company"].search(
                [
                    ("cae_rule_set_id", "=", rule_set.id),
                    ("id", "!=", rule_set.company_id.id),
                ],
                limit=1,
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "The rules %(name)s are used by %(company)s: they cannot "
                        "belong to another company.",
                        name=rule_set.name,
                        company=others.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_create_contribution_rule(self):
        """Create the current company's default contribution rule from the set."""
        self.ensure_one()
        company = self.env.company
        if not self.contribution_base:
            raise UserError(
                self.env._(
                    "The rules %(name)s have no default contribution.",
                    name=self.name,
                )
            )
        Rule = self.env["cae.contribution.rule"]
        existing = Rule.search(
            [("company_id", "=", company.id), ("activity_id", "=", False)], limit=1
        )
        if existing:
            raise UserError(
                self.env._(
                    "%(company)s already has a default contribution rule "
                    "(%(rule)s): change it instead.",
                    company=company.name,
                    rule=existing.name,
                )
            )
        rule = Rule.create(self._prepare_contribution_rule_vals(company))
        return {
            "type": "ir.actions.act_window",
            "res_model": "cae.contribution.rule",
            "res_id": rule.id,
            "view_mode": "form",
        }

    def _prepare_contribution_rule_vals(self, company):
        self.ensure_one()
        return {
            "name": self.env._("Default contribution (%(rules)s)", rules=self.name),
            "company_id": company.id,
            "base": self.contribution_base,
            "rate": self.contribution_rate,
            "yearly_fee": self.contribution_yearly_fee,
            "date_from": fields.Date.context_today(self).replace(day=1),
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _figure_getter(self, figure, company):
        """Function ``date -> number or None`` of a path figure for ``company``.

        The number on the company's rule set wins; else the dated parameter
        the set points to, read at the given date; else ``None`` (the rule
        does not apply). A company without rule set reads the French legal
        parameter, as before rule sets existed. One query at most, whatever
        the number of dates asked afterwards.
        """
        value_field, parameter_field, code = PATH_FIGURES[figure]
        Parameter = self.env["cae.parameter"]
        rule_set = company.sudo().cae_rule_set_id
        if not rule_set:
            parameter = (
                Parameter.sudo().search([("code", "=", code)], limit=1)
                if code
                else Parameter
            )
        elif rule_set[value_field]:
            value = rule_set[value_field]
            return lambda date: value
        else:
            parameter = rule_set[parameter_field].sudo()
        if not parameter:
            return lambda date: None
        values = parameter._dated_values(company)
        return lambda date: Parameter._value_at(values, date) if date else None

    @api.model
    def _earlier_contracts_count(self, company):
        """Whether earlier contracts shorten the deadlines of ``company``.

        True without rule set (French law, L7331-3 and L7332-1).
        """
        rule_set = company.sudo().cae_rule_set_id
        return not rule_set or rule_set.test_contract_counts_in_deadline

    @api.model
    def _test_contract_label(self, company):
        """Name of the test contract of ``company`` in the user's language."""
        return company.sudo().cae_rule_set_id.test_contract_name or self.env._("CAPE")

    @api.model
    def _stage_labels(self, selection, company=None):
        """``selection`` with the test contract's name as the 'cape' label."""
        label = self._test_contract_label(company or self.env.company)
        return [(key, label if key == "cape" else name) for key, name in selection]

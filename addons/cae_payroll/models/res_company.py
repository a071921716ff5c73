# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .chart_accounts import FRENCH_EQUIVALENTS

# Contributions of the CESA structure (tools/french_payroll.py), employee
# and employer shares: rule xmlid ``cae_payroll.rule_ee_<code>`` and
# ``cae_payroll.rule_er_<code>``, in the order of the payslip.
EMPLOYEE_CODES = (
    "WELFARE",
    "HEALTH_INSURANCE",
    "OLD_AGE_CAPPED",
    "OLD_AGE",
    "AA_T1",
    "CEG_T1",
    "AA_T2",
    "CEG_T2",
    "CET",
    "APEC",
    "CSG_DEDUCTIBLE",
    "CSG_NON_DEDUCTIBLE",
    "CRDS",
)
EMPLOYER_CODES = (
    "HEALTH",
    "EXEC_WELFARE",
    "WELFARE",
    "HEALTH_INSURANCE",
    "WORK_ACCIDENT",
    "OLD_AGE_CAPPED",
    "OLD_AGE",
    "AA_T1",
    "CEG_T1",
    "AA_T2",
    "CEG_T2",
    "CET",
    "FAMILY",
    "UNEMPLOYMENT",
    "AGS",
    "APEC",
    "AUTONOMY",
    "HOUSING_SMALL",
    "HOUSING_LARGE",
    "SOCIAL_DIALOGUE",
    "TRAINING_SMALL",
    "TRAINING_LARGE",
    "APPRENTICESHIP",
    "CONSTRUCTION",
    "MOBILITY",
    "FLAT_SOCIAL",
)
CESA_RULE_XMLIDS = (
    "cae_payroll.rule_base",
    "cae_payroll.rule_variable",
    "cae_payroll.rule_gross",
    *(f"cae_payroll.rule_ee_{code.lower()}" for code in EMPLOYEE_CODES),
    "cae_payroll.rule_net_before_tax",
    "cae_payroll.rule_tax",
    "cae_payroll.rule_net",
    *(f"cae_payroll.rule_er_{code.lower()}" for code in EMPLOYER_CODES),
    "cae_payroll.rule_reduction",
    "cae_payroll.rule_cost",
)
# Rules of version 18.0.1 (aggregated rates), taken out of the structures.
OBSOLETE_RULE_XMLIDS = (
    "cae_payroll.rule_employee_urssaf",
    "cae_payroll.rule_employee_other",
    "cae_payroll.rule_employer_urssaf",
    "cae_payroll.rule_employer_other",
)

# Default accounts (French chart, PCG), each as (chart template xmlid, code
# prefix used when the template is not the French one). Gross pay is a cost
# (641) owed to the employee (421); employee contributions move from 421 to
# the body that collects them; employer contributions are costs (645, or
# 633 for the taxes on salaries) owed to the same bodies: URSSAF (431, which
# also collects unemployment insurance and the training contributions),
# pension and welfare institutions (437); the tax withheld is owed to the
# State (4421).
ACCOUNTS = {
    "employee": ("pcg_421", "421"),
    "gross": ("pcg_6411", "641"),
    "urssaf": ("pcg_431", "431"),
    "other_bodies": ("pcg_437", "437"),
    "tax": ("pcg_4421", "442"),
    "urssaf_cost": ("pcg_6451", "645"),
    "welfare_cost": ("pcg_6452", "645"),
    "pension_cost": ("pcg_6453", "645"),
    "unemployment_cost": ("pcg_6454", "645"),
    "training_cost": ("pcg_6333", "633"),
    "construction_cost": ("pcg_6334", "633"),
    "salary_tax_cost": ("pcg_6318", "631"),
}
# Contribution → (employer cost account, body owed).
CONTRIBUTION_ACCOUNTS = {
    "HEALTH": ("urssaf_cost", "urssaf"),
    "EXEC_WELFARE": ("welfare_cost", "other_bodies"),
    "WELFARE": ("welfare_cost", "other_bodies"),
    "HEALTH_INSURANCE": ("welfare_cost", "other_bodies"),
    "WORK_ACCIDENT": ("urssaf_cost", "urssaf"),
    "OLD_AGE_CAPPED": ("urssaf_cost", "urssaf"),
    "OLD_AGE": ("urssaf_cost", "urssaf"),
    "AA_T1": ("pension_cost", "other_bodies"),
    "CEG_T1": ("pension_cost", "other_bodies"),
    "AA_T2": ("pension_cost", "other_bodies"),
    "CEG_T2": ("pension_cost", "other_bodies"),
    "CET": ("pension_cost", "other_bodies"),
    "APEC": ("pension_cost", "other_bodies"),
    "FAMILY": ("urssaf_cost", "urssaf"),
    "UNEMPLOYMENT": ("unemployment_cost", "urssaf"),
    "AGS": ("unemployment_cost", "urssaf"),
    "AUTONOMY": ("urssaf_cost", "urssaf"),
    "HOUSING_SMALL": ("urssaf_cost", "urssaf"),
    "HOUSING_LARGE": ("urssaf_cost", "urssaf"),
    "SOCIAL_DIALOGUE": ("urssaf_cost", "urssaf"),
    "TRAINING_SMALL": ("training_cost", "urssaf"),
    "TRAINING_LARGE": ("training_cost", "urssaf"),
    "APPRENTICESHIP": ("salary_tax_cost", "urssaf"),
    "CONSTRUCTION": ("construction_cost", "other_bodies"),
    "MOBILITY": ("urssaf_cost", "urssaf"),
    "FLAT_SOCIAL": ("urssaf_cost", "urssaf"),
    "CSG_DEDUCTIBLE": ("urssaf_cost", "urssaf"),
    "CSG_NON_DEDUCTIBLE": ("urssaf_cost", "urssaf"),
    "CRDS": ("urssaf_cost", "urssaf"),
}


def _rule_accounts():
    """``{rule xmlid: (debit account key, credit account key)}``."""
    accounts = {
        "cae_payroll.rule_gross": ("gross", "employee"),
        "cae_payroll.rule_tax": ("tax", "employee"),
        "cae_payroll.rule_reduction": ("urssaf_cost", "urssaf"),
    }
    for code in EMPLOYEE_CODES:
        body = CONTRIBUTION_ACCOUNTS[code][1]
        # The rule's total is negative: debit 421, credit the body.
        accounts[f"cae_payroll.rule_ee_{code.lower()}"] = (body, "employee")
    for code in EMPLOYER_CODES:
        accounts[f"cae_payroll.rule_er_{code.lower()}"] = CONTRIBUTION_ACCOUNTS[code]
    return accounts


CESA_RULE_ACCOUNTS = _rule_accounts()
# Balance indicators (cae_base): the default available treasury, and the
# net salaries posted and not paid yet.
DEFAULT_INDICATOR = "reference_treasury"
UNPAID_SALARIES_INDICATOR = "salaries_to_pay"


class ResCompany(models.Model):
    _inherit = "res.company"

    cae_payroll_structure_id = fields.Many2one(
        comodel_name="hr.payroll.structure",
        string="CESA salary structure",
        help="Salary structure of the company's salaried entrepreneurs, "
        "created with the module from the shared CESA rules.",
    )
    cae_payroll_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Salary journal",
        domain="[('type', '=', 'general'), ('company_id', '=', id)]",
        help="Journal of the payslips of salaried entrepreneurs.",
    )
    cae_payroll_indicator_id = fields.Many2one(
        comodel_name="cae.balance.indicator",
        string="Available treasury indicator",
        domain="[('company_id', '=', id)]",
        help="Balance indicator of the activity that the salary budget "
        "starts from (empty: reference treasury). Net salaries posted and "
        "not paid yet are deducted unless this indicator already counts them.",
    )
    cae_payroll_headcount = fields.Integer(
        string="Headcount (payroll thresholds)",
        help="Annual average headcount of the company (Code de la sécurité "
        "sociale, art. L130-1), for the thresholds of 11 and 50 employees: "
        "training contribution, forfait social, FNAL, construction "
        "contribution, general reduction.",
    )
    cae_payroll_safety_reserve = fields.Monetary(
        string="Safety reserve",
        currency_field="currency_id",
        help="Treasury every activity keeps aside: the salary budget is what "
        "remains of the available treasury once this reserve is set aside.",
    )

    @api.model
    def _cae_payroll_setup_all(self):
        """Install-time set-up of every company (safe to run again)."""
        self.sudo().search([])._cae_payroll_setup()

    def _cae_payroll_setup(self):
        """Give each company its CESA structure, salary journal and accounts.

        Only what is missing is created or filled in, so that running it
        again (module update, new chart of accounts) keeps the choices of
        the company.
        """
        rules = self._cae_payroll_rules()
        for company in self.sudo():
            if not company.cae_payroll_indicator_id:
                company.cae_payroll_indicator_id = self.env[
                    "cae.balance.indicator"
                ].search(
                    [("company_id", "=", company.id), ("code", "=", DEFAULT_INDICATOR)],
                    limit=1,
                )
            company._cae_payroll_sequence()
            if not company.cae_payroll_structure_id:
                company.cae_payroll_structure_id = self.env[
                    "hr.payroll.structure"
                ].create(company._cae_prepare_payroll_structure_vals(rules))
            else:
                company._cae_payroll_sync_structure(rules)
            if not company.chart_template:
                continue
            if not company.cae_payroll_journal_id:
                company.cae_payroll_journal_id = company._cae_payroll_journal()
            company._cae_payroll_set_rule_accounts()

    @api.model
    def _cae_payroll_rules(self):
        """Salary rules of a new CESA structure (bridges add theirs)."""
        rules = self.env["hr.salary.rule"]
        for xmlid in CESA_RULE_XMLIDS:
            rules |= self.env.ref(xmlid)
        return rules

    def _cae_payroll_sync_structure(self, rules):
        """Bring an existing CESA structure to the module's rules: add the
        missing ones, take out those of earlier versions (other rules a
        company added stay)."""
        self.ensure_one()
        structure = self.cae_payroll_structure_id
        obsolete = self.env["hr.salary.rule"].with_context(active_test=False)
        for xmlid in OBSOLETE_RULE_XMLIDS:
            obsolete |= self.env.ref(xmlid, raise_if_not_found=False) or obsolete
        missing = rules - structure.rule_ids
        if missing or structure.rule_ids & obsolete:
            structure.rule_ids = [
                *(
                    fields.Command.unlink(rule.id)
                    for rule in structure.rule_ids & obsolete
                ),
                *(fields.Command.link(rule.id) for rule in missing),
            ]

    def _cae_prepare_payroll_structure_vals(self, rules):
        self.ensure_one()
        # Named in French when installed, whoever sets the company up.
        _ = self.with_context(lang=self.env["hr.payslip"]._cae_default_lang()).env._
        return {
            "name": _("CESA salaried entrepreneur"),
            "code": "CAE_CESA",
            "company_id": self.id,
            "parent_id": False,
            "rule_ids": [fields.Command.set(rules.ids)],
            "note": _(
                "Fixed part and variable part (L7332-3) of the salaried "
                "entrepreneur; every French contribution computed by the "
                "payroll engine from the dated legal parameters."
            ),
        }

    def _cae_payroll_sequence(self):
        """The payslip numbers of the company (OCA payroll's sequence
        belongs to the first company only: others' payslips had none)."""
        self.ensure_one()
        Sequence = self.env["ir.sequence"].sudo()
        if not Sequence.search_count(
            [("code", "=", "salary.slip"), ("company_id", "in", [self.id, False])]
        ):
            Sequence.create(
                {
                    "name": self.env._("Payslips of %(company)s", company=self.name),
                    "code": "salary.slip",
                    "prefix": "SLIP/%(year)s/",
                    "padding": 4,
                    "company_id": self.id,
                }
            )

    def _cae_payroll_journal(self):
        self.ensure_one()
        Journal = self.env["account.journal"]
        journal = Journal.search(
            [("company_id", "=", self.id), ("code", "=", "SAL")], limit=1
        )
        lang = self.env["hr.payslip"]._cae_default_lang()
        return journal or Journal.create(
            {
                "name": self.with_context(lang=lang).env._("Salaries"),
                "code": "SAL",
                "type": "general",
                "company_id": self.id,
            }
        )

    def _cae_payroll_account(self, template_xmlid, prefix):
        """The company's account of the French chart, else the first of a prefix.

        On another chart the suite knows, the equivalent account of that
        chart (``chart_accounts.FRENCH_EQUIVALENTS``); on a chart it does not
        know, none.
        """
        self.ensure_one()
        family = self._cae_chart_family()
        if family != "fr":
            template_xmlid = FRENCH_EQUIVALENTS.get(family, {}).get(template_xmlid)
            if not template_xmlid:
                return self.env["account.account"]
        account = (
            self.env["account.chart.template"]
            .with_company(self)
            .ref(template_xmlid, raise_if_not_found=False)
        )
        if account or family != "fr":
            return account or self.env["account.account"]
        return (
            self.env["account.account"]
            .with_company(self)
            .search(
                [
                    ("company_ids", "in", self.id),
                    ("code", "=like", f"{prefix}%"),
                    ("deprecated", "=", False),
                ],
                order="code",
                limit=1,
            )
        )

    def _cae_payroll_set_rule_accounts(self):
        self.ensure_one()
        for xmlid, (debit, credit) in CESA_RULE_ACCOUNTS.items():
            rule = self.env.ref(xmlid).with_company(self)
            vals = {}
            if not rule.account_debit:
                vals["account_debit"] = self._cae_payroll_account(*ACCOUNTS[debit]).id
            if not rule.account_credit:
                vals["account_credit"] = self._cae_payroll_account(*ACCOUNTS[credit]).id
            vals = {field: value for field, value in vals.items() if value}
            if vals:
                rule.write(vals)

    # ------------------------------------------------------------------
    # Salary budget
    # ------------------------------------------------------------------
    def _cae_payroll_indicator(self, raise_if_missing=True):
        """The balance indicator of the available treasury (default: reference)."""
        self.ensure_one()
        indicator = self.cae_payroll_indicator_id or self.env[
            "cae.balance.indicator"
        ].sudo().search(
            [("company_id", "=", self.id), ("code", "=", DEFAULT_INDICATOR)], limit=1
        )
        if not indicator and raise_if_missing:
            raise UserError(
                self.env._(
                    "Choose the balance indicator of the available treasury of "
                    "%(company)s in the settings (Pay of the salaried "
                    "entrepreneurs).",
                    company=self.name,
                )
            )
        return indicator

    def _cae_payroll_indicator_codes(self, raise_if_missing=True):
        """Codes to add up: the chosen indicator and, unless it already counts
        them, the net salaries posted and not paid yet (a second payslip of
        the same activity must not spend them again)."""
        self.ensure_one()
        indicator = self._cae_payroll_indicator(raise_if_missing).sudo()
        if not indicator:
            return []
        included = indicator
        operands = indicator.operand_ids
        while operands:
            included |= operands
            operands = operands.operand_ids - included
        codes = [indicator.code]
        if UNPAID_SALARIES_INDICATOR not in included.mapped("code"):
            unpaid = (
                self.env["cae.balance.indicator"]
                .sudo()
                .search_count(
                    [
                        ("company_id", "=", self.id),
                        ("code", "=", UNPAID_SALARIES_INDICATOR),
                    ]
                )
            )
            if unpaid:
                codes.append(UNPAID_SALARIES_INDICATOR)
        return codes

    def _cae_payroll_treasury(self, activities, date, raise_if_missing=True):
        """``{activity_id: available treasury}`` on ``date``, in one reading.

        Without an indicator (and ``raise_if_missing`` false): nothing.
        """
        self.ensure_one()
        codes = self._cae_payroll_indicator_codes(raise_if_missing)
        if not codes:
            return {}
        values = activities.sudo()._get_indicator_values(date_to=date, codes=codes)
        return {
            activity.id: sum(
                values.get(activity.id, {}).get(code, 0.0) for code in codes
            )
            for activity in activities
        }

    def _cae_payroll_fundable(self, activities, date):
        """``{activity_id: treasury the activity can spend on pay}``."""
        self.ensure_one()
        reserve = self.cae_payroll_safety_reserve
        treasury = self._cae_payroll_treasury(activities, date)
        return {
            activity.id: treasury.get(activity.id, 0.0) - reserve
            for activity in activities
        }

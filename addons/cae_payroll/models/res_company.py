# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .chart_accounts import FRENCH_EQUIVALENTS

# Rules of the CESA structure, in the order of the payslip.
CESA_RULE_XMLIDS = (
    "cae_payroll.rule_base",
    "cae_payroll.rule_variable",
    "cae_payroll.rule_gross",
    "cae_payroll.rule_employee_urssaf",
    "cae_payroll.rule_employee_other",
    "cae_payroll.rule_net",
    "cae_payroll.rule_employer_urssaf",
    "cae_payroll.rule_employer_other",
    "cae_payroll.rule_cost",
)

# Default accounts of the rules (French chart, PCG): rule → (debit, credit),
# each as (chart template xmlid, code prefix used when the template is not
# the French one). Gross pay is a cost (641) owed to the employee (421);
# employee contributions move from 421 to the bodies that collect them
# (431 URSSAF, 437 others); employer contributions are costs (645) owed to
# the same bodies.
# Balance indicators (cae_base): the default available treasury, and the
# net salaries posted and not paid yet.
DEFAULT_INDICATOR = "reference_treasury"
UNPAID_SALARIES_INDICATOR = "salaries_to_pay"

CESA_RULE_ACCOUNTS = {
    "cae_payroll.rule_gross": (("pcg_6411", "641"), ("pcg_421", "421")),
    "cae_payroll.rule_employee_urssaf": (("pcg_431", "431"), ("pcg_421", "421")),
    "cae_payroll.rule_employee_other": (("pcg_437", "437"), ("pcg_421", "421")),
    "cae_payroll.rule_employer_urssaf": (("pcg_6451", "645"), ("pcg_431", "431")),
    "cae_payroll.rule_employer_other": (("pcg_6453", "645"), ("pcg_437", "437")),
}


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

    def _cae_prepare_payroll_structure_vals(self, rules):
        self.ensure_one()
        return {
            "name": self.env._("CESA salaried entrepreneur"),
            "code": "CAE_CESA",
            "company_id": self.id,
            "parent_id": False,
            "rule_ids": [fields.Command.set(rules.ids)],
            "note": self.env._(
                "Fixed part and variable part (L7332-3) of the salaried "
                "entrepreneur, aggregated contribution rates read from the "
                "legal parameters."
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
        return journal or Journal.create(
            {
                "name": self.env._("Salaries"),
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
                vals["account_debit"] = self._cae_payroll_account(*debit).id
            if not rule.account_credit:
                vals["account_credit"] = self._cae_payroll_account(*credit).id
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

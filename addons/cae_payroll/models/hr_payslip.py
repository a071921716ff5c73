# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import babel.dates
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount, format_date
from odoo.tools.misc import babel_locale_parse

from .pay_math import amount_in_words_fr

# Contribution parameters, one per contribution line of the CESA structure.
EMPLOYEE_RATE_CODES = (
    "cae_payroll_employee_urssaf_rate",
    "cae_payroll_employee_other_rate",
)
EMPLOYER_RATE_CODES = (
    "cae_payroll_employer_urssaf_rate",
    "cae_payroll_employer_other_rate",
)
# Payslip lines whose totals the payslip shows.
LINE_CODES = {
    "cae_gross": "CAE_GROSS",
    "cae_net": "CAE_NET",
    "cae_employer_cost": "CAE_COST",
}
FUNDING_STATES = [
    ("funded", "Funded"),
    ("unfunded", "Not funded"),
    ("accepted", "Negative balance accepted"),
]


class CaeRuleTools:
    """What the Python code of the CESA rules may call, as ``cae``.

    ``cae.rate(code)``: value of the dated parameter ``code`` in force on the
    last day of the payslip's period, for the payslip's company.
    """

    def __init__(self, payslip):
        self.payslip = payslip

    def rate(self, code):
        return self.payslip._cae_parameter(code)


class HrPayslip(models.Model):
    """Payslips of salaried entrepreneurs, funded by their activity.

    On top of OCA payroll: every line of a CESA payslip is rounded to the
    cent; the hourly rate is checked against the minimum wage; each payslip
    is compared with what its activity can fund (``_cae_check_funding``),
    and one that it cannot fund waits for a staff decision before it can be
    confirmed; confirmed payslips are posted on the activity.
    """

    _name = "hr.payslip"
    _inherit = ["hr.payslip", "cae.workflow.mixin"]
    # Workflow guard (cae_base's cae.workflow.mixin), for the cooperative's
    # people: computed, funded and confirmed by the steps only; a confirmed
    # or cancelled payslip keeps its note.
    _cae_workflow_cooperative_only = True
    _cae_workflow_fields = frozenset({"number", "cae_funding_state", "move_id"})
    _cae_workflow_open_states = frozenset({"draft", "verify"})
    _cae_workflow_writable = {None: ("note",)}
    _cae_workflow_steps = (
        "compute_sheet",
        "action_payslip_done",
        "action_payslip_cancel",
        "action_payslip_draft",
        "refund_sheet",
        "cae_job_compute",
        "cae_job_confirm_ready",
        "_cae_check_funding",
        "_cae_accept_negative_balance",
        "_cae_reduce_variable_part",
    )

    cae_is_cesa = fields.Boolean(
        related="contract_id.cae_is_cesa",
        string="CESA payslip",
        store=True,
        index=True,
    )
    cae_entrepreneur_id = fields.Many2one(
        related="contract_id.cae_entrepreneur_id",
        string="Entrepreneur",
        store=True,
        index=True,
    )
    cae_activity_id = fields.Many2one(
        related="contract_id.cae_activity_id",
        string="Activity",
        store=True,
        index=True,
    )
    cae_currency_id = fields.Many2one(
        related="company_id.currency_id",
        string="Currency",
    )
    cae_gross = fields.Monetary(
        string="Gross",
        compute="_compute_cae_totals",
        store=True,
        currency_field="cae_currency_id",
    )
    cae_net = fields.Monetary(
        string="Net to pay",
        compute="_compute_cae_totals",
        store=True,
        currency_field="cae_currency_id",
    )
    cae_employer_cost = fields.Monetary(
        string="Total cost",
        compute="_compute_cae_totals",
        store=True,
        currency_field="cae_currency_id",
    )
    cae_hourly_rate = fields.Monetary(
        string="Hourly rate",
        compute="_compute_cae_minimum_wage",
        currency_field="cae_currency_id",
    )
    cae_minimum_hourly_rate = fields.Monetary(
        string="Minimum wage (hourly)",
        compute="_compute_cae_minimum_wage",
        currency_field="cae_currency_id",
    )
    cae_below_minimum_wage = fields.Boolean(
        string="Below the minimum wage",
        compute="_compute_cae_minimum_wage",
    )
    cae_funding_state = fields.Selection(
        selection=FUNDING_STATES,
        string="Funding",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Funded: the activity's available treasury covers the total "
        "cost. Not funded: it does not; staff must reduce the variable part "
        "or accept a negative balance before confirming.",
    )
    cae_fundable_amount = fields.Monetary(
        string="Activity can fund",
        readonly=True,
        copy=False,
        currency_field="cae_currency_id",
        help="Available treasury of the activity minus the safety reserve "
        "and minus the cost of the payslips computed before this one.",
    )
    cae_missing_amount = fields.Monetary(
        string="Missing amount",
        readonly=True,
        copy=False,
        currency_field="cae_currency_id",
        help="Part of the total cost the activity cannot fund.",
    )
    cae_accepted_missing_amount = fields.Monetary(
        string="Accepted negative balance",
        readonly=True,
        copy=False,
        currency_field="cae_currency_id",
    )
    cae_funding_reason = fields.Text(
        string="Reason for the negative balance",
        readonly=True,
        copy=False,
        tracking=True,
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("line_ids.total", "line_ids.code")
    def _compute_cae_totals(self):
        for payslip in self:
            totals = {}
            for line in payslip.line_ids:
                totals[line.code] = totals.get(line.code, 0.0) + line.total
            for field, code in LINE_CODES.items():
                payslip[field] = totals.get(code, 0.0)

    @api.depends(
        "contract_id.cae_wage_type",
        "contract_id.cae_hourly_rate",
        "contract_id.wage",
        "contract_id.cae_monthly_hours",
        "date_to",
        "company_id",
    )
    def _compute_cae_minimum_wage(self):
        for payslip in self:
            contract = payslip.contract_id
            if not payslip.cae_is_cesa or not payslip.date_to:
                payslip.cae_hourly_rate = 0.0
                payslip.cae_minimum_hourly_rate = 0.0
                payslip.cae_below_minimum_wage = False
                continue
            minimum = payslip._cae_parameter("cae_smic_hourly")
            payslip.cae_hourly_rate = contract._cae_hourly_rate()
            payslip.cae_minimum_hourly_rate = minimum
            payslip.cae_below_minimum_wage = contract._cae_is_below_minimum_wage(
                minimum
            )

    # ------------------------------------------------------------------
    # Salary rules
    # ------------------------------------------------------------------
    def _cae_parameter(self, code):
        """Parameter ``code`` on the last day of the period (cached)."""
        self.ensure_one()
        return self.env["cae.parameter"]._cae_cached_value(
            code, self.date_to, self.company_id
        )

    def _cae_rates(self, codes):
        self.ensure_one()
        return [self._cae_parameter(code) for code in codes]

    def _get_baselocaldict(self, contracts):
        localdict = super()._get_baselocaldict(contracts)
        localdict["cae"] = CaeRuleTools(self)
        return localdict

    def _get_lines_dict(
        self, rule, localdict, lines_dict, key, values, previous_amount
    ):
        """Round each line of a CESA payslip to the cent, as a payslip shows.

        The rounded amount is what later rules and categories add up, so the
        net to pay is exactly the gross minus the printed contributions.
        """
        localdict, lines_dict = super()._get_lines_dict(
            rule, localdict, lines_dict, key, values, previous_amount
        )
        if not localdict["contract"].cae_is_cesa:
            return localdict, lines_dict
        total = values["total"]
        rounded = self.company_id.currency_id.round(total)
        if rounded != total:
            values["total"] = rounded
            lines_dict[key]["total"] = rounded
            if rule.code:
                localdict[rule.code] = rounded
            localdict = self._sum_salary_rule_category(
                localdict, rule.category_id, rounded - total
            )
        return localdict, lines_dict

    def _compute_name(self):
        """CESA payslips: a name in the employee's language, e.g. "Bulletin
        de paie de Léa Martin, mars 2026" (OCA's is not translated)."""
        cesa = self.filtered(lambda p: p.cae_is_cesa and p.date_from)
        for payslip in cesa:
            lang = payslip.employee_id.work_contact_id.lang or self.env.lang
            payslip.name = payslip.with_context(lang=lang).env._(
                "Payslip of %(name)s, %(month)s",
                name=payslip.employee_id.name,
                # Babel directly: Odoo's format_date falls back to another
                # language when the employee's one is not active.
                month=babel.dates.format_date(
                    payslip.date_from, format="MMMM y", locale=babel_locale_parse(lang)
                ),
            )
        return super(HrPayslip, self - cesa)._compute_name()

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def compute_sheet(self):
        res = super().compute_sheet()
        self.filtered("cae_is_cesa")._cae_check_funding()
        return res

    def action_payslip_done(self):
        cesa = self.filtered("cae_is_cesa")
        if not cesa:
            return super().action_payslip_done()
        prevent = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("payroll.prevent_compute_on_confirm")
        )
        if not self.env.context.get("without_compute_sheet") and not prevent:
            self.compute_sheet()
        cesa._cae_check_can_confirm()
        others = self - cesa
        if others:
            super(
                HrPayslip, others.with_context(without_compute_sheet=True)
            ).action_payslip_done()
        # One call per payslip so that its journal entry belongs to its
        # activity (the entry of payroll_account is created inside).
        for payslip in cesa:
            super(
                HrPayslip,
                payslip.with_context(
                    without_compute_sheet=True,
                    default_cae_activity_id=payslip.cae_activity_id.id,
                ),
            ).action_payslip_done()
        return True

    def action_cae_open_funding(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Funding decision"),
            "res_model": "cae.payslip.funding",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "hr.payslip",
                "active_ids": self.ids,
            },
        }

    # ------------------------------------------------------------------
    # Batches and background jobs (OCA queue_job)
    # ------------------------------------------------------------------
    def _cae_chunks(self, size):
        """Split into chunks of about ``size`` payslips, never splitting an
        activity: its payslips share its treasury, so they are checked
        together."""
        chunks, current = [], self.browse()
        for _activity, payslips in self.grouped("cae_activity_id").items():
            if current and len(current) + len(payslips) > size:
                chunks.append(current)
                current = self.browse()
            current |= payslips
        if current:
            chunks.append(current)
        return chunks

    def cae_job_compute(self):
        """Job: compute these payslips and check their funding."""
        self.compute_sheet()
        return True

    def cae_job_confirm_ready(self):
        """Job: recompute, then confirm and post those that need no decision.

        :return: the payslips confirmed.
        """
        self.compute_sheet()
        ready = self.filtered(
            lambda s: s.cae_funding_state != "unfunded" and not s.cae_below_minimum_wage
        )
        ready.with_context(without_compute_sheet=True).action_payslip_done()
        return ready

    def _cae_check_can_confirm(self):
        """Refuse, with every reason at once, payslips that must not be paid."""
        problems = []
        for payslip in self:
            if payslip.cae_below_minimum_wage:
                problems.append(
                    self.env._(
                        "%(payslip)s: the hourly rate (%(rate)s) is below the "
                        "minimum wage in force on %(date)s (%(minimum)s).",
                        payslip=payslip.name or payslip.employee_id.name,
                        rate=payslip._cae_format(payslip.cae_hourly_rate),
                        minimum=payslip._cae_format(payslip.cae_minimum_hourly_rate),
                        date=format_date(self.env, payslip.date_to),
                    )
                )
            if payslip.cae_funding_state == "unfunded":
                problems.append(
                    self.env._(
                        "%(payslip)s: the activity %(activity)s cannot fund it, "
                        "%(missing)s are missing. Reduce the variable part or "
                        "accept a negative balance with a reason (button "
                        "Funding decision).",
                        payslip=payslip.name or payslip.employee_id.name,
                        activity=payslip.cae_activity_id.display_name,
                        missing=payslip._cae_format(payslip.cae_missing_amount),
                    )
                )
        if problems:
            raise UserError(
                self.env._("These payslips cannot be confirmed:")
                + "\n- "
                + "\n- ".join(problems)
            )

    def _cae_format(self, amount):
        self.ensure_one()
        return format_amount(self.env, amount, self.company_id.currency_id)

    # ------------------------------------------------------------------
    # Funding by the activity
    # ------------------------------------------------------------------
    def _cae_check_funding(self):
        """Compare each payslip's total cost with what its activity can fund.

        Batch: one treasury reading per company and period for all the
        activities; payslips of one activity consume its treasury in turn
        (by id). A payslip whose negative balance was accepted stays
        accepted while its missing amount does not grow.
        """
        groups = self.grouped(lambda p: (p.company_id, p.date_to))
        for (company, date_to), payslips in groups.items():
            currency = company.currency_id
            available = company._cae_payroll_fundable(payslips.cae_activity_id, date_to)
            for payslip in payslips.sorted("id"):
                activity = payslip.cae_activity_id.id
                fundable = currency.round(max(available.get(activity, 0.0), 0.0))
                cost = payslip.cae_employer_cost
                missing = currency.round(max(cost - fundable, 0.0))
                available[activity] = fundable - cost
                payslip.write(payslip._cae_prepare_funding_vals(fundable, missing))

    def _cae_prepare_funding_vals(self, fundable, missing):
        self.ensure_one()
        currency = self.company_id.currency_id
        state = "unfunded" if not currency.is_zero(missing) else "funded"
        if (
            state == "unfunded"
            and self.cae_funding_state == "accepted"
            and currency.compare_amounts(missing, self.cae_accepted_missing_amount) <= 0
        ):
            state = "accepted"
        vals = {
            "cae_fundable_amount": fundable,
            "cae_missing_amount": missing,
            "cae_funding_state": state,
        }
        if state != "accepted":
            vals.update(cae_accepted_missing_amount=0.0, cae_funding_reason=False)
        return vals

    def _cae_accept_negative_balance(self, reason):
        """Staff accept that the activity's balance goes negative; logged."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                self.env._("Give the reason for accepting a negative balance.")
            )
        for payslip in self:
            if payslip.cae_funding_state != "unfunded":
                raise UserError(
                    self.env._(
                        "%(payslip)s is not waiting for a funding decision.",
                        payslip=payslip.name,
                    )
                )
            payslip.write(
                {
                    "cae_funding_state": "accepted",
                    "cae_accepted_missing_amount": payslip.cae_missing_amount,
                    "cae_funding_reason": reason,
                }
            )
            payslip.message_post(
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    self.env._(
                        "Negative balance of %(missing)s accepted on the "
                        "activity %(activity)s.",
                        missing=payslip._cae_format(payslip.cae_missing_amount),
                        activity=payslip.cae_activity_id.display_name,
                    ),
                    self.env._("Reason: %(reason)s", reason=reason),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _cae_reduce_variable_part(self):
        """Lower the variable part until the activity can fund the payslip."""
        for payslip in self:
            if payslip.cae_funding_state != "unfunded":
                continue
            currency = payslip.company_id.currency_id
            variable = payslip.input_line_ids.filtered(
                lambda line: line.code == "CAE_VARIABLE"
            )
            amount = sum(variable.mapped("amount"))
            rate = sum(payslip._cae_rates(EMPLOYER_RATE_CODES))
            # Gross to remove: the missing cost over (1 + employer rate),
            # rounded up to the cent so that the cost fits.
            reduction = currency.round(
                payslip.cae_missing_amount / (1 + rate / 100.0) + 0.005
            )
            if currency.compare_amounts(reduction, amount) > 0:
                raise UserError(
                    self.env._(
                        "%(payslip)s: even without its variable part "
                        "(%(variable)s), the activity cannot fund the fixed "
                        "part. Lower the fixed pay of the contract or accept a "
                        "negative balance.",
                        payslip=payslip.name,
                        variable=payslip._cae_format(amount),
                    )
                )
            new_amount = currency.round(amount - reduction)
            variable[:1].amount = new_amount
            (variable - variable[:1]).amount = 0.0
            payslip.compute_sheet()
            # Line rounding may leave a cent or two: take them off too.
            for _attempt in range(5):
                if payslip.cae_funding_state != "unfunded":
                    break
                new_amount = currency.round(new_amount - 0.01)
                variable[:1].amount = max(new_amount, 0.0)
                payslip.compute_sheet()
            payslip.message_post(
                body=self.env._(
                    "Variable part reduced from %(old)s to %(new)s so that the "
                    "activity can fund the payslip.",
                    old=payslip._cae_format(amount),
                    new=payslip._cae_format(variable[:1].amount),
                ),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # Printing and portal
    # ------------------------------------------------------------------
    def _cae_net_in_words(self):
        """Net to pay in French words, for the printed payslip."""
        self.ensure_one()
        return amount_in_words_fr(self.cae_net)

    def _cae_report_rows(self):
        """Rows of the printed payslip, computed here, only shown by QWeb.

        Each row: ``name``, ``base``, ``rate`` (%), ``quantity``, ``pay``
        (employee side: earnings positive, deductions negative),
        ``employer`` (employer contributions) and ``total`` (bold rows).
        """
        self.ensure_one()
        category_codes = {
            "CAE_BASE": "pay",
            "CAE_VAR": "pay",
            "CAE_EE": "pay",
            "CAE_DED": "pay",
            "CAE_ER": "employer",
        }
        rows = []
        lines = self.line_ids.filtered("appears_on_payslip").sorted("sequence")
        for line in lines:
            code = line.category_id.code
            row = {
                "name": line.name,
                "base": False,
                "rate": False,
                "quantity": False,
                "pay": False,
                "employer": False,
                "total": False,
            }
            if code in ("CAE_EE", "CAE_ER"):
                row.update(base=line.amount, rate=abs(line.rate))
            elif code == "CAE_BASE" and line.quantity != 1.0:
                row.update(quantity=line.quantity, base=line.amount)
            if code in category_codes:
                if not line.total:
                    continue
                row[category_codes[code]] = line.total
            else:
                row["total"] = line.total
            rows.append(row)
        return rows

    def _cae_report_lang(self):
        """French, the language of the payslip, when the database has it."""
        self.ensure_one()
        installed = dict(self.env["res.lang"].get_installed())
        if "fr_FR" in installed:
            return "fr_FR"
        return self.employee_id.work_contact_id.lang or self.env.lang

    def _cae_report_company_number(self):
        """SIRET of the company (French localisation), else its registry."""
        self.ensure_one()
        company = self.company_id
        return (
            company["siret"] if "siret" in company._fields else False
        ) or company.company_registry

    def _cae_payroll_variables(self):
        """One dict per payslip: the figures an external provider needs."""
        wage_types = dict(
            self.env["hr.contract"]
            ._fields["cae_wage_type"]
            ._description_selection(self.env)
        )
        states = dict(self._fields["state"]._description_selection(self.env))
        funding = dict(
            self._fields["cae_funding_state"]._description_selection(self.env)
        )
        rows = []
        for payslip in self:
            totals = {}
            for line in payslip.line_ids:
                code = line.category_id.code
                totals[code] = totals.get(code, 0.0) + line.total
            contract = payslip.contract_id
            entrepreneur = payslip.cae_entrepreneur_id
            rows.append(
                {
                    "reference": entrepreneur.reference,
                    "employee": payslip.employee_id.name,
                    "activity_code": payslip.cae_activity_id.code,
                    "activity": payslip.cae_activity_id.name,
                    "contract": contract.name,
                    "date_from": payslip.date_from,
                    "date_to": payslip.date_to,
                    "wage_type": wage_types.get(contract.cae_wage_type),
                    "hours": contract.cae_monthly_hours,
                    "hourly_rate": payslip.cae_hourly_rate,
                    "fixed": totals.get("CAE_BASE", 0.0),
                    "variable": totals.get("CAE_VAR", 0.0),
                    "gross": payslip.cae_gross,
                    "employee_contributions": -totals.get("CAE_EE", 0.0),
                    "deductions": -totals.get("CAE_DED", 0.0),
                    "net": payslip.cae_net,
                    "employer_contributions": totals.get("CAE_ER", 0.0),
                    "cost": payslip.cae_employer_cost,
                    "funding": funding.get(payslip.cae_funding_state),
                    "number": payslip.number,
                    "state": states.get(payslip.state),
                }
            )
        return rows

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._(
            "Payslip %(name)s %(period)s",
            name=self.employee_id.name,
            period=self.date_from.strftime("%Y-%m"),
        )

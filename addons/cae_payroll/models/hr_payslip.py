# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import babel.dates

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount, format_date
from odoo.tools.misc import babel_locale_parse

from ..tools import french_payroll

# Payslip lines whose totals the payslip shows (field: (line code, sign)).
LINE_CODES = {
    "cae_gross": ("CAE_GROSS", 1),
    "cae_net_before_tax": ("CAE_NET_BT", 1),
    "cae_tax": ("CAE_PAS", -1),
    "cae_net": ("CAE_NET", 1),
    "cae_reduction": ("CAE_RED", -1),
    "cae_employer_cost": ("CAE_COST", 1),
}
# Category totals (field: (category code, sign)).
CATEGORY_CODES = {
    "cae_employee_total": ("CAE_EE", -1),
    "cae_employer_total": ("CAE_ER", 1),
}
VARIABLE_INPUT = "CAE_VARIABLE"
# Stages in which an entrepreneur is employed by the cooperative. CAPE is a
# support contract, not employment: never on the payroll.
EMPLOYED_STAGES = ("cesa", "associate")
# Per-cursor cache of the engine's results during compute_sheet.
ENGINE_CACHE = "cae_payroll_engine_results"
FUNDING_STATES = [
    ("funded", "Funded"),
    ("unfunded", "Not funded"),
    ("accepted", "Negative balance accepted"),
]


class CaeRuleTools:
    """What the Python code of salary rules may call, as ``cae``.

    ``cae.rate(code)``: value of the dated parameter ``code`` in force on the
    last day of the payslip's period, for the payslip's company.
    """

    def __init__(self, payslip):
        self.payslip = payslip

    def rate(self, code):
        return self.payslip._cae_parameter(code)


class HrPayslip(models.Model):
    """Payslips of salaried entrepreneurs, funded by their activity.

    On top of OCA payroll: the CESA structure's rules read their amounts
    from the French payroll engine (``tools/french_payroll.py``: every
    contribution, the general reduction, the tax withheld, to the cent);
    the hourly rate is checked against the minimum wage; each payslip is
    compared with what its activity can fund (``_cae_check_funding``), and
    one that it cannot fund waits for a staff decision before it can be
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
    cae_employee_total = fields.Monetary(
        string="Employee contributions",
        compute="_compute_cae_totals",
        store=True,
        currency_field="cae_currency_id",
    )
    cae_net_before_tax = fields.Monetary(
        string="Net pay before income tax",
        compute="_compute_cae_totals",
        store=True,
        currency_field="cae_currency_id",
    )
    cae_tax = fields.Monetary(
        string="Income tax withheld",
        compute="_compute_cae_totals",
        store=True,
        currency_field="cae_currency_id",
    )
    cae_net = fields.Monetary(
        string="Net pay",
        compute="_compute_cae_totals",
        store=True,
        currency_field="cae_currency_id",
    )
    cae_employer_total = fields.Monetary(
        string="Employer contributions",
        compute="_compute_cae_totals",
        store=True,
        currency_field="cae_currency_id",
        help="Before the general reduction.",
    )
    cae_reduction = fields.Monetary(
        string="General reduction",
        compute="_compute_cae_totals",
        store=True,
        currency_field="cae_currency_id",
        help="Reduction of employer contributions (RGDU) of the month, "
        "regularised on the year's cumulated figures.",
    )
    cae_employer_cost = fields.Monetary(
        string="Labour cost",
        compute="_compute_cae_totals",
        store=True,
        currency_field="cae_currency_id",
    )
    # Figures of the engine kept with the payslip (the year's cumulated
    # general reduction reads them on the next payslips).
    cae_taxable = fields.Monetary(
        string="Taxable net pay",
        readonly=True,
        copy=False,
        currency_field="cae_currency_id",
    )
    cae_net_social = fields.Monetary(
        string="Net social amount",
        readonly=True,
        copy=False,
        currency_field="cae_currency_id",
    )
    cae_tax_rate = fields.Float(
        string="Withholding rate (%)",
        readonly=True,
        copy=False,
        digits=(5, 2),
    )
    cae_pmss = fields.Monetary(
        string="Social security ceiling of the month",
        readonly=True,
        copy=False,
        currency_field="cae_currency_id",
    )
    cae_rgdu_smic = fields.Monetary(
        string="Minimum wage of the general reduction",
        readonly=True,
        copy=False,
        currency_field="cae_currency_id",
    )
    cae_rgdu_coefficient = fields.Float(
        string="Coefficient of the general reduction",
        readonly=True,
        copy=False,
        digits=(5, 4),
    )
    cae_headcount = fields.Integer(
        string="Headcount",
        readonly=True,
        copy=False,
        help="Headcount of the company used for the thresholds of 11 and 50.",
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
        help="Funded: the activity's available treasury covers the labour "
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
        help="Part of the labour cost the activity cannot fund.",
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
    @api.depends("line_ids.total", "line_ids.code", "line_ids.category_id")
    def _compute_cae_totals(self):
        for payslip in self:
            by_code, by_category = {}, {}
            for line in payslip.line_ids:
                by_code[line.code] = by_code.get(line.code, 0.0) + line.total
                category = line.category_id.code
                by_category[category] = by_category.get(category, 0.0) + line.total
            for field, (code, sign) in LINE_CODES.items():
                payslip[field] = sign * by_code.get(code, 0.0)
            for field, (code, sign) in CATEGORY_CODES.items():
                payslip[field] = sign * by_category.get(code, 0.0)

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
    # Salary rules and the French payroll engine
    # ------------------------------------------------------------------
    def _cae_parameter(self, code):
        """Parameter ``code`` on the last day of the period (cached)."""
        self.ensure_one()
        return self.env["cae.parameter"]._cae_cached_value(
            code, self.date_to, self.company_id
        )

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

    def _cae_engine_params(self):
        self.ensure_one()
        return self.env["cae.parameter"]._cae_payroll_params(
            self.company_id.id, self.date_to
        )

    def _cae_fixed_part(self):
        """``(amount, hours)`` of the fixed part of the period: the contract's
        monthly gross, prorated by working days (Monday to Friday) when the
        contract starts or ends during the month."""
        self.ensure_one()
        contract = self.contract_id
        currency = self.company_id.currency_id
        days = french_payroll.presence(self._cae_engine_case(gross=0.0))
        _calendar, worked, month_days, whole = days
        ratio = 1.0 if whole or not month_days else worked / month_days
        hours = contract.cae_monthly_hours * ratio
        return currency.round(contract.wage * ratio), hours

    def _cae_engine_case(self, gross=None, ytd=(0.0, 0.0, 0.0)):
        """The :class:`~..tools.french_payroll.Case` of this payslip."""
        self.ensure_one()
        contract = self.contract_id
        employee = self.employee_id
        if gross is None:
            fixed, _hours = self._cae_fixed_part()
            variable = sum(
                line.amount
                for line in self.input_line_ids
                if line.code == VARIABLE_INPUT
            )
            gross = self.company_id.currency_id.round(fixed + variable)
        tax_rate = None
        if employee.sudo().cae_pas_rate_type == "personal":
            tax_rate = employee.sudo().cae_pas_rate
        return french_payroll.Case(
            date_from=self.date_from,
            date_to=self.date_to,
            gross=gross,
            monthly_hours=contract.cae_monthly_hours,
            executive=contract.cae_is_executive,
            headcount=self.company_id.cae_payroll_headcount,
            contract_start=contract.date_start,
            contract_end=contract.date_end,
            ytd_base=ytd[0],
            ytd_smic=ytd[1],
            ytd_reduction=ytd[2],
            tax_rate=tax_rate,
            tax_zone=employee.sudo().cae_pas_zone or "metropole",
        )

    def _cae_engine_result(self, localdict=None):
        """The engine's result for this payslip (computed once per compute)."""
        self.ensure_one()
        if localdict is not None and "cae_engine_result" in localdict:
            return localdict["cae_engine_result"]
        ytd = self.env.cr.cache.get("cae_payroll_ytd", {}).get(self.id)
        if ytd is None:
            ytd = self._cae_ytd_figures().get(self.id, (0.0, 0.0, 0.0))
        params = self._cae_engine_params()
        try:
            result = french_payroll.compute(self._cae_engine_case(ytd=ytd), params)
        except KeyError as error:
            raise UserError(
                self.env._(
                    "The payroll parameter %(code)s has no value in force on "
                    "%(date)s (Cooperative > Configuration > Legal parameters).",
                    code=error.args[0],
                    date=format_date(self.env, self.date_to),
                )
            ) from error
        if localdict is not None:
            localdict["cae_engine_result"] = result
        self.env.cr.cache.setdefault(ENGINE_CACHE, {})[self.id] = result
        return result

    def _cae_engine_totals(self, result, localdict):
        """Amounts of the rules that are totals, by engine code (signed)."""
        fixed, _hours = self._cae_fixed_part()
        categories = localdict["categories"].dict
        return {
            "FIXED": fixed,
            "VARIABLE": self.company_id.currency_id.round(result.gross - fixed),
            "GROSS": result.gross,
            "NET_BEFORE_TAX": result.net_before_tax,
            "TAX": -result.tax,
            "NET": result.net_to_pay + categories.get("CAE_DED", 0.0),
            "REDUCTION": -result.reduction,
            "COST": result.cost,
        }

    def _cae_engine_line(self, rule, localdict):
        """Values of the payslip line of ``rule`` (amount type cae_engine).

        The amount is the line's total (quantity 1, rate 100 %); the base,
        rate and hours the payslip prints are ``cae_base``, ``cae_rate`` and
        ``cae_quantity``.
        """
        result = self._cae_engine_result(localdict)
        code = rule.cae_engine_code
        values = {
            "name": rule.name,  # in the payslip's language (_compute_rule)
            "quantity": 1.0,
            "rate": 100.0,
            "amount": 0.0,
            "cae_base": 0.0,
            "cae_rate": 0.0,
            "cae_quantity": 0.0,
        }
        if rule.cae_engine_side == "none":
            values["amount"] = self._cae_engine_totals(result, localdict)[code]
            if code == "FIXED" and self.contract_id.cae_wage_type == "hourly":
                _fixed, hours = self._cae_fixed_part()
                values.update(
                    cae_quantity=hours, cae_rate=self.contract_id.cae_hourly_rate
                )
            elif code == "TAX":
                values.update(cae_base=result.taxable, cae_rate=result.tax_rate)
            elif code == "REDUCTION":
                values.update(
                    cae_base=result.gross, cae_rate=result.coefficient * 100.0
                )
            return values
        item = result.item(code)
        if rule.cae_engine_side == "employee":
            values.update(
                amount=-item.employee, cae_base=item.base, cae_rate=item.employee_rate
            )
        else:
            values.update(
                amount=item.employer, cae_base=item.base, cae_rate=item.employer_rate
            )
        return values

    def _cae_engine_has_line(self, rule, localdict):
        result = self._cae_engine_result(localdict)
        code = rule.cae_engine_code
        if rule.cae_engine_side == "none":
            if code == "VARIABLE":
                return bool(self._cae_engine_totals(result, localdict)[code])
            if code == "REDUCTION":
                return bool(result.reduction)
            return True
        item = result.item(code)
        if not item:
            return False
        if rule.cae_engine_side == "employee":
            return bool(item.employee)
        return bool(item.employer)

    def _cae_ytd_figures(self):
        """``{payslip id: (base, smic, reduction)}``: the general reduction's
        figures of the confirmed payslips of the same employee and company
        earlier in the calendar year (credit notes deducted). One query."""
        payslips = self.filtered(lambda p: p.cae_is_cesa and p.date_from)
        if not payslips:
            return {}
        start = min(payslips.mapped("date_from")).replace(month=1, day=1)
        done = self.sudo().search_read(
            [
                ("employee_id", "in", payslips.employee_id.ids),
                ("company_id", "in", payslips.company_id.ids),
                ("cae_is_cesa", "=", True),
                ("state", "=", "done"),
                ("date_from", ">=", start),
                ("id", "not in", [i for i in payslips.ids if isinstance(i, int)]),
            ],
            [
                "employee_id",
                "company_id",
                "date_from",
                "date_to",
                "credit_note",
                "cae_gross",
                "cae_rgdu_smic",
                "cae_reduction",
            ],
            load=None,
        )
        figures = {}
        for payslip in payslips:
            base = smic = reduction = 0.0
            for row in done:
                if (
                    row["employee_id"] != payslip.employee_id.id
                    or row["company_id"] != payslip.company_id.id
                    or row["date_from"].year != payslip.date_from.year
                    or row["date_to"] >= payslip.date_from
                ):
                    continue
                sign = -1.0 if row["credit_note"] else 1.0
                base += sign * row["cae_gross"]
                smic += sign * row["cae_rgdu_smic"]
                reduction += sign * row["cae_reduction"]
            figures[payslip.id] = (base, smic, reduction)
        return figures

    def _cae_prepare_engine_vals(self, result):
        """Figures of the engine kept on the payslip."""
        return {
            "cae_taxable": result.taxable,
            "cae_net_social": result.net_social,
            "cae_tax_rate": result.tax_rate,
            "cae_pmss": result.pmss,
            "cae_rgdu_smic": result.smic,
            "cae_rgdu_coefficient": result.coefficient,
            "cae_headcount": result.case.headcount,
        }

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
        """CESA payslips: refused for an entrepreneur not employed during the
        period; the year's figures of the general reduction are read once
        for the whole batch; the engine's figures and the funding check are
        written in one go."""
        cesa = self.filtered("cae_is_cesa")
        cesa._cae_check_employed()
        cache = self.env.cr.cache
        outer = cache.get("cae_payroll_ytd")
        cache["cae_payroll_ytd"] = {**(outer or {}), **cesa._cae_ytd_figures()}
        results = cache.setdefault(ENGINE_CACHE, {})
        try:
            res = super().compute_sheet()
        finally:
            if outer is None:
                cache.pop("cae_payroll_ytd", None)
        cesa._cae_check_funding(
            {payslip.id: results.pop(payslip.id, None) for payslip in cesa}
        )
        return res

    def _cae_check_employed(self):
        """Refuse payslips of entrepreneurs who are not employed (CESA or
        associate stage) at any time of the payslip's period: exited, or
        under a CAPE only. Two queries."""
        if not self:
            return
        steps = (
            self.env["cae.path.step"]
            .sudo()
            .search(
                [
                    ("entrepreneur_id", "in", self.cae_entrepreneur_id.ids),
                    ("stage", "in", EMPLOYED_STAGES),
                    ("date_start", "<=", max(self.mapped("date_to"))),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", min(self.mapped("date_from"))),
                ]
            )
        )
        problems = []
        for payslip in self:
            employed = steps.filtered(
                lambda s, p=payslip: s.entrepreneur_id == p.cae_entrepreneur_id
                and s.date_start <= p.date_to
                and (not s.date_end or s.date_end >= p.date_from)
            )
            if not employed:
                problems.append(
                    self.env._(
                        "%(employee)s is not a salaried entrepreneur between "
                        "%(start)s and %(end)s (exited, or under a CAPE only): "
                        "no payslip can be computed or confirmed for this period.",
                        employee=payslip.employee_id.name,
                        start=format_date(self.env, payslip.date_from),
                        end=format_date(self.env, payslip.date_to),
                    )
                )
        if problems:
            raise UserError("\n".join(problems))

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
        cesa._cae_check_employed()
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
                    cae_payroll_merge_move_lines=True,
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

    def cae_job_confirm_ready(self, defer_post=False):
        """Recompute, then confirm and post those that need no decision.

        ``defer_post`` (the batch's jobs): their entries stay drafts, the
        batch's conclusion posts them (``hr.payslip.run._cae_job_finished``).

        :return: the payslips confirmed.
        """
        self.compute_sheet()
        ready = self.filtered(
            lambda s: s.cae_funding_state != "unfunded" and not s.cae_below_minimum_wage
        )
        ready.with_context(
            without_compute_sheet=True, cae_payroll_defer_post=defer_post
        ).action_payslip_done()
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

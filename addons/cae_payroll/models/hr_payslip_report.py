# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the payslip prints and exports: the PDF's sections, the net in
words, the year to date, the variables sent to a payroll provider."""

from odoo import api, models

from odoo.addons.cae_base.tools.amount_words import amount_in_words_fr

from ..tools import french_payroll


# One model split by responsibility, one file each (CONTRIBUTING.md).
# pylint: disable=consider-merging-classes-inherited
class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    def _cae_net_in_words(self):
        """Net to pay in French words, for the printed payslip."""
        self.ensure_one()
        return amount_in_words_fr(self.cae_net)

    def _cae_risk_labels(self):
        """Headings of the clarified payslip (arrêté du 25 février 2016)."""
        _ = self.env._
        return {
            french_payroll.HEALTH: _("Health"),
            french_payroll.WORK_ACCIDENT: _("Work accidents - Occupational diseases"),
            french_payroll.PENSION: _("Pension"),
            french_payroll.FAMILY: _("Family"),
            french_payroll.UNEMPLOYMENT: _("Unemployment insurance"),
            french_payroll.OTHER_EMPLOYER: _("Other contributions due by the employer"),
            french_payroll.CSG_DEDUCTIBLE: _("CSG deductible from income tax"),
            french_payroll.CSG_NON_DEDUCTIBLE: _(
                "CSG/CRDS not deductible from income tax"
            ),
            french_payroll.REDUCTIONS: _("Exemptions and reductions of contributions"),
        }

    def _cae_contribution_rows(self):
        """``{engine code: row}``, a row per contribution of the payslip,
        both shares on the same row: ``name``, ``risk``, ``base``,
        ``employee_rate``, ``employee``, ``employer_rate``, ``employer``
        (amounts positive when due)."""
        self.ensure_one()
        rows = {}
        for line in self.line_ids.sorted("sequence"):
            rule = line.salary_rule_id
            side = rule.cae_engine_side
            if side not in ("employee", "employer"):
                continue
            code = rule.cae_engine_code
            spec = french_payroll.CONTRIBUTIONS.get(code)
            row = rows.setdefault(
                code,
                {
                    "code": code,
                    "name": line.name,
                    "risk": spec[0] if spec else french_payroll.OTHER_EMPLOYER,
                    "base": line.cae_base,
                    "employee_rate": 0.0,
                    "employee": 0.0,
                    "employer_rate": 0.0,
                    "employer": 0.0,
                },
            )
            if side == "employee":
                row.update(employee_rate=line.cae_rate, employee=-line.total)
            else:
                row.update(employer_rate=line.cae_rate, employer=line.total)
        return rows

    def _cae_report_sections(self):
        """The clarified payslip, computed here and only shown by QWeb.

        ``[(heading, [row, ...])]`` in the order of the arrêté: the risks
        with their contributions, then the reductions of employer
        contributions. Rows as in :meth:`_cae_contribution_rows`.
        """
        self.ensure_one()
        # In the payslip's language, whoever prints it (t-lang translates
        # the template, not what Python computes).
        labels = self.with_context(lang=self._cae_report_lang())._cae_risk_labels()
        rows = self._cae_contribution_rows()
        sections = []
        for risk in french_payroll.RISKS:
            risk_rows = [row for row in rows.values() if row["risk"] == risk]
            if risk == french_payroll.REDUCTIONS:
                reduction = self.line_ids.filtered(lambda line: line.code == "CAE_RED")
                risk_rows = [
                    {
                        "code": "REDUCTION",
                        "name": line.name,
                        "risk": risk,
                        "base": line.cae_base,
                        "employee_rate": 0.0,
                        "employee": 0.0,
                        "employer_rate": 0.0,
                        "employer": line.total,
                    }
                    for line in reduction
                ]
            if risk_rows:
                sections.append((labels[risk], risk_rows))
        return sections

    def _cae_report_pay_lines(self):
        """Lines above the contributions: fixed part (hours × rate) and
        variable part."""
        self.ensure_one()
        return self.line_ids.filtered(
            lambda line: line.code in ("CAE_BASE", "CAE_VAR")
        ).sorted("sequence")

    def _cae_report_deductions(self):
        """Deductions from the net pay (share capital...)."""
        self.ensure_one()
        return self.line_ids.filtered(
            lambda line: line.category_id.code == "CAE_DED" and line.total
        ).sorted("sequence")

    def _cae_year_to_date(self):
        """Cumulated figures of the calendar year up to this payslip
        (confirmed payslips of the employee, this one included)."""
        self.ensure_one()
        fields_ = (
            "cae_gross",
            "cae_taxable",
            "cae_tax",
            "cae_net",
            "cae_employer_cost",
            "cae_reduction",
        )
        payslips = self.sudo().search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("company_id", "=", self.company_id.id),
                ("cae_is_cesa", "=", True),
                ("state", "=", "done"),
                ("date_from", ">=", self.date_from.replace(month=1, day=1)),
                ("date_to", "<", self.date_from),
                ("id", "!=", self.id),
            ]
        )
        totals = {}
        for field in fields_:
            total = self[field]
            for payslip in payslips:
                sign = -1.0 if payslip.credit_note else 1.0
                total += sign * payslip[field]
            totals[field] = total
        return totals

    @api.model
    def _cae_default_lang(self):
        """French when the database has it, else the user's language."""
        installed = dict(self.env["res.lang"].get_installed())
        return "fr_FR" if "fr_FR" in installed else self.env.lang

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
        """One dict per payslip: the figures an external provider needs.

        Every base and every contribution, both shares, under the keys
        ``<CODE>_base``, ``<CODE>_employee`` and ``<CODE>_employer``.
        """
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
            row = {
                "reference": entrepreneur.reference,
                "employee": payslip.employee_id.name,
                "activity_code": payslip.cae_activity_id.code,
                "activity": payslip.cae_activity_id.name,
                "contract": contract.name,
                "executive": contract.cae_is_executive,
                "date_from": payslip.date_from,
                "date_to": payslip.date_to,
                "wage_type": wage_types.get(contract.cae_wage_type),
                "hours": contract.cae_monthly_hours,
                "hourly_rate": payslip.cae_hourly_rate,
                "headcount": payslip.cae_headcount,
                "pmss": payslip.cae_pmss,
                "fixed": totals.get("CAE_BASE", 0.0),
                "variable": totals.get("CAE_VAR", 0.0),
                "gross": payslip.cae_gross,
                "employee_contributions": payslip.cae_employee_total,
                "net_before_tax": payslip.cae_net_before_tax,
                "taxable": payslip.cae_taxable,
                "tax_rate": payslip.cae_tax_rate,
                "tax": payslip.cae_tax,
                "deductions": -totals.get("CAE_DED", 0.0),
                "net": payslip.cae_net,
                "net_social": payslip.cae_net_social,
                "employer_contributions": payslip.cae_employer_total,
                "reduction_smic": payslip.cae_rgdu_smic,
                "reduction_coefficient": payslip.cae_rgdu_coefficient,
                "reduction": payslip.cae_reduction,
                "cost": payslip.cae_employer_cost,
                "funding": funding.get(payslip.cae_funding_state),
                "number": payslip.number,
                "state": states.get(payslip.state),
            }
            for code, contribution in payslip._cae_contribution_rows().items():
                row[f"{code}_name"] = contribution["name"]
                row[f"{code}_base"] = contribution["base"]
                row[f"{code}_employee"] = contribution["employee"]
                row[f"{code}_employer"] = contribution["employer"]
            rows.append(row)
        return rows

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._(
            "Payslip %(name)s %(period)s",
            name=self.employee_id.name,
            period=self.date_from.strftime("%Y-%m"),
        )

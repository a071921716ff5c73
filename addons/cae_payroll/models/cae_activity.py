# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import models

from ..tools import french_payroll


class CaeActivity(models.Model):
    _inherit = "cae.activity"

    def _get_forecast_salaries(self, months, date):
        """The planned salary of each entrepreneur of the activity: the
        gross pay of the running CESA contract at its real cost (the
        payroll engine: gross + employer contributions − general
        reduction), every month the contract covers and that has no payslip
        yet (a confirmed payslip is in the accounts already)."""
        result = super()._get_forecast_salaries(months, date)
        entrepreneurs = self.sudo().entrepreneur_ids
        contracts = entrepreneurs.cae_contract_ids.filtered(
            lambda c: c.state == "open" and c.cae_activity_id == self
        )
        if not contracts:
            return result
        payslips = set(
            self.env["hr.payslip"]
            .sudo()
            ._read_group(
                [
                    ("contract_id", "in", contracts.ids),
                    ("state", "!=", "cancel"),
                    ("date_from", ">=", months[0]),
                ],
                ["contract_id", "date_from:month"],
            )
        )
        company = self.company_id
        for month in months:
            last_day = month + relativedelta(months=1, days=-1)
            params = self.env["cae.parameter"]._cae_payroll_params(company.id, last_day)
            for contract in contracts:
                if (
                    contract.date_start > last_day
                    or (contract.date_end and contract.date_end < month)
                    or (contract, month) in payslips
                    or not contract.wage
                ):
                    continue
                case = contract.cae_entrepreneur_id._cae_salary_case(
                    last_day, gross=contract.wage
                )
                cost = french_payroll.compute(case, params).cost
                result[month] = result.get(month, 0.0) - cost
        return result

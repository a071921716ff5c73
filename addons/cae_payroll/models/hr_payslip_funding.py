# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The payslip funded by its activity: what the activity can pay, the
negative balance accepted with a reason, the variable part reduced."""

from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError

from ..tools import french_payroll
from .hr_payslip import VARIABLE_INPUT


# One model split by responsibility, one file each (CONTRIBUTING.md).
# pylint: disable=consider-merging-classes-inherited
class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    def _cae_check_funding(self, results=None):
        """Compare each payslip's labour cost with what its activity can fund.

        Batch: one treasury reading per company and period for all the
        activities; payslips of one activity consume its treasury in turn
        (by id). A payslip whose negative balance was accepted stays
        accepted while its missing amount does not grow. ``results``: the
        engine's results by payslip id, whose figures are written with the
        funding in the same write.
        """
        results = results or {}
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
                vals = payslip._cae_prepare_funding_vals(fundable, missing)
                if results.get(payslip.id):
                    vals.update(payslip._cae_prepare_engine_vals(results[payslip.id]))
                payslip.write(vals)

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
        """Lower the variable part until the activity can fund the payslip.

        The largest gross whose labour cost fits in what the activity can
        fund is solved exactly by the payroll engine (same rules, same
        rounding), so one recomputation is enough.
        """
        for payslip in self:
            if payslip.cae_funding_state != "unfunded":
                continue
            currency = payslip.company_id.currency_id
            variable = payslip.input_line_ids.filtered(
                lambda line: line.code == VARIABLE_INPUT
            )
            amount = sum(variable.mapped("amount"))
            fixed, _hours = payslip._cae_fixed_part()
            ytd = payslip._cae_ytd_figures().get(payslip.id, (0.0, 0.0, 0.0))
            case = payslip._cae_engine_case(ytd=ytd)
            target = currency.round(
                payslip.cae_employer_cost - payslip.cae_missing_amount
            )
            gross = french_payroll.gross_from_cost(
                target, case, payslip._cae_engine_params()
            )
            new_amount = currency.round(gross - fixed)
            if currency.compare_amounts(new_amount, 0.0) < 0:
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
            variable[:1].amount = min(new_amount, amount)
            (variable - variable[:1]).amount = 0.0
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

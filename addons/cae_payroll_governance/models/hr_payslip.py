# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import groupby


class HrPayslip(models.Model):
    """Share capital released by salary deduction on CESA payslips.

    The amount due comes from the share register (cae_governance) when the
    payslip is computed; it is recorded as releases in the register only
    when the payslip is confirmed, under the payslip number, once.
    """

    _inherit = "hr.payslip"

    def _cae_capital_releases_due(self):
        """``{payslip id: amount}`` due by salary deduction, few queries.

        One call of the register per company and period (a monthly batch
        is one call). Payroll officers need no right on the register.
        """
        Associate = self.env["cae.associate"].sudo()
        due = {}
        payslips = self.filtered(lambda p: p.contract_id.cae_is_cesa)
        for (company, date_from, date_to), group in groupby(
            payslips, key=lambda p: (p.company_id, p.date_from, p.date_to)
        ):
            group = self.browse(p.id for p in group)
            partners = group.employee_id.work_contact_id
            amounts = Associate._get_salary_deductions(
                partners, date_from, date_to, company=company
            )
            for payslip in group:
                partner = payslip.employee_id.work_contact_id
                due[payslip.id] = amounts.get(partner.id, 0.0)
        return due

    def compute_sheet(self):
        due = self._cae_capital_releases_due()
        return super(
            HrPayslip, self.with_context(cae_capital_releases=tuple(due.items()))
        ).compute_sheet()

    def _get_baselocaldict(self, contracts):
        localdict = super()._get_baselocaldict(contracts)
        due = dict(self.env.context.get("cae_capital_releases") or ())
        if self.id not in due:
            due = self._cae_capital_releases_due()
        localdict["cae_capital_release"] = due.get(self.id, 0.0)
        return localdict

    def _cae_capital_deducted(self):
        """Amount deducted for shares on the payslip (positive)."""
        self.ensure_one()
        lines = self.line_ids.filtered(lambda line: line.code == "CAE_CAPITAL")
        return -sum(lines.mapped("total"))

    def action_payslip_done(self):
        res = super().action_payslip_done()
        Associate = self.env["cae.associate"].sudo()
        for payslip in self.filtered(lambda p: p.state == "done"):
            amount = payslip._cae_capital_deducted()
            if payslip.company_id.currency_id.compare_amounts(amount, 0.0) > 0:
                if not payslip.number:
                    # The number is the register's reference, against
                    # recording the same deduction twice.
                    raise UserError(
                        self.env._(
                            "The payslip %(name)s has no number: give its "
                            "company a payslip sequence before confirming it.",
                            name=payslip.name,
                        )
                    )
                releases = Associate._register_salary_deduction(
                    payslip.employee_id.work_contact_id,
                    amount,
                    payslip.date_to,
                    payslip.number,
                    company=payslip.company_id,
                )
                payslip._cae_charge_release_to_activity(releases)
        return res

    def _cae_charge_release_to_activity(self, releases):
        """Put the release's salaries-due line on the payslip's activity.

        The payslip's entry credits the full net to 421 on the activity's
        analytic account; the release debits 421 for the deduction. Without
        the activity on that debit, the activity's "salaries to pay" would
        keep the deducted amount and its budget would be short by it.
        """
        self.ensure_one()
        analytic = self.cae_activity_id.analytic_account_id
        lines = self.env["account.move.line"]
        for release in releases.sudo():
            salary_account = release._get_receipt_account()
            lines |= release.move_ids.line_ids.filtered(
                lambda line, account=salary_account: line.account_id == account
                and not line.analytic_distribution
            )
        if analytic and lines:
            lines.with_context(skip_account_move_synchronization=True).write(
                {"analytic_distribution": {str(analytic.id): 100}}
            )

    def _cae_registered_capital_releases(self):
        """Releases of the register recorded from these payslips."""
        numbers = [number for number in self.mapped("number") if number]
        if not numbers:
            return self.env["cae.share.operation"]
        return (
            self.env["cae.share.operation"]
            .sudo()
            .search(
                [
                    ("operation_type", "=", "release"),
                    ("payment_method", "=", "salary"),
                    ("reference", "in", numbers),
                    ("state", "=", "done"),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
        )

    def action_payslip_cancel(self):
        registered = self.filtered(
            lambda p: p.state == "done"
        )._cae_registered_capital_releases()
        if registered:
            raise UserError(
                self.env._(
                    "The share capital deducted on these payslips is already "
                    "recorded in the share register (%(references)s) and "
                    "cannot be undone: issue a refund payslip instead.",
                    references=", ".join(sorted(set(registered.mapped("reference")))),
                )
            )
        return super().action_payslip_cancel()

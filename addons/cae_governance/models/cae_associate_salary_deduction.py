# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang


class CaeAssociate(models.Model):
    """Hook for paying shares through salary deductions.

    This module does not depend on the payroll, and the payroll does not
    depend on it: a bridge module (``cae_payroll_governance``, auto-installed
    with both) calls the two methods below. The protocol, per payslip of an
    employee whose work contact is ``partner``:

    1. when the payslip is computed, a deduction rule asks
       ``env["cae.associate"]._get_salary_deductions(partner, date_from,
       date_to)[partner.id]`` and deducts that amount from the net pay;
    2. when the payslip is confirmed, the bridge records the deduction with
       ``_register_salary_deduction(partner, amount, date, reference)``: it
       registers releases (numbered in the register like any release) on
       the associate's oldest unpaid subscriptions. Pass
       ``payroll_posted=True`` if the payslip's own entry already credits the
       associates' called-capital account (4562) with the partner; otherwise
       the release entry moves the amount from the salaries account (421) to
       4562 itself.

    See readme/DEVELOP.md.
    """

    _inherit = "cae.associate"

    @api.model
    def _get_salary_deductions(self, partners, date_from, date_to, company=None):
        """What to deduct from the pay of each of ``partners`` for the period.

        For every associate paying by salary deduction: the monthly amount,
        raised to what the schedule makes due by ``date_to`` if more, and
        never more than what remains to pay on their subscriptions.

        :param partners: ``res.partner`` recordset (employees' work contacts)
        :param date_from: first day of the pay period (kept for the protocol:
            the amount does not depend on it today)
        :param date_to: last day of the pay period
        :param company: the payslip's company (default: current company)
        :return: ``{partner_id: amount}`` for every partner given, 0.0 when
            nothing is to be deducted
        """
        company = company or self.env.company
        result = dict.fromkeys(partners.ids, 0.0)
        associates = self.search(
            [
                ("partner_id", "in", partners.ids),
                ("company_id", "=", company.id),
                ("salary_deduction", "=", True),
            ]
        )
        if not associates:
            return result
        subscriptions = associates._get_unpaid_subscriptions()
        due_calls = self.env["cae.share.call"]._read_group(
            [
                ("subscription_id", "in", subscriptions.ids),
                ("due_date", "<=", date_to),
            ],
            ["subscription_id"],
            ["amount:sum"],
        )
        scheduled = {subscription: amount for subscription, amount in due_calls}
        for associate in associates:
            mine = subscriptions.filtered(lambda s, a=associate: s.associate_id == a)
            remaining = sum(mine.mapped("amount_remaining"))
            due = sum(max(scheduled.get(s, 0.0) - s.amount_paid, 0.0) for s in mine)
            amount = min(remaining, max(associate.salary_deduction_amount, due))
            result[associate.partner_id.id] = company.currency_id.round(amount)
        return result

    @api.model
    def _register_salary_deduction(
        self, partner, amount, date, reference, payroll_posted=False, company=None
    ):
        """Record ``amount`` deducted from ``partner``'s pay as releases.

        Idempotent on ``reference`` (the payslip number): calling it again for
        the same payslip returns the releases already registered.

        :return: the registered releases (``cae.share.operation``)
        """
        company = company or self.env.company
        Operation = self.env["cae.share.operation"]
        associate = self.search(
            [("partner_id", "=", partner.id), ("company_id", "=", company.id)],
            limit=1,
        )
        if not associate:
            raise UserError(
                self.env._(
                    "%(name)s is not an associate of %(company)s: nothing to "
                    "deduct from their salary for shares.",
                    name=partner.name,
                    company=company.name,
                )
            )
        existing = Operation.search(
            [
                ("associate_id", "=", associate.id),
                ("operation_type", "=", "release"),
                ("payment_method", "=", "salary"),
                ("reference", "=", reference),
                ("state", "=", "done"),
            ]
        )
        if existing:
            return existing
        currency = company.currency_id
        subscriptions = associate._get_unpaid_subscriptions()
        remaining = sum(subscriptions.mapped("amount_remaining"))
        if currency.compare_amounts(amount, 0.0) <= 0 or (
            currency.compare_amounts(amount, remaining) > 0
        ):
            raise UserError(
                self.env._(
                    "A salary deduction of %(amount)s for %(name)s must be "
                    "positive and at most what remains to pay on their shares "
                    "(%(remaining)s).",
                    amount=formatLang(self.env, amount, currency_obj=currency),
                    name=partner.name,
                    remaining=formatLang(self.env, remaining, currency_obj=currency),
                )
            )
        vals_list = []
        left = amount
        for subscription in subscriptions:
            part = currency.round(min(left, subscription.amount_remaining))
            if part <= 0:
                break
            vals_list.append(
                {
                    "operation_type": "release",
                    "subscription_id": subscription.id,
                    "associate_id": associate.id,
                    "company_id": company.id,
                    "date": date,
                    "amount": part,
                    "payment_method": "salary",
                    "reference": reference,
                    "payroll_posted": payroll_posted,
                }
            )
            left = currency.round(left - part)
        releases = Operation.create(vals_list)
        releases.action_validate()
        return releases

    def _get_unpaid_subscriptions(self):
        """Registered subscriptions of these associates not fully paid, oldest
        first."""
        return self.env["cae.share.operation"].search(
            [
                ("associate_id", "in", self.ids),
                ("operation_type", "=", "subscription"),
                ("state", "=", "done"),
                ("payment_state", "!=", "paid"),
            ],
            order="date, number",
        )

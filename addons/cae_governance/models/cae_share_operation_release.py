# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PAYMENT_METHODS = [
    ("bank", "Bank or cash"),
    ("salary", "Salary deduction"),
]


# One model, one register: each kind of operation lives in its own file.
# pylint: disable=consider-merging-classes-inherited
class CaeShareOperation(models.Model):
    """Releases: payments of subscribed capital.

    A release pays part or all of what remains due on one subscription.
    Paying more than what is called calls the next instalments early (the
    associate may always pay ahead of the schedule), never more than the
    subscription's remaining amount.
    """

    _inherit = "cae.share.operation"

    subscription_id = fields.Many2one(
        comodel_name="cae.share.operation",
        string="Subscription",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        domain="[('operation_type', '=', 'subscription'), ('state', '=', 'done'), "
        "('associate_id', '=', associate_id), ('payment_state', '!=', 'paid')]",
    )
    payment_method = fields.Selection(
        selection=PAYMENT_METHODS,
        default="bank",
    )
    reference = fields.Char(
        help="Bank reference, or the payslip a salary deduction comes from.",
    )
    payroll_posted = fields.Boolean(
        string="Entry posted by the payroll",
        readonly=True,
        help="The payslip's journal entry already credits the associate's "
        "called capital: only the capital accounts are moved here.",
    )

    @api.constrains("amount", "subscription_id", "state")
    def _check_release_amount(self):
        for release in self.filtered(
            lambda o: o.operation_type == "release" and o.state == "draft"
        ):
            subscription = release.subscription_id
            if (
                subscription
                and release.currency_id.compare_amounts(
                    release.amount, subscription.amount_remaining
                )
                > 0
            ):
                raise ValidationError(release._release_too_high_message())

    def _release_too_high_message(self):
        return self.env._(
            "The release of %(amount)s exceeds what remains to be paid on "
            "%(subscription)s: %(remaining)s.",
            amount=self._format_amount(self.amount),
            subscription=self.subscription_id.display_name,
            remaining=self._format_amount(self.subscription_id.amount_remaining),
        )

    def action_new_release(self):
        """Open a release of this subscription for what is called."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_governance.cae_share_release_action"
        )
        action.update(
            view_mode="form",
            views=[(False, "form")],
            context={
                "default_operation_type": "release",
                "default_subscription_id": self.id,
                "default_associate_id": self.associate_id.id,
                "default_company_id": self.company_id.id,
                "default_amount": self.amount_due or self.amount_remaining,
                "default_payment_journal_id": self.payment_journal_id.id,
            },
        )
        return action

    def _check_release(self):
        _ = self.env._
        subscription = self.subscription_id
        if (
            not subscription
            or subscription.operation_type != "subscription"
            or subscription.state != "done"
            or subscription.associate_id != self.associate_id
        ):
            raise UserError(
                _("A release pays a registered subscription of the same associate.")
            )
        if self.date < subscription.date:
            raise UserError(
                _(
                    "A release cannot be dated before its subscription (%(date)s).",
                    date=fields.Date.to_string(subscription.date),
                )
            )
        if (
            self.currency_id.compare_amounts(self.amount, subscription.amount_remaining)
            > 0
        ):
            raise UserError(self._release_too_high_message())
        if (
            self.payment_method == "bank"
            and self._uses_accounting()
            and not self.payment_journal_id
        ):
            raise UserError(_("Choose the bank or cash journal of the payment."))
        self._check_accounting(
            [
                "cae_associate_subscribed_account_id",
                "cae_associate_called_account_id",
                "cae_capital_uncalled_account_id",
                "cae_capital_called_account_id",
                "cae_capital_paid_account_id",
            ]
            + (
                ["cae_salary_deduction_account_id"]
                if self.payment_method == "salary"
                else []
            )
        )

    def _do_release(self, register):
        subscription = self.subscription_id
        # What is paid must have been called: paying ahead calls early.
        subscription._call_up_to(subscription.amount_paid, self.date)
        self.env["cae.share.line"].create(
            self._prepare_line_vals(self.associate_id, 0, 0.0, self.amount)
        )
        self._post_release_move()

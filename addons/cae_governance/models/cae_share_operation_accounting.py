# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, models
from odoo.exceptions import UserError


# One model, one register: each kind of operation lives in its own file.
# pylint: disable=consider-merging-classes-inherited
class CaeShareOperation(models.Model):
    """Journal entries of the share capital (French PCG flow).

    ====================  ===========================  ===========================
    event                 debit                        credit
    ====================  ===========================  ===========================
    subscription          4561 associate (subscribed)  1011 uncalled
    call                  4562 associate (called)      4561 associate
                          1011 uncalled                1012 called, unpaid
    release (bank)        outstanding receipts         4562 associate
                          1012 called, unpaid          1013 called, paid
    release (salary)      421 salaries due             4562 associate
                          1012                         1013
    withdrawal            1013                         4567 associate (to
                                                       reimburse), 119 losses
    reimbursement         4567 associate               outstanding payments
    ====================  ===========================  ===========================

    Accounts come from the company settings, else from the French chart. The
    associate is the partner of the associate lines. Every entry is posted
    in the capital journal and linked to its operation.
    """

    _inherit = "cae.share.operation"

    def _uses_accounting(self):
        self.ensure_one()
        return self.company_id.cae_capital_accounting

    def _capital_account(self, field_name):
        """The company's account of ``field_name`` (read once per batch)."""
        memo = self.env.context.get("cae_register_memo")
        if memo is None:
            return self.company_id._get_cae_capital_account(field_name)
        key = (self.company_id.id, field_name)
        if key not in memo["accounts"]:
            memo["accounts"][key] = self.company_id._get_cae_capital_account(field_name)
        return memo["accounts"][key]

    def _capital_journal(self):
        """The company's capital journal (read once per batch)."""
        memo = self.env.context.get("cae_register_memo")
        if memo is None:
            return self.company_id._get_cae_capital_journal()
        key = (self.company_id.id, "journal")
        if key not in memo["accounts"]:
            memo["accounts"][key] = self.company_id._get_cae_capital_journal()
        return memo["accounts"][key]

    def _check_accounting(self, field_names):
        """Fail before anything is written when an account is missing."""
        self.ensure_one()
        if self._uses_accounting():
            self._capital_journal()
            for field_name in field_names:
                self._capital_account(field_name)

    def _post_move(self, label, lines, date=None, calls=None):
        """Create and post an entry of this operation (linked to ``calls``
        when it calls capital).

        Within :meth:`action_validate` the entry is only prepared: all the
        entries of the validation are created and posted together at its
        end (see :meth:`_post_pending_moves`), much faster for a batch.

        :param lines: ``[(account, debit, credit, with_partner)]``
        """
        vals = self._prepare_move_vals(label, lines, date)
        pending = self.env.context.get("cae_pending_moves")
        if pending is not None:
            pending.append((vals, calls))
            return self.env["account.move"]
        return self._post_pending_moves([(vals, calls)])

    @api.model
    def _post_pending_moves(self, pending):
        vals_list = [vals for vals, _calls in pending]
        self._skip_analytic_models(vals_list)
        moves = self.env["account.move"].create(vals_list)
        moves.action_post()
        for (_vals, calls), move in zip(pending, moves, strict=True):
            if calls:
                calls.move_id = move
        return moves

    @api.model
    def _skip_analytic_models(self, vals_list):
        """No analytic distribution model in the companies of the entries:
        say so on their lines, so that Odoo does not look for one per line
        (one query per journal item, half the queries of a batch).
        The entries are exactly the same."""
        company_ids = {vals["company_id"] for vals in vals_list}
        if not company_ids or self.env[
            "account.analytic.distribution.model"
        ].sudo().search_count([("company_id", "in", [*company_ids, False])], limit=1):
            return
        for vals in vals_list:
            for command in vals["line_ids"]:
                command[2].setdefault("analytic_distribution", False)

    def _prepare_move_vals(self, label, lines, date=None):
        self.ensure_one()
        partner = self.partner_id
        journal = self._capital_journal()
        MoveLine = self.env["account.move.line"]
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "company_id": self.company_id.id,
            "date": date or self.date,
            "ref": label,
            "cae_share_operation_id": self.id,
            "line_ids": [
                Command.create(
                    MoveLine._cae_misc_line_vals(
                        journal,
                        label,
                        account,
                        debit=debit,
                        credit=credit,
                        partner_id=partner.id if with_partner else False,
                    )
                )
                for account, debit, credit, with_partner in lines
                if debit or credit
            ],
        }

    def _label(self, what):
        self.ensure_one()
        return self.env._(
            "%(what)s %(number)s - %(associate)s",
            what=what,
            number=self.name,
            associate=self.associate_id.name,
        )

    def _post_subscription_move(self):
        if not self._uses_accounting():
            return self.env["account.move"]
        amount = self.amount
        return self._post_move(
            self._label(self.env._("Subscription")),
            [
                (
                    self._capital_account("cae_associate_subscribed_account_id"),
                    amount,
                    0.0,
                    True,
                ),
                (
                    self._capital_account("cae_capital_uncalled_account_id"),
                    0.0,
                    amount,
                    False,
                ),
            ],
        )

    def _post_call_move(self, calls, date):
        """Call the capital of ``calls`` of this subscription on ``date``."""
        amount = sum(calls.mapped("amount"))
        if not self._uses_accounting() or not amount:
            return self.env["account.move"]
        return self._post_move(*self._prepare_call_move_args(amount, date), calls=calls)

    def _prepare_call_move_args(self, amount, date):
        account = self._capital_account
        return (
            self._label(self.env._("Call of capital")),
            [
                (account("cae_associate_called_account_id"), amount, 0.0, True),
                (account("cae_associate_subscribed_account_id"), 0.0, amount, True),
                (account("cae_capital_uncalled_account_id"), amount, 0.0, False),
                (account("cae_capital_called_account_id"), 0.0, amount, False),
            ],
            date,
        )

    def _get_receipt_account(self):
        """Account debited by a release: what the money comes through."""
        self.ensure_one()
        if self.payment_method == "salary":
            return self._capital_account("cae_salary_deduction_account_id")
        return self._get_journal_payment_account(self.payment_journal_id, "inbound")

    def _get_journal_payment_account(self, journal, direction):
        """The outstanding receipts (or payments) account of a bank journal,
        so that the bank statement line is matched against our entry."""
        if not journal:
            raise UserError(
                self.env._("Choose the bank or cash journal of the payment.")
            )
        memo = self.env.context.get("cae_register_memo")
        if memo is not None:
            # Read once per batch (the chart's default costs a dozen queries).
            key = (journal.id, direction)
            if key not in memo["accounts"]:
                memo["accounts"][key] = self.with_context(
                    cae_register_memo=None
                )._get_journal_payment_account(journal, direction)
            return memo["accounts"][key]
        method_lines = (
            journal.inbound_payment_method_line_ids
            if direction == "inbound"
            else journal.outbound_payment_method_line_ids
        )
        xmlid = (
            "account_journal_payment_debit_account_id"
            if direction == "inbound"
            else "account_journal_payment_credit_account_id"
        )
        return (
            method_lines.payment_account_id[:1]
            or self.env["account.chart.template"]
            .with_company(journal.company_id)
            .ref(xmlid, raise_if_not_found=False)
            or journal.default_account_id
        )

    def _post_release_move(self):
        if not self._uses_accounting():
            return self.env["account.move"]
        amount = self.amount
        account = self._capital_account
        lines = [
            (account("cae_capital_called_account_id"), amount, 0.0, False),
            (account("cae_capital_paid_account_id"), 0.0, amount, False),
        ]
        if not self.payroll_posted:
            lines = [
                (self._get_receipt_account(), amount, 0.0, True),
                (account("cae_associate_called_account_id"), 0.0, amount, True),
                *lines,
            ]
        return self._post_move(self._label(self.env._("Release")), lines)

    def _post_withdrawal_move(self):
        if not self._uses_accounting():
            return self.env["account.move"]
        account = self._capital_account
        return self._post_move(
            self._label(self.env._("Withdrawal")),
            [
                (account("cae_capital_paid_account_id"), self.amount, 0.0, False),
                (
                    account("cae_associate_reimburse_account_id"),
                    0.0,
                    self.amount_reimbursable,
                    True,
                ),
                (
                    account("cae_capital_loss_account_id"),
                    0.0,
                    self.amount - self.amount_reimbursable,
                    False,
                ),
            ],
        )

    def _post_reimbursement_move(self):
        if not self._uses_accounting():
            return self.env["account.move"]
        amount = self.amount_reimbursable
        return self._post_move(
            self._label(self.env._("Reimbursement")),
            [
                (
                    self._capital_account("cae_associate_reimburse_account_id"),
                    amount,
                    0.0,
                    True,
                ),
                (
                    self._get_journal_payment_account(
                        self.reimbursement_journal_id, "outbound"
                    ),
                    0.0,
                    amount,
                    True,
                ),
            ],
            date=self.reimbursement_date,
        )

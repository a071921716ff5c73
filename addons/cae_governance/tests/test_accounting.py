# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import CaeGovernanceCommon


@freeze_time("2026-06-30")
class TestAccounting(CaeGovernanceCommon):
    def _lines(self, move):
        return sorted(
            (
                line.account_id.code,
                line.debit,
                line.credit,
                line.partner_id.name or "",
            )
            for line in move.line_ids
        )

    def _assert_balanced(self, moves):
        for move in moves:
            self.assertEqual(move.state, "posted")
            self.assertAlmostEqual(
                sum(move.line_ids.mapped("debit")),
                sum(move.line_ids.mapped("credit")),
            )

    def test_subscription_call_release(self):
        """10 shares of 25.00, 62.50 paid at subscription by bank."""
        subscription = self._subscribe(self.assoc_alice, 10, date(2025, 1, 15))
        release = subscription.release_ids
        moves = subscription.move_ids.sorted("id")
        self.assertEqual(len(moves), 2)
        self._assert_balanced(moves | release.move_ids)
        self.assertEqual(moves.journal_id.type, "general")
        self.assertEqual(
            self._lines(moves[0]),
            [("101100", 0.0, 250.0, ""), ("456150", 250.0, 0.0, "Alice Test")],
        )
        self.assertEqual(
            self._lines(moves[1]),
            [
                ("101100", 62.5, 0.0, ""),
                ("101200", 0.0, 62.5, ""),
                ("456150", 0.0, 62.5, "Alice Test"),
                ("456250", 62.5, 0.0, "Alice Test"),
            ],
        )
        outstanding = release._get_journal_payment_account(self.bank, "inbound")
        self.assertEqual(
            self._lines(release.move_ids),
            sorted(
                [
                    ("101200", 62.5, 0.0, ""),
                    ("101300", 0.0, 62.5, ""),
                    ("456250", 0.0, 62.5, "Alice Test"),
                    (outstanding.code, 62.5, 0.0, "Alice Test"),
                ]
            ),
        )
        # What the books say: 187.50 subscribed and uncalled, 62.50 paid.
        self.assertEqual(
            self._balances(subscription | release),
            {
                "101100": -187.5,
                "101300": -62.5,
                "456150": 187.5,
                outstanding.code: 62.5,
            },
        )

    def test_salary_release(self):
        """50.00 deducted from Alice's pay, nothing called yet: the release
        calls 50.00 early and moves it from salaries due (421) to capital."""
        subscription = self._subscribe(self.assoc_alice, 10, date(2025, 1, 15))
        release = self._release(
            subscription,
            50.0,
            date(2025, 6, 30),
            payment_method="salary",
            reference="SLIP/2025/06",
        )
        release.action_validate()
        self._assert_balanced(release.move_ids | subscription.move_ids)
        self.assertEqual(
            self._lines(release.move_ids),
            [
                ("101200", 50.0, 0.0, ""),
                ("101300", 0.0, 50.0, ""),
                ("421000", 50.0, 0.0, "Alice Test"),
                ("456250", 0.0, 50.0, "Alice Test"),
            ],
        )
        early_call = subscription.move_ids.sorted("id")[-1]
        self.assertEqual(early_call.date, date(2025, 6, 30))
        self.assertEqual(
            self._lines(early_call),
            [
                ("101100", 50.0, 0.0, ""),
                ("101200", 0.0, 50.0, ""),
                ("456150", 0.0, 50.0, "Alice Test"),
                ("456250", 50.0, 0.0, "Alice Test"),
            ],
        )

    def test_withdrawal_with_losses_and_reimbursement(self):
        """2 shares of 100.00 withdrawn with 10.00 of losses each: capital
        -200.00, 180.00 owed to the associate, 20.00 absorbs losses."""
        self._subscribe(
            self.assoc_martin, 5, date(2025, 1, 15), self.class_b, initial_payment=500
        )
        self.company.cae_reimbursement_delay_months = 12
        withdrawal = self._operation(
            "withdrawal",
            self.assoc_martin,
            2,
            date(2026, 1, 10),
            self.class_b,
            loss_per_share=10.0,
        )
        withdrawal.action_validate()
        self.assertRecordValues(
            withdrawal,
            [
                {
                    "state": "to_reimburse",
                    "amount": 200.0,
                    "amount_reimbursable": 180.0,
                    "reimbursement_due_date": date(2027, 1, 10),
                }
            ],
        )
        self._assert_balanced(withdrawal.move_ids)
        self.assertEqual(
            self._lines(withdrawal.move_ids),
            [
                ("101300", 200.0, 0.0, ""),
                ("119000", 0.0, 20.0, ""),
                ("456700", 0.0, 180.0, "Martin Externe"),
            ],
        )
        with self.assertRaises(UserError):
            withdrawal.action_reimburse()  # no journal
        self.assertEqual(withdrawal.state, "to_reimburse")
        withdrawal.write(
            {
                "reimbursement_journal_id": self.bank.id,
                "reimbursement_date": date(2026, 2, 1),
            }
        )
        # Before the delay of the statutes: a manager's decision first.
        with self.assertRaises(UserError):
            withdrawal.action_reimburse()
        withdrawal.with_user(self.manager)._decide_early_reimbursement(
            "Départ de l'associé à l'étranger"
        )
        withdrawal.action_reimburse()
        self.assertEqual(withdrawal.state, "done")
        reimbursement = withdrawal.move_ids.sorted("id")[-1]
        self._assert_balanced(reimbursement)
        outstanding = withdrawal._get_journal_payment_account(self.bank, "outbound")
        self.assertEqual(reimbursement.date, date(2026, 2, 1))
        self.assertEqual(
            self._lines(reimbursement),
            sorted(
                [
                    ("456700", 180.0, 0.0, "Martin Externe"),
                    (outstanding.code, 0.0, 180.0, "Martin Externe"),
                ]
            ),
        )
        self.assertEqual(self.assoc_martin.amount_subscribed, 300.0)

    def test_accounts_from_settings(self):
        other = self.env["account.account"].create(
            {
                "name": "Associés - capital appelé (sous-compte)",
                "code": "456251",
                "account_type": "asset_current",
                "reconcile": True,
                "company_ids": [self.company.id],
            }
        )
        self.company.cae_associate_called_account_id = other
        subscription = self._subscribe(self.assoc_alice, 4, date(2025, 1, 15))
        self.assertIn(
            "456251",
            subscription.release_ids.move_ids.line_ids.account_id.mapped("code"),
        )

    def test_register_without_accounting(self):
        self.company.cae_capital_accounting = False
        subscription = self._subscribe(self.assoc_alice, 4, date(2025, 1, 15))
        self.assertEqual(subscription.state, "done")
        self.assertFalse((subscription | subscription.release_ids).move_ids)

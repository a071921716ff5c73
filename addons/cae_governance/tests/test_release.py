# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import CaeGovernanceCommon


@freeze_time("2026-06-30")
class TestRelease(CaeGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 10 shares of 25.00 = 250.00: 62.50 paid on 2025-01-15, then 62.50
        # on 2026-01-15, 2027-01-15 and 2028-01-15.
        cls.subscription = cls._subscribe(
            cls.assoc_alice, 10, date(2025, 1, 15), call_count=3
        )

    def _calls(self):
        return [
            (c.due_date, c.amount, c.state, c.amount_paid, c.payment_state)
            for c in self.subscription.call_ids
        ]

    def test_call_falls_due(self):
        self.Operation.cron_call_due_capital()
        self.assertEqual(
            self._calls(),
            [
                (date(2025, 1, 15), 62.5, "called", 62.5, "paid"),
                (date(2026, 1, 15), 62.5, "called", 0.0, "not_paid"),
                (date(2027, 1, 15), 62.5, "planned", 0.0, "not_paid"),
                (date(2028, 1, 15), 62.5, "planned", 0.0, "not_paid"),
            ],
        )
        call = self.subscription.call_ids[1]
        self.assertEqual(call.call_date, date(2026, 1, 15))
        self.assertTrue(call.is_overdue)
        self.assertEqual(self.subscription.amount_due, 62.5)
        self.assertEqual(self.assoc_alice.amount_due, 62.5)

    def test_release_pays_the_call(self):
        self.Operation.cron_call_due_capital()
        release = self._release(self.subscription, 62.5, date(2026, 2, 1))
        release.action_validate()
        self.assertEqual(release.number, 3)
        self.assertRecordValues(
            self.subscription,
            [
                {
                    "amount_called": 125.0,
                    "amount_paid": 125.0,
                    "amount_due": 0.0,
                    "amount_remaining": 125.0,
                    "payment_state": "partial",
                }
            ],
        )
        self.assertEqual(self.assoc_alice.amount_paid, 125.0)
        self.assertEqual(
            [c[4] for c in self._calls()], ["paid", "paid", "not_paid", "not_paid"]
        )

    def test_paying_ahead_calls_early(self):
        """100.00 paid on 2026-03-01 while nothing is due: the 2026 and 2027
        calls (62.50) are called now, and 37.50 of the 2028 one, split."""
        self.Operation.cron_call_due_capital()
        self._release(self.subscription, 62.5, date(2026, 2, 1)).action_validate()
        self._release(self.subscription, 100.0, date(2026, 3, 1)).action_validate()
        self.assertEqual(
            self._calls(),
            [
                (date(2025, 1, 15), 62.5, "called", 62.5, "paid"),
                (date(2026, 1, 15), 62.5, "called", 62.5, "paid"),
                (date(2027, 1, 15), 62.5, "called", 62.5, "paid"),
                (date(2028, 1, 15), 25.0, "planned", 0.0, "not_paid"),
                (date(2028, 1, 15), 37.5, "called", 37.5, "paid"),
            ],
        )
        self.assertEqual(self.subscription.amount_called, 225.0)
        self.assertEqual(self.subscription.amount_remaining, 25.0)
        # Paying the rest settles the subscription.
        self._release(self.subscription, 25.0, date(2026, 4, 1)).action_validate()
        self.assertEqual(self.subscription.payment_state, "paid")
        self.assertEqual(self.assoc_alice.amount_unpaid, 0.0)
        self.assertEqual(
            set(self.subscription.call_ids.mapped("payment_state")), {"paid"}
        )

    def test_release_above_remaining_refused_at_once(self):
        """187.51 on 187.50 still to pay: refused, nothing created."""
        count = self.Operation.search_count([("operation_type", "=", "release")])
        with self.assertRaises(ValidationError) as error:
            self._release(self.subscription, 187.51, date(2026, 2, 1))
        self.assertIn(self._fmt(187.51), str(error.exception))
        self.assertIn(self._fmt(187.5), str(error.exception))
        self.assertEqual(
            self.Operation.search_count([("operation_type", "=", "release")]), count
        )

    def test_two_drafts_above_remaining(self):
        """Two drafts fit one by one, not together: the register keeps
        neither (the validation is one transaction)."""
        first = self._release(self.subscription, 150.0, date(2026, 2, 1))
        second = self._release(self.subscription, 50.0, date(2026, 2, 2))
        with self.assertRaises(UserError):
            (first | second).action_validate()
        self.assertEqual((first | second).mapped("state"), ["draft", "draft"])
        self.assertFalse((first | second).mapped("number")[0])
        self.assertEqual(self.subscription.amount_paid, 62.5)

    def test_release_before_subscription(self):
        release = self._release(self.subscription, 10.0, date(2025, 1, 1))
        with self.assertRaises(UserError):
            release.action_validate()
        self.assertEqual(release.state, "draft")

    def test_registered_schedule_is_frozen(self):
        with self.assertRaises(UserError):
            self.subscription.call_ids[1].amount = 10.0
        with self.assertRaises(UserError):
            self.subscription.call_ids[1].unlink()

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from .common import CaeGovernanceCommon


@freeze_time("2026-06-30")
class TestSubscription(CaeGovernanceCommon):
    def _schedule(self, subscription):
        return [(c.due_date, c.amount) for c in subscription.call_ids]

    def test_schedule_proposed(self):
        """10 shares of 25.00: 62.50 at subscription, the rest in calls."""
        subscription = self._subscription(self.assoc_alice, 10, date(2025, 1, 15))
        self.assertEqual(subscription.amount, 250.0)
        self.assertEqual(subscription.min_initial_payment, 62.5)
        self.assertEqual(subscription.initial_payment, 62.5)
        self.assertEqual(
            self._schedule(subscription),
            [(date(2025, 1, 15), 62.5), (date(2026, 1, 15), 187.5)],
        )
        subscription.write({"call_count": 3})
        self.assertEqual(
            self._schedule(subscription),
            [
                (date(2025, 1, 15), 62.5),
                (date(2026, 1, 15), 62.5),
                (date(2027, 1, 15), 62.5),
                (date(2028, 1, 15), 62.5),
            ],
        )

    def test_quarter_rounded_up_per_share(self):
        """7 shares of 15.25 = 106.75: a quarter is 26.6875, asked 26.69; the
        rest 80.06 in three calls 26.69 + 26.69 + 26.68."""
        share_class = self.ShareClass.create(
            {
                "name": "Parts C",
                "code": "C",
                "company_id": self.company.id,
                "nominal_value": 15.25,
                "min_shares": 1,
            }
        )
        subscription = self._subscription(
            self.assoc_alice, 7, date(2025, 1, 15), share_class, call_count=3
        )
        self.assertEqual(subscription.amount, 106.75)
        self.assertEqual(subscription.min_initial_payment, 26.69)
        self.assertEqual(
            [amount for _due, amount in self._schedule(subscription)],
            [26.69, 26.69, 26.69, 26.68],
        )

    def test_register_subscription(self):
        subscription = self._subscribe(self.assoc_alice, 10, date(2025, 1, 15))
        release = subscription.release_ids
        self.assertRecordValues(
            subscription,
            [
                {
                    "state": "done",
                    "number": 1,
                    "name": "00001",
                    "amount_called": 62.5,
                    "amount_paid": 62.5,
                    "amount_due": 0.0,
                    "amount_remaining": 187.5,
                    "payment_state": "partial",
                }
            ],
        )
        self.assertRecordValues(
            release,
            [
                {
                    "number": 2,
                    "state": "done",
                    "amount": 62.5,
                    "date": date(2025, 1, 15),
                    "payment_method": "bank",
                }
            ],
        )
        self.assertEqual(subscription.call_ids.mapped("state"), ["called", "planned"])
        # The chatter gives the date as the user reads dates, not ISO.
        chatter = "".join(subscription.message_ids.mapped("body"))
        when = format_date(self.env, date(2025, 1, 15))
        self.assertIn(f"Registered under number 00001 on {when}.", chatter)
        self.assertNotIn("2025-01-15", chatter)
        self.assertRecordValues(
            self.assoc_alice,
            [
                {
                    "number": 1,
                    "state": "associate",
                    "admission_date": date(2025, 1, 15),
                    "share_count": 10,
                    "amount_subscribed": 250.0,
                    "amount_paid": 62.5,
                    "amount_unpaid": 187.5,
                    "amount_due": 0.0,
                }
            ],
        )

    def test_entrepreneur_becomes_associate(self):
        """Alice (CESA) becomes an associate on her subscription date, which
        meets her L7331-3 deadline."""
        self.assertEqual(self.alice.stage, "cesa")
        self._subscribe(self.assoc_alice, 4, date(2025, 3, 10))
        self.assertEqual(self.alice.stage, "associate")
        self.assertEqual(self.alice.associate_date, date(2025, 3, 10))
        self.assertTrue(self.alice.associate_deadline_met)
        # A second subscription does not move the path again.
        self._subscribe(self.assoc_alice, 4, date(2025, 4, 10))
        self.assertEqual(
            self.alice.path_step_ids.mapped("stage"),
            ["candidate", "cape", "cesa", "associate"],
        )

    def _assert_nothing_written(self, subscription, register_next=1):
        self.assertEqual(subscription.state, "draft")
        self.assertFalse(subscription.number)
        self.assertFalse(subscription.line_ids)
        self.assertFalse(subscription.move_ids)
        self.assertFalse(subscription.release_ids)
        self.assertEqual(
            self.env["cae.share.register"]._get_for_company(self.company).next_number,
            register_next,
        )

    def test_quarter_paid_at_subscription(self):
        subscription = self._subscription(
            self.assoc_alice, 10, date(2025, 1, 15), initial_payment=62.49
        )
        with self.assertRaises(UserError) as error:
            subscription.action_validate()
        message = str(error.exception)
        self.assertIn("At least 25 % of each share", message)
        self.assertIn(self._fmt(62.5), message)
        self.assertIn(self._fmt(62.49), message)
        self._assert_nothing_written(subscription)
        self.assertEqual(self.alice.stage, "cesa")
        self.assertEqual(self.assoc_alice.state, "candidate")

    def test_nothing_paid_at_subscription(self):
        """A schedule whose first payment comes later is refused."""
        subscription = self._subscription(self.assoc_alice, 4, date(2025, 1, 15))
        subscription.call_ids[0].due_date = date(2025, 2, 15)
        with self.assertRaises(UserError):
            subscription.action_validate()
        self._assert_nothing_written(subscription)

    def test_rest_called_within_five_years(self):
        subscription = self._subscription(self.assoc_alice, 4, date(2025, 1, 15))
        subscription.call_ids[1].due_date = date(2030, 1, 16)
        with self.assertRaises(UserError) as error:
            subscription.action_validate()
        self.assertIn("60 months later (2030-01-15", str(error.exception))
        self._assert_nothing_written(subscription)
        # On the last day of the five years: accepted.
        subscription.call_ids[1].due_date = date(2030, 1, 15)
        subscription.action_validate()
        self.assertEqual(subscription.state, "done")

    def test_schedule_must_add_up(self):
        subscription = self._subscription(self.assoc_alice, 4, date(2025, 1, 15))
        subscription.write(
            {"call_ids": [Command.update(subscription.call_ids[1].id, {"amount": 70})]}
        )
        with self.assertRaises(UserError) as error:
            subscription.action_validate()
        self.assertIn(f"adds up to {self._fmt(95)}", str(error.exception))
        self._assert_nothing_written(subscription)

    def test_class_open_to_the_kind_of_associate(self):
        self.assertEqual(self.assoc_martin.kind, "external")
        self.assertEqual(self.assoc_scop.kind, "legal_entity")
        self.assertEqual(self.assoc_alice.kind, "entrepreneur")
        subscription = self._subscription(self.assoc_martin, 4, date(2025, 1, 15))
        with self.assertRaises(UserError) as error:
            subscription.action_validate()
        self.assertIn(
            "Shares of class Parts A cannot be held by Martin Externe "
            "(External associate)",
            str(error.exception),
        )
        self._assert_nothing_written(subscription)

    def test_minimum_shares_per_associate(self):
        subscription = self._subscription(self.assoc_alice, 3, date(2025, 1, 15))
        with self.assertRaises(UserError) as error:
            subscription.action_validate()
        self.assertIn("below the minimum of 4", str(error.exception))
        self._assert_nothing_written(subscription)

    def test_path_refusal_leaves_everything(self):
        """Bob's CAPE started on 2024-02-01: an earlier subscription cannot
        make him an associate, and nothing is registered."""
        subscription = self._subscription(self.assoc_bob, 4, date(2024, 1, 20))
        with self.assertRaises(UserError):
            subscription.action_validate()
        self._assert_nothing_written(subscription)
        self.assertEqual(self.bob.stage, "cape")

    def test_no_operation_in_the_future(self):
        subscription = self._subscription(self.assoc_alice, 4, date(2026, 7, 1))
        with self.assertRaises(UserError):
            subscription.action_validate()
        self._assert_nothing_written(subscription)

    def test_default_class_open_to_the_associate(self):
        subscription = self.Operation.create(
            {
                "operation_type": "subscription",
                "associate_id": self.assoc_martin.id,
                "company_id": self.company.id,
                "quantity": 1,
                "date": date(2025, 1, 15),
            }
        )
        self.assertEqual(subscription.share_class_id, self.class_b)

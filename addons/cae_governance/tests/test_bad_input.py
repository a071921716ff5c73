# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import CaeGovernanceCommon


@freeze_time("2026-06-30")
class TestBadInput(CaeGovernanceCommon):
    def _count(self):
        return self.Operation.search_count([("company_id", "=", self.company.id)])

    def test_negative_shares(self):
        for quantity in (-4, 0):
            with self.assertRaises(ValidationError) as error:
                self._subscription(self.assoc_alice, quantity, date(2025, 1, 15))
            self.assertIn(
                f"positive whole number, not {quantity}", str(error.exception)
            )
        self.assertEqual(self._count(), 0)

    def test_fractional_shares(self):
        with self.assertRaises(ValidationError) as error:
            self._subscription(self.assoc_alice, 4.5, date(2025, 1, 15))
        self.assertIn("positive whole number, not 4.5", str(error.exception))
        self.assertEqual(self._count(), 0)
        subscription = self._subscription(self.assoc_alice, 4, date(2025, 1, 15))
        with self.assertRaises(ValidationError):
            subscription.write({"quantity": 5.25})
        self.assertEqual(subscription.quantity, 4)
        # A whole number given as a float is fine.
        subscription.write({"quantity": 6.0})
        self.assertEqual(subscription.quantity, 6)

    def test_release_above_amount_due(self):
        subscription = self._subscribe(self.assoc_alice, 4, date(2025, 1, 15))
        count = self._count()
        with self.assertRaises(ValidationError) as error:
            self._release(subscription, 75.01, date(2025, 2, 1))
        self.assertIn(self._fmt(75.01), str(error.exception))
        with self.assertRaises(ValidationError):
            self._release(subscription, -5.0, date(2025, 2, 1))
        self.assertEqual(self._count(), count)
        self.assertEqual(subscription.amount_paid, 25.0)

    def test_errors_in_french(self):
        french = self.Operation.with_context(lang="fr_FR")
        with self.assertRaises(ValidationError) as error:
            french.create(
                {
                    "operation_type": "subscription",
                    "associate_id": self.assoc_alice.id,
                    "company_id": self.company.id,
                    "share_class_id": self.class_a.id,
                    "quantity": 2.5,
                    "date": date(2025, 1, 15),
                }
            )
        self.assertIn("nombre entier positif", str(error.exception))
        subscription = self._subscription(
            self.assoc_alice, 10, date(2025, 1, 15), initial_payment=50
        )
        with self.assertRaises(UserError) as error:
            subscription.with_context(lang="fr_FR").action_validate()
        self.assertIn("Au moins 25 % de chaque part", str(error.exception))
        self.assertEqual(subscription.state, "draft")

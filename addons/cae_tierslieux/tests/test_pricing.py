# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from unittest import TestCase

from freezegun import freeze_time

from ..tools.pricing import Combination, cheapest_combination
from .common import MONDAY, NOW, CaeTlCommon, paris


class TestCheapestCombination(TestCase):
    """5 €/h, 15 € the half-day (4 h), 25 € the day (8 h), computed by hand."""

    def _price(self, hours, hour=5.0, half=15.0, day=25.0):
        return cheapest_combination(hours, hour, half, day, 4.0, 8.0)

    def test_table(self):
        cases = [
            # hours, amount, days, half-days, hours paid by the hour
            (1, 5.0, 0, 0, 1),  # 5 < 15
            (2.5, 12.5, 0, 0, 2.5),  # pro rata
            (3, 15.0, 0, 0, 3),  # 15 = 15: fewer packages
            (3.5, 15.0, 0, 1, 0),  # 17.50 > 15
            (4, 15.0, 0, 1, 0),
            (5, 20.0, 0, 1, 1),  # half-day + 1 h: 20 < 25 < 25
            (6, 25.0, 1, 0, 0),  # 15 + 10 = 25 = day: fewer packages
            (7, 25.0, 1, 0, 0),  # day 25 < half-day + 3 h 30
            (9, 30.0, 1, 0, 1),  # day + 1 h
            (12, 40.0, 1, 1, 0),  # day + half-day
            (16, 50.0, 2, 0, 0),
        ]
        for hours, amount, days, halves, rest in cases:
            with self.subTest(hours=hours):
                self.assertEqual(
                    self._price(hours), Combination(amount, days, halves, rest)
                )

    def test_prices_not_offered(self):
        # Hourly price only (a machine).
        self.assertEqual(
            self._price(5, half=None, day=None), Combination(25.0, 0, 0, 5)
        )
        # No hourly price: a short stay costs a half-day.
        self.assertEqual(self._price(1, hour=None), Combination(15.0, 0, 1, 0))
        # Day price only.
        self.assertEqual(
            self._price(3, hour=None, half=None), Combination(25.0, 1, 0, 0)
        )
        self.assertIsNone(cheapest_combination(2))
        self.assertEqual(cheapest_combination(0, 5.0), Combination(0.0, 0, 0, 0.0))


@freeze_time(NOW)
class TestBookingPrice(CaeTlCommon):
    """Rate cards per category, credits first, by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["cae.tl.membership.plan"].create(
            {
                "name": "6-hour card",
                "place_id": cls.place.id,
                "kind": "credits",
                "credit_hours": 6,
                "fee": 20.0,
                "type_ids": [(6, 0, cls.type_desk.ids)],
            }
        )
        cls.member = cls.env["res.partner"].create(
            {"name": "Member", "company_id": cls.company.id}
        )
        cls.membership = cls.env["cae.tl.membership"].create(
            {
                "partner_id": cls.member.id,
                "plan_id": cls.plan.id,
                "date_start": date(2026, 3, 1),
            }
        )

    def test_categories(self):
        entrepreneur = self._book(
            self.desks, paris(MONDAY, 9), 5, self.alice.partner_id
        )
        self.assertRecordValues(
            entrepreneur,
            [
                {
                    "user_category": "entrepreneur",
                    "entrepreneur_id": self.alice.id,
                    "amount": 20.0,
                    "price_detail": "1 × half-day + 1h by the hour",
                }
            ],
        )
        public = self._book(self.desks, paris(MONDAY, 9), 5, self.walker)
        # Public: 6 €/h, no half-day nor day price.
        self.assertRecordValues(public, [{"user_category": "public", "amount": 30.0}])
        external = self._book(self.room, paris(MONDAY, 9), 7, self.external)
        self.assertRecordValues(
            external,
            [{"user_category": "external", "amount": 25.0, "price_detail": "1 × day"}],
        )

    def test_several_desks(self):
        booking = self._book(self.desks, paris(MONDAY, 9), 5, units=2)
        self.assertEqual(booking.amount, 40.0)
        self.assertEqual(
            booking.price_detail, "(1 × half-day + 1h by the hour) × 2 desks"
        )

    def test_most_specific_price_wins(self):
        Price = self.env["cae.tl.price"]
        Price.create(
            {
                "place_id": self.place.id,
                "type_id": self.type_desk.id,
                "user_category": "external",
                "price_hour": 4.0,
            }
        )
        self.assertEqual(self._book(self.desks, paris(MONDAY, 9), 2).amount, 8.0)
        Price.create(
            {
                "place_id": self.place.id,
                "resource_id": self.desks.id,
                "user_category": "external",
                "price_hour": 3.0,
            }
        )
        self.assertEqual(self._book(self.desks, paris(MONDAY, 12), 2).amount, 6.0)
        # A room keeps the place-wide card.
        self.assertEqual(self._book(self.room, paris(MONDAY, 9), 2).amount, 10.0)

    def test_free_without_price_line(self):
        self.env["cae.tl.price"].search(
            [("place_id", "=", self.place.id), ("user_category", "=", "entrepreneur")]
        ).unlink()
        booking = self._book(self.desks, paris(MONDAY, 9), 2, self.alice.partner_id)
        self.assertEqual(booking.amount, 0.0)
        self.assertEqual(booking.price_detail, "no price for this category")

    def test_credits_first_then_cheapest(self):
        first = self._book(self.desks, paris(MONDAY, 9), 4, self.member)
        self.assertRecordValues(
            first,
            [
                {
                    "user_category": "member",
                    "membership_id": self.membership.id,
                    "credit_hours": 4.0,
                    "amount": 0.0,
                    "price_detail": "4h on 6-hour card",
                }
            ],
        )
        # 2 hours of credits left: 5 h = 2 h credits + 3 h at 5 €.
        second = self._book(self.desks, paris(MONDAY, 13), 5, self.member)
        self.assertRecordValues(
            second,
            [
                {
                    "credit_hours": 2.0,
                    "amount": 15.0,
                    "price_detail": "2h on 6-hour card + 3h by the hour",
                }
            ],
        )
        self.assertEqual(self.membership.credits_left, 0.0)
        third = self._book(self.desks, paris(date(2026, 3, 10), 9), 5, self.member)
        self.assertRecordValues(
            third, [{"membership_id": False, "credit_hours": 0.0, "amount": 20.0}]
        )
        # Next month: 6 fresh hours; March's are lost.
        april = self._book(self.desks, paris(date(2026, 4, 1), 9), 8, self.member)
        self.assertRecordValues(april, [{"credit_hours": 6.0, "amount": 10.0}])
        # A cancellation in time gives the credits back.
        first.action_cancel()
        self.assertRecordValues(first, [{"credit_hours": 0.0, "amount": 0.0}])
        again = self._book(self.desks, paris(date(2026, 3, 11), 9), 3, self.member)
        self.assertEqual(again.credit_hours, 3.0)

    def test_credits_only_for_covered_resources_and_own_place(self):
        booking = self._book(self.room, paris(MONDAY, 9), 2, self.member)
        self.assertRecordValues(
            booking,
            [{"user_category": "member", "credit_hours": 0.0, "amount": 10.0}],
        )
        self.membership.date_start = date(2026, 4, 1)
        booking = self._book(self.desks, paris(MONDAY, 9), 2, self.member)
        self.assertRecordValues(
            booking, [{"user_category": "public", "credit_hours": 0.0, "amount": 12.0}]
        )

    def test_pass_covers_everything(self):
        self.plan.kind = "pass"
        booking = self._book(self.desks, paris(MONDAY, 8), 10, self.member)
        self.assertRecordValues(booking, [{"credit_hours": 10.0, "amount": 0.0}])
        self.assertEqual(booking.price_detail, "10h on 6-hour card")

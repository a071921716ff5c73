# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError

from .common import MONDAY, NOW, CaeTlCommon, local, paris


@freeze_time(NOW)
class TestBookingRules(CaeTlCommon):
    """Refused bookings say why, in the user's language, and leave nothing."""

    def setUp(self):
        super().setUp()
        # Self-service: the rules of users who are not facilitators.
        self.Booking = self.env["cae.tl.booking"].with_context(cae_tl_self_service=True)

    def _try(self, start, hours, resource=None):
        return self.Booking.create(
            {
                "resource_id": (resource or self.room).id,
                "partner_id": self.external.id,
                "start": start,
                "stop": start + timedelta(hours=hours),
            }
        )

    def test_opening_hours(self):
        with self.assertRaisesRegex(
            ValidationError,
            re.escape(
                f"Test place is not open during the whole booking "
                f"({local(self.env, MONDAY, 17)} to {local(self.env, MONDAY, 19)}). "
                "Opening hours that day: 08:00-18:00."
            ),
        ):
            self._try(paris(MONDAY, 17), 2)
        with self.assertRaisesRegex(ValidationError, "not open during the whole"):
            self._try(paris(MONDAY, 7, 30), 1)
        self._try(paris(MONDAY, 8), 10)

    def test_closed_days(self):
        friday, saturday = date(2026, 3, 13), date(2026, 3, 14)
        with self.assertRaisesRegex(
            ValidationError, f"Test place is closed on {local(self.env, friday)}."
        ):
            self._try(paris(friday, 10), 1)
        with self.assertRaisesRegex(
            ValidationError, f"closed on {local(self.env, saturday)}"
        ):
            self._try(paris(date(2026, 3, 14), 10), 1)

    def test_durations_and_slot_step(self):
        with self.assertRaisesRegex(
            ValidationError,
            "A booking of Open space lasts from 1h to 10h; this one lasts 0h30.",
        ):
            self._try(paris(MONDAY, 9), 0.5, self.desks)
        with self.assertRaisesRegex(ValidationError, "this one lasts 10h30"):
            self._try(paris(MONDAY, 8), 10.5, self.room)
        with self.assertRaisesRegex(
            ValidationError,
            "Bookings of Open space start and last a multiple of 30 minutes",
        ):
            self._try(paris(MONDAY, 9, 10), 1, self.desks)
        with self.assertRaisesRegex(ValidationError, "multiple of 30 minutes"):
            self._try(paris(MONDAY, 9), 1.25, self.desks)
        self._try(paris(MONDAY, 9, 30), 1.5, self.desks)

    def test_past_and_horizon_for_self_service(self):
        with self.assertRaisesRegex(ValidationError, "cannot start in the past"):
            self._try(paris(date(2026, 2, 27), 10), 1)
        # Horizon: 30 days from now (2 March 8:00): 1 April 8:00.
        with self.assertRaisesRegex(
            ValidationError,
            "Room A can be booked at most 30 days ahead, until "
            f"{local(self.env, date(2026, 4, 1), 9)}.",
        ):
            self._try(paris(date(2026, 4, 1), 10), 1)
        self._try(paris(date(2026, 3, 31), 10), 1)

    def test_facilitators_may_book_past_and_far(self):
        Booking = self.env["cae.tl.booking"]
        self.assertTrue(Booking._is_facilitator())
        Booking.create(
            {
                "resource_id": self.room.id,
                "partner_id": self.external.id,
                "start": paris(date(2026, 2, 27), 10),
                "stop": paris(date(2026, 2, 27), 11),
            }
        )
        # But never outside opening hours.
        with self.assertRaisesRegex(ValidationError, "not open"):
            Booking.create(
                {
                    "resource_id": self.room.id,
                    "partner_id": self.external.id,
                    "start": paris(date(2026, 6, 1), 18),
                    "stop": paris(date(2026, 6, 1), 19),
                }
            )

    def test_refusal_leaves_nothing_written(self):
        before = self.env["cae.tl.booking"].search_count([])
        with self.assertRaises(ValidationError):
            self.Booking.create(
                [
                    {
                        "resource_id": self.room.id,
                        "partner_id": self.external.id,
                        "start": paris(MONDAY, 10),
                        "stop": paris(MONDAY, 11),
                    },
                    {
                        "resource_id": self.room.id,
                        "partner_id": self.external.id,
                        "start": paris(MONDAY, 20),
                        "stop": paris(MONDAY, 21),
                    },
                ]
            )
        self.assertEqual(self.env["cae.tl.booking"].search_count([]), before)

    def test_messages_in_french(self):
        Booking = self.Booking.with_context(lang="fr_FR")
        with self.assertRaisesRegex(
            ValidationError, "Test place est fermé le 13/03/2026"
        ):
            Booking.create(
                {
                    "resource_id": self.room.id,
                    "partner_id": self.external.id,
                    "start": paris(date(2026, 3, 13), 10),
                    "stop": paris(date(2026, 3, 13), 11),
                }
            )
        with self.assertRaisesRegex(ValidationError, "Room A est déjà réservé"):
            self._book(self.room, paris(MONDAY, 10), 1)
            Booking.create(
                {
                    "resource_id": self.room.id,
                    "partner_id": self.external.id,
                    "start": paris(MONDAY, 10, 30),
                    "stop": paris(MONDAY, 11, 30),
                }
            )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

import psycopg2
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tools import SQL, mute_logger

from .common import MONDAY, NOW, CaeTlCommon, paris


@freeze_time(NOW)
class TestBookingOverlap(CaeTlCommon):
    """Rooms and machines are never double-booked, at the exact boundaries."""

    def test_adjacent_allowed_one_minute_overlap_refused(self):
        first = self._book(self.room, paris(MONDAY, 10), 1)
        # Starts when the first one ends: allowed.
        second = self._book(self.room, paris(MONDAY, 11), 1)
        self.assertEqual((first | second).mapped("state"), ["confirmed"] * 2)
        # Ends when the first one starts: allowed.
        self._book(self.room, paris(MONDAY, 9), 1)
        # One minute over the second one: refused, with the clash in clear.
        with self.assertRaisesRegex(ValidationError, "Room A is already booked"):
            self._book(self.room, paris(MONDAY, 11, 59), 1)
        with self.assertRaisesRegex(ValidationError, "Room A is already booked"):
            self._book(self.room, paris(MONDAY, 8), 61 / 60)
        self.assertEqual(
            self.env["cae.tl.booking"].search_count(
                [("resource_id", "=", self.room.id)]
            ),
            3,
        )

    def test_buffer_keeps_the_room_free_after_each_booking(self):
        self._book(self.room_buffered, paris(MONDAY, 10), 1)
        with self.assertRaisesRegex(ValidationError, "Room B is already booked"):
            self._book(self.room_buffered, paris(MONDAY, 11), 1)
        with self.assertRaisesRegex(ValidationError, "Room B is already booked"):
            self._book(self.room_buffered, paris(MONDAY, 11, 14), 1)
        self._book(self.room_buffered, paris(MONDAY, 11, 15), 1)
        # Before: its own buffer must end by 10:00.
        with self.assertRaisesRegex(ValidationError, "Room B is already booked"):
            self._book(self.room_buffered, paris(MONDAY, 8, 55), 1)
        booking = self._book(self.room_buffered, paris(MONDAY, 8, 45), 1)
        self.assertEqual(booking.occupied_until, paris(MONDAY, 10))

    def test_cancelled_booking_frees_the_slot(self):
        first = self._book(self.room, paris(MONDAY, 10), 2)
        first.action_cancel()
        second = self._book(self.room, paris(MONDAY, 10), 2)
        self.assertEqual(second.state, "confirmed")

    def test_draft_holds_the_slot(self):
        self._book(self.room, paris(MONDAY, 10), 2, confirm=False)
        with self.assertRaises(ValidationError):
            self._book(self.room, paris(MONDAY, 11), 1)

    def test_reschedule_into_a_clash_refused(self):
        self._book(self.room, paris(MONDAY, 10), 2)
        other = self._book(self.room, paris(MONDAY, 14), 2)
        with self.assertRaisesRegex(ValidationError, "already booked"):
            other.write({"start": paris(MONDAY, 11), "stop": paris(MONDAY, 13)})
        other.write({"start": paris(MONDAY, 12), "stop": paris(MONDAY, 14)})
        self.assertEqual(other.duration, 2.0)

    def test_same_batch_clash_refused(self):
        Booking = self.env["cae.tl.booking"]
        with self.assertRaisesRegex(ValidationError, "already booked"):
            Booking.create(
                [
                    {
                        "resource_id": self.room.id,
                        "partner_id": self.external.id,
                        "start": paris(MONDAY, 10),
                        "stop": paris(MONDAY, 12),
                    },
                    {
                        "resource_id": self.room.id,
                        "partner_id": self.walker.id,
                        "start": paris(MONDAY, 11),
                        "stop": paris(MONDAY, 13),
                    },
                ]
            )

    def _insert(self, booking, start, stop, state="confirmed"):
        """Insert a copy of ``booking`` with raw SQL, bypassing every check
        of the ORM: only PostgreSQL stands in the way."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO cae_tl_booking
                    (name, resource_id, place_id, company_id, partner_id, start,
                     stop, occupied_until, exclusive, state, units, people)
                SELECT 'RAW', resource_id, place_id, company_id, partner_id,
                       %(start)s, %(stop)s, %(stop)s + (occupied_until - stop),
                       exclusive, %(state)s, 1, 1
                  FROM cae_tl_booking WHERE id = %(id)s
                """,
                start=start,
                stop=stop,
                state=state,
                id=booking.id,
            )
        )

    def test_database_refuses_overlap_itself(self):
        booking = self._book(self.room, paris(MONDAY, 10), 1)
        with (
            self.assertRaises(psycopg2.errors.ExclusionViolation),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self._insert(booking, paris(MONDAY, 10, 59), paris(MONDAY, 12))
        # Exact boundaries and cancelled bookings pass the constraint.
        with self.env.cr.savepoint():
            self._insert(booking, paris(MONDAY, 11), paris(MONDAY, 12))
            self._insert(booking, paris(MONDAY, 9), paris(MONDAY, 10))
            self._insert(booking, paris(MONDAY, 10), paris(MONDAY, 11), "cancelled")

    def test_database_constraint_includes_the_buffer(self):
        booking = self._book(self.room_buffered, paris(MONDAY, 10), 1)
        with (
            self.assertRaises(psycopg2.errors.ExclusionViolation),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self._insert(booking, paris(MONDAY, 11, 14), paris(MONDAY, 12))
        with self.env.cr.savepoint():
            self._insert(booking, paris(MONDAY, 11, 15), paris(MONDAY, 12))

    def test_desks_are_not_exclusive(self):
        first = self._book(self.desks, paris(MONDAY, 10), 2)
        second = self._book(self.desks, paris(MONDAY, 10), 2)
        self.assertFalse(first.exclusive or second.exclusive)
        self.assertEqual(first.occupied_until, first.stop)
        self.assertEqual(second.stop - second.start, timedelta(hours=2))

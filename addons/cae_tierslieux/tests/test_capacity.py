# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import MONDAY, NOW, CaeTlCommon, paris


@freeze_time(NOW)
class TestCapacity(CaeTlCommon):
    """Shared desks never exceed their number at any instant."""

    def test_peak_counts_only_simultaneous_bookings(self):
        # 3 desks. 9-12: 2 desks, 12-15: 2 desks (never together).
        self._book(self.desks, paris(MONDAY, 9), 3, units=2)
        self._book(self.desks, paris(MONDAY, 12), 3, units=2)
        # 11-13 overlaps both, but at most 2 + 1 at once: fits.
        self._book(self.desks, paris(MONDAY, 11), 2)
        # 11:30-12:30 would make 4 between 11:30 and 12:00.
        with self.assertRaisesRegex(
            ValidationError, "Only 0 of the 3 desks of Open space are free"
        ):
            self._book(self.desks, paris(MONDAY, 11, 30), 1)
        # After 13:00 one desk is left.
        self._book(self.desks, paris(MONDAY, 13), 2)
        with self.assertRaisesRegex(ValidationError, "Only 0 of the 3 desks"):
            self._book(self.desks, paris(MONDAY, 14), 1)

    def test_units_against_capacity(self):
        with self.assertRaisesRegex(
            ValidationError, "Open space has 3 desks: 4 cannot be booked at once."
        ):
            self._book(self.desks, paris(MONDAY, 9), 2, units=4)
        self._book(self.desks, paris(MONDAY, 9), 2, units=3)
        with self.assertRaisesRegex(ValidationError, "Only 0 of the 3 desks"):
            self._book(self.desks, paris(MONDAY, 10), 2)

    def test_same_batch_counts(self):
        vals = {
            "resource_id": self.desks.id,
            "partner_id": self.external.id,
            "start": paris(MONDAY, 9),
            "stop": paris(MONDAY, 11),
            "units": 2,
        }
        with self.assertRaisesRegex(ValidationError, "Only 1 of the 3 desks"):
            self.env["cae.tl.booking"].create([vals, vals])
        self.assertFalse(
            self.env["cae.tl.booking"].search([("resource_id", "=", self.desks.id)])
        )

    def test_cancelled_desks_are_free_again(self):
        booking = self._book(self.desks, paris(MONDAY, 9), 2, units=3)
        booking.action_cancel()
        self._book(self.desks, paris(MONDAY, 9), 2, units=3)

    def test_room_people_and_machine_units(self):
        with self.assertRaisesRegex(
            ValidationError, "Room A holds 8 people at most, not 9."
        ):
            self._book(self.room, paris(MONDAY, 9), 1, people=9)
        with self.assertRaisesRegex(
            ValidationError, "Only desks can be booked several at once."
        ):
            self._book(self.room, paris(MONDAY, 9), 1, units=2)

    def test_capacity_cannot_shrink_below_future_bookings(self):
        self._book(self.desks, paris(MONDAY, 9), 2, units=2)
        self._book(self.desks, paris(MONDAY, 10), 2)
        with self.assertRaisesRegex(UserError, "booked for 3 at once"):
            self.desks.capacity = 2
        self.desks.capacity = 5
        self.assertEqual(self.desks.capacity, 5)
        with self.assertRaisesRegex(UserError, "kind and place can no longer change"):
            self.desks.kind = "room"

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from .common import MONDAY, NOW, CaeTlCommon, paris

MARCH = date(2026, 3, 1)


@freeze_time(NOW)
class TestOccupancy(CaeTlCommon):
    """March 2026: 22 weekdays, Friday 13 closed: 21 days of 10 h = 210 open
    hours per resource, 630 desk-hours for the 3 desks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._book(cls.desks, paris(MONDAY, 9), 5, units=2)
        cls._book(cls.desks, paris(date(2026, 3, 10), 9), 3)
        cls._book(cls.room, paris(date(2026, 3, 31), 8), 10)
        cls._book(cls.room, paris(MONDAY, 8), 2, confirm=False)
        cls._book(cls.room_buffered, paris(MONDAY, 8), 2).action_cancel()
        # So that the report covers April too, whatever the other data.
        cls._book(cls.room_buffered, paris(date(2026, 4, 30), 8), 1)
        cls.Report = cls.env["cae.tl.occupancy.report"]

    def _rows(self, domain, groupby):
        self.env.flush_all()
        return self.Report._read_group(
            [("place_id", "=", self.place.id), ("month", "=", MARCH), *domain],
            groupby,
            ["booked_hours:sum", "open_hours:sum", "occupancy_rate:sum"],
        )

    def test_per_resource(self):
        rows = {
            resource: (booked, opened, round(rate, 4))
            for resource, booked, opened, rate in self._rows([], ["resource_id"])
        }
        self.assertEqual(
            rows,
            {
                self.desks: (13.0, 630.0, round(13 / 630 * 100, 4)),
                self.room: (10.0, 210.0, round(10 / 210 * 100, 4)),
                self.room_buffered: (0.0, 210.0, 0.0),
                self.laser: (0.0, 210.0, 0.0),
            },
        )

    def test_place_rate_is_hours_over_hours(self):
        [(place, booked, opened, rate)] = self._rows([], ["place_id"])
        self.assertEqual(place, self.place)
        self.assertEqual((booked, opened), (23.0, 1260.0))
        # Not the average of the four resources' rates.
        self.assertAlmostEqual(rate, 23 / 1260 * 100)

    def test_months_without_bookings_show_their_open_hours(self):
        self.env.flush_all()
        april = self.Report.search(
            [("resource_id", "=", self.room.id), ("month", "=", date(2026, 4, 1))]
        )
        # April 2026: 22 weekdays, no closed day.
        self.assertRecordValues(
            april, [{"booked_hours": 0.0, "open_hours": 220.0, "occupancy_rate": 0.0}]
        )

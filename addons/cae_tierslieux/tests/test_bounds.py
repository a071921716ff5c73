# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError

from .common import MONDAY, NOW, CaeTlCommon, paris


@freeze_time(NOW)
class TestBounds(CaeTlCommon):
    """Absurd values through the ORM (RPC): a clear error, nothing written."""

    def _vals(self, **vals):
        return {
            "resource_id": self.room.id,
            "partner_id": self.external.id,
            "start": paris(MONDAY, 9),
            "stop": paris(MONDAY, 10),
            **vals,
        }

    def test_absurd_dates_and_counts(self):
        Booking = self.env["cae.tl.booking"]
        count = Booking.search_count([])
        for vals in (
            {
                "start": datetime(9999, 12, 31, 23),
                "stop": datetime(9999, 12, 31, 23, 30),
            },
            {"start": datetime(1, 1, 1), "stop": datetime(1, 1, 1, 1)},
            {"stop": datetime(9999, 12, 31, 23)},
        ):
            with self.assertRaisesText(
                ValidationError, "between the years 2000 and 2099"
            ):
                Booking.create(self._vals(**vals))
        for vals in ({"people": 10**12}, {"units": -1}, {"people": "many"}):
            with self.assertRaisesText(ValidationError, "from 1 to 1000"):
                Booking.create(self._vals(**vals))
        booking = Booking.create(self._vals())
        with self.assertRaisesText(ValidationError, "between the years"):
            booking.write({"stop": datetime(9999, 12, 31, 23)})
        self.assertEqual(Booking.search_count([]), count + 1)

    def test_huge_duration_is_refused_with_the_rule(self):
        with self.assertRaisesText(ValidationError, "lasts from 1h to 10h"):
            self.env["cae.tl.booking"].create(
                self._vals(stop=datetime(2099, 12, 31, 23))
            )

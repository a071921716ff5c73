# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.addons.cae_base.tests.query_count import QueryCountMixin

from .common import NOW, CaeTlCommon, paris


@freeze_time(NOW)
class TestQueryCounts(QueryCountMixin, CaeTlCommon):
    """The search of free slots reads the opening hours and the bookings of
    the period in a bounded number of queries: the same for a week with 2
    bookings as for a week with 15 (tests/benchmarks/bench_tierslieux.py
    measures it with thousands)."""

    def test_free_slots(self):
        first_week, second_week = date(2026, 3, 16), date(2026, 3, 23)
        for day in range(2):
            self._book(self.room, paris(first_week + timedelta(days=day), 9), 2)
        for day in range(5):
            for hour in (8, 11, 14):
                self._book(self.room, paris(second_week + timedelta(days=day), hour), 2)

        def slots(monday):
            return self.room._get_free_slots(monday, monday + timedelta(days=4), 1.0)

        small = self._count_queries(lambda: slots(first_week))
        large = self._count_queries(lambda: slots(second_week))
        self.assertQueriesDoNotGrow(small, large, max_reads=8, label="free slots")
        # 15 bookings of 2 hours leave 5 days × 4 hours free, not their hours.
        self.assertTrue(large[0])
        self.assertLess(len(large[0]), len(small[0]))
        booked = paris(second_week, 8)
        self.assertNotIn(booked, large[0])

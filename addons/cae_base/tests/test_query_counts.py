# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from .common import CaeBalanceCommon
from .query_count import QueryCountMixin

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
APRIL = (date(2026, 4, 1), date(2026, 4, 30))


class TestQueryCounts(QueryCountMixin, CaeBalanceCommon):
    """The indicator grid and the monthly contribution run cost the same
    queries for 3 activities as for 9 (tests/benchmarks/bench_balance.py
    measures them at 1,000 and 10,000)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["cae.contribution.rule"].create(
            {
                "name": "10 % du chiffre d'affaires",
                "company_id": cls.company.id,
                "base": "turnover",
                "rate": 10.0,
                "amount_min": 50.0,
                "date_from": "2026-01-01",
            }
        )
        cls.activities = cls.env["cae.activity"].create(
            [
                {"name": f"Activité {index}", "company_id": cls.company.id}
                for index in range(9)
            ]
        )

    def _documents(self, activities, day):
        for activity in activities:
            self._post_document(activity, "out_invoice", 1000.0, self.sale_tax, day)
            self._post_document(activity, "in_invoice", 200.0, self.purchase_tax, day)

    def test_indicator_grid(self):
        self._documents(self.activities, "2026-03-10")
        small = self._count_queries(
            lambda: self.activities[:3]._get_indicator_values(date_to=MARCH[1])
        )
        large = self._count_queries(
            lambda: self.activities._get_indicator_values(date_to=MARCH[1])
        )
        self.assertQueriesDoNotGrow(small, large, max_reads=10, label="grid")
        self.assertEqual({values["turnover"] for values in large[0].values()}, {1000.0})

    def test_contribution_run(self):
        """March: the 3 first activities and those of the fixture have
        documents; April: 6 more. The reads of the run stay the same (after
        a first run in February, which creates the journal's sequence)."""
        Run = self.env["cae.contribution.run"]
        Run._run_period(self.company, date(2026, 2, 1), date(2026, 2, 28))
        self._documents(self.activities[:3], "2026-03-10")
        self._documents(self.activities, "2026-04-10")
        small = self._count_queries(lambda: Run._run_period(self.company, *MARCH))
        large = self._count_queries(lambda: Run._run_period(self.company, *APRIL))
        self.assertEqual(small[0].state, "posted")
        self.assertEqual(large[0].state, "posted")
        amounts = (
            large[0]
            .line_ids.filtered(lambda line: line.activity_id in self.activities)
            .mapped("amount")
        )
        self.assertEqual(amounts, [100.0] * 9)
        self.assertQueriesDoNotGrow(small, large, label="contribution run")

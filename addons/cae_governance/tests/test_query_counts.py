# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.addons.cae_base.tests.query_count import QueryCountMixin

from .common_assembly import CaeAssemblyCommon


class TestQueryCounts(QueryCountMixin, CaeAssemblyCommon):
    """The tally of the resolutions and the register of associates cost the
    same queries whatever the number of resolutions, ballots and associates
    (tests/benchmarks/bench_assembly.py and bench_governance.py measure
    them at the scale of a large CAE)."""

    ASSOCIATES = 12

    def test_tally(self):
        small = self._opened(
            resolutions=[{"name": f"Résolution {n}"} for n in range(2)]
        )
        large = self._opened(
            resolutions=[{"name": f"Résolution {n}"} for n in range(6)]
        )
        for resolution in small.resolution_ids:
            self._votes(resolution, count_for=3, count_against=1)
        for resolution in large.resolution_ids:
            self._votes(resolution, count_for=8, count_against=3, count_abstain=1)
        small_count = self._count_queries(lambda: small.resolution_ids._get_tally())
        large_count = self._count_queries(lambda: large.resolution_ids._get_tally())
        self.assertQueriesDoNotGrow(
            small_count, large_count, max_reads=12, label="tally"
        )
        self.assertEqual(
            [figures["count_for"] for figures in large_count[0].values()], [8] * 6
        )
        self.assertEqual(
            {figures["voter_count"] for figures in large_count[0].values()}, {12}
        )

    def test_register(self):
        """The fixture's 12 associates joined in January 2025, 15 more in
        September: the register of March 2025 has 12 rows, today's 27."""
        register = self.env["cae.share.register"]._get_for_company(self.company)
        partners = self.env["res.partner"].create(
            [{"name": f"Nouvel associé {index:02d}"} for index in range(15)]
        )
        self._make_associates_of(partners, on=date(2025, 9, 1))
        small = self._count_queries(
            lambda: register._get_register_data(date(2025, 3, 31))
        )
        large = self._count_queries(
            lambda: register._get_register_data(date(2026, 12, 31))
        )
        self.assertEqual(len(small[0]["rows"]), 12)
        self.assertEqual(len(large[0]["rows"]), 27)
        self.assertQueriesDoNotGrow(small, large, label="register")

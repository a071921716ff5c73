# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The indicator grid at 10,000 and 50,000 activities, next to one
hand-written SQL aggregate over the same rows (issue 16: ≤ 1.3× at both).

Run with ``CAE_BENCH_DB=cae_bench_x setup/bench tests/benchmarks/bench_scale_grid.py``
(``CAE_BENCH_GRID_SIZES=1000,5000`` for a quicker run while developing).

Data: the balance benchmark's generator (bal_data.py): per activity, ten
posted entries of ten journal items (100 analytic lines), so 1,000,000
analytic lines at 10,000 activities and 5,000,000 at 50,000; inserted in
SQL, rolled back at the end.

Measured, in the same run and on the same rows, each the best of three
(the machine is shared; the best is the least disturbed):

- ours: ``cae.activity._get_indicator_values`` of every activity (the grid
  of the company: leaf sums in one SQL query, sums evaluated in Python,
  rounded), as the balance list and the XLSX export read it;
- hand-written: the SQL a developer would write for the leaf indicators of
  that grid without the engine: one query joining the analytic lines to
  their posted journal items and their general accounts, matching the
  accounts by ``code LIKE '41%'``-style prefixes, grouped per activity and
  leaf; no Python evaluation at all.

The leaf sums of both are compared (the same figures, not only the same
speed); the ratio ours / hand-written is printed and must stay ≤ 1.3.
"""

import os
import time
from datetime import date

from bal_data import BalanceDataGenerator

from odoo.tests.common import TransactionCase
from odoo.tools import SQL

from odoo.addons.cae_base.tools.indicator_grid import parse_prefixes

SIZES = tuple(
    int(size)
    for size in os.environ.get("CAE_BENCH_GRID_SIZES", "10000,50000").split(",")
)
DATE_FROM, DATE_TO = date(2025, 1, 1), date(2025, 12, 31)
TARGET = 1.3
REPEAT = 3


class BenchScaleGrid(TransactionCase):
    test_tags = {"standard", "at_install"}
    test_module = "cae_base"
    test_class = "BenchScaleGrid"
    test_sequence = 0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        cls.company._cae_check_contribution_setup()
        cls.generator = BalanceDataGenerator(cls.env, cls.company)

    def _best(self, func):
        """``(result, best seconds, queries)`` of ``func()`` over REPEAT runs,
        cold ORM caches each time."""
        best, result, queries = None, None, 0
        for _i in range(REPEAT):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            started = time.perf_counter()
            result = func()
            seconds = time.perf_counter() - started
            queries = self.env.cr.sql_log_count - before
            best = seconds if best is None else min(best, seconds)
        return result, best, queries

    def _hand_written(self, activities):
        """Leaf sums ``{analytic_id: {code: Σ(debit − credit)}}`` in one
        hand-written query (prefixes as LIKE patterns)."""
        indicators = self.env["cae.balance.indicator"].search(
            [("company_id", "=", self.company.id), ("kind", "=", "accounts")]
        )
        codes, included, excluded, positions, signs = [], [], [], [], []
        for indicator in indicators:
            inc, exc = parse_prefixes(indicator.account_prefixes)
            codes.append(indicator.code)
            # One array literal per leaf: "{41%,42%}".
            included.append("{" + ",".join(f"{p}%" for p in inc) + "}")
            excluded.append("{" + ",".join(f"{p}%" for p in exc) + "}")
            positions.append(indicator.balance_type == "position")
            # Σ(debit − credit), or Σ(credit − debit) for revenue and result.
            signs.append(-1 if indicator.sign == "credit" else 1)
        column = self.company._get_cae_activity_plan()._column_name()
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT aal.%(column)s, leaf.code, -SUM(leaf.sign * aal.amount)
                  FROM account_analytic_line aal
                  JOIN account_move_line aml
                    ON aml.id = aal.move_line_id AND aml.parent_state = 'posted'
                  JOIN account_account acc ON acc.id = aal.general_account_id
                  JOIN unnest(%(codes)s::varchar[], %(included)s::text[],
                              %(excluded)s::text[], %(positions)s::bool[],
                              %(signs)s::int[])
                       AS leaf(code, included, excluded, position, sign)
                    ON (acc.code_store->>%(root)s) LIKE ANY(leaf.included::text[])
                   AND NOT (acc.code_store->>%(root)s) LIKE ANY(leaf.excluded::text[])
                 WHERE aal.%(column)s = ANY(%(analytic_ids)s)
                   AND aal.date <= %(date_to)s
                   AND (leaf.position OR aal.date >= %(date_from)s)
              GROUP BY 1, 2
                """,
                column=SQL.identifier(column),
                codes=codes,
                included=included,
                excluded=excluded,
                positions=positions,
                signs=signs,
                root=str(self.company.root_id.id),
                analytic_ids=activities.analytic_account_id.ids,
                date_from=DATE_FROM,
                date_to=DATE_TO,
            )
        )
        sums = {}
        for analytic_id, code, amount in rows:
            sums.setdefault(analytic_id, {})[code] = amount
        return sums, set(codes)

    def test_grid_against_hand_written(self):
        figures = []
        for size in SIZES:
            started = time.perf_counter()
            activities = self.generator.ensure_activities(size)
            generated = time.perf_counter() - started
            self.assertEqual(len(activities), size)
            ours, ours_s, ours_q = self._best(
                lambda acts=activities: acts._get_indicator_values(
                    date_from=DATE_FROM, date_to=DATE_TO
                )
            )
            (hand, leaves), hand_s, hand_q = self._best(
                lambda acts=activities: self._hand_written(acts)
            )
            print(
                f"\n{size} activities: ours {ours_s:.3f} s ({ours_q} queries), "
                f"hand-written {hand_s:.3f} s ({hand_q} queries), "
                f"ratio {ours_s / hand_s:.2f}",
                flush=True,
            )
            # The same figures: every leaf of every activity.
            round_ = self.company.currency_id.round
            for activity in activities:
                expected = hand.get(activity.analytic_account_id.id, {})
                for code in leaves:
                    self.assertAlmostEqual(
                        ours[activity.id][code],
                        round_(expected.get(code, 0.0)),
                        places=2,
                        msg=f"{activity.name} {code}",
                    )
            figures.append(
                (
                    size,
                    self.generator.analytic_line_count(),
                    generated,
                    ours_s,
                    ours_q,
                    hand_s,
                    hand_q,
                )
            )
        print("\n\nIndicator grid vs one hand-written SQL aggregate (best of 3)")
        print(
            f"{'activities':>10} {'lines':>10} {'data s':>7} {'ours s':>8} "
            f"{'q':>3} {'hand s':>8} {'q':>3} {'ratio':>6}"
        )
        for size, lines, generated, ours_s, ours_q, hand_s, hand_q in figures:
            print(
                f"{size:>10} {lines:>10} {generated:>7.0f} {ours_s:>8.3f} "
                f"{ours_q:>3} {hand_s:>8.3f} {hand_q:>3} {ours_s / hand_s:>6.2f}"
            )
        for size, _lines, _g, ours_s, _oq, hand_s, _hq in figures:
            self.assertLessEqual(
                ours_s / hand_s,
                TARGET,
                f"{size} activities: the grid takes more than {TARGET}× the "
                "hand-written aggregate",
            )

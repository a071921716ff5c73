# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Counted assertions for the paths whose cost must not grow with the data.

A path run on a small and on a large set of records must send the same
number of reading queries; what it writes may grow only by the ORM's
batches (one INSERT per 100 rows at most, ``INSERT_BATCH_SIZE``). Comparing
two sizes catches a query per record whatever the add-ons installed, where
a fixed ``assertQueryCount`` would change with each of them.
"""

from contextlib import contextmanager
from unittest.mock import patch

from odoo.sql_db import Cursor
from odoo.tools import SQL

WRITES = ("INSERT", "UPDATE", "DELETE")


class QueryCountMixin:
    """For test cases: ``_count_queries`` and ``assertQueriesDoNotGrow``."""

    @contextmanager
    def _counting(self):
        """Yields ``{"reads": n, "writes": n}``, filled when the block ends
        (pending writes of the ORM flushed inside the block)."""
        self.env.flush_all()
        self.env.invalidate_all()
        statements = []
        execute = Cursor.execute

        def counting_execute(cursor, query, params=None, log_exceptions=True):
            code = query.code if isinstance(query, SQL) else str(query)
            statements.append(" ".join(code.split())[:200])
            return execute(cursor, query, params, log_exceptions)

        counts = {}
        with patch.object(Cursor, "execute", counting_execute):
            yield counts
            self.env.flush_all()
        reads = [s for s in statements if not s.upper().startswith(WRITES)]
        counts.update(
            reads=len(reads), writes=len(statements) - len(reads), statements=reads
        )

    def _count_queries(self, func):
        """``(result of func(), reads, writes)``; the reading statements of
        the last call are kept for the failure message."""
        with self._counting() as counts:
            result = func()
        self._last_reads = counts["statements"]
        return result, counts["reads"], counts["writes"]

    def assertQueriesDoNotGrow(self, small, large, max_reads=None, label=""):
        """``small`` and ``large``: the ``(result, reads, writes)`` of one
        path on two sizes of data. The reads do not grow (and are at most
        ``max_reads``); the writes may grow by the ORM's batches only."""
        _result, small_reads, small_writes = small
        _result, large_reads, large_writes = large
        self.assertLessEqual(
            large_reads,
            small_reads,
            f"{label}: the reading queries grow with the data "
            f"({small_reads} then {large_reads}):\n"
            + "\n".join(getattr(self, "_last_reads", [])),
        )
        if max_reads is not None:
            self.assertLessEqual(large_reads, max_reads, label)
        self.assertLessEqual(
            large_writes - small_writes,
            5,
            f"{label}: the writes grow with the data "
            f"({small_writes} then {large_writes})",
        )

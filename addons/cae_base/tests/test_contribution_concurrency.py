# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two transactions saving overlapping contribution rules: one succeeds.

The Python check of ``cae.contribution.rule`` cannot see a rule another
transaction has not committed yet; the exclusion constraint ``no_overlap``
can. The fixtures (a company of its own) are committed, each attempt runs
in its own cursor and thread and commits, and everything is removed at the
end.
"""

import threading
import time
import uuid

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.service.model import _as_validation_error
from odoo.tests.common import TransactionCase
from odoo.tools import SQL, mute_logger

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

# Errors a refused concurrent rule may end with.
REFUSALS = (ValidationError, psycopg2.IntegrityError)


class TestConcurrentContributionRules(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls.registry.cursor() as cr:
            env = cls._env(cr)
            company = env["res.company"].create(
                {"name": f"Concurrent rules {uuid.uuid4().hex[:8]}"}
            )
            cr.commit()  # pylint: disable=invalid-commit
            cls.company_id = company.id
        cls.addClassCleanup(cls._remove_fixtures)

    @classmethod
    def _env(cls, cr):
        return api.Environment(cr, SUPERUSER_ID, dict(DISABLED_MAIL_CONTEXT))

    def setUp(self):
        super().setUp()
        self.addCleanup(self._remove_rules)

    @classmethod
    def _remove_rules(cls):
        with cls.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "DELETE FROM cae_contribution_rule WHERE company_id = %s",
                    cls.company_id,
                )
            )
            cr.commit()  # pylint: disable=invalid-commit

    @classmethod
    def _remove_fixtures(cls):
        cls._remove_rules()
        with cls.registry.cursor() as cr:
            cls._env(cr)["res.company"].browse(cls.company_id).active = False
            cr.commit()  # pylint: disable=invalid-commit

    def _count(self):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT count(*) FROM cae_contribution_rule WHERE company_id = %s",
                    self.company_id,
                )
            )
            return cr.fetchone()[0]

    def _attempt(self, vals, results, before_commit=None):
        """Create a rule of ``vals`` in a cursor of its own, then commit."""
        try:
            with self.registry.cursor() as cr:
                env = self._env(cr)
                env["cae.contribution.rule"].create(
                    {"company_id": self.company_id, "rate": 10.0, **vals}
                )
                if before_commit:
                    before_commit()
                cr.commit()  # pylint: disable=invalid-commit
            results.append("saved")
        except REFUSALS as error:
            results.append(error)

    def _interleaved(self, first, second):
        """A saves its rule and waits; B saves while A's row is uncommitted
        (B's Python check cannot see it); A commits. Outcomes of A and B."""
        a_wrote, a_may_commit = threading.Event(), threading.Event()
        results_a, results_b = [], []

        def hold():
            a_wrote.set()
            a_may_commit.wait(timeout=30)

        thread_a = threading.Thread(target=self._attempt, args=(first, results_a, hold))
        thread_b = threading.Thread(target=self._attempt, args=(second, results_b))
        with mute_logger("odoo.sql_db"):
            thread_a.start()
            self.assertTrue(a_wrote.wait(timeout=30))
            thread_b.start()
            time.sleep(1.0)  # let B reach PostgreSQL, which makes it wait for A
            a_may_commit.set()
            thread_a.join(timeout=60)
            thread_b.join(timeout=60)
        return results_a, results_b

    def test_overlapping_rules_saved_at_once(self):
        """Two default rules without end, from January and from June."""
        results_a, results_b = self._interleaved(
            {"name": "A", "date_from": "2026-01-01"},
            {"name": "B", "date_from": "2026-06-01"},
        )
        self.assertEqual(results_a, ["saved"])
        self.assertIsInstance(results_b[0], psycopg2.errors.ExclusionViolation)
        self.assertEqual(self._count(), 1)

    def test_the_second_writer_gets_a_clear_message(self):
        """Through the web client, Odoo turns the refusal into the
        constraint's message (what ``odoo.service.model.retrying`` does)."""
        _results_a, results_b = self._interleaved(
            {"name": "A", "date_from": "2026-01-01"},
            {"name": "B", "date_from": "2026-01-01", "date_to": "2026-03-31"},
        )
        with self.registry.cursor() as cr:
            env = self._env(cr)(context={"lang": "en_US"})
            error = _as_validation_error(env, results_b[0])
        self.assertIsInstance(error, ValidationError)
        self.assertIn("cannot be valid on the same day", str(error))

    def test_rules_that_do_not_overlap_are_both_saved(self):
        """The constraint refuses overlaps only: one year, then the next."""
        results_a, results_b = self._interleaved(
            {"name": "2026", "date_from": "2026-01-01", "date_to": "2026-12-31"},
            {"name": "2027", "date_from": "2027-01-01", "rate": 8.0},
        )
        self.assertEqual((results_a, results_b), (["saved"], ["saved"]))
        self.assertEqual(self._count(), 2)

    def test_database_alone_stops_overlapping_inserts(self):
        """Whatever the code path: two raw inserts in concurrent transactions,
        the second one waits for the first and is refused when it commits."""
        statement = SQL(
            """
            INSERT INTO cae_contribution_rule
                (name, company_id, base, rate, date_from, active)
            VALUES ('{"en_US": "RAW"}', %(company)s, 'turnover', 10, '2026-01-01', TRUE)
            """,
            company=self.company_id,
        )
        inserted, outcome = threading.Event(), []

        def second():
            inserted.wait(timeout=30)
            try:
                with self.registry.cursor() as cr:
                    cr.execute(statement)
                    cr.commit()  # pylint: disable=invalid-commit
                outcome.append("saved")
            except psycopg2.Error as error:
                outcome.append(error)

        with mute_logger("odoo.sql_db"), self.registry.cursor() as cr:
            cr.execute(statement)
            thread = threading.Thread(target=second)
            thread.start()
            inserted.set()
            time.sleep(1.0)  # the second insert now waits for this transaction
            cr.commit()  # pylint: disable=invalid-commit
            thread.join(timeout=60)
        self.assertIsInstance(outcome[0], psycopg2.errors.ExclusionViolation)
        self.assertEqual(self._count(), 1)

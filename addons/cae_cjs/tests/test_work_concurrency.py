# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two facilitators recording a minor's hours at once: the law still holds.

A minor has 5 hours on 1 July; two transactions each add 3 hours. Each
one's Python check alone sees 8 hours, the legal maximum; together they
would make 11. The participant's row lock makes the second one fail to
serialize (Odoo replays it, and the replay is refused in clear); the
constraint trigger refuses raw inserts at commit. The fixtures are
committed (other cursors must see them) and removed at the end.
"""

import threading
import time
import uuid
from datetime import date

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase
from odoo.tools import SQL, mute_logger

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

DAY = date(2026, 7, 1)
# Errors a refused concurrent recording may end with.
REFUSALS = (ValidationError, psycopg2.Error)


class TestConcurrentHours(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls.registry.cursor() as cr:
            env = cls._env(cr)
            project = env["cae.cjs.project"].create(
                {
                    "name": f"CJS concurrency {uuid.uuid4().hex[:8]}",
                    "kind": "cjs",
                    "municipality": "Bègles",
                    "date_start": date(2026, 7, 1),
                    "date_end": date(2026, 8, 31),
                }
            )
            minor = env["cae.cjs.participant"].create(
                {
                    "project_id": project.id,
                    "name": "Mineure concurrente",
                    "birth_date": date(2009, 9, 1),
                }
            )
            cr.commit()  # pylint: disable=invalid-commit
            cls.project_id, cls.minor_id = project.id, minor.id
        cls.addClassCleanup(cls._remove_fixtures)

    @classmethod
    def _env(cls, cr):
        return api.Environment(cr, SUPERUSER_ID, dict(DISABLED_MAIL_CONTEXT))

    def setUp(self):
        super().setUp()
        self.addCleanup(self._remove_hours)
        with self.registry.cursor() as cr:
            self._record(self._env(cr), 5.0)
            cr.commit()  # pylint: disable=invalid-commit

    @classmethod
    def _remove_hours(cls):
        with cls.registry.cursor() as cr:
            cr.execute(
                SQL("DELETE FROM cae_cjs_work WHERE project_id = %s", cls.project_id)
            )
            cr.commit()  # pylint: disable=invalid-commit

    @classmethod
    def _remove_fixtures(cls):
        cls._remove_hours()
        with cls.registry.cursor() as cr:
            env = cls._env(cr)
            env["cae.cjs.participant"].browse(cls.minor_id).unlink()
            env["cae.cjs.project"].browse(cls.project_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _record(self, env, hours):
        return env["cae.cjs.work"].create(
            {
                "project_id": self.project_id,
                "participant_id": self.minor_id,
                "date": DAY,
                "hours": hours,
            }
        )

    def _hours(self):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT COALESCE(SUM(hours), 0) FROM cae_cjs_work "
                    "WHERE participant_id = %s AND date = %s",
                    self.minor_id,
                    DAY,
                )
            )
            return float(cr.fetchone()[0])

    def _attempt(self, results, before_commit=None):
        """Record 3 hours in a cursor of its own, then commit."""
        try:
            with self.registry.cursor() as cr:
                self._record(self._env(cr), 3.0)
                if before_commit:
                    before_commit()
                cr.commit()  # pylint: disable=invalid-commit
            results.append("recorded")
        except REFUSALS as error:
            results.append(error)

    def test_second_facilitator_is_serialized_then_refused(self):
        a_wrote, a_may_commit = threading.Event(), threading.Event()
        results_a, results_b = [], []

        def hold():
            a_wrote.set()
            a_may_commit.wait(timeout=30)

        thread_a = threading.Thread(target=self._attempt, args=(results_a, hold))
        thread_b = threading.Thread(target=self._attempt, args=(results_b,))
        with mute_logger("odoo.sql_db"):
            thread_a.start()
            self.assertTrue(a_wrote.wait(timeout=30))
            thread_b.start()
            time.sleep(1.0)  # B now waits for the participant's row lock
            a_may_commit.set()
            thread_a.join(timeout=60)
            thread_b.join(timeout=60)
        self.assertEqual(results_a, ["recorded"])
        self.assertIsInstance(results_b[0], psycopg2.errors.SerializationFailure)
        self.assertEqual(self._hours(), 8.0)
        # What Odoo does with a serialization failure: replay the request,
        # which now sees the 8 hours and says why in clear.
        replay = []
        self._attempt(replay)
        self.assertIsInstance(replay[0], ValidationError)
        self.assertIn("allows 8,00 hours a day", str(replay[0]))
        self.assertEqual(self._hours(), 8.0)

    def test_database_alone_stops_two_raw_inserts(self):
        """Whatever the code path: two raw inserts of 3 hours in concurrent
        transactions, the first commits while the second is open; at commit
        the trigger locks the participant, so the second cannot commit."""
        statement = SQL(
            "INSERT INTO cae_cjs_work (project_id, participant_id, date, hours, "
            "max_daily_hours, max_weekly_hours) VALUES (%s, %s, %s, 3, 8, 35)",
            self.project_id,
            self.minor_id,
            DAY,
        )
        inserted, first_committed, outcome = threading.Event(), threading.Event(), []

        def second():
            try:
                with self.registry.cursor() as cr:
                    cr.execute(statement)
                    inserted.set()
                    first_committed.wait(timeout=30)
                    cr.commit()  # pylint: disable=invalid-commit
                outcome.append("recorded")
            except psycopg2.Error as error:
                outcome.append(error)

        with mute_logger("odoo.sql_db"), self.registry.cursor() as cr:
            cr.execute(statement)
            thread = threading.Thread(target=second)
            thread.start()
            self.assertTrue(inserted.wait(timeout=30))
            cr.commit()  # pylint: disable=invalid-commit
            first_committed.set()
            thread.join(timeout=60)
        self.assertIsInstance(
            outcome[0],
            psycopg2.errors.SerializationFailure | psycopg2.errors.CheckViolation,
        )
        self.assertEqual(self._hours(), 8.0)

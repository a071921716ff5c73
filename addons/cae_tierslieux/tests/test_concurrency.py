# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two transactions booking the same slot at once: exactly one succeeds.

The fixtures are committed (other cursors must see them) and removed at the
end; each booking attempt runs in its own cursor and thread, and commits.
"""

import threading
import time
from datetime import timedelta

import psycopg2

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase
from odoo.tools import SQL, mute_logger

from .common import MONDAY, paris

CONTEXT = {"tracking_disable": True, "mail_create_nolog": True, "lang": "en_US"}
# Errors a refused concurrent booking may end with.
REFUSALS = (
    ValidationError,
    psycopg2.IntegrityError,
    psycopg2.errors.SerializationFailure,
)


class TestConcurrentBooking(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
            calendar = env["resource.calendar"].create(
                {
                    "name": "Concurrency hours",
                    "tz": "Europe/Paris",
                    "attendance_ids": [
                        Command.create(
                            {
                                "name": str(day),
                                "dayofweek": str(day),
                                "hour_from": 8.0,
                                "hour_to": 18.0,
                                "day_period": "morning",
                            }
                        )
                        for day in range(5)
                    ],
                }
            )
            place = env["cae.tl.place"].create(
                {"name": "Concurrency place", "calendar_id": calendar.id}
            )
            room = env["cae.tl.resource"].create(
                {"name": "Contested room", "place_id": place.id, "kind": "room"}
            )
            desk = env["cae.tl.resource"].create(
                {
                    "name": "Last desk",
                    "place_id": place.id,
                    "kind": "desk",
                    "capacity": 1,
                }
            )
            partners = env["res.partner"].create(
                [{"name": "Concurrent A"}, {"name": "Concurrent B"}]
            )
            cr.commit()  # pylint: disable=invalid-commit
            cls.ids = {
                "calendar": calendar.id,
                "place": place.id,
                "room": room.id,
                "desk": desk.id,
                "partners": partners.ids,
            }
        cls.addClassCleanup(cls._remove_fixtures)

    def setUp(self):
        super().setUp()
        self.addCleanup(self._remove_bookings)

    @classmethod
    def _remove_bookings(cls):
        with cls.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "DELETE FROM cae_tl_booking WHERE resource_id IN %s",
                    (cls.ids["room"], cls.ids["desk"]),
                )
            )
            cr.commit()  # pylint: disable=invalid-commit

    @classmethod
    def _remove_fixtures(cls):
        cls._remove_bookings()
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
            env["cae.tl.resource"].browse([cls.ids["room"], cls.ids["desk"]]).unlink()
            env["cae.tl.place"].browse(cls.ids["place"]).unlink()
            env["resource.calendar"].browse(cls.ids["calendar"]).unlink()
            env["res.partner"].browse(cls.ids["partners"]).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _count(self, resource_id):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT count(*) FROM cae_tl_booking WHERE resource_id = %s "
                    "AND state != 'cancelled'",
                    resource_id,
                )
            )
            return cr.fetchone()[0]

    def _attempt(self, resource_id, partner_id, results, before_commit=None):
        """Book 10:00-12:00 on MONDAY in a cursor of its own, then commit."""
        try:
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
                booking = env["cae.tl.booking"].create(
                    {
                        "resource_id": resource_id,
                        "partner_id": partner_id,
                        "start": paris(MONDAY, 10),
                        "stop": paris(MONDAY, 10) + timedelta(hours=2),
                    }
                )
                booking.action_confirm()
                if before_commit:
                    before_commit()
                cr.commit()  # pylint: disable=invalid-commit
            results.append("booked")
        except REFUSALS as error:
            results.append(error)

    def _race(self, resource_id):
        """Both attempts start together; return their outcomes."""
        results = []
        barrier = threading.Barrier(2)

        def attempt(partner_id):
            barrier.wait(timeout=10)
            self._attempt(resource_id, partner_id, results)

        threads = [
            threading.Thread(target=attempt, args=(partner_id,))
            for partner_id in self.ids["partners"]
        ]
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        return results

    def _interleaved(self, resource_id):
        """A writes its booking and waits; B then tries while A's row is
        uncommitted (B's Python checks cannot see it); A commits. Returns
        the outcomes of A and B."""
        a_wrote, a_may_commit = threading.Event(), threading.Event()
        results_a, results_b = [], []

        def hold():
            a_wrote.set()
            a_may_commit.wait(timeout=30)

        thread_a = threading.Thread(
            target=self._attempt,
            args=(resource_id, self.ids["partners"][0], results_a, hold),
        )
        thread_b = threading.Thread(
            target=self._attempt,
            args=(resource_id, self.ids["partners"][1], results_b),
        )
        with mute_logger("odoo.sql_db"):
            thread_a.start()
            self.assertTrue(a_wrote.wait(timeout=30))
            thread_b.start()
            time.sleep(1.0)  # let B reach PostgreSQL, which makes it wait for A
            a_may_commit.set()
            thread_a.join(timeout=60)
            thread_b.join(timeout=60)
        return results_a, results_b

    def test_race_on_a_room(self):
        results = self._race(self.ids["room"])
        self.assertEqual(len(results), 2)
        self.assertEqual(results.count("booked"), 1, results)
        self.assertEqual(self._count(self.ids["room"]), 1)

    def test_race_on_the_last_desk(self):
        results = self._race(self.ids["desk"])
        self.assertEqual(results.count("booked"), 1, results)
        self.assertEqual(self._count(self.ids["desk"]), 1)

    def test_lock_stops_the_second_room_booking(self):
        """B waits on the room's lock while A is uncommitted, then fails to
        serialize: Odoo replays its request, which is refused in clear."""
        results_a, results_b = self._interleaved(self.ids["room"])
        self.assertEqual(results_a, ["booked"])
        self.assertIsInstance(results_b[0], psycopg2.errors.SerializationFailure)
        self.assertEqual(self._count(self.ids["room"]), 1)

    def test_database_alone_stops_overlapping_inserts(self):
        """Whatever the code path: two raw inserts of overlapping bookings in
        concurrent transactions, the second one waits for the first and is
        refused by the exclusion constraint when the first commits."""
        statement = SQL(
            """
            INSERT INTO cae_tl_booking
                (name, resource_id, place_id, company_id, partner_id, start, stop,
                 occupied_until, exclusive, state, units, people)
            VALUES ('RAW', %(room)s, %(place)s, %(company)s, %(partner)s,
                    %(start)s, %(stop)s, %(stop)s, TRUE, 'confirmed', 1, 1)
            """,
            room=self.ids["room"],
            place=self.ids["place"],
            company=self.env.company.id,
            partner=self.ids["partners"][0],
            start=paris(MONDAY, 10),
            stop=paris(MONDAY, 12),
        )
        inserted, outcome = threading.Event(), []

        def second():
            inserted.wait(timeout=30)
            try:
                with self.registry.cursor() as cr:
                    cr.execute(statement)
                    cr.commit()  # pylint: disable=invalid-commit
                outcome.append("booked")
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
        self.assertEqual(self._count(self.ids["room"]), 1)

    def test_lock_stops_the_second_desk_booking(self):
        """Same for the last free desk: counted under the lock."""
        results_a, results_b = self._interleaved(self.ids["desk"])
        self.assertEqual(results_a, ["booked"])
        self.assertIsInstance(results_b[0], psycopg2.errors.SerializationFailure)
        self.assertEqual(self._count(self.ids["desk"]), 1)

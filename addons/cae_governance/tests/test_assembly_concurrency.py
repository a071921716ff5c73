# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
from datetime import date, datetime

from odoo import Command
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tools import SQL, mute_logger

from .common_committed import SHARE_TABLES, CaeCommittedCompanyCase

VOTERS = 50
# Associates who send their vote twice at the same moment (two requests).
TWICE = 4
# Associates absent when the votes open: voting online marks them remote.
ABSENT = 10


class TestConcurrentVotes(CaeCommittedCompanyCase):
    """50 associates vote at the same moment, each in their own transaction
    (own cursor, committed), as 50 portal requests would, and 4 of them
    send their vote twice at once. No ballot may be lost, none counted
    twice. The data lives in a company of its own, committed, removed at
    the end."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = self._create_company(env, "CAE votes")
            env = env(context=dict(env.context, allowed_company_ids=[company.id]))
            share_class = env["cae.share.class"].create(
                {
                    "name": "Parts",
                    "code": "P",
                    "company_id": company.id,
                    "nominal_value": 10.0,
                    "min_shares": 1,
                    "allow_external": True,
                }
            )
            partners = env["res.partner"].create(
                [{"name": f"Votant {i:02d} {company.name}"} for i in range(VOTERS)]
            )
            associates = env["cae.associate"].create(
                [{"partner_id": p.id, "company_id": company.id} for p in partners]
            )
            env["cae.share.operation"].create(
                [
                    {
                        "operation_type": "subscription",
                        "associate_id": associate.id,
                        "company_id": company.id,
                        "share_class_id": share_class.id,
                        "quantity": 1,
                        "date": date(2025, 1, 15),
                        "initial_payment": 10.0,
                    }
                    for associate in associates
                ]
            ).action_validate()
            ordinary = env["cae.assembly.type"].search(
                [("company_id", "=", company.id), ("kind", "=", "ordinary")]
            )
            assembly = env["cae.assembly"].create(
                {
                    "name": "AG concurrente",
                    "type_id": ordinary.id,
                    "company_id": company.id,
                    "date": datetime(2026, 6, 12, 16, 0),
                    "online_vote_end": False,
                    "resolution_ids": [
                        Command.create({"name": "À main levée", "secret": False}),
                        Command.create({"name": "À bulletin secret", "secret": True}),
                    ],
                }
            )
            assembly.action_convene()
            assembly.attendance_ids[ABSENT:].write({"state": "present"})
            assembly.action_open_votes()
            self.company_id = company.id
            self.assembly_id = assembly.id
            self.associate_ids = associates.ids
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        self._remove_company(
            (
                "cae_assembly_ballot",
                "cae_assembly_participation",
                "cae_assembly_attendance",
                "cae_assembly_resolution",
                "cae_assembly",
                "cae_assembly_type",
                *SHARE_TABLES,
            ),
            SQL(
                "(model = 'cae.assembly' AND res_id = %s) OR "
                "(model = 'cae.associate' AND res_id IN %s)",
                self.assembly_id,
                tuple(self.associate_ids),
            ),
        )

    def _vote_in_thread(self, associate_id, choice, barrier, outcomes):
        try:
            with self.registry.cursor() as cr:
                env = self._env(cr)
                assembly = env["cae.assembly"].browse(self.assembly_id)
                associate = env["cae.associate"].browse(associate_id)
                votes = [
                    {"resolution": resolution, "associate": associate, "choice": choice}
                    for resolution in assembly.resolution_ids
                ]
                barrier.wait(timeout=60)
                retrying(
                    lambda: assembly._record_votes(
                        votes, channel="online", cast_by=associate
                    ),
                    env,
                )
            outcomes.append((associate_id, None))
        except Exception as exc:  # noqa: BLE001 - reported by the test
            outcomes.append((associate_id, exc))

    def test_fifty_associates_vote_at_once(self):
        choices = {
            associate_id: ("for", "against", "abstain")[index % 3]
            for index, associate_id in enumerate(self.associate_ids)
        }
        # Two absent ones and two present ones send their vote twice.
        twice = self.associate_ids[: TWICE // 2] + self.associate_ids[-TWICE // 2 :]
        jobs = list(choices.items()) + [(a, choices[a]) for a in twice]
        barrier = threading.Barrier(len(jobs))
        outcomes = []
        threads = [
            threading.Thread(
                target=self._vote_in_thread,
                args=(associate_id, choice, barrier, outcomes),
            )
            for associate_id, choice in jobs
        ]
        # Refused duplicates and retried transactions are logged: expected.
        with mute_logger("odoo.sql_db", "odoo.service.model"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
        self.assertEqual(len(outcomes), VOTERS + TWICE)
        failures = [(a, exc) for a, exc in outcomes if exc]
        # Only the second request of each associate voting twice fails: on
        # the unique index when both ran at once (Odoo turns the violation
        # into the constraint's message), or on the check when the first was
        # committed before the second started.
        self.assertEqual(sorted(a for a, _exc in failures), sorted(twice), failures)
        for _associate, exc in failures:
            self.assertTrue(
                "An associate votes once on each resolution" in str(exc)
                or "has already voted" in str(exc),
                exc,
            )

        with self.registry.cursor() as cr:
            env = self._env(cr)
            assembly = env["cae.assembly"].browse(self.assembly_id)
            # The secret ballots are counted at the closing.
            assembly.action_close()
            expected = {
                "for": sum(1 for c in choices.values() if c == "for"),
                "against": sum(1 for c in choices.values() if c == "against"),
                "abstain": sum(1 for c in choices.values() if c == "abstain"),
            }
            for resolution in assembly.resolution_ids:
                participations = env["cae.assembly.participation"].search(
                    [("resolution_id", "=", resolution.id)]
                )
                self.assertEqual(
                    sorted(participations.associate_id.ids), sorted(self.associate_ids)
                )
                ballots = env["cae.assembly.ballot"].search(
                    [("resolution_id", "=", resolution.id)]
                )
                self.assertEqual(len(ballots), VOTERS)
                self.assertRecordValues(
                    resolution,
                    [
                        {
                            "voter_count": VOTERS,
                            "count_for": expected["for"],
                            "count_against": expected["against"],
                            "count_abstain": expected["abstain"],
                        }
                    ],
                )
            # The absent voters took part online.
            self.assertEqual(assembly.remote_count, ABSENT)
            self.assertEqual(assembly.absent_count, 0)


class TestConcurrentRegister(CaeCommittedCompanyCase):
    """Two transactions at once (own cursors, committed, as two HTTP
    requests): proxies given to one holder by two users, and a vote
    committed while the votes are being closed."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = self._create_company(env, "CAE registre")
            env = env(context=dict(env.context, allowed_company_ids=[company.id]))
            share_class = env["cae.share.class"].create(
                {
                    "name": "Parts",
                    "code": "P",
                    "company_id": company.id,
                    "nominal_value": 10.0,
                    "min_shares": 1,
                    "allow_external": True,
                }
            )
            partners = env["res.partner"].create(
                [{"name": f"Associé {i:02d} {company.name}"} for i in range(10)]
            )
            associates = env["cae.associate"].create(
                [{"partner_id": p.id, "company_id": company.id} for p in partners]
            )
            env["cae.share.operation"].create(
                [
                    {
                        "operation_type": "subscription",
                        "associate_id": associate.id,
                        "company_id": company.id,
                        "share_class_id": share_class.id,
                        "quantity": 1,
                        "date": date(2025, 1, 15),
                        "initial_payment": 10.0,
                    }
                    for associate in associates
                ]
            ).action_validate()
            ordinary = env["cae.assembly.type"].search(
                [("company_id", "=", company.id), ("kind", "=", "ordinary")]
            )
            assembly = env["cae.assembly"].create(
                {
                    "name": "AG du registre",
                    "type_id": ordinary.id,
                    "company_id": company.id,
                    "date": datetime(2026, 6, 12, 16, 0),
                    "online_vote_end": False,
                    "resolution_ids": [
                        Command.create({"name": "À bulletin secret", "secret": True})
                    ],
                }
            )
            assembly.action_convene()
            assembly.attendance_ids[:5].write({"state": "present"})
            self.company_id = company.id
            self.assembly_id = assembly.id
            self.associate_ids = associates.ids
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        self._remove_company(
            (
                "cae_assembly_ballot",
                "cae_assembly_ballot_box",
                "cae_assembly_participation",
                "cae_assembly_attendance",
                "cae_assembly_resolution",
                "cae_assembly",
                "cae_assembly_type",
                *SHARE_TABLES,
            ),
            SQL(
                "(model = 'cae.assembly' AND res_id = %s) OR "
                "(model = 'cae.associate' AND res_id IN %s)",
                self.assembly_id,
                tuple(self.associate_ids),
            ),
        )

    def _line(self, env, associate_id):
        return env["cae.assembly.attendance"].search(
            [
                ("assembly_id", "=", self.assembly_id),
                ("associate_id", "=", associate_id),
            ]
        )

    def _represent_in_thread(self, associate_id, barrier, attempts, errors):
        holder_id = self.associate_ids[0]
        try:
            with self.registry.cursor() as cr:
                env = self._env(cr)
                # The transaction's snapshot starts with this first read: the
                # holder has no proxy yet.
                self._line(env, associate_id).mapped("state")
                barrier.wait(timeout=30)

                def represent():
                    attempts.append(associate_id)
                    self._line(env, associate_id).write(
                        {"state": "represented", "proxy_holder_id": holder_id}
                    )
                    env.flush_all()

                retrying(represent, env)
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    def test_two_proxies_for_one_holder_at_once(self):
        """Fewer than 20 associates: one proxy per holder. Two users give
        one each to the same holder at the same moment: one is refused."""
        barrier = threading.Barrier(2)
        attempts, errors = [], []
        threads = [
            threading.Thread(
                target=self._represent_in_thread,
                args=(associate_id, barrier, attempts, errors),
            )
            for associate_id in self.associate_ids[6:8]
        ]
        with mute_logger("odoo.sql_db", "odoo.service.model"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        self.assertEqual(len(errors), 1, errors)
        self.assertIn("would hold 2 proxies", str(errors[0]))
        # The second waited for the first, failed to write the holder's line
        # and was retried on fresh data, where the first proxy is.
        self.assertEqual(len(attempts), 3)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            held = env["cae.assembly.attendance"].search_count(
                [
                    ("assembly_id", "=", self.assembly_id),
                    ("proxy_holder_id", "=", self.associate_ids[0]),
                ]
            )
            self.assertEqual(held, 1)

    def test_vote_committed_while_closing_is_counted(self):
        """The closing counts the sealed ballots on its own snapshot: a vote
        committed after that snapshot makes it fail and retry, so that the
        ballot is counted, not left in the box."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            env["cae.assembly"].browse(self.assembly_id).action_open_votes()
            env.flush_all()
        voter_id = self.associate_ids[1]
        with self.registry.cursor() as close_cr:
            close_env = self._env(close_cr)
            assembly = close_env["cae.assembly"].browse(self.assembly_id)
            self.assertEqual(assembly.state, "open")  # the snapshot
            with self.registry.cursor() as vote_cr:
                vote_env = self._env(vote_cr)
                voter = vote_env["cae.associate"].browse(voter_id)
                vote_env["cae.assembly"].browse(self.assembly_id)._record_online_votes(
                    [
                        {
                            "resolution": vote_env["cae.assembly"]
                            .browse(self.assembly_id)
                            .resolution_ids,
                            "associate": voter,
                            "choice": "for",
                        }
                    ],
                    voter,
                )
            attempts = []

            def close():
                attempts.append(1)
                close_env["cae.assembly"].browse(self.assembly_id).action_close()

            with mute_logger("odoo.sql_db", "odoo.service.model"):
                retrying(close, close_env)
            self.assertEqual(len(attempts), 2)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            resolution = env["cae.assembly"].browse(self.assembly_id).resolution_ids
            self.assertRecordValues(
                resolution, [{"voter_count": 1, "count_for": 1, "result": "adopted"}]
            )
            cr.execute(
                SQL(
                    "SELECT count(*) FROM cae_assembly_ballot_box "
                    "WHERE assembly_id = %s",
                    self.assembly_id,
                )
            )
            self.assertEqual(cr.fetchone()[0], 0)

    def test_two_paper_batches_of_one_urn_at_once(self):
        """The urn of the room is opened once: two staff members enter the
        paper ballots of the same secret resolution at the same moment. The
        second, whose snapshot predates the first batch, fails on the
        resolution's row, is retried on fresh data and refused: the urn is
        counted once."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            env["cae.assembly"].browse(self.assembly_id).action_open_votes()
            env.flush_all()
        with self.registry.cursor() as late_cr:
            late_env = self._env(late_cr)
            assembly = late_env["cae.assembly"].browse(self.assembly_id)
            self.assertEqual(assembly.state, "open")  # the snapshot
            with self.registry.cursor() as first_cr:
                first_env = self._env(first_cr)
                first = first_env["cae.assembly"].browse(self.assembly_id)
                first._record_paper_batch(
                    first.resolution_ids,
                    first_env["cae.associate"].browse(self.associate_ids[:3]),
                    [{"choice": "for", "count": 3}],
                )
            attempts = []

            def enter_late_batch():
                attempts.append(1)
                late = late_env["cae.assembly"].browse(self.assembly_id)
                late._record_paper_batch(
                    late.resolution_ids,
                    late_env["cae.associate"].browse(self.associate_ids[3:5]),
                    [{"choice": "against", "count": 2}],
                )

            with (
                mute_logger("odoo.sql_db", "odoo.service.model"),
                self.assertRaisesRegex(UserError, "already counted"),
            ):
                retrying(enter_late_batch, late_env)
            self.assertEqual(len(attempts), 2)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            assembly = env["cae.assembly"].browse(self.assembly_id)
            self.assertEqual(
                env["cae.assembly.participation"].search_count(
                    [("resolution_id", "=", assembly.resolution_ids.id)]
                ),
                3,
            )
            assembly.action_close()
            self.assertRecordValues(
                assembly.resolution_ids,
                [{"voter_count": 3, "count_for": 3, "count_against": 0}],
            )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""General assemblies at the scale of a large CAE: wall time and SQL queries.

1,000 associates vote on 10 resolutions (5 open, 5 secret): 10,000 ballots,
the votes close (the 5,000 sealed secret ballots are counted into the
ballots table), then the results are counted, with and without voting
colleges.

Run with ``CAE_BENCH_DB=<db> setup/bench tests/benchmarks/bench_assembly.py``.
"""

import time
from contextlib import contextmanager
from datetime import date, datetime

from odoo import Command
from odoo.tests.common import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

ASSOCIATES = 1000
RESOLUTIONS = 10
ONLINE_VOTERS = 50
CHOICES = ("for", "for", "against", "abstain")


class BenchAssembly(TransactionCase):
    # Odoo tags only the test classes of odoo.addons.* modules by itself.
    test_tags = {"standard", "at_install"}
    test_module = "cae_governance"
    test_sequence = 0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = cls.env["res.company"].create(
            {"name": "CAE bench assemblies", "cae_capital_accounting": False}
        )
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        share_class = cls.env["cae.share.class"].create(
            {
                "name": "Parts",
                "code": "P",
                "company_id": cls.company.id,
                "nominal_value": 20.0,
                "min_shares": 1,
                "allow_external": True,
            }
        )
        partners = cls.env["res.partner"].create(
            [{"name": f"Associé {i:04d}"} for i in range(ASSOCIATES)]
        )
        colleges = cls.env["cae.assembly.college"].create(
            [
                {"name": "Entrepreneurs", "weight": 50},
                {"name": "Salariés", "weight": 30},
                {"name": "Partenaires", "weight": 20},
            ]
        )
        cls.associates = cls.env["cae.associate"].create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "college_id": colleges[index % 3].id,
                }
                for index, partner in enumerate(partners)
            ]
        )
        cls.env["cae.share.operation"].create(
            [
                {
                    "operation_type": "subscription",
                    "associate_id": associate.id,
                    "company_id": cls.company.id,
                    "share_class_id": share_class.id,
                    "quantity": 1,
                    "date": date(2025, 1, 15),
                    "initial_payment": 20.0,
                }
                for associate in cls.associates
            ]
        ).action_validate()
        cls.types = {
            t.kind: t
            for t in cls.env["cae.assembly.type"].search(
                [("company_id", "=", cls.company.id)]
            )
        }

    @contextmanager
    def _measure(self, label):
        self.env.flush_all()
        queries = self.env.cr.sql_log_count
        start = time.perf_counter()
        yield
        self.env.flush_all()
        elapsed = time.perf_counter() - start
        count = self.env.cr.sql_log_count - queries
        print(f"\n[bench] {label}: {elapsed:.2f} s, {count} queries")

    def _assembly(self, use_colleges=False):
        assembly = self.env["cae.assembly"].create(
            {
                "name": "AG bench",
                "type_id": self.types["ordinary"].id,
                "company_id": self.company.id,
                "date": datetime(2026, 6, 12, 16, 0),
                # Held in the past: online votes open until the closing.
                "online_vote_end": False,
                "use_colleges": use_colleges,
                "resolution_ids": [
                    Command.create({"name": f"Résolution {i}", "secret": i % 2 == 1})
                    for i in range(RESOLUTIONS)
                ],
            }
        )
        return assembly

    def _paper_votes(self, assembly, voters):
        """The room's ballots: voter by voter for the open votes, as the
        count of the urn (per college) for the secret ones."""
        choices = {
            associate: CHOICES[index % len(CHOICES)]
            for index, associate in enumerate(voters)
        }
        counts = {}
        for associate, choice in choices.items():
            college = associate.college_id.id if assembly.use_colleges else False
            counts[(college, choice)] = counts.get((college, choice), 0) + 1
        for resolution in assembly.resolution_ids:
            if resolution.secret:
                resolution._record_paper_batch(
                    voters.ids,
                    [
                        {"college_id": college, "choice": choice, "count": count}
                        for (college, choice), count in counts.items()
                    ],
                )
            else:
                resolution._record_paper_votes(
                    {associate.id: choice for associate, choice in choices.items()}
                )

    def test_tally_of_ten_thousand_ballots(self):
        assembly = self._assembly()
        with self._measure(f"convene: register of {ASSOCIATES} associates"):
            assembly.action_convene()
        assembly.attendance_ids.write({"state": "present"})
        with self._measure("open the votes (live quorum)"):
            assembly.action_open_votes()
        online, room = self.associates[:ONLINE_VOTERS], self.associates[ONLINE_VOTERS:]
        with self._measure(
            f"{ONLINE_VOTERS} online votes, one request each "
            f"({RESOLUTIONS} ballots per request)"
        ):
            for associate in online:
                assembly._record_votes(
                    [
                        {"resolution": r, "associate": associate, "choice": "for"}
                        for r in assembly.resolution_ids
                    ],
                    channel="online",
                    cast_by=associate,
                )
        with self._measure(
            f"paper ballots of {len(room)} voters on {RESOLUTIONS} resolutions "
            f"({len(room) * RESOLUTIONS} ballots, one call per resolution)"
        ):
            self._paper_votes(assembly, room)
        # The secret ballots stay sealed in the ballot box until the closing.
        self.assertEqual(
            self.env["cae.assembly.ballot"].search_count(
                [("assembly_id", "=", assembly.id)]
            ),
            ASSOCIATES * RESOLUTIONS // 2,
        )
        with self._measure(
            f"closing: {ASSOCIATES * RESOLUTIONS // 2} sealed ballots counted "
            "(moved in one shuffled batch)"
        ):
            assembly.action_close()
        self.assertEqual(
            self.env["cae.assembly.ballot"].search_count(
                [("assembly_id", "=", assembly.id)]
            ),
            ASSOCIATES * RESOLUTIONS,
        )
        self.env.invalidate_all()
        with self._measure(
            f"tally of {ASSOCIATES * RESOLUTIONS} ballots ({RESOLUTIONS} resolutions)"
        ):
            tallies = assembly.resolution_ids._get_tally()
        first = tallies[assembly.resolution_ids[0]]
        expected_for = ONLINE_VOTERS + sum(
            1 for i in range(len(room)) if CHOICES[i % 4] == "for"
        )
        self.assertEqual(first["count_for"], expected_for)
        self.assertEqual(first["voter_count"], ASSOCIATES)
        self.env.invalidate_all()
        with self._measure("results read through the fields (list view)"):
            assembly.resolution_ids.read(
                ["count_for", "count_against", "count_abstain", "result"]
            )
        self.env.invalidate_all()
        with self._measure("minutes (HTML rendering)"):
            self.env["ir.actions.report"]._render_qweb_html(
                "cae_governance.action_report_assembly_minutes", assembly.ids
            )

    def test_tally_by_colleges(self):
        assembly = self._assembly(use_colleges=True)
        assembly.action_convene()
        assembly.attendance_ids.write({"state": "present"})
        assembly.action_open_votes()
        self._paper_votes(assembly, self.associates)
        assembly.action_close()
        self.env.invalidate_all()
        with self._measure(
            f"tally of {ASSOCIATES * RESOLUTIONS} ballots weighted by 3 colleges"
        ):
            tallies = assembly.resolution_ids._get_tally()
        self.assertTrue(tallies[assembly.resolution_ids[0]]["share_for"])

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmarks of the closing (run with ``setup/bench``, not with the tests).

``CAE_BENCH_DB=cae_t_cjs_bench setup/bench tests/benchmarks/bench_cjs.py``
prints wall time and SQL queries of the hot paths: the figures of many
projects at once, and the closing of a busy project.
"""

import time
from datetime import date, timedelta

from odoo import Command

from odoo.addons.cae_base.tests.common import CaeAccountingCommon


class BenchCjs(CaeAccountingCommon):
    PROJECTS = 40
    INVOICES = 200
    PARTICIPANTS = 15
    WORK_DAYS = 60

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Project = cls.env["cae.cjs.project"]
        cls.facilitator = cls._new_user(
            "bench_facilitator", "cae_cjs.group_cjs_facilitator"
        )
        cls.projects = Project.create(
            [
                {
                    "name": f"Flashcoop {index:03d}",
                    "kind": "flashcoop",
                    "company_id": cls.company.id,
                    "date_start": date(2026, 6, 1),
                    "date_end": date(2026, 8, 31),
                    "facilitator_ids": [Command.set(cls.facilitator.ids)],
                    "participant_ids": [
                        Command.create(
                            {
                                "name": f"P{index}-{rank:02d}",
                                "birth_date": date(1995, 1, 1),
                            }
                        )
                        for rank in range(cls.PARTICIPANTS)
                    ],
                }
                for index in range(cls.PROJECTS)
            ]
        )
        cls.projects.action_start()
        cls.busy = cls.projects[0]
        cls.env["cae.cjs.work"].create(
            [
                {
                    "project_id": cls.busy.id,
                    "participant_id": participant.id,
                    "date": date(2026, 6, 1) + timedelta(days=day),
                    "hours": 1 + (participant.id + day) % 6,
                }
                for participant in cls.busy.participant_ids
                for day in range(cls.WORK_DAYS)
            ]
        )
        moves = cls.env["account.move"]
        for index in range(cls.INVOICES):
            project = cls.projects[index % cls.PROJECTS]
            move_type = "in_invoice" if index % 4 == 0 else "out_invoice"
            moves |= cls._invoice(project.activity_id, move_type, 100.0 + index)
        moves.action_post()

    def _measure(self, label, function):
        self.env.invalidate_all()
        queries = self.env.cr.sql_log_count
        started = time.perf_counter()
        function()
        elapsed = time.perf_counter() - started
        count = self.env.cr.sql_log_count - queries
        print(  # pylint: disable=print-used
            f"\n[bench cae_cjs] {label}: {elapsed * 1000:.0f} ms, {count} queries"
        )
        return count

    def test_figures_of_many_projects(self):
        figures = {}

        def run():
            figures.update(self.projects._get_result_figures())

        count = self._measure(f"revenue and costs of {self.PROJECTS} projects", run)
        self.assertEqual(len(figures), self.PROJECTS)
        self.assertLess(count, 15)

    def test_close_a_busy_project(self):
        self.busy.distribution_key = "mix"
        lines = self.PARTICIPANTS * self.WORK_DAYS
        count = self._measure(
            f"closing with {self.PARTICIPANTS} participants and {lines} hour lines",
            self.busy.action_close,
        )
        self.assertEqual(self.busy.state, "closed")
        self.assertAlmostEqual(
            sum(self.busy.distribution_line_ids.mapped("amount")),
            self.busy.distributed_amount,
        )
        self.assertLess(count, 60)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Admission threshold of the rules of the cooperative at 1,000 and 2,000
entrepreneurs.

Run with ``CAE_BENCH_DB=cae_t_rules_bench setup/bench tests/benchmarks/bench_rules.py``.

The activities and their posted documents come from the balance
benchmark's generator (bal_data.py: per month from January to October
2025, 1,000 of turnover and 300 of purchases re-invoiced, × a scale of 1
to 5); an entrepreneur is inserted in SQL for each. Under the Belgian rules
(DiES: 2,000 € of average gross margin a month over the last 6 whole
months), on 2025-11-15 each activity's average is 700 × scale.

Printed: SQL queries and wall time of the admission threshold of every
entrepreneur. The query count must not grow with the number of
entrepreneurs.
"""

import time

# tests/benchmarks is no package: pytest puts this folder on sys.path.
from bal_data import BalanceDataGenerator
from freezegun import freeze_time

from odoo.tests.common import TransactionCase
from odoo.tools import SQL

SIZES = (1000, 2000)
# The real clock, out of freezegun's reach (it replaces module attributes).
CLOCK = {"now": time.perf_counter}


class BenchRules(TransactionCase):
    # Outside odoo.addons, Odoo's test metaclass does not set these.
    test_tags = {"standard", "at_install"}
    test_module = "cae_base"
    test_class = "BenchRules"
    test_sequence = 0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        cls.company.cae_rule_set_id = cls.env.ref("cae_base.rule_set_belgium")
        cls.generator = BalanceDataGenerator(cls.env, cls.company)

    def _ensure_entrepreneurs(self, activities):
        """One entrepreneur (and contact) per activity that has none.

        Contacts through the ORM (in one batch), entrepreneurs in SQL: the
        ORM would create an activity, a path step and a sequence number each.
        """
        Entrepreneur = self.env["cae.entrepreneur"]
        done = Entrepreneur.search([("activity_id", "in", activities.ids)])
        new = activities - done.activity_id
        partners = self.env["res.partner"].create(
            [{"name": activity.name, "company_id": self.company.id} for activity in new]
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO cae_entrepreneur
                       (partner_id, name, company_id, activity_id, reference,
                        active, stage, create_date, write_date)
                SELECT partner_id, name, %(company)s, activity_id, '/', TRUE,
                       'cesa', now(), now()
                  FROM unnest(%(partners)s::int[], %(names)s::varchar[],
                              %(activities)s::int[])
                       AS new(partner_id, name, activity_id)
                """,
                company=self.company.id,
                partners=partners.ids,
                names=partners.mapped("name"),
                activities=new.ids,
            )
        )
        self.env.invalidate_all()
        return Entrepreneur.search([("activity_id", "in", activities.ids)], order="id")

    def _measure(self, entrepreneurs):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        start = CLOCK["now"]()
        met = entrepreneurs.mapped("admission_threshold_met")
        averages = entrepreneurs.mapped("admission_margin_average")
        seconds = CLOCK["now"]() - start
        return met, averages, self.env.cr.sql_log_count - before, seconds

    @freeze_time("2025-11-15")
    def test_admission_threshold_scaling(self):
        figures = {}
        for size in SIZES:
            activities = self.generator.ensure_activities(size)
            entrepreneurs = self._ensure_entrepreneurs(activities)
            self.assertEqual(len(entrepreneurs), size)
            met, averages, queries, seconds = self._measure(entrepreneurs)
            first = entrepreneurs[0]
            scale = self.generator.scale(first.activity_id)
            self.assertEqual(averages[0], 700.0 * scale)
            self.assertEqual(met[0], 700.0 * scale >= 2000.0)
            figures[size] = (queries, seconds, sum(met))
        print("\nAdmission threshold (DiES, 6 months), every entrepreneur")
        for size, (queries, seconds, met) in figures.items():
            print(
                f"  {size:>6} entrepreneurs: {queries:>3} queries, "
                f"{seconds:6.2f} s ({met} meet the threshold)"
            )
        small, large = (figures[size][0] for size in SIZES)
        # The ORM computes non-stored fields 1,000 records at a time (its
        # prefetch): each batch reads its entrepreneurs, the company's grid
        # and the indicators of all its activities in one query; nothing
        # grows per entrepreneur.
        batches = (SIZES[1] - SIZES[0]) // 1000
        self.assertLessEqual(
            large - small,
            batches * (small // (SIZES[0] // 1000)),
            "the query count grows faster than the ORM's batches",
        )

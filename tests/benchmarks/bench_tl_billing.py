# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Third-place billing of a place with 500 bookings a month (issue 16: ≤ 3 s).

Run with ``CAE_BENCH_DB=cae_bench_x setup/bench tests/benchmarks/bench_tl_billing.py``.

One place with 10 meeting rooms, 25 people from outside (one customer
invoice each) and 25 entrepreneurs (one internal charge each on their
activity), ten bookings each in July and in August 2026: 500 priced
bookings a month, bulk-inserted in SQL.

Measured (wall time, SQL queries, cold caches), in the same run:

- ours: the billing run of July (``cae.tl.billing.run._run_for``: find,
  group, label, 50 documents created and posted, bookings marked billed);
- Odoo alone, the baseline: August's 50 documents (the same 500 lines)
  created and posted by ``account.move.create`` + ``action_post`` from
  values prepared beforehand (not timed), i.e. what Odoo's accounting costs
  for these documents whoever prepares them.
"""

import time
from datetime import date, datetime, timedelta

import pytz

from odoo import Command
from odoo.tests.common import TransactionCase
from odoo.tools import SQL

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

JULY, AUGUST = date(2026, 7, 1), date(2026, 8, 1)
ROOMS, EXTERNALS, ENTREPRENEURS, PER_PERSON = 10, 25, 25, 10
TARGET = 3.0
PARIS = pytz.timezone("Europe/Paris")


class BenchTlBilling(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, lang="en_US", **DISABLED_MAIL_CONTEXT)
        )
        cls.company = cls.env.company
        if cls.company.chart_template != "fr":
            cls.env["account.chart.template"].try_loading(
                "fr", company=cls.company, install_demo=False
            )
        calendar = cls.env["resource.calendar"].create(
            {
                "name": "Bench hours",
                "tz": "Europe/Paris",
                "attendance_ids": [
                    Command.create(
                        {
                            "name": str(day),
                            "dayofweek": str(day),
                            "hour_from": 8.0,
                            "hour_to": 20.0,
                            "day_period": "morning",
                        }
                    )
                    for day in range(5)
                ],
            }
        )
        activity = cls.env["cae.activity"].create(
            {"name": "Bench billing place", "kind": "cooperative"}
        )
        cls.place = cls.env["cae.tl.place"].create(
            {
                "name": "Bench billing place",
                "calendar_id": calendar.id,
                "activity_id": activity.id,
            }
        )
        cls.rooms = cls.env["cae.tl.resource"].create(
            [
                {
                    "name": f"Room {index}",
                    "place_id": cls.place.id,
                    "kind": "room",
                    "capacity": 8,
                    "max_duration": 12.0,
                    "horizon_days": 400,
                }
                for index in range(ROOMS)
            ]
        )
        for category, hour in (("entrepreneur", 5.0), ("external", 8.0)):
            cls.env["cae.tl.price"].create(
                {
                    "place_id": cls.place.id,
                    "user_category": category,
                    "price_hour": hour,
                    "price_half_day": hour * 3,
                    "price_day": hour * 5,
                }
            )
        cls.externals = cls.env["res.partner"].create(
            [
                {"name": f"Bench customer {index}", "cae_tl_category": "external"}
                for index in range(EXTERNALS)
            ]
        )
        cls.entrepreneurs = cls.env["cae.entrepreneur"].create(
            [{"name": f"Bench member {index}"} for index in range(ENTREPRENEURS)]
        )
        cls.count = {month: cls._insert_bookings(month) for month in (JULY, AUGUST)}
        cls.results = []

    @classmethod
    def tearDownClass(cls):
        print("\n\nThird-place billing, one place, 500 bookings a month")
        print(f"{'measure':<58} {'seconds':>8} {'queries':>8}")
        for label, seconds, queries in cls.results:
            print(f"{label:<58} {seconds:>8.3f} {queries:>8}")
        super().tearDownClass()

    @classmethod
    def _insert_bookings(cls, month):
        """PER_PERSON bookings of 3 h (8:00, 11:00, 14:00 or 17:00) per
        person on the month's weekdays, never two in one room at once."""
        days, day = [], month
        while day.month == month.month:
            if day.weekday() < 5:
                days.append(day)
            day += timedelta(days=1)
        people = [(p.id, None, "external", 24.0) for p in cls.externals] + [
            (e.partner_id.id, e.id, "entrepreneur", 15.0) for e in cls.entrepreneurs
        ]
        rows = []
        for index, (partner, entrepreneur, category, amount) in enumerate(people):
            room = cls.rooms[index % ROOMS]
            hour = (8, 11, 14, 17)[(index // ROOMS) % 4]
            # People sharing a room and an hour take turns over the days.
            turn = index // (4 * ROOMS)
            for n in range(PER_PERSON):
                day = days[turn * PER_PERSON + n]
                start = (
                    PARIS.localize(datetime.combine(day, datetime.min.time()))
                    + timedelta(hours=hour)
                ).astimezone(pytz.utc)
                rows.append(
                    (room.id, partner, entrepreneur, category, amount, start, day)
                )
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL(
                """
                INSERT INTO cae_tl_booking
                    (name, resource_id, place_id, company_id, home_company_id,
                     host_partner_id, exclusive, partner_id, entrepreneur_id,
                     user_category, start, stop, occupied_until, date, duration,
                     units, people, state, amount, price_detail, credit_hours,
                     create_uid, create_date, write_uid, write_date)
                SELECT 'BENCH', r.id, r.place_id, r.company_id, r.company_id,
                       c.partner_id, r.exclusive, v.partner, v.entrepreneur,
                       v.category, v.start, v.start + interval '3 hours',
                       v.start + interval '3 hours', v.day, 3.0, 1, 1, 'done',
                       v.amount, '3 h by the hour', 0, %(uid)s, now(), %(uid)s, now()
                  FROM unnest(%(rooms)s::int[], %(partners)s::int[],
                              %(entrepreneurs)s::int[], %(categories)s::varchar[],
                              %(amounts)s::numeric[], %(starts)s::timestamp[],
                              %(days)s::date[])
                       AS v(room, partner, entrepreneur, category, amount, start, day)
                  JOIN cae_tl_resource r ON r.id = v.room
                  JOIN res_company c ON c.id = r.company_id
                """,
                rooms=[row[0] for row in rows],
                partners=[row[1] for row in rows],
                entrepreneurs=[row[2] for row in rows],
                categories=[row[3] for row in rows],
                amounts=[row[4] for row in rows],
                starts=[row[5].replace(tzinfo=None) for row in rows],
                days=[row[6] for row in rows],
                uid=cls.env.uid,
            )
        )
        count = cls.env.cr.rowcount
        cls.env.invalidate_all()
        return count

    def _measure(self, label, function):
        self.env.flush_all()
        self.env.invalidate_all()
        queries = self.env.cr.sql_log_count
        started = time.perf_counter()
        result = function()
        self.env.flush_all()
        seconds = time.perf_counter() - started
        self.results.append((label, seconds, self.env.cr.sql_log_count - queries))
        return result, seconds

    def _prepared(self, month):
        """The documents' values of ``month``, prepared by the run's own code."""
        run = self.env["cae.tl.billing.run"].create(
            {"place_id": self.place.id, "date_from": month}
        )
        bookings = self.env["cae.tl.booking"].search(
            run._billable_bookings_domain(), order="start, id"
        )
        charges = run._group_charges(bookings, run._billable_memberships())
        return [
            run._prepare_invoice(target, charge["lines"])
            if kind == "invoice"
            else run._prepare_internal_charge(target, charge["lines"])
            for (kind, target), charge in charges.items()
        ]

    def test_billing_500_bookings(self):
        self.assertEqual(self.count, {JULY: 500, AUGUST: 500})
        Run = self.env["cae.tl.billing.run"]
        run, ours = self._measure(
            "ours: billing run of July (500 bookings, 50 documents)",
            lambda: Run._run_for(self.place, JULY),
        )
        self.assertEqual(len(run.booking_ids), 500)
        self.assertEqual(len(run.move_ids), EXTERNALS + ENTREPRENEURS)
        self.assertTrue(all(move.state == "posted" for move in run.move_ids))
        # Invoices to the people from outside, internal charges (entries,
        # no tax) to the entrepreneurs' activities.
        self.assertEqual(
            (run.invoice_count, run.entry_count), (EXTERNALS, ENTREPRENEURS)
        )
        self.assertAlmostEqual(run.amount_invoiced, EXTERNALS * PER_PERSON * 24.0)
        self.assertAlmostEqual(run.amount_internal, ENTREPRENEURS * PER_PERSON * 15.0)
        vals_list = self._prepared(AUGUST)
        Move = self.env["account.move"].sudo()
        moves, odoo = self._measure(
            "Odoo alone: August's 50 documents created and posted",
            lambda: Move.create(vals_list).action_post() or Move.browse(),
        )
        self.results.append((f"ratio ours / Odoo alone: {ours / odoo:.2f}", 0.0, 0))
        self.assertLessEqual(ours, TARGET, f"billing took {ours:.1f} s")

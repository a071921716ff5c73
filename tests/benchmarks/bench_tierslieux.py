# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Third places at scale: 100,000 bookings over a year on 200 resources.

Four places open Monday to Friday 8:00-20:00 (Paris), each with 20 desk
spaces (10 desks each), 20 meeting rooms and 10 machines; 40 external users
and 25 CAE entrepreneurs per place. 100,000 bookings are bulk-inserted in
SQL (two a day, 9:00-12:00 and 14:00-17:00, on the first 250 weekdays of
2026, priced), through the exclusion constraint and its GiST index.

Measured (wall time, SQL queries):

- the availability search of one resource for one week (a room, a desk
  space), cold caches, and with the bookings of the whole year around;
- one booking through the ORM with every rule checked and priced;
- the monthly billing run of one place (2,200 bookings: customer invoices
  and internal charges, posted), its preparation alone (finding, grouping
  and preparing, before Odoo creates the moves), the same run again
  (nothing left to bill), then the billing of the three other places;
- the occupancy report of the year per place and month, and the network
  report of the year per place, home structure and month.

Run: ``CAE_BENCH_DB=cae_t_tl_bench setup/bench tests/benchmarks/bench_tierslieux.py``
"""

import time
from datetime import date, datetime, timedelta
from datetime import time as clock

import pytz

from odoo import Command
from odoo.tests.common import TransactionCase
from odoo.tools import SQL

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

PLACES = 4
DESK_SPACES, ROOMS, MACHINES = 20, 20, 10  # per place: 50 resources
EXTERNALS, ENTREPRENEURS = 40, 25  # per place
DAYS = 250  # first weekdays of 2026
JUNE = date(2026, 6, 1)
WEEK = date(2026, 6, 15)  # a Monday
PARIS = pytz.timezone("Europe/Paris")


class BenchTiersLieux(TransactionCase):
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
        cls.results = []
        started = time.perf_counter()
        cls._create_places()
        cls._create_people()
        setup_time = time.perf_counter() - started
        started = time.perf_counter()
        cls.booking_count = cls._insert_bookings()
        cls.insert_time = time.perf_counter() - started
        cls.results.append(("set-up: places, 200 resources, people", setup_time, None))

    @classmethod
    def tearDownClass(cls):
        print(
            f"\n\nThird places benchmark: {cls.booking_count:,} bookings on "
            f"{len(cls.resources)} resources, inserted in {cls.insert_time:.1f} s"
        )
        print(f"{'measure':<58} {'seconds':>9} {'queries':>8}")
        for label, seconds, queries in cls.results:
            queries = "" if queries is None else queries
            print(f"{label:<58} {seconds:>9.3f} {queries:>8}")
        super().tearDownClass()

    # ------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------
    @classmethod
    def _create_places(cls):
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
        activities = cls.env["cae.activity"].create(
            [
                {"name": f"Bench place {index}", "kind": "cooperative"}
                for index in range(PLACES)
            ]
        )
        cls.places = cls.env["cae.tl.place"].create(
            [
                {
                    "name": f"Bench place {index}",
                    "calendar_id": calendar.id,
                    "activity_id": activity.id,
                }
                for index, activity in enumerate(activities)
            ]
        )
        vals = []
        for place in cls.places:
            for kind, count, capacity in (
                ("desk", DESK_SPACES, 10),
                ("room", ROOMS, 12),
                ("machine", MACHINES, 1),
            ):
                vals += [
                    {
                        "name": f"{kind} {index}",
                        "place_id": place.id,
                        "kind": kind,
                        "capacity": capacity,
                        "max_duration": 12.0,
                        "horizon_days": 400,
                    }
                    for index in range(count)
                ]
        cls.resources = cls.env["cae.tl.resource"].create(vals)
        for place in cls.places:
            for category, hour, half, day in (
                ("entrepreneur", 5.0, 15.0, 25.0),
                ("external", 8.0, 25.0, 40.0),
            ):
                cls.env["cae.tl.price"].create(
                    {
                        "place_id": place.id,
                        "user_category": category,
                        "price_hour": hour,
                        "price_half_day": half,
                        "price_day": day,
                    }
                )

    @classmethod
    def _create_people(cls):
        """Per place: its external users, then its entrepreneurs."""
        cls.people = {}
        for place in cls.places:
            externals = cls.env["res.partner"].create(
                [
                    {
                        "name": f"External {place.id}-{index}",
                        "cae_tl_category": "external",
                    }
                    for index in range(EXTERNALS)
                ]
            )
            entrepreneurs = cls.env["cae.entrepreneur"].create(
                [
                    {"name": f"Entrepreneur {place.id}-{index}"}
                    for index in range(ENTREPRENEURS)
                ]
            )
            cls.people[place.id] = (externals, entrepreneurs)

    @classmethod
    def _insert_bookings(cls):
        """Two bookings a day per resource, 3 hours each, priced as the rate
        card says (3 h: 15.00 for entrepreneurs, 24.00 for externals)."""
        cls.env.flush_all()
        days, day = [], date(2026, 1, 1)
        while len(days) < DAYS:
            if day.weekday() < 5:
                days.append(day)
            day += timedelta(days=1)
        partners, entrepreneurs, categories, amounts = [], [], [], []
        for place in cls.places:
            externals, members = cls.people[place.id]
            for partner in externals:
                partners.append(partner.id)
                entrepreneurs.append(None)
                categories.append("external")
                amounts.append(24.0)
            for entrepreneur in members:
                partners.append(entrepreneur.partner_id.id)
                entrepreneurs.append(entrepreneur.id)
                categories.append("entrepreneur")
                amounts.append(15.0)
        per_place = EXTERNALS + ENTREPRENEURS
        cls.env.cr.execute(
            SQL(
                """
                WITH slots AS (
                    SELECT r.id AS resource_id, r.place_id, r.company_id,
                           r.exclusive, p.rank AS place_rank, r.id AS rid,
                           d.day, s.hour, d.n
                      FROM cae_tl_resource r
                      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rank
                              FROM cae_tl_place WHERE id IN %(places)s) p
                        ON p.id = r.place_id
                     CROSS JOIN unnest(%(days)s::date[]) WITH ORDINALITY AS d(day, n)
                     CROSS JOIN (VALUES (9), (14)) AS s(hour)
                ),
                picked AS (
                    SELECT slots.*,
                           place_rank * %(per_place)s
                           + mod(rid * 7 + n * 3 + hour, %(per_place)s) + 1 AS who
                      FROM slots
                ),
                timed AS (
                    SELECT picked.*,
                           ((day + hour * interval '1 hour')
                               AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'UTC'
                               AS start_utc
                      FROM picked
                )
                INSERT INTO cae_tl_booking
                    (name, resource_id, place_id, company_id, home_company_id,
                     host_partner_id, exclusive, partner_id,
                     entrepreneur_id, user_category, start, stop, occupied_until,
                     date, duration, units, people, state, amount, price_detail,
                     credit_hours, create_uid, create_date, write_uid, write_date)
                SELECT 'BENCH', resource_id, place_id, company_id, company_id,
                       (SELECT partner_id FROM res_company c
                         WHERE c.id = timed.company_id), exclusive,
                       (%(partners)s::int[])[who], (%(entrepreneurs)s::int[])[who],
                       (%(categories)s::varchar[])[who],
                       start_utc, start_utc + interval '3 hours',
                       start_utc + interval '3 hours', day, 3.0, 1, 1, 'done',
                       (%(amounts)s::numeric[])[who], '3h by the hour', 0,
                       %(uid)s, now(), %(uid)s, now()
                  FROM timed
                """,
                places=tuple(cls.places.ids),
                days=days,
                per_place=per_place,
                partners=partners,
                entrepreneurs=entrepreneurs,
                categories=categories,
                amounts=amounts,
                uid=cls.env.uid,
            )
        )
        count = cls.env.cr.rowcount
        cls.env.cr.execute("ANALYZE cae_tl_booking")
        cls.env.invalidate_all()
        return count

    # ------------------------------------------------------------------
    # Measures
    # ------------------------------------------------------------------
    def _measure(self, label, function, repeat=1):
        """Run ``function`` (cold caches), record mean time and queries."""
        total_time = total_queries = 0
        result = None
        for _i in range(repeat):
            self.env.flush_all()
            self.env.invalidate_all()
            queries = self.env.cr.sql_log_count
            started = time.perf_counter()
            result = function()
            self.env.flush_all()
            total_time += time.perf_counter() - started
            total_queries += self.env.cr.sql_log_count - queries
        self.results.append((label, total_time / repeat, total_queries // repeat))
        return result

    def test_1_availability_one_resource_week(self):
        self.assertEqual(self.booking_count, 100_000)
        place = self.places[0]
        room = self.resources.filtered(lambda r: r.place_id == place and r.exclusive)[0]
        desk = self.resources.filtered(lambda r: r.kind == "desk")[0]
        sunday = WEEK + timedelta(days=6)
        slots = self._measure(
            "availability: a room, one week, 1 h slots (mean of 5)",
            lambda: room._get_free_slots(WEEK, sunday, 1.0),
            repeat=5,
        )
        # Open 8-20, booked 9-12 and 14-17: 8:00, 12:00, 12:30, 13:00 and
        # 17:00 to 19:00 by half hours, five days.
        self.assertEqual(len(slots), 5 * 9)
        slots = self._measure(
            "availability: 10 desks, one week, 2 h for 3 desks (mean of 5)",
            lambda: desk._get_free_slots(WEEK, sunday, 2.0, units=3),
            repeat=5,
        )
        self.assertEqual(len(slots), 5 * 21)
        booking = self._measure(
            "one booking through the ORM, every rule, priced",
            lambda: self.env["cae.tl.booking"]
            .create(
                {
                    "resource_id": room.id,
                    "partner_id": self.people[place.id][0][0].id,
                    "start": self._utc(WEEK, 12),
                    "stop": self._utc(WEEK, 14),
                }
            )
            .action_confirm(),
        )
        self.assertTrue(booking)

    @staticmethod
    def _utc(day, hour):
        local = PARIS.localize(datetime.combine(day, clock(hour)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _prepare_billing(self, place):
        """What the run does before Odoo creates the moves: find the month's
        bookings and memberships, group them, prepare the moves' values."""
        run = self.env["cae.tl.billing.run"].create(
            {"place_id": place.id, "date_from": JUNE}
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

    def test_2_monthly_billing(self):
        Run = self.env["cae.tl.billing.run"]
        place = self.places[0]
        vals_list = self._measure(
            "billing preparation: one place, June (before account.move)",
            lambda: self._prepare_billing(self.places[1]),
        )
        self.assertEqual(len(vals_list), EXTERNALS + ENTREPRENEURS)
        self.env["cae.tl.billing.run"].search(
            [("place_id", "=", self.places[1].id)]
        ).unlink()
        run = self._measure(
            "billing run: one place, June (customer + internal)",
            lambda: Run._run_for(place, JUNE),
        )
        invoices = run.move_ids.filtered(lambda m: m.move_type == "out_invoice")
        entries = run.move_ids - invoices
        self.assertEqual(len(invoices), EXTERNALS)
        self.assertEqual(len(entries), ENTREPRENEURS)
        self.assertTrue(all(m.state == "posted" for m in run.move_ids))
        self.results.append(
            (
                f"  ({len(run.booking_ids)} bookings, {len(invoices)} invoices, "
                f"{len(entries)} internal charges)",
                0.0,
                None,
            )
        )
        self._measure(
            "billing run again: same place and month (nothing left)",
            lambda: Run._run_for(place, JUNE),
        )
        self.assertEqual(len(run.move_ids), EXTERNALS + ENTREPRENEURS)
        self._measure(
            "billing run: the three other places, June",
            lambda: [Run._run_for(other, JUNE) for other in self.places[1:]],
        )

    def test_3_occupancy_report(self):
        rows = self._measure(
            "occupancy report: a year per place and month",
            lambda: self.env["cae.tl.occupancy.report"]._read_group(
                [("place_id", "in", self.places.ids)],
                ["place_id", "month:month"],
                ["booked_hours:sum", "open_hours:sum", "occupancy_rate:sum"],
            ),
        )
        self.assertEqual(len(rows), PLACES * 12)

    def test_4_network_report(self):
        rows = self._measure(
            "network report: a year per place, home structure and month",
            lambda: self.env["cae.tl.network.report"]._read_group(
                [("place_id", "in", self.places.ids)],
                ["place_id", "home_partner_id", "month:month"],
                ["hours:sum", "member_count:sum", "billed_amount:sum"],
            ),
        )
        self.assertEqual(len(rows), PLACES * 12)

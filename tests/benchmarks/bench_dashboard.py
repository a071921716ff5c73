# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The entrepreneur's dashboard (``/my/activity/<id>/dashboard``): load time.

As the demo portal entrepreneur (lea), the page of her activity with the
demo documents, then with five years of generated documents on it (each
month 8 customer invoices, 6 of them paid, and 4 supplier bills, paid):
wall time of ``url_open`` (best and median of 5, warm) and SQL queries.

Run with ``CAE_BENCH_DB=<db> setup/bench tests/benchmarks/bench_dashboard.py``.
"""

import statistics
import time

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

YEARS = 5
INVOICES, PAID, BILLS = 8, 6, 4


class BenchDashboard(HttpCase):
    # Odoo tags only the test classes of odoo.addons.* modules by itself.
    test_tags = {"standard", "at_install"}
    test_module = "cae_base"
    test_sequence = 0

    def _time_page(self, label, url):
        self.url_open(url)  # warm
        times = []
        for _run in range(5):
            queries = self.env.cr.sql_log_count
            start = time.perf_counter()
            response = self.url_open(url)
            times.append(time.perf_counter() - start)
            queries = self.env.cr.sql_log_count - queries
            self.assertEqual(response.status_code, 200)
        print(
            f"BENCH dashboard {label}: best {min(times) * 1000:.0f} ms, "
            f"median {statistics.median(times) * 1000:.0f} ms, {queries} queries"
        )

    def _generate(self, activity):
        env = self.env(context=dict(self.env.context, **DISABLED_MAIL_CONTEXT))
        company = activity.company_id
        Move = env["account.move"].with_company(company)
        customer = env["res.partner"].create({"name": "Client bench"})
        supplier = env["res.partner"].create({"name": "Fournisseur bench"})
        today = fields.Date.context_today(activity)
        first = today.replace(day=1) - relativedelta(years=YEARS)
        count = 0
        for index in range(YEARS * 12):
            day = first + relativedelta(months=index, days=9)
            if day > today:
                break

            def vals(move_type, partner, price, day=day):
                return {
                    "move_type": move_type,
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "invoice_date": day,
                    "date": day,
                    "cae_activity_id": activity.id,
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "Prestation", "quantity": 1, "price_unit": price}
                        )
                    ],
                }

            invoices = Move.create(
                [vals("out_invoice", customer, 400.0 + i) for i in range(INVOICES)]
            )
            bills = Move.create(
                [vals("in_invoice", supplier, 100.0 + i) for i in range(BILLS)]
            )
            (invoices | bills).action_post()
            for moves in (invoices[:PAID], bills):
                env["account.payment.register"].with_company(company).with_context(
                    active_model="account.move", active_ids=moves.ids
                ).create(
                    {"payment_date": day + relativedelta(days=5)}
                )._create_payments()
            count += len(invoices) + len(bills)
        return count

    def test_dashboard_load_time(self):
        user = self.env["res.users"].search([("login", "=", "lea")])
        entrepreneur = self.env["cae.entrepreneur"].search(
            [("user_id", "=", user.id), ("activity_id", "!=", False)], limit=1
        )
        activity = entrepreneur.activity_id
        url = f"/my/activity/{activity.id}/dashboard"
        self.authenticate("lea", "lea")
        documents = self.env["account.move"].search_count(
            [("cae_activity_id", "=", activity.id)]
        )
        self._time_page(f"demo ({documents} documents)", url)
        start = time.perf_counter()
        count = self._generate(activity)
        print(
            f"BENCH generated {count} documents in {time.perf_counter() - start:.0f} s"
        )
        documents = self.env["account.move"].search_count(
            [("cae_activity_id", "=", activity.id)]
        )
        self._time_page(f"{YEARS} years ({documents} documents)", url)

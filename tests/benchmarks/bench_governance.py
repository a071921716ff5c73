# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Share capital at the scale of a large CAE: wall time and SQL queries.

Run with ``CAE_BENCH_DB=<db> setup/bench tests/benchmarks/bench_governance.py``.
"""

import time
from contextlib import contextmanager
from datetime import date

from odoo.tests.common import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

ASSOCIATES = 300


class BenchGovernance(TransactionCase):
    # Odoo tags only the test classes of odoo.addons.* modules by itself.
    test_tags = {"standard", "at_install"}
    test_module = "cae_governance"
    test_sequence = 0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = cls.env["res.company"].create(
            {"name": "CAE bench capital", "country_id": cls.env.ref("base.fr").id}
        )
        cls.env["account.chart.template"].try_loading(
            "fr", company=cls.company, install_demo=False
        )
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        share_class = cls.env["cae.share.class"].create(
            {
                "name": "Parts",
                "code": "P",
                "company_id": cls.company.id,
                "nominal_value": 25.0,
                "min_shares": 4,
                "allow_external": True,
            }
        )
        partners = cls.env["res.partner"].create(
            [{"name": f"Associé {i:04d}"} for i in range(ASSOCIATES)]
        )
        # Employees (salaried entrepreneurs) paying by salary deduction.
        cls.env["hr.employee"].create(
            [
                {"name": p.name, "work_contact_id": p.id, "company_id": cls.company.id}
                for p in partners
            ]
        )
        cls.associates = cls.env["cae.associate"].create(
            [
                {
                    "partner_id": p.id,
                    "company_id": cls.company.id,
                    "kind": "external",
                    "salary_deduction": True,
                    "salary_deduction_amount": 20.0,
                }
                for p in partners
            ]
        )
        bank = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.subscriptions = cls.env["cae.share.operation"].create(
            [
                {
                    "operation_type": "subscription",
                    "associate_id": associate.id,
                    "company_id": cls.company.id,
                    "share_class_id": share_class.id,
                    "quantity": 4 + index % 10,
                    "date": date(2025, 1, 1 + index % 28),
                    "call_count": 4,
                    "payment_journal_id": bank.id,
                }
                for index, associate in enumerate(cls.associates)
            ]
        )

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

    def test_capital(self):
        with self._measure(
            f"register {ASSOCIATES} subscriptions (with their releases and "
            "entries, one call)"
        ):
            self.subscriptions.action_validate()
        self.assertEqual(set(self.subscriptions.mapped("state")), {"done"})
        register = self.env["cae.share.register"]._get_for_company(self.company)
        self.env.invalidate_all()
        with self._measure(f"register of associates at a date ({ASSOCIATES})"):
            data = register._get_register_data(date(2026, 6, 30))
        self.assertEqual(len(data["rows"]), ASSOCIATES)
        self.env.invalidate_all()
        with self._measure(f"capital figures (floor: history of {ASSOCIATES * 2} ops)"):
            register.capital_floor  # noqa: B018
        self.env.invalidate_all()
        with self._measure("calls falling due (daily scheduled action)"):
            self.env["cae.share.operation"].cron_call_due_capital()
        self.env.invalidate_all()
        with self._measure(f"salary deductions of {ASSOCIATES} partners"):
            deductions = self.env["cae.associate"]._get_salary_deductions(
                self.associates.partner_id,
                date(2026, 6, 1),
                date(2026, 6, 30),
                company=self.company,
            )
        self.assertEqual(len([d for d in deductions.values() if d]), ASSOCIATES)
        self.env.invalidate_all()
        with self._measure("register XLSX"):
            self.env["ir.actions.report"]._render(
                "cae_governance.action_report_share_register_xlsx",
                register.ids,
                data={"date": "2026-06-30"},
            )

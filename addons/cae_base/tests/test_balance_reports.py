# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date

import openpyxl
from freezegun import freeze_time

from .common import CaeBalanceCommon

MARCH_END = date(2026, 3, 31)


class TestBalanceReports(CaeBalanceCommon):
    """The figures of test_balance_documents, as staff and entrepreneurs see
    them: pivot report, turnover report, form, XLSX and PDF."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity = cls.alice.activity_id
        cls.invoice = cls._post_document(
            cls.activity, "out_invoice", 1000.0, cls.sale_tax, "2026-03-15"
        )
        cls._register_payment(cls.invoice, 500.0, "2026-03-20")
        cls._post_document(
            cls.activity, "in_invoice", 300.0, cls.purchase_tax, "2026-03-18"
        )
        cls._post_expense_claim(cls.alice, 48.0, "2026-03-22")
        cls._post_document(cls.bob.activity_id, "out_invoice", 100.0)
        cls.env.flush_all()

    def _report_totals(self, activity, user=None):
        Report = self.env["cae.balance.report"]
        if user:
            Report = Report.with_user(user)
        groups = Report._read_group(
            [("activity_id", "=", activity.id)], ["indicator_id"], ["amount:sum"]
        )
        return {indicator.code: round(amount, 2) for indicator, amount in groups}

    def test_pivot_report_matches_the_engine(self):
        """The SQL view (prefixes matched in SQL, sums expanded recursively)
        gives the same figures as the Python engine."""
        expected = self.activity._get_indicator_values(date_to=MARCH_END)[
            self.activity.id
        ]
        totals = self._report_totals(self.activity)
        for code, amount in expected.items():
            with self.subTest(code=code):
                self.assertAlmostEqual(totals.get(code, 0.0), amount)
        self.assertEqual(totals["reference_treasury"], 8.0)
        self.assertEqual(totals["future_treasury"], 660.0)
        row = self.env["cae.balance.report"].search(
            [("activity_id", "=", self.activity.id), ("indicator_code", "=", "cash")]
        )
        self.assertRecordValues(
            row,
            [
                {
                    "date": date(2026, 3, 1),
                    "advisor_id": self.advisor.id,
                    "entrepreneur_id": self.alice.id,
                    "amount": 500.0,
                }
            ],
        )

    def test_monthly_values(self):
        months = self.activity._get_monthly_indicator_values(
            date(2026, 2, 1), date(2026, 4, 30), codes=["cash", "customers", "turnover"]
        )[self.activity.id]
        self.assertEqual(
            months,
            [
                (date(2026, 2, 1), {"cash": 0.0, "customers": 0.0, "turnover": 0.0}),
                (
                    date(2026, 3, 1),
                    {"cash": 500.0, "customers": 700.0, "turnover": 1000.0},
                ),
                # Positions carry over, movements start again.
                (
                    date(2026, 4, 1),
                    {"cash": 500.0, "customers": 700.0, "turnover": 0.0},
                ),
            ],
        )

    def test_invoiced_and_collected_turnover(self):
        groups = self.env["cae.turnover.report"]._read_group(
            [("activity_id", "=", self.activity.id)],
            ["date:month"],
            ["invoiced:sum", "collected:sum", "uncollected:sum"],
        )
        # 500 paid on 1,200 incl. VAT: 500 × 1,000 / 1,200 = 416.67 excl. VAT.
        ((month, invoiced, collected, uncollected),) = groups
        self.assertEqual(invoiced, 1000.0)
        self.assertAlmostEqual(collected, 416.67, places=2)
        self.assertAlmostEqual(uncollected, 583.33, places=2)

    @freeze_time("2026-03-31")
    def test_entrepreneur_form(self):
        alice = self.alice.with_user(self.entrepreneur_user).with_context(lang="fr_FR")
        self.assertEqual(alice.balance_reference_treasury, 8.0)
        self.assertEqual(alice.balance_future_treasury, 660.0)
        self.assertEqual(alice.balance_turnover, 1000.0)
        self.assertEqual(alice.balance_result, 660.0)
        self.assertIn("Trésorerie de référence", alice.balance_grid_html)
        action = alice.action_view_balance_chart()
        self.assertEqual(action["res_model"], "cae.balance.report")
        self.assertEqual(action["domain"], [("activity_id", "=", self.activity.id)])

    def test_entrepreneurs_see_their_own_rows_only(self):
        user = self.entrepreneur_user
        self.assertEqual(self._report_totals(self.bob.activity_id, user), {})
        self.assertEqual(self._report_totals(self.activity, user)["cash"], 500.0)
        visible = self.env["cae.turnover.report"].with_user(user).search([])
        self.assertEqual(visible.activity_id, self.activity)

    def test_xlsx_export_of_every_activity(self):
        export = self.env["cae.balance.export"].create(
            {
                "company_id": self.company.id,
                "date_from": "2026-01-01",
                "date_to": MARCH_END,
            }
        )
        content, report_type = (
            self.env["ir.actions.report"]
            .with_company(self.company)
            ._render_xlsx("cae_base.action_report_balance_grid_xlsx", export.ids, {})
        )
        self.assertEqual(report_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        headers = rows[3]
        self.assertEqual(headers[:2], ("Code", "Activity"))
        by_name = {row[1]: dict(zip(headers, row, strict=True)) for row in rows[4:]}
        alice = by_name[self.activity.name]
        self.assertEqual(alice["Reference treasury"], 8.0)
        self.assertEqual(alice["Turnover excl. VAT"], 1000.0)
        self.assertEqual(
            by_name[self.bob.activity_id.name]["Customers to collect"], 100.0
        )
        total = by_name["Total"]
        self.assertTrue(str(total["Cash today"]).startswith("=SUM("))

    def test_pdf_statement_in_french(self):
        self.alice.partner_id.lang = "fr_FR"
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "cae_base.report_balance_statement", self.activity.ids
        )
        html = html.decode() if isinstance(html, bytes) else html
        self.assertIn("Trésorerie de référence", html)
        self.assertIn("Les 12 derniers mois", html)
        self.assertIn(self.invoice.name, html)  # still to collect
        self.assertIn("<svg", html)

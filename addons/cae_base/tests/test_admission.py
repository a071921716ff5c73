# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from .common import CaeBalanceCommon


@freeze_time("2026-07-15")
class TestAdmissionThreshold(CaeBalanceCommon):
    """DiES: an average gross margin of at least 2,000 € a month.

    The Belgian set averages the last 6 whole months: on 2026-07-15, January
    to June 2026.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.cae_rule_set_id = cls.env.ref("cae_base.rule_set_belgium")

    def _admission(self, entrepreneur):
        return {
            fname: entrepreneur[fname]
            for fname in (
                "admission_threshold_met",
                "admission_margin_average",
                "admission_margin_total",
                "admission_threshold",
                "admission_months",
                "admission_date_from",
                "admission_date_to",
            )
        }

    def test_boundary_2000_met_1999_99_not_met(self):
        # Alice: 12,000.00 € of turnover over 6 months = 2,000.00 € a month.
        self._post_document(
            self.alice.activity_id, "out_invoice", 5000.0, date="2026-01-20"
        )
        self._post_document(
            self.alice.activity_id, "out_invoice", 7000.0, date="2026-06-30"
        )
        # Bob: the same turnover, less 0.06 € of purchases re-invoiced (607):
        # 11,999.94 / 6 = 1,999.99 € a month.
        self._post_document(
            self.bob.activity_id, "out_invoice", 12000.0, date="2026-03-10"
        )
        self._post_document(self.bob.activity_id, "in_invoice", 0.06, date="2026-03-11")
        # Outside the period: ignored.
        self._post_document(
            self.bob.activity_id, "out_invoice", 900.0, date="2025-12-31"
        )
        self._post_document(
            self.bob.activity_id, "out_invoice", 900.0, date="2026-07-01"
        )
        entrepreneurs = self.alice | self.bob
        entrepreneurs.invalidate_recordset()
        self.assertEqual(
            self._admission(self.alice),
            {
                "admission_threshold_met": True,
                "admission_margin_average": 2000.0,
                "admission_margin_total": 12000.0,
                "admission_threshold": 2000.0,
                "admission_months": 6,
                "admission_date_from": date(2026, 1, 1),
                "admission_date_to": date(2026, 6, 30),
            },
        )
        self.assertEqual(
            self._admission(self.bob),
            {
                "admission_threshold_met": False,
                "admission_margin_average": 1999.99,
                "admission_margin_total": 11999.94,
                "admission_threshold": 2000.0,
                "admission_months": 6,
                "admission_date_from": date(2026, 1, 1),
                "admission_date_to": date(2026, 6, 30),
            },
        )

    def _queries(self, entrepreneurs):
        entrepreneurs.invalidate_recordset()
        before = self.env.cr.sql_log_count
        entrepreneurs.mapped("admission_threshold_met")
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_entrepreneurs(self):
        others = self.env["cae.entrepreneur"].create(
            [
                {"name": f"Entrepreneur {i}", "company_id": self.company.id}
                for i in range(5)
            ]
        )
        self._post_document(
            others[0].activity_id, "out_invoice", 100.0, date="2026-02-02"
        )
        everyone = self.alice | self.bob | others
        self._queries(everyone)  # warm the caches of the company and its grid
        self.assertEqual(self._queries(everyone), self._queries(self.alice))

    def test_no_threshold_under_french_rules(self):
        self.company.cae_rule_set_id = self.env.ref("cae_base.rule_set_france")
        self._post_document(
            self.alice.activity_id, "out_invoice", 5000.0, date="2026-01-20"
        )
        self.assertFalse(self.alice.admission_threshold)
        self.assertFalse(self.alice.admission_threshold_met)

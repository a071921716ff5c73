# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import http
from odoo.tests import HttpCase, tagged

from .common import CaeBalanceCommon


@tagged("post_install", "-at_install")
class TestContributionUi(CaeBalanceCommon, HttpCase):
    def setUp(self):
        super().setUp()
        # Read the add-ons' manifests once, before the browser's parallel
        # requests: CPython 3.11.7 may fail to parse them in several threads
        # at once ("AST constructor recursion depth mismatch").
        self.assertTrue(http.root.statics)

    def test_accountant_posts_the_month(self):
        """The accountant, in French: New, Compute, the figures, Post."""
        self.accountant.write({"lang": "fr_FR", "tz": "Europe/Paris"})
        last_month = (date.today().replace(day=1) - timedelta(days=1)).replace(day=1)
        self.env["cae.contribution.rule"].create(
            {
                "name": "10 % du chiffre d'affaires",
                "company_id": self.company.id,
                "base": "turnover",
                "rate": 10.0,
                "date_from": last_month.replace(month=1),
            }
        )
        day = last_month + timedelta(days=9)
        self._post_document(self.alice.activity_id, "out_invoice", 1000.0, date=day)
        self._post_document(self.bob.activity_id, "out_invoice", 250.0, date=day)
        self.start_tour(
            "/odoo/action-cae_base.cae_contribution_run_action",
            "cae_contribution_run_tour",
            login="accountant_a",
        )
        run = self.env["cae.contribution.run"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertRecordValues(
            run,
            [
                {
                    "state": "posted",
                    "date_from": last_month,
                    "amount_total": 125.0,
                    "line_count": 2,
                }
            ],
        )
        self.assertEqual(run.move_id.state, "posted")
        self.assertEqual(
            {line.activity_id: line.amount for line in run.line_ids},
            {self.alice.activity_id: 100.0, self.bob.activity_id: 25.0},
        )

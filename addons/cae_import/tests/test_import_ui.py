# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestImportUi(HttpCase):
    def setUp(self):
        super().setUp()
        # Warm-up (see cae_base/tests/test_ui.py).
        self.assertTrue(http.root.statics)

    def test_import_wizard_tour(self):
        """An accountant, in French, checks a broken file, corrects it and
        imports it."""
        company = self.env.ref("base.main_company")
        new_test_user(
            self.env,
            login="tour_import",
            groups="base.group_user,cae_base.group_cae_accountant",
            company_id=company.id,
            company_ids=[company.id],
            lang="fr_FR",
            tz="Europe/Paris",
        )
        self.start_tour(
            "/odoo/action-cae_base.cae_contribution_run_action",
            "cae_import_wizard_tour",
            login="tour_import",
        )
        tina = self.env["cae.entrepreneur"].search([("reference", "=", "TOUR-1")])
        self.assertRecordValues(
            tina,
            [
                {
                    "name": "Tina Tournée",
                    "stage": "cesa",
                    "cape_date_end": date(2024, 5, 31),
                    "trial_end_date": date(2024, 7, 31),
                }
            ],
        )

    def test_import_customer_tour(self):
        """An accountant, in French, carries an open invoice over and reads
        the receivables before and after."""
        company = self.env.ref("base.main_company")
        new_test_user(
            self.env,
            login="tour_import_customer",
            groups="base.group_user,cae_base.group_cae_accountant",
            company_id=company.id,
            company_ids=[company.id],
            lang="fr_FR",
            tz="Europe/Paris",
        )
        activity = self.env["cae.activity"].create(
            {
                "name": "Activité de la visite",
                "code": "TOUR-ACT",
                "company_id": company.id,
            }
        )
        self.start_tour(
            "/odoo/action-cae_base.cae_contribution_run_action",
            "cae_import_customer_tour",
            login="tour_import_customer",
        )
        invoice = self.env["account.move"].search(
            [("cae_import_key", "=", "open:out_invoice:TOUR-CLI:F-1")]
        )
        self.assertRecordValues(
            invoice,
            [
                {
                    "state": "posted",
                    "amount_residual": 150.25,
                    "cae_activity_id": activity.id,
                    "date": date(2025, 12, 31),
                }
            ],
        )

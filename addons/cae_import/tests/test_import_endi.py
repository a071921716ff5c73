# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged
from odoo.tools import file_open

from .common import CaeImportCommon


@tagged("post_install", "-at_install")
class TestImportEndi(CaeImportCommon):
    """The samples of readme/USAGE.md: enDI's exports imported as they are."""

    def _sample(self, name):
        with file_open(f"cae_import/static/samples/{name}", "rb") as sample:
            return sample.read()

    def test_endi_exports(self):
        self.env = self.env(context=dict(self.env.context, lang="fr_FR"))
        wizard = self._wizard(
            "entrepreneur", self._sample("endi_userdatas.csv"), "endi_userdatas.csv"
        )
        errors, result = self._errors(wizard, dry_run=False)
        self.assertEqual(errors, [])
        self.assertEqual(result["counts"]["created"], 4)
        self.assertEqual(result["ignored"], ["Civilité", "Zone d'habitation"])
        Entrepreneur = self.env["cae.entrepreneur"]
        sophie, hugo, anais, louis = (
            Entrepreneur.search([("reference", "=", ref)])
            for ref in ("ENDI-101", "ENDI-102", "ENDI-103", "ENDI-104")
        )
        self.assertRecordValues(
            sophie,
            [
                {
                    "name": "Sophie Durand",
                    "email": "sophie.durand@example.fr",
                    "phone": "06 11 22 33 44",
                    "advisor_id": self.advisor.id,
                    "trade_id": self.env.ref("cae_base.trade_photographer").id,
                    "info_meeting_date": date(2023, 3, 14),
                    "welcome_interview_date": date(2023, 3, 28),
                    "stage": "cesa",
                    "cape_date_start": date(2023, 4, 3),
                    "cape_date_end": date(2023, 10, 2),
                    "cesa_date_start": date(2023, 10, 3),
                }
            ],
        )
        self.assertEqual(hugo.stage, "associate")
        self.assertTrue(hugo.associate_deadline_met)
        self.assertEqual(anais.stage, "exit")
        self.assertEqual(
            anais.exit_reason_id, self.env.ref("cae_base.exit_reason_salaried_job")
        )
        self.assertEqual(louis.stage, "candidate")

        suspense = self.env["account.account"].search(
            [("company_ids", "in", self.company.id), ("code", "=", "471000")]
        )
        journal = self.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", self.company.id)], limit=1
        )
        wizard = self._wizard(
            "activity",
            self._sample("endi_balances.csv"),
            "endi_balances.csv",
            opening_date=date(2025, 12, 31),
            journal_id=journal.id,
            suspense_account_id=suspense.id,
        )
        errors, result = self._errors(wizard, dry_run=False)
        self.assertEqual(errors, [])
        self.assertEqual(result["counts"]["created"], 2)
        self.assertEqual(sophie.activity_id.code, "PHOTO-SD")
        self.assertEqual(sophie.activity_id.name, "Sophie Durand Photographie")
        before, after = dict(result["before"]), dict(result["after"])
        label = next(k for k in after if "471000" in k)
        # 2 480,35 + 1 200 - 315,60 + 8 012 - 5 000 to clear on 471000.
        self.assertAlmostEqual(after[label] - before[label], -6376.75, places=2)

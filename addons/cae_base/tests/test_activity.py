# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2.errors import UniqueViolation

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import CaeCommon


class TestActivity(CaeCommon):
    def test_entrepreneur_gets_activity_and_analytic_account(self):
        activity = self.alice.activity_id
        account = activity.analytic_account_id
        plan = self.env.ref("cae_base.analytic_plan_cae_activities")
        self.assertRecordValues(
            activity,
            [{"name": "Alice Photographie", "company_id": self.company.id}],
        )
        self.assertEqual(account.name, "Alice Photographie")
        self.assertEqual(account.plan_id, plan)
        self.assertEqual(account.company_id, self.company)
        self.assertEqual(activity.entrepreneur_ids, self.alice)
        self.assertEqual(self.alice.analytic_account_id, account)
        self.assertTrue(self.alice.reference.startswith("ENT-"))
        self.assertEqual(activity.code, self.alice.reference)

    def test_activity_named_after_the_person_without_business_name(self):
        self.assertEqual(self.bob.activity_id.name, "Bob Test")

    def test_partner_created_from_the_name(self):
        self.assertEqual(self.alice.partner_id.name, "Alice Test")
        self.alice.name = "Alice Renamed"
        self.assertEqual(self.alice.partner_id.name, "Alice Renamed")

    def test_renaming_the_activity_renames_the_account(self):
        activity = self.alice.activity_id
        activity.write({"name": "Alice Studio", "code": "ACT-42"})
        self.assertEqual(activity.analytic_account_id.name, "Alice Studio")
        self.assertEqual(activity.analytic_account_id.code, "ACT-42")

    def test_several_activities_per_cooperative(self):
        activities = self.env["cae.activity"].search(
            [("company_id", "=", self.company.id), ("kind", "=", "entrepreneur")]
        )
        self.assertEqual(len(activities), 2)
        self.assertEqual(len(activities.analytic_account_id), 2)

    def test_each_company_has_its_cooperative_activity(self):
        for company in (self.company, self.company_b):
            cooperative = company.cae_cooperative_activity_id
            self.assertEqual(cooperative.kind, "cooperative")
            self.assertEqual(cooperative.company_id, company)
            self.assertEqual(
                cooperative.analytic_account_id.plan_id,
                company._get_cae_activity_plan(),
            )

    def test_two_activities_cannot_share_an_analytic_account(self):
        account = self.alice.activity_id.analytic_account_id
        count = self.env["cae.activity"].search_count([])
        with (
            self.assertRaisesRegex(ValidationError, "already belongs to another"),
            self.cr.savepoint(),
        ):
            self.env["cae.activity"].create(
                {
                    "name": "Copy",
                    "company_id": self.company.id,
                    "analytic_account_id": account.id,
                }
            )
        self.assertEqual(self.env["cae.activity"].search_count([]), count)

    def test_duplicate_analytic_account_refused_in_french(self):
        account = self.alice.activity_id.analytic_account_id
        Activity = self.env["cae.activity"].with_context(lang="fr_FR")
        with (
            self.assertRaisesRegex(ValidationError, "appartient déjà à une autre"),
            self.cr.savepoint(),
        ):
            Activity.create(
                {
                    "name": "Copie",
                    "company_id": self.company.id,
                    "analytic_account_id": account.id,
                }
            )

    @mute_logger("odoo.sql_db")
    def test_database_refuses_shared_analytic_account(self):
        """Concurrent transactions cannot pass the check: SQL unique index."""
        account = self.alice.activity_id.analytic_account_id
        with self.assertRaises(UniqueViolation), self.cr.savepoint():
            self.env.cr.execute(
                "INSERT INTO cae_activity (name, kind, company_id, "
                "analytic_account_id, active) VALUES ('x', 'entrepreneur', %s, %s, "
                "true)",
                (self.company.id, account.id),
            )

    def test_analytic_account_must_be_in_the_activities_plan(self):
        other_plan = self.env["account.analytic.plan"].create({"name": "Projects X"})
        account = self.env["account.analytic.account"].create(
            {
                "name": "Elsewhere",
                "plan_id": other_plan.id,
                "company_id": self.company.id,
            }
        )
        with (
            self.assertRaisesRegex(ValidationError, "must belong to the plan"),
            self.cr.savepoint(),
        ):
            self.env["cae.activity"].create(
                {
                    "name": "Wrong plan",
                    "company_id": self.company.id,
                    "analytic_account_id": account.id,
                }
            )

    def test_shared_activity(self):
        self.bob.activity_id = self.alice.activity_id
        self.assertEqual(self.alice.activity_id.entrepreneur_ids, self.alice | self.bob)

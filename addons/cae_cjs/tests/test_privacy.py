# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError

from .common import CjsCommon


class TestPrivacy(CjsCommon):
    """Minors' data: facilitators and staff only; projects: their own people."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.youth = cls._participant(
            cls.cjs,
            "Inès",
            date(2009, 9, 1),
            guardian_name="Karima Benali",
            guardian_consent=True,
        )
        cls.flash_participant = cls._participant(cls.flashcoop, "Paul")

    def test_committee_member_sees_the_project_not_the_personal_data(self):
        youth = self.youth.with_user(self.committee_user)
        self.assertEqual(youth.read(["name"])[0]["name"], "Inès")
        for field in ("birth_date", "guardian_name", "guardian_consent", "is_minor"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                youth.read([field])
        fields = self.Participant.with_user(self.committee_user).fields_get()
        self.assertNotIn("birth_date", fields)
        self.assertNotIn("guardian_name", fields)
        # Nor in the form of the project.
        arch = self.Project.with_user(self.committee_user).get_views([(False, "form")])[
            "views"
        ]["form"]["arch"]
        self.assertNotIn('name="birth_date"', arch)
        self.assertNotIn('name="guardian_name"', arch)
        self.assertIn('name="participant_ids"', arch)
        # The project's figures, without accounting rights.
        self.assertEqual(self.cjs.with_user(self.committee_user).result, 0.0)

    def test_committee_member_sees_only_their_projects_read_only(self):
        Project = self.Project.with_user(self.committee_user)
        self.assertEqual(Project.search([]), self.cjs)
        self.assertEqual(
            self.Participant.with_user(self.committee_user).search([]), self.youth
        )
        with self.assertRaises(AccessError):
            self.flash_participant.with_user(self.committee_user).read(["name"])
        with self.assertRaises(AccessError):
            self.youth.with_user(self.committee_user).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.cjs.with_user(self.committee_user).write({"municipality": "X"})

    def test_committee_member_menus(self):
        menus = (
            self.env["ir.ui.menu"].with_user(self.committee_user)._visible_menu_ids()
        )
        self.assertIn(self.env.ref("cae_base.cae_menu_root").id, menus)
        self.assertIn(self.env.ref("cae_cjs.cae_cjs_project_menu").id, menus)
        self.assertNotIn(self.env.ref("cae_base.cae_menu_entrepreneurs").id, menus)

    def test_facilitator_sees_the_personal_data_of_their_projects(self):
        youth = self.youth.with_user(self.facilitator)
        self.assertRecordValues(
            youth,
            [
                {
                    "birth_date": date(2009, 9, 1),
                    "guardian_name": "Karima Benali",
                    "guardian_consent": True,
                    "is_minor": True,
                }
            ],
        )
        youth.guardian_phone = "06 12 34 56 78"
        with self.assertRaises(AccessError):
            self.youth.with_user(self.other_facilitator).read(["name"])
        with self.assertRaises(AccessError):
            self.youth.with_user(self.other_facilitator).read(["birth_date"])

    def test_staff_see_every_project(self):
        for user in (self.advisor, self.accountant):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self.Project.with_user(user).search([]), self.cjs | self.flashcoop
                )
                self.assertEqual(
                    self.youth.with_user(user).birth_date, date(2009, 9, 1)
                )
                project = self.cjs.with_user(user)
                self.assertEqual(project.analytic_account_id.name, "CJS Test")
                self.assertEqual(project.revenue, 0.0)

    def test_other_company_sees_nothing(self):
        self.assertFalse(self.Project.with_user(self.advisor_b).search([]))
        with self.assertRaises(AccessError):
            self.youth.with_user(self.advisor_b).read(["name"])

    def test_entrepreneurs_see_no_project(self):
        with self.assertRaises(AccessError):
            self.Project.with_user(self.entrepreneur_user).search([])

    def test_facilitator_cannot_create_or_delete_projects(self):
        with self.assertRaises(AccessError):
            self.Project.with_user(self.facilitator).create(
                {"name": "X", "date_start": date(2026, 7, 1)}
            )
        with self.assertRaises(AccessError):
            self.cjs.with_user(self.facilitator).unlink()

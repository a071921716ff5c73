# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2.errors import UniqueViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import CjsCommon


class TestProject(CjsCommon):
    def test_project_gets_its_own_activity_and_analytic_account(self):
        activity = self.cjs.activity_id
        plan = self.env.ref("cae_base.analytic_plan_cae_activities")
        self.assertRecordValues(
            activity,
            [
                {
                    "name": "CJS Test",
                    "kind": "project",
                    "company_id": self.company.id,
                    "code": self.cjs.reference,
                }
            ],
        )
        self.assertEqual(self.cjs.analytic_account_id.plan_id, plan)
        self.assertEqual(self.cjs.analytic_account_id.company_id, self.company)
        self.assertNotEqual(
            self.cjs.analytic_account_id, self.flashcoop.analytic_account_id
        )
        self.assertTrue(self.cjs.reference.startswith("CJS-"))
        self.assertTrue(self.flashcoop.reference.startswith("FLASH-"))

    def test_renaming_the_project_renames_its_account(self):
        self.cjs.name = "CJS Bègles Nord"
        self.assertEqual(self.cjs.activity_id.name, "CJS Bègles Nord")
        self.assertEqual(self.cjs.analytic_account_id.name, "CJS Bègles Nord")

    def test_flashcoop_lasts_seven_working_days(self):
        # Monday 1 June 2026 + 7 working days = Tuesday 9 June.
        self.assertEqual(self.flashcoop.date_end, date(2026, 6, 9))
        # Starting on a Saturday: Monday 8 to Tuesday 16 June.
        self.flashcoop.date_start = date(2026, 6, 6)
        self.assertEqual(self.flashcoop.date_end, date(2026, 6, 16))

    def test_dates_checked(self):
        with (
            self.assertRaisesRegex(ValidationError, "cannot end before"),
            self.cr.savepoint(),
        ):
            self.cjs.date_end = date(2026, 6, 1)
        with (
            self.assertRaisesRegex(ValidationError, "sales event"),
            self.cr.savepoint(),
        ):
            self.flashcoop.event_date = date(2026, 7, 14)

    def test_hosting_cooperative_cannot_change(self):
        with self.assertRaisesRegex(UserError, "cannot change"), self.cr.savepoint():
            self.cjs.company_id = self.company_b
        self.assertEqual(self.cjs.activity_id.company_id, self.company)

    def test_start_needs_a_full_group(self):
        for index in range(11):
            self._participant(self.cjs, f"Jeune {index:02d}", date(2009, 1, 1))
        with self.assertRaisesRegex(UserError, "has 11 participants"):
            self.cjs.action_start()
        self._participant(self.cjs, "Jeune 11", date(2009, 1, 1))
        with self.assertRaisesRegex(UserError, "are minors: record their legal"):
            self.cjs.action_start()
        self.assertEqual(self.cjs.state, "draft")
        self.cjs.participant_ids.write(
            {"guardian_name": "Parent", "guardian_consent": True}
        )
        self.cjs.action_start()
        self.assertEqual(self.cjs.state, "running")

    def test_start_needs_facilitators_and_birth_dates(self):
        flashcoop = self.Project.create(
            {
                "name": "Sans animateur",
                "kind": "flashcoop",
                "date_start": date(2026, 6, 1),
            }
        )
        with self.assertRaisesRegex(UserError, "facilitators"):
            flashcoop.action_start()
        self.flashcoop.write(
            {
                "participant_ids": [
                    (0, 0, {"name": name, "birth_date": date(1990, 1, 1)})
                    for name in ("A", "B")
                ]
                + [(0, 0, {"name": "Sans date"})]
            }
        )
        with self.assertRaisesRegex(UserError, "birth date of Sans date"):
            self.flashcoop.action_start()

    def test_participant_count_is_dated_data_per_cooperative(self):
        parameter = self.env.ref("cae_cjs.parameter_flashcoop_participants_min")
        self.env["cae.parameter.value"].create(
            {
                "parameter_id": parameter.id,
                "company_id": self.company.id,
                "date_from": date(2026, 1, 1),
                "value": 1,
            }
        )
        self._participant(self.flashcoop, "Seule")
        self.flashcoop.action_start()
        self.assertEqual(self.flashcoop.state, "running")

    def test_draft_project_deleted_with_its_account(self):
        account = self.flashcoop.analytic_account_id
        activity = self.flashcoop.activity_id
        self.flashcoop.unlink()
        self.assertFalse(activity.exists())
        self.assertFalse(account.exists())

    def test_started_project_cannot_be_deleted(self):
        self.flashcoop.facilitator_ids = self.facilitator
        for name in ("A", "B", "C"):
            self._participant(self.flashcoop, name)
        self.flashcoop.action_start()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            self.flashcoop.unlink()

    @mute_logger("odoo.sql_db")
    def test_board_roles_are_held_once(self):
        first = self._participant(self.flashcoop, "A", board_role="president")
        with self.assertRaises(UniqueViolation), self.cr.savepoint():
            self._participant(self.flashcoop, "B", board_role="president")
        self._participant(self.flashcoop, "C", board_role="treasurer")
        self._participant(self.cjs, "D", date(2009, 1, 1), board_role="president")
        self.assertEqual(first.board_role, "president")

    def test_committee_members_take_part_in_the_project(self):
        anna = self._participant(self.flashcoop, "Anna")
        other = self._participant(self.cjs, "Autre", date(2009, 1, 1))
        committee = self.env["cae.cjs.committee"].create(
            {
                "project_id": self.flashcoop.id,
                "kind": "finance",
                "name": "Finances",
                "member_ids": [(6, 0, anna.ids)],
            }
        )
        self.assertEqual(anna.committee_ids, committee)
        with (
            self.assertRaisesRegex(ValidationError, "must take part"),
            self.cr.savepoint(),
        ):
            committee.member_ids = [(4, other.id)]

    def test_financing_plan(self):
        self.flashcoop.write(
            {
                "financing_line_ids": [
                    (0, 0, {"kind": "need", "name": "Farine, beurre", "amount": 180}),
                    (0, 0, {"kind": "need", "name": "Emballages", "amount": 70}),
                    (0, 0, {"kind": "resource", "name": "Apport", "amount": 50}),
                ],
                "sponsor_ids": [
                    (0, 0, {"partner_id": self.bank.id, "amount": 150, "kind": "grant"})
                ],
            }
        )
        self.assertRecordValues(
            self.flashcoop,
            [
                {
                    "financing_need_total": 250.0,
                    "financing_resource_total": 200.0,
                    "sponsor_total": 150.0,
                    "financing_balance": -50.0,
                }
            ],
        )
        with (
            self.assertRaisesRegex(ValidationError, "must be positive"),
            self.cr.savepoint(),
        ):
            self.flashcoop.sponsor_ids.amount = 0

    def test_facilitators_move_projects_through_the_buttons(self):
        """A facilitator starts the project with the button; writing its
        state or its closing figures is refused (JSON-RPC included)."""
        project = self.flashcoop.with_user(self.facilitator)
        for name in ("A", "B", "C"):
            self._participant(self.flashcoop, name)
        for vals in ({"state": "closed"}, {"distributed_amount": 1000.0}):
            with self.assertRaisesRegex(UserError, "workflow"):
                project.write(vals)
        project.action_start()
        self.assertEqual(self.flashcoop.state, "running")
        contract = self.env["cae.cjs.contract"].create(
            {
                "project_id": self.flashcoop.id,
                "name": "Tonte",
                "partner_id": self.bank.id,
            }
        )
        with self.assertRaisesRegex(UserError, "workflow"):
            contract.with_user(self.facilitator).write({"state": "invoiced"})
        self.assertEqual(contract.state, "draft")

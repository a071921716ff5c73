# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form

from .common import CjsBallotCommon


class TestCjsBallotsAccess(CjsBallotCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Facilitates the CJS only, not the Flashcoop of the youths' assembly.
        cls.stranger = cls._new_user("facilitator_b", "cae_cjs.group_cjs_facilitator")
        cls.cjs.facilitator_ids = [Command.link(cls.stranger.id)]
        cls.flashcoop.local_member_ids = [
            Command.create(
                {
                    "partner_id": cls.bank.id,
                    "organisation_type": "bank",
                    "user_id": cls.committee_user.id,
                }
            )
        ]

    def test_facilitator_runs_the_ballots(self):
        assembly = self.cjs_assembly.with_user(self.facilitator)
        assembly.action_vote_with_ballots()
        ballots = assembly.ballot_assembly_id
        self.assertEqual(ballots.electorate_count, 5)
        resolution = assembly.decision_ids[0].resolution_ids
        # The paper-ballot wizard of cae_governance, as the facilitator.
        action = assembly.decision_ids[0].action_record_ballots()
        self.assertEqual(action["res_model"], "cae.assembly.paper.vote")
        wizard_form = Form(
            self.env["cae.assembly.paper.vote"]
            .with_user(self.facilitator)
            .with_context(**action["context"])
        )
        self.assertEqual(len(wizard_form.line_ids), 5)
        wizard_form.fill_choice = "for"
        with wizard_form.line_ids.edit(3) as line:
            line.choice = "against"
        wizard_form.save().action_confirm()
        self.assertEqual((resolution.count_for, resolution.count_against), (4, 1))
        assembly.action_close_ballots()
        decision = self.name_decision.with_user(self.facilitator)
        self.assertEqual(
            (decision.votes_for, decision.votes_against, decision.result),
            (4, 1, "adopted"),
        )
        # Read only on the governance side.
        with self.assertRaises(AccessError):
            ballots.write({"name": "Autre"})

    def test_staff_runs_the_ballots(self):
        assembly = self.cjs_assembly.with_user(self.advisor)
        assembly.action_vote_with_ballots()
        resolution = assembly.ballot_assembly_id.resolution_ids[0]
        self._paper(resolution, {self.present[0]: "for", self.present[1]: "for"})
        assembly.action_close_ballots()
        self.assertEqual(
            (self.name_decision.votes_for, self.name_decision.result), (2, "adopted")
        )

    def test_other_project_facilitator_sees_nothing(self):
        with self.assertRaises(AccessError):
            self.cjs_assembly.with_user(self.stranger).action_vote_with_ballots()
        self.assertFalse(self.cjs_assembly.ballot_assembly_ids)
        self.cjs_assembly.action_vote_with_ballots()
        ballots = self.cjs_assembly.ballot_assembly_id
        Assembly = self.env["cae.assembly"].with_user(self.stranger)
        self.assertFalse(Assembly.search([("id", "=", ballots.id)]))
        with self.assertRaises(AccessError):
            ballots.with_user(self.stranger).read(["name"])
        with self.assertRaises(AccessError):
            self.env["cae.assembly.paper.vote"].with_user(self.stranger).create(
                {"resolution_id": ballots.resolution_ids[0].id}
            )
        voters = ballots.attendance_ids.associate_id
        self.assertFalse(
            self.env["cae.associate"]
            .with_user(self.stranger)
            .with_context(active_test=False)
            .search([("id", "in", voters.ids)])
        )

    def test_facilitator_cannot_touch_the_cooperative_assemblies(self):
        coop = self._opened(present=self.associates)
        self.assertFalse(
            self.env["cae.assembly"]
            .with_user(self.facilitator)
            .search([("id", "=", coop.id)])
        )
        with self.assertRaises(AccessError):
            self.env["cae.assembly.paper.vote"].with_user(self.facilitator).create(
                {"resolution_id": coop.resolution_ids[0].id}
            )
        with self.assertRaises(AccessError):
            self.env["cae.associate"].with_user(self.facilitator).browse(
                self.associates[0].id
            ).read(["name"])

    def test_committee_member_reads_only(self):
        self.cjs_assembly.action_vote_with_ballots()
        ballots = self.cjs_assembly.ballot_assembly_id
        member = self.committee_user
        self.assertEqual(
            self.env["cae.assembly"]
            .with_user(member)
            .search([("id", "=", ballots.id)]),
            ballots,
        )
        self.assertEqual(ballots.with_user(member).electorate_count, 5)
        with self.assertRaises(AccessError):
            self.cjs_assembly.with_user(member).action_close_ballots()
        with self.assertRaises(AccessError):
            self.name_decision.with_user(member).action_record_ballots()
        self.assertEqual(ballots.state, "open")

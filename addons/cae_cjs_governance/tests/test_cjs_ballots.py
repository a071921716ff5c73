# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError

from .common import CjsBallotCommon


class TestCjsBallots(CjsBallotCommon):
    def test_electorate_is_the_youths_present(self):
        self.cjs_assembly.action_vote_with_ballots()
        ballots = self.cjs_assembly.ballot_assembly_id
        self.assertEqual(ballots.cae_cjs_assembly_id, self.cjs_assembly)
        self.assertEqual(ballots.company_id, self.company)
        self.assertEqual(ballots.kind, "ordinary")
        self.assertEqual(ballots.state, "open")
        # Exactly the five present, all present: not Farid, not the associates.
        self.assertEqual(ballots.electorate_count, 5)
        self.assertEqual(ballots.present_count, 5)
        voters = ballots.attendance_ids.associate_id
        self.assertEqual(voters.cjs_participant_id, self.present)
        self.assertEqual(
            sorted(ballots.attendance_ids.mapped("name")),
            ["Anna", "Bruno", "Chloé", "Dylan", "Emma"],
        )
        self.assertFalse(voters & self.associates)
        # Voters without shares, kept out of the default searches.
        self.assertEqual(set(voters.mapped("state")), {"candidate"})
        self.assertEqual(sum(voters.mapped("share_count")), 0)
        self.assertFalse(any(voters.mapped("active")))
        self.assertFalse(any(voters.partner_id.mapped("active")))
        self.assertFalse(self.env["cae.associate"].search([("id", "in", voters.ids)]))
        # One resolution per decision, simple majority, abstentions not cast.
        resolutions = ballots.resolution_ids
        self.assertEqual(
            resolutions.cae_cjs_decision_id, self.cjs_assembly.decision_ids
        )
        self.assertEqual(
            resolutions.mapped("name"), ["Nom : La Fabrique", "Partage aux heures"]
        )
        self.assertEqual(set(resolutions.mapped("majority")), {"simple"})
        self.assertFalse(any(resolutions.mapped("abstention_counts")))
        self.assertIn("heures travaillées", resolutions[1].description)
        self.assertEqual(self.key_decision.ballot_state, "open")

    def test_youths_stay_out_of_the_cooperative(self):
        self.cjs_assembly.action_vote_with_ballots()
        youth_voters = self.cjs_assembly.ballot_assembly_id.attendance_ids.associate_id
        coop = self._convened()
        self.assertEqual(coop.electorate_count, 3)
        self.assertEqual(coop.attendance_ids.associate_id, self.associates)
        register = self.env["cae.share.register"]._get_for_company(self.company)
        rows = register._get_register_data(self.cjs_assembly.date)["rows"]
        self.assertEqual([row["associate"] for row in rows], list(self.associates))
        self.assertFalse(
            self.env["cae.associate"].search([("id", "in", youth_voters.ids)])
        )

    def test_tally_written_back_on_closing(self):
        self.cjs_assembly.action_vote_with_ballots()
        name_res, key_res = self.cjs_assembly.ballot_assembly_id.resolution_ids
        anna, bruno, chloe, dylan, emma = self.present
        self._paper(
            name_res,
            {
                anna: "for",
                bruno: "for",
                chloe: "for",
                dylan: "against",
                emma: "abstain",
            },
        )
        self._paper(key_res, {anna: "for", bruno: "against", chloe: "against"})
        # Votes are not copied before the closing.
        self.assertEqual(self.name_decision.result, "pending")
        self.cjs_assembly.action_close_ballots()
        self.assertEqual(self.cjs_assembly.ballot_state, "closed")
        self.assertEqual(
            (
                self.name_decision.votes_for,
                self.name_decision.votes_against,
                self.name_decision.votes_abstain,
            ),
            (3, 1, 1),
        )
        self.assertEqual(self.name_decision.result, "adopted")
        self.assertEqual(
            (
                self.key_decision.votes_for,
                self.key_decision.votes_against,
                self.key_decision.votes_abstain,
            ),
            (1, 2, 0),
        )
        self.assertEqual(self.key_decision.result, "rejected")
        self.assertEqual(name_res.result, "adopted")
        with self.assertRaisesRegex(UserError, "ne sont pas ouverts"):
            self.key_decision.with_context(lang="fr_FR").action_record_ballots()

    def test_closing_from_the_governance_side(self):
        """A manager closing the assembly in the back office also reports."""
        self.cjs_assembly.action_vote_with_ballots()
        ballots = self.cjs_assembly.ballot_assembly_id
        name_res = ballots.resolution_ids[0]
        self._paper(name_res, {self.present[0]: "against"})
        ballots.with_user(self.manager).action_close()
        self.assertEqual(self.name_decision.result, "rejected")
        self.assertEqual(self.name_decision.votes_against, 1)
        self.assertEqual(self.key_decision.result, "pending")

    def test_second_ballot_of_the_same_youth_refused(self):
        self.cjs_assembly.action_vote_with_ballots()
        name_res = self.cjs_assembly.ballot_assembly_id.resolution_ids[0]
        anna = self.present[0]
        self._paper(name_res, {anna: "for"})
        with self.assertRaisesRegex(UserError, "a déjà voté"):
            self._paper(name_res.with_context(lang="fr_FR"), {anna: "against"})
        self.assertEqual(name_res.count_for, 1)
        self.assertEqual(name_res.voter_count, 1)

    def test_absent_youth_cannot_vote(self):
        self.cjs_assembly.action_vote_with_ballots()
        ballots = self.cjs_assembly.ballot_assembly_id
        farid = (
            self.env["cae.associate"]
            .sudo()
            ._ensure_for_cjs_participants(self.youths[5])
        )
        with self.assertRaisesRegex(UserError, "feuille de présence"):
            ballots.resolution_ids[0].with_context(lang="fr_FR")._record_paper_votes(
                {farid.id: "for"}
            )

    def test_only_pending_decisions_are_put_to_the_ballots(self):
        self.name_decision.votes_for = 4
        self.cjs_assembly.action_vote_with_ballots()
        resolutions = self.cjs_assembly.ballot_assembly_id.resolution_ids
        self.assertEqual(resolutions.cae_cjs_decision_id, self.key_decision)
        self.assertFalse(self.name_decision.ballot_state)

    def test_locked_once_put_to_the_ballots(self):
        self.cjs_assembly.action_vote_with_ballots()
        cjs_fr = self.cjs_assembly.with_context(lang="fr_FR")
        with self.assertRaisesRegex(UserError, "déjà soumises au vote"):
            cjs_fr.action_vote_with_ballots()
        with self.assertRaisesRegex(UserError, "ne peuvent plus changer"):
            cjs_fr.write({"present_ids": [(4, self.youths[5].id)]})
        with self.assertRaisesRegex(UserError, "son décompte viendra"):
            self.key_decision.with_context(lang="fr_FR").votes_for = 5
        with self.assertRaisesRegex(UserError, "ne peut pas être supprimée"):
            cjs_fr.unlink()

    def test_bad_starts_refused_in_french(self):
        Assembly = self.env["cae.cjs.assembly"].with_context(lang="fr_FR")
        empty = Assembly.create(
            {
                "project_id": self.flashcoop.id,
                "name": "Vide",
                "date": self.cjs_assembly.date,
            }
        )
        with self.assertRaisesRegex(UserError, "Personne n'est présent"):
            empty.action_vote_with_ballots()
        empty.present_ids = self.present
        with self.assertRaisesRegex(UserError, "aucune décision"):
            empty.action_vote_with_ballots()
        self.assertFalse(
            self.env["cae.assembly"].search([("cae_cjs_assembly_id", "=", empty.id)])
        )
        with self.assertRaisesRegex(UserError, "n'est pas soumise au vote"):
            self.key_decision.with_context(lang="fr_FR").action_record_ballots()

    def test_no_shares_for_a_youth_voter(self):
        voter = (
            self.env["cae.associate"]
            .sudo()
            ._ensure_for_cjs_participants(self.present[0])
        )
        operation = self.env["cae.share.operation"].create(
            {
                "operation_type": "subscription",
                "associate_id": voter.id,
                "company_id": self.company.id,
                "share_class_id": self.share_class.id,
                "quantity": 1,
                "date": self.cjs_assembly.date,
                "initial_payment": 20.0,
            }
        )
        with self.assertRaisesRegex(UserError, "ne peut pas détenir de parts"):
            operation.with_context(lang="fr_FR").action_validate()
        self.assertEqual(voter.share_count, 0)

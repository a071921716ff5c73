# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import ValidationError

from .common import CjsCommon


class TestGovernance(CjsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.youths = cls.Participant
        for name in ("Anna", "Bruno", "Chloé", "Dylan"):
            cls.youths |= cls._participant(cls.cjs, name, date(2009, 3, 1))
        cls.assembly = cls.env["cae.cjs.assembly"].create(
            {
                "project_id": cls.cjs.id,
                "name": "Assemblée constitutive",
                "date": date(2026, 7, 2),
                "present_ids": [(6, 0, cls.youths[:3].ids)],
            }
        )

    def _decide(self, name, votes_for, against=0, abstain=0):
        return self.env["cae.cjs.decision"].create(
            {
                "assembly_id": self.assembly.id,
                "name": name,
                "votes_for": votes_for,
                "votes_against": against,
                "votes_abstain": abstain,
            }
        )

    def test_tally_and_result(self):
        adopted = self._decide("Partage à parts égales", 2, 1)
        rejected = self._decide("Partage aux heures", 1, 1, 1)
        pending = self._decide("Nom de la coopérative", 0)
        self.assertEqual(
            (adopted | rejected | pending).mapped("result"),
            ["adopted", "rejected", "pending"],
        )
        self.assertEqual(adopted.project_id, self.cjs)
        self.assertEqual(self.cjs.decision_ids, adopted | rejected | pending)

    def test_one_person_one_vote(self):
        with (
            self.assertRaisesRegex(ValidationError, "4 votes for 3 participants"),
            self.cr.savepoint(),
        ):
            self._decide("Trop de voix", 2, 1, 1)
        with (
            self.assertRaisesRegex(ValidationError, "cannot be negative"),
            self.cr.savepoint(),
        ):
            self._decide("Négatif", -1)
        self.assertFalse(self.assembly.decision_ids)

    def test_tally_hook_for_online_ballots(self):
        decision = self._decide("Élection du bureau", 0)
        decision._set_tally(3, 0, 0)
        self.assertEqual(decision.result, "adopted")
        self.assertEqual(self.assembly._get_voters(), self.youths[:3])

    def test_only_participants_attend(self):
        outsider = self._participant(self.flashcoop, "Extérieur")
        with (
            self.assertRaisesRegex(ValidationError, "Only the participants"),
            self.cr.savepoint(),
        ):
            self.assembly.present_ids = [(4, outsider.id)]

    def test_decision_choosing_the_key_belongs_to_the_project(self):
        decision = self._decide("Partage à parts égales", 3)
        self.cjs.distribution_decision_id = decision
        with (
            self.assertRaisesRegex(ValidationError, "must belong to the project"),
            self.cr.savepoint(),
        ):
            self.flashcoop.distribution_decision_id = decision

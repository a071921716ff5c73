# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError

from .common_assembly import CaeAssemblyCommon


class TestVotingColleges(CaeAssemblyCommon):
    """A SCIC with three colleges: entrepreneurs (50 %, 15 associates),
    staff (30 %, 4) and partners (20 %, 4)."""

    ASSOCIATES = 23

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        College = cls.env["cae.assembly.college"]
        cls.entrepreneurs = College.create({"name": "Entrepreneurs", "weight": 50})
        cls.staff = College.create({"name": "Salariés d'appui", "weight": 30})
        cls.partners = College.create({"name": "Partenaires", "weight": 20})
        cls.associates[:15].college_id = cls.entrepreneurs
        cls.associates[15:19].college_id = cls.staff
        cls.associates[19:].college_id = cls.partners
        cls.types["extraordinary"].use_colleges = True
        # Its statutes allow secret votes in colleges of four.
        cls.env["cae.parameter.value"].create(
            {
                "parameter_id": cls.env.ref(
                    "cae_governance.parameter_assembly_secret_college_min"
                ).id,
                "company_id": cls.company.id,
                "date_from": "2025-01-01",
                "value": 4,
            }
        )

    def _scic_assembly(self):
        return self._opened(
            "extraordinary",
            resolutions=[
                {"name": "Simple", "majority": "simple"},
                {"name": "Deux tiers", "majority": "two_thirds", "secret": True},
            ],
        )

    def _cast(self, resolution):
        a = self.associates
        choices = {associate: "for" for associate in a[:10]}  # entrepreneurs
        choices.update({associate: "against" for associate in a[10:15]})
        choices.update({a[15]: "for"})  # staff: 1 for, 3 against
        choices.update({associate: "against" for associate in a[16:19]})
        choices.update({associate: "for" for associate in a[19:]})  # partners
        if resolution.secret:
            for associate, choice in choices.items():
                self._vote_online(resolution, associate, choice)
        else:
            self._vote(resolution, choices)

    def test_weighted_result_by_hand(self):
        """50 % x 10/15 + 30 % x 1/4 + 20 % x 4/4 = 33.33 + 7.5 + 20 = 60.83 %:
        adopted at a simple majority, rejected at two thirds, while counted
        by heads it would be 15 for out of 23 (65.2 %)."""
        assembly = self._scic_assembly()
        self.assertTrue(assembly.use_colleges)
        self.assertEqual(assembly.college_line_ids.mapped("weight"), [50.0, 30.0, 20.0])
        self.assertEqual(
            assembly.college_line_ids.mapped("electorate_count"), [15, 4, 4]
        )
        simple, two_thirds = assembly.resolution_ids
        self._cast(simple)
        self._cast(two_thirds)
        # The secret vote is counted at the closing.
        self.assertFalse(two_thirds.results_available)
        assembly.action_close()
        for resolution in (simple, two_thirds):
            self.assertRecordValues(
                resolution, [{"count_for": 15, "count_against": 8, "count_cast": 23}]
            )
            self.assertAlmostEqual(resolution.share_for, 60.83, places=2)
        self.assertEqual(simple.result, "adopted")
        self.assertEqual(two_thirds.result, "rejected")
        # Secret ballots keep the college (needed for the count), not the voter.
        ballots = self.env["cae.assembly.ballot"].search(
            [("resolution_id", "=", two_thirds.id)]
        )
        self.assertFalse(ballots.associate_id)
        self.assertEqual(len(ballots.filtered(lambda b: b.college_id == self.staff)), 4)

    def test_weights_are_frozen_in_the_assembly(self):
        assembly = self._scic_assembly()
        simple = assembly.resolution_ids[0]
        self._cast(simple)
        assembly.action_close()
        self.partners.weight = 40
        self.entrepreneurs.weight = 30
        simple.invalidate_recordset()
        self.assertAlmostEqual(simple.share_for, 60.83, places=2)

    def test_a_college_without_votes_leaves_its_weight_to_the_others(self):
        assembly = self._scic_assembly()
        simple = assembly.resolution_ids[0]
        a = self.associates
        self._vote(
            simple,
            {**{x: "for" for x in a[:10]}, **{x: "against" for x in a[10:19]}}
            | {a[15]: "for"},
        )
        # Partners did not vote: 5/8 x 2/3 + 3/8 x 1/4 = 49/96 = 51.04 %.
        self.assertAlmostEqual(simple.share_for, 51.04, places=2)
        self.assertEqual(simple.result, "adopted")

    def test_colleges_checked_at_opening(self):
        self.associates[22].college_id = False
        assembly = self._convened("extraordinary", self.associates)
        with self.assertRaises(UserError) as error:
            assembly.action_open_votes()
        self.assertIn("Associé 23 belong to no college", str(error.exception))
        self._line(assembly, self.associates[22]).college_id = self.partners
        assembly.college_line_ids.filtered(
            lambda line: line.college_id == self.partners
        ).weight = 25
        with self.assertRaises(UserError) as error:
            assembly.action_open_votes()
        self.assertIn("add up to 105.0 %, not 100 %", str(error.exception))

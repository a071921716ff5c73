# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError

from .common_assembly import CaeAssemblyCommon


class TestElection(CaeAssemblyCommon):
    """Two seats on the board, four candidates, ten voters."""

    ASSOCIATES = 10

    def _election(self, majority=None, seats=2):
        values = {
            "name": "Élection au conseil",
            "kind": "election",
            "seats": seats,
            "candidate_ids": [
                Command.create({"associate_id": associate.id})
                for associate in self.associates[:4]
            ],
        }
        assembly = self._convened("ordinary", self.associates, resolutions=[values])
        election = assembly.resolution_ids
        if majority:
            election.majority = majority
        assembly.action_open_votes()
        self.candidates = {c.associate_id: c for c in election.candidate_ids}
        return assembly, election

    def _pick(self, *indexes):
        return self.env["cae.assembly.candidate"].union(
            *(self.candidates[self.associates[i]] for i in indexes)
        )

    def test_ranking_and_board(self):
        assembly, election = self._election()
        self.assertTrue(election.secret)
        self.assertEqual(election.majority, "simple")
        picks = [(0, 1), (0, 1), (0, 2), (0, 1), (1, 3), (0,), (2, 3), (0, 1), (), (1,)]
        self._vote(
            election,
            {
                associate: self._pick(*pick)
                for associate, pick in zip(self.associates, picks, strict=True)
            },
        )
        # Secret: nothing counted before the closing.
        self.assertFalse(any(election.candidate_ids.mapped("vote_count")))
        self.assertFalse(election.result)
        assembly.action_close()
        # 9 ballots naming candidates, 1 blank: 0 has 6/9, 1 has 6/9, 2 has
        # 2/9, 3 has 2/9.
        self.assertRecordValues(
            election,
            [
                {
                    "voter_count": 10,
                    "count_cast": 9,
                    "count_abstain": 1,
                    "result": "elected",
                }
            ],
        )
        self.assertRecordValues(
            election.candidate_ids,
            [
                {"vote_count": 6, "rank": 1, "elected": True, "tie": False},
                {"vote_count": 6, "rank": 1, "elected": True, "tie": False},
                {"vote_count": 2, "rank": 3, "elected": False, "tie": False},
                {"vote_count": 2, "rank": 3, "elected": False, "tie": False},
            ],
        )
        self.assertAlmostEqual(election.candidate_ids[0].vote_share, 66.67, places=2)
        # Secret: no voter on any row of the urn.
        ballots = self.env["cae.assembly.ballot"].search(
            [("resolution_id", "=", election.id)]
        )
        self.assertEqual(len(ballots), 10 + 16)
        self.assertFalse(ballots.associate_id)
        self.assertEqual(self.associates.filtered("board_member"), self.associates[:2])

    def test_majority_and_ties(self):
        assembly, election = self._election(seats=1)
        # 0: 3 votes, 1: 3 votes, 2: 2 votes out of 8 cast: nobody has more
        # than half, and the first two tie.
        picks = [(0,), (0,), (0,), (1,), (1,), (1,), (2,), (2,)]
        self._vote(
            election,
            {a: self._pick(*p) for a, p in zip(self.associates, picks, strict=False)},
        )
        assembly.action_close()
        self.assertEqual(election.result, "none_elected")
        self.assertFalse(any(election.candidate_ids.mapped("elected")))

    def test_relative_majority_with_a_tie_for_the_last_seat(self):
        assembly, election = self._election(majority="relative", seats=1)
        picks = [(0,), (0,), (0,), (1,), (1,), (1,), (2,)]
        self._vote(
            election,
            {a: self._pick(*p) for a, p in zip(self.associates, picks, strict=False)},
        )
        assembly.action_close()
        self.assertRecordValues(
            election.candidate_ids[:3],
            [
                {"rank": 1, "elected": False, "tie": True},
                {"rank": 1, "elected": False, "tie": True},
                {"rank": 3, "elected": False, "tie": False},
            ],
        )

    def test_invalid_ballots(self):
        _assembly, election = self._election()
        with self.assertRaises(UserError) as error:
            self._vote(election, {self.associates[5]: self._pick(0, 1, 2)})
        self.assertIn("choose at most 2 candidate(s)", str(error.exception))
        other = self._assembly(
            resolutions=[
                {
                    "name": "Autre élection",
                    "kind": "election",
                    "candidate_ids": [
                        Command.create({"associate_id": self.associates[9].id})
                    ],
                }
            ]
        )
        with self.assertRaises(UserError) as error:
            self._vote(
                election, {self.associates[5]: other.resolution_ids.candidate_ids}
            )
        self.assertIn("Only the candidates of", str(error.exception))
        with self.assertRaises(UserError):
            # A resolution is voted for, against or abstention.
            self._vote(election.assembly_id.resolution_ids, {self.associates[5]: "for"})

    def test_candidates_are_associates(self):
        assembly = self._assembly(resolutions=[{"name": "Conseil", "kind": "election"}])
        election = assembly.resolution_ids
        with self.assertRaises(UserError):
            assembly.action_convene()  # no candidate yet
        partner = self.env["res.partner"].create({"name": "Candidate Externe"})
        outsider = self.env["cae.associate"].create(
            {"partner_id": partner.id, "company_id": self.company.id}
        )
        with self.assertRaises(ValidationError):
            election.candidate_ids = [Command.create({"associate_id": outsider.id})]
        with self.assertRaises(ValidationError):
            self._assembly().resolution_ids.candidate_ids = [
                Command.create({"associate_id": self.associates[0].id})
            ]  # not an election

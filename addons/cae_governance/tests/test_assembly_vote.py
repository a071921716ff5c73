# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError
from odoo.tools import SQL, mute_logger

from .common_assembly import CaeAssemblyCommon


class TestAssemblyVote(CaeAssemblyCommon):
    """Majorities, the window of the votes and one vote per person (12
    associates, all present unless said otherwise)."""

    ASSOCIATES = 12

    def _two(self, kind="ordinary", **vals):
        return self._opened(
            kind, resolutions=[{"name": "Première"}, {"name": "Seconde"}], **vals
        )

    def test_two_thirds_exactly_and_one_below(self):
        assembly = self._two("extraordinary")
        first, second = assembly.resolution_ids
        self._votes(first, count_for=6, count_against=3)
        self._votes(second, count_for=5, count_against=4)
        assembly.action_close()
        self.assertRecordValues(
            first | second,
            [
                {
                    "majority": "two_thirds",
                    "voter_count": 9,
                    "count_for": 6,
                    "count_against": 3,
                    "count_cast": 9,
                    "required_for_count": 6,
                    "result": "adopted",
                },
                {
                    "majority": "two_thirds",
                    "voter_count": 9,
                    "count_for": 5,
                    "count_against": 4,
                    "count_cast": 9,
                    "required_for_count": 6,
                    "result": "rejected",
                },
            ],
        )
        self.assertAlmostEqual(first.share_for, 66.67, places=2)

    def test_simple_majority_needs_more_than_half(self):
        assembly = self._two()
        first, second = assembly.resolution_ids
        self._votes(first, count_for=6, count_against=6)
        self._votes(second, count_for=7, count_against=5)
        self.assertRecordValues(
            first | second,
            [
                {"required_for_count": 7, "result": "rejected"},
                {"required_for_count": 7, "result": "adopted"},
            ],
        )

    def test_abstentions_counted_or_not(self):
        assembly = self._two()
        left_out, counted = assembly.resolution_ids
        self.assertFalse(left_out.abstention_counts)
        assembly.state = "convened"  # rules are frozen once open
        counted.abstention_counts = True
        assembly.state = "open"
        for resolution in (left_out, counted):
            self._votes(resolution, count_for=5, count_against=4, count_abstain=2)
        self.assertRecordValues(
            left_out | counted,
            [
                {"count_abstain": 2, "count_cast": 9, "result": "adopted"},
                {"count_abstain": 2, "count_cast": 11, "result": "rejected"},
            ],
        )

    def test_three_quarters_and_unanimity(self):
        assembly = self._two()
        three_quarters, unanimity = assembly.resolution_ids
        assembly.state = "convened"
        three_quarters.majority = "three_quarters"
        unanimity.majority = "unanimity"
        assembly.state = "open"
        self._votes(three_quarters, count_for=9, count_against=3)
        self._votes(unanimity, count_for=11, count_abstain=1)
        self.assertEqual(three_quarters.result, "adopted")
        # Abstentions are not votes cast: 11 for out of 11 cast.
        self.assertEqual(unanimity.result, "adopted")

    def test_one_person_one_vote_whatever_the_capital(self):
        assembly = self._opened()
        resolution = assembly.resolution_ids
        big = self.associates[0]
        self.env["cae.share.operation"].create(
            {
                "operation_type": "subscription",
                "associate_id": big.id,
                "company_id": self.company.id,
                "share_class_id": self.share_class.id,
                "quantity": 500,
                "date": assembly.date.date(),
                "initial_payment": 10000.0,
            }
        ).action_validate()
        self.assertEqual(big.share_count, 501)
        self._vote(resolution, {big: "against", self.associates[1]: "for"})
        self.assertRecordValues(
            resolution, [{"count_for": 1, "count_against": 1, "result": "rejected"}]
        )

    def test_second_ballot_of_the_same_person_is_refused(self):
        assembly = self._opened()
        resolution = assembly.resolution_ids
        voter = self.associates[0]
        self._vote(resolution, {voter: "for"})
        with self.assertRaises(UserError) as error:
            self._vote(resolution, {voter: "against"})
        self.assertIn(
            "Associé 01 has already voted on Approbation", str(error.exception)
        )
        with self.assertRaises(UserError):
            assembly._record_votes(
                [
                    {
                        "resolution": resolution,
                        "associate": self.associates[1],
                        "choice": "for",
                    },
                    {
                        "resolution": resolution,
                        "associate": self.associates[1],
                        "choice": "for",
                    },
                ]
            )
        self.assertEqual(resolution.count_for, 1)
        self.assertEqual(resolution.voter_count, 1)

    def test_database_refuses_a_second_ballot(self):
        """Two transactions checking at once would both pass the Python
        check: the unique indexes stop the second one."""
        assembly = self._opened()
        resolution = assembly.resolution_ids
        voter = self.associates[0]
        self._vote(resolution, {voter: "for"})
        participation = self.env["cae.assembly.participation"].search(
            [("resolution_id", "=", resolution.id)]
        )
        with self.assertRaises(IntegrityError) as error, mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    SQL(
                        "INSERT INTO cae_assembly_participation (resolution_id, "
                        "assembly_id, company_id, associate_id, cast_by_id, channel) "
                        "VALUES (%s, %s, %s, %s, %s, 'paper')",
                        resolution.id,
                        assembly.id,
                        self.company.id,
                        voter.id,
                        voter.id,
                    )
                )
        self.assertIn("one_vote_per_person", str(error.exception))
        self.assertEqual(participation.associate_id, voter)
        # An open vote keeps the voter on the ballot, unique too.
        with self.assertRaises(IntegrityError) as error, mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    SQL(
                        "INSERT INTO cae_assembly_ballot (id, resolution_id, "
                        "assembly_id, company_id, associate_id, choice) "
                        "VALUES (7, %s, %s, %s, %s, 'against')",
                        resolution.id,
                        assembly.id,
                        self.company.id,
                        voter.id,
                    )
                )
        self.assertIn("cae_assembly_ballot_open_vote_unique", str(error.exception))

    def test_no_ballot_before_opening_or_after_closing(self):
        assembly = self._convened("ordinary", self.associates)
        resolution = assembly.resolution_ids
        with self.assertRaises(UserError) as error:
            self._vote(resolution, {self.associates[0]: "for"})
        self.assertIn("are not open yet", str(error.exception))
        assembly.action_open_votes()
        self._vote(resolution, {self.associates[0]: "for"})
        assembly.action_close()
        with self.assertRaises(UserError) as error:
            self._vote(resolution, {self.associates[1]: "for"})
        self.assertIn("are closed", str(error.exception))
        self.assertEqual(resolution.voter_count, 1)

    def test_online_votes_close_at_their_deadline(self):
        assembly = self._opened()
        resolution = assembly.resolution_ids
        voter = self.associates[0]
        assembly.online_vote_end = fields.Datetime.now() - timedelta(minutes=1)
        vote = {"resolution": resolution, "associate": voter, "choice": "for"}
        with self.assertRaises(UserError) as error:
            assembly._record_votes([vote], channel="online", cast_by=voter)
        self.assertIn(
            "Online votes for Assemblée ordinary closed on", str(error.exception)
        )
        # The room still votes on paper until the votes close.
        assembly._record_votes([vote], channel="paper")
        self.assertEqual(resolution.count_for, 1)

    def test_proxy_holder_votes_for_the_represented(self):
        assembly = self._convened("ordinary", self.associates[:4])
        holder, represented, other = self.associates[:3]
        self._represent(assembly, represented, holder)
        assembly.action_open_votes()
        resolution = assembly.resolution_ids

        def online(associate, cast_by, choice="for"):
            return assembly._record_votes(
                [{"resolution": resolution, "associate": associate, "choice": choice}],
                channel="online",
                cast_by=cast_by,
            )

        with self.assertRaises(UserError) as error:
            online(represented, represented)
        self.assertIn("You gave your proxy to Associé 01", str(error.exception))
        with self.assertRaises(UserError) as error:
            online(represented, other)
        self.assertIn("You do not hold the proxy of Associé 02", str(error.exception))
        with self.assertRaises(UserError):
            online(other, holder)
        online(holder, holder)
        participation = online(represented, holder, "against")
        self.assertRecordValues(
            participation,
            [
                {
                    "associate_id": represented.id,
                    "cast_by_id": holder.id,
                    "channel": "online",
                }
            ],
        )
        self.assertRecordValues(resolution, [{"count_for": 1, "count_against": 1}])

    def test_voting_online_marks_an_absent_associate_remote(self):
        assembly = self._convened("ordinary", self.associates[:4])
        assembly.action_open_votes()
        late = self.associates[8]
        self.assertEqual(self._line(assembly, late).state, "absent")
        assembly._record_votes(
            [
                {
                    "resolution": assembly.resolution_ids,
                    "associate": late,
                    "choice": "for",
                }
            ],
            channel="online",
            cast_by=late,
        )
        self.assertEqual(self._line(assembly, late).state, "remote")
        self.assertEqual(assembly.participant_count, 5)

    def test_bad_votes_write_nothing(self):
        assembly = self._opened()
        resolution = assembly.resolution_ids
        outsider = self.env["cae.associate"].create(
            {
                "partner_id": self.env["res.partner"]
                .create({"name": "Hors registre"})
                .id,
                "company_id": self.company.id,
            }
        )
        for votes, message in (
            ({self.associates[0]: "for", outsider: "for"}, "is not on the attendance"),
            (
                {self.associates[0]: "for", self.associates[1]: "peut-être"},
                "Choose for",
            ),
        ):
            with self.subTest(message=message), self.assertRaises(UserError) as error:
                self._vote(resolution, votes)
            self.assertIn(message, str(error.exception))
        self.assertEqual(resolution.voter_count, 0)
        self.assertEqual(
            self.env["cae.assembly.ballot"].search_count(
                [("assembly_id", "=", assembly.id)]
            ),
            0,
        )

    def test_agenda_frozen_once_open(self):
        assembly = self._opened()
        resolution = assembly.resolution_ids
        with self.assertRaises(UserError):
            resolution.majority = "unanimity"
        with self.assertRaises(UserError):
            self.env["cae.assembly.resolution"].create(
                {"assembly_id": assembly.id, "name": "Ajout tardif"}
            )
        with self.assertRaises(UserError):
            resolution.unlink()
        resolution.description = "<p>Texte corrigé</p>"  # wording may be fixed
        with self.assertRaises(UserError):
            assembly.unlink()

    def test_ballots_cannot_be_changed(self):
        assembly = self._opened()
        self._vote(assembly.resolution_ids, {self.associates[0]: "for"})
        ballot = self.env["cae.assembly.ballot"].search(
            [("resolution_id", "=", assembly.resolution_ids.id)]
        )
        with self.assertRaises(UserError):
            ballot.write({"choice": "against"})
        with self.assertRaises(UserError):
            ballot.unlink()

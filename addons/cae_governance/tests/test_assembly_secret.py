# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tools import SQL

from .common_assembly import CaeAssemblyCommon


class TestSecretBallot(CaeAssemblyCommon):
    """Who voted and what was voted live in two tables that cannot be
    joined: no common column, no author or date on ballots, no order."""

    ASSOCIATES = 12

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.assembly = cls._opened(
            resolutions=[
                {"name": "Exclusion d'un associé", "secret": True},
                {"name": "Comptes", "secret": False},
            ]
        )
        cls.secret, cls.public = cls.assembly.resolution_ids
        cls.choices = ["for", "for", "against", "abstain", "for", "against"] * 2
        cls.ballot_ids = []
        Ballot = cls.env["cae.assembly.ballot"]
        for associate, choice in zip(cls.associates, cls.choices, strict=True):
            before = set(Ballot.search([("resolution_id", "=", cls.secret.id)]).ids)
            cls._vote(cls.secret, {associate: choice})
            cls._vote(cls.public, {associate: choice})
            after = set(Ballot.search([("resolution_id", "=", cls.secret.id)]).ids)
            cls.ballot_ids.extend(after - before)

    def _columns(self, table):
        self.env.cr.execute(
            SQL(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = %s",
                table,
            )
        )
        return {row[0] for row in self.env.cr.fetchall()}

    def _foreign_keys(self, table):
        self.env.cr.execute(
            SQL(
                "SELECT kcu.column_name, ccu.table_name "
                "FROM information_schema.table_constraints tc "
                "JOIN information_schema.key_column_usage kcu "
                "  ON tc.constraint_name = kcu.constraint_name "
                "JOIN information_schema.constraint_column_usage ccu "
                "  ON tc.constraint_name = ccu.constraint_name "
                "WHERE tc.table_name = %s AND tc.constraint_type = 'FOREIGN KEY'",
                table,
            )
        )
        return dict(self.env.cr.fetchall())

    def test_secret_ballots_name_no_voter(self):
        ballots = self.env["cae.assembly.ballot"].search(
            [("resolution_id", "=", self.secret.id)]
        )
        self.assertEqual(len(ballots), 12)
        self.assertFalse(ballots.associate_id)
        # The open vote keeps its voters.
        public = self.env["cae.assembly.ballot"].search(
            [("resolution_id", "=", self.public.id)]
        )
        self.assertEqual(public.associate_id, self.associates)
        # Who voted is known, for both.
        self.assertEqual(self.secret.voter_count, 12)
        self.assertRecordValues(
            self.secret, [{"count_for": 6, "count_against": 4, "count_abstain": 2}]
        )

    def test_no_author_no_date_no_link(self):
        columns = self._columns("cae_assembly_ballot")
        for logged in ("create_uid", "create_date", "write_uid", "write_date"):
            self.assertNotIn(logged, columns)
        self.assertEqual(
            self._foreign_keys("cae_assembly_ballot"),
            {
                "resolution_id": "cae_assembly_resolution",
                "assembly_id": "cae_assembly",
                "company_id": "res_company",
                "candidate_id": "cae_assembly_candidate",
                "college_id": "cae_assembly_college",
                "associate_id": "cae_associate",
            },
        )
        self.assertNotIn(
            "cae_assembly_ballot",
            self._foreign_keys("cae_assembly_participation").values(),
        )
        # The only columns both tables share are those of the resolution.
        shared = self._columns("cae_assembly_ballot") & self._columns(
            "cae_assembly_participation"
        )
        self.assertEqual(
            shared, {"id", "resolution_id", "assembly_id", "company_id", "associate_id"}
        )

    def test_order_of_ballots_says_nothing(self):
        """Pairing voters and ballots by rank (what an id join would do)
        does not give back the votes: ids are random, not in voting order,
        and not taken from the table's sequence."""
        self.assertEqual(len(self.ballot_ids), 12)
        self.assertNotEqual(self.ballot_ids, sorted(self.ballot_ids))
        participations = self.env["cae.assembly.participation"].search(
            [("resolution_id", "=", self.secret.id)], order="id"
        )
        self.assertEqual(participations.associate_id, self.associates)
        self.env.cr.execute(
            SQL(
                "SELECT p.associate_id, b.choice FROM "
                "(SELECT associate_id, row_number() OVER (ORDER BY id) AS rank "
                " FROM cae_assembly_participation WHERE resolution_id = %s) p "
                "JOIN (SELECT choice, row_number() OVER (ORDER BY id) AS rank "
                " FROM cae_assembly_ballot WHERE resolution_id = %s) b "
                "ON p.rank = b.rank",
                self.secret.id,
                self.secret.id,
            )
        )
        guessed = dict(self.env.cr.fetchall())
        truth = {
            associate.id: choice
            for associate, choice in zip(self.associates, self.choices, strict=True)
        }
        self.assertNotEqual(guessed, truth)
        self.env.cr.execute(
            SQL("SELECT last_value, is_called FROM cae_assembly_ballot_id_seq")
        )
        last_value, is_called = self.env.cr.fetchone()
        self.assertFalse(is_called and last_value in self.ballot_ids)

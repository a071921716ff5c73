# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from collections import Counter
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user
from odoo.tools import SQL, mute_logger

from .common_assembly import CaeAssemblyCommon

RECEIPT = re.compile(r"^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$")


class SecretCommon(CaeAssemblyCommon):
    ASSOCIATES = 12

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

    def _rows(self, table, resolution, order="id"):
        self.env.cr.execute(
            SQL(
                "SELECT id, choice, receipt_code FROM %s WHERE resolution_id = %s "
                "ORDER BY %s",
                SQL.identifier(table),
                resolution.id,
                SQL(order),
            )
        )
        return self.env.cr.fetchall()


class TestSecretBallot(SecretCommon):
    """Who voted and what was voted live apart: participations on one side;
    on the other, ballots sealed in the ballot box until the closing, then
    moved in one shuffled batch into a table without voter, author, date or
    order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="secret_manager",
            groups="base.group_user,cae_base.group_cae_manager",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            lang="fr_FR",
        )
        cls.assembly = cls._opened(
            resolutions=[
                {"name": "Exclusion d'un associé", "secret": True},
                {"name": "Comptes", "secret": False},
            ]
        )
        cls.secret, cls.public = cls.assembly.resolution_ids
        cls.choices = ["for", "for", "against", "abstain", "for", "against"] * 2
        cls.receipts = {}
        for associate, choice in zip(cls.associates, cls.choices, strict=True):
            cls.receipts[associate] = cls._vote_online(cls.secret, associate, choice)
            cls._vote_online(cls.public, associate, choice)

    def test_no_count_before_the_closing(self):
        """Nobody reads a figure of the secret vote while it is open: not
        the manager, not the tally, not the ballots, not the ballot box."""
        secret = self.secret.with_user(self.manager)
        self.assertRecordValues(
            secret,
            [
                {
                    "results_available": False,
                    "voter_count": 0,
                    "count_for": 0,
                    "count_against": 0,
                    "count_abstain": 0,
                    "count_cast": 0,
                    "share_for": 0.0,
                    "result": False,
                }
            ],
        )
        tally = secret._get_tally()[secret]
        self.assertEqual((tally["count_for"], tally["voter_count"]), (0, 0))
        self.assertFalse(
            self.env["cae.assembly.ballot"]
            .with_user(self.manager)
            .search([("resolution_id", "=", self.secret.id)])
        )
        Box = self.env["cae.assembly.ballot.box"].with_user(self.manager)
        for attempt in (
            lambda: Box.search([]),
            lambda: Box.search_count([]),
            lambda: Box.read_group([], ["choice"], ["choice"]),
            lambda: Box.browse(1).read(["choice"]),
        ):
            with self.assertRaises(AccessError):
                attempt()
        self.assertEqual(
            self.secret.with_user(self.manager)._get_published_receipts(),
            {self.secret: []},
        )
        # The open vote counts live.
        self.assertRecordValues(
            self.public.with_user(self.manager),
            [{"results_available": True, "count_for": 6, "voter_count": 12}],
        )
        # The sealed ballots wait in the box, with their receipts.
        rows = self._rows("cae_assembly_ballot_box", self.secret)
        self.assertEqual(
            sorted(code for _id, _choice, code in rows), sorted(self.receipts.values())
        )

    def test_counted_at_the_closing(self):
        self.assertFalse(self._rows("cae_assembly_ballot", self.secret))
        self.assembly.action_close()
        self.assertFalse(self._rows("cae_assembly_ballot_box", self.secret))
        ballots = self.env["cae.assembly.ballot"].search(
            [("resolution_id", "=", self.secret.id)]
        )
        self.assertEqual(len(ballots), 12)
        self.assertFalse(ballots.associate_id)
        self.assertFalse(ballots.college_id)
        self.assertRecordValues(
            self.secret.with_user(self.manager),
            [
                {
                    "results_available": True,
                    "voter_count": 12,
                    "count_for": 6,
                    "count_against": 4,
                    "count_abstain": 2,
                    "result": "adopted",
                }
            ],
        )
        # The open vote keeps its voters.
        public = self.env["cae.assembly.ballot"].search(
            [("resolution_id", "=", self.public.id)]
        )
        self.assertEqual(public.associate_id, self.associates)

    def test_no_author_no_date_no_link(self):
        for table in ("cae_assembly_ballot", "cae_assembly_ballot_box"):
            columns = self._columns(table)
            for logged in ("create_uid", "create_date", "write_uid", "write_date"):
                self.assertNotIn(logged, columns, table)
        self.assertNotIn("associate_id", self._columns("cae_assembly_ballot_box"))
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
        for table in ("cae_assembly_ballot", "cae_assembly_ballot_box"):
            self.assertNotIn(
                table, self._foreign_keys("cae_assembly_participation").values()
            )
        # The receipt is on the ballot only, never beside the voter.
        self.assertNotIn("receipt_code", self._columns("cae_assembly_participation"))
        shared = self._columns("cae_assembly_ballot") & self._columns(
            "cae_assembly_participation"
        )
        self.assertEqual(
            shared, {"id", "resolution_id", "assembly_id", "company_id", "associate_id"}
        )

    def test_order_of_ballots_says_nothing(self):
        """After the count, pairing voters and ballots by rank of id or of
        physical position (what a join on the order of insertion would do)
        does not give back the votes; ids do not come from the sequence."""
        self.assembly.action_close()
        participations = self.env["cae.assembly.participation"].search(
            [("resolution_id", "=", self.secret.id)], order="id"
        )
        self.assertEqual(participations.associate_id, self.associates)
        truth = [self.receipts[associate] for associate in participations.associate_id]
        for order in ("id", "ctid"):
            codes = [
                code
                for _id, _choice, code in self._rows(
                    "cae_assembly_ballot", self.secret, order
                )
            ]
            self.assertEqual(sorted(codes), sorted(truth))
            self.assertNotEqual(codes, truth, order)
        ids = [row[0] for row in self._rows("cae_assembly_ballot", self.secret, "ctid")]
        self.assertNotEqual(ids, sorted(ids))
        self.env.cr.execute(
            SQL("SELECT last_value, is_called FROM cae_assembly_ballot_id_seq")
        )
        last_value, is_called = self.env.cr.fetchone()
        self.assertFalse(is_called and last_value in ids)

    def test_receipts_published_after_the_closing(self):
        codes = list(self.receipts.values())
        self.assertTrue(all(RECEIPT.match(code) for code in codes), codes)
        self.assertEqual(len(set(codes)), 12)
        self.assembly.action_close()
        published = self.secret.with_context(lang="fr_FR")._get_published_receipts()
        published = published[self.secret]
        self.assertEqual([code for code, _label in published], sorted(codes))
        labels = dict(published)
        expected = {"for": "Pour", "against": "Contre", "abstain": "Abstention"}
        for associate, choice in zip(self.associates, self.choices, strict=True):
            self.assertEqual(labels[self.receipts[associate]], expected[choice])
        # Anyone recounts from the published list.
        self.assertEqual(
            Counter(labels.values()), {"Pour": 6, "Contre": 4, "Abstention": 2}
        )
        # Online ballots of the open vote have their receipts too.
        self.assertEqual(len(self.public._get_published_receipts()[self.public]), 12)

    def test_paper_ballots_of_a_secret_vote_are_a_count(self):
        assembly = self._opened(
            resolutions=[{"name": "Révocation du gérant", "secret": True}]
        )
        resolution = assembly.resolution_ids.with_context(lang="fr_FR")
        alice, bob, carla = self.associates[:3]
        # Never voter by voter.
        with self.assertRaisesRegex(UserError, "bulletin secret"):
            resolution._record_paper_votes({alice.id: "for"})
        # The urn must hold one ballot per associate ticked.
        with self.assertRaisesRegex(UserError, "l'urne contient 2 bulletin"):
            self._paper_batch(
                resolution, alice | bob | carla, count_for=1, count_against=1
            )
        self.assertFalse(
            self.env["cae.assembly.participation"].search(
                [("resolution_id", "=", resolution.id)]
            )
        )
        self._paper_batch(resolution, alice | bob | carla, count_for=2, count_against=1)
        # Opened once.
        with self.assertRaisesRegex(UserError, "déjà dépouillés"):
            self._paper_batch(resolution, self.associates[3:4], count_for=1)
        participations = self.env["cae.assembly.participation"].search(
            [("resolution_id", "=", resolution.id)]
        )
        self.assertEqual(participations.associate_id, alice | bob | carla)
        self.assertEqual(set(participations.mapped("channel")), {"paper"})
        rows = self._rows("cae_assembly_ballot_box", resolution)
        self.assertEqual(
            sorted(choice for _id, choice, _code in rows), ["against", "for", "for"]
        )
        self.assertFalse(any(code for _id, _choice, code in rows))
        # Online votes continue beside the paper ones.
        self._vote_online(resolution, self.associates[3], "against")
        assembly.action_close()
        self.assertRecordValues(
            resolution,
            [
                {
                    "voter_count": 4,
                    "count_for": 2,
                    "count_against": 2,
                    "result": "rejected",
                }
            ],
        )

    def test_paper_wizard_of_a_secret_vote(self):
        """The wizard ticks who voted and counts the urn apart: its own
        lines never hold a choice."""
        assembly = self._opened(resolutions=[{"name": "Huis clos", "secret": True}])
        resolution = assembly.resolution_ids
        action = resolution.action_record_paper_votes()
        wizard_form = Form(
            self.env[action["res_model"]].with_context(action["context"], lang="fr_FR")
        )
        self.assertEqual(len(wizard_form.line_ids), 12)
        self.assertEqual(len(wizard_form.count_ids), 3)
        with wizard_form.line_ids.edit(11) as line:
            line.voted = False
        for index, count in ((0, 8), (1, 2), (2, 1)):
            with wizard_form.count_ids.edit(index) as line:
                line.count = count
        self.assertEqual(wizard_form.voter_count, 11)
        self.assertEqual(wizard_form.ballot_count, 11)
        wizard = wizard_form.save()
        self.assertEqual(
            wizard.count_ids.mapped("label"), ["Pour", "Contre", "Abstention"]
        )
        self.env.cr.execute(
            SQL(
                "SELECT count(*) FROM cae_assembly_paper_vote_line "
                "WHERE wizard_id = %s AND choice IS NOT NULL",
                wizard.id,
            )
        )
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            wizard.line_ids[0].choice = "for"
        wizard.action_confirm()
        self.assertEqual(
            len(
                self.env["cae.assembly.participation"].search(
                    [("resolution_id", "=", resolution.id)]
                )
            ),
            11,
        )
        assembly.action_close()
        self.assertRecordValues(
            resolution, [{"count_for": 8, "count_against": 2, "count_abstain": 1}]
        )

    def test_secret_election_on_paper(self):
        first, second, third = self.associates[:3]
        assembly = self._opened(
            resolutions=[
                {
                    "name": "Conseil",
                    "kind": "election",
                    "seats": 2,
                    "candidate_ids": [
                        Command.create({"associate_id": a.id})
                        for a in (first, second, third)
                    ],
                }
            ]
        )
        election = assembly.resolution_ids.with_context(lang="fr_FR")
        self.assertTrue(election.secret)
        one, two, three = election.candidate_ids
        voters = self.associates[:5]
        # 4 ballots naming candidates give between 4 and 8 votes.
        with self.assertRaisesRegex(UserError, "entre 4 et 8"):
            self._paper_batch(
                election,
                voters,
                ballots=4,
                blank=1,
                candidates={one: 4, two: 4, three: 1},
            )
        with self.assertRaisesRegex(UserError, "entre 4 et 8"):
            self._paper_batch(election, voters, ballots=4, blank=1, candidates={one: 5})
        self._paper_batch(
            election, voters, ballots=4, blank=1, candidates={one: 4, two: 3, three: 1}
        )
        self.assertFalse(one.vote_count)
        assembly.action_close()
        self.assertEqual(election.candidate_ids.mapped("vote_count"), [4, 3, 1])
        self.assertEqual(election.candidate_ids.filtered("elected"), one | two)
        self.assertEqual(election.count_abstain, 1)


class TestSecretColleges(SecretCommon):
    """Colleges of a secret vote: a small college would tell how its
    members voted."""

    ASSOCIATES = 14

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        College = cls.env["cae.assembly.college"]
        cls.workers = College.create(
            {"name": "Salariés", "company_id": cls.company.id, "weight": 60}
        )
        cls.users = College.create(
            {"name": "Usagers", "company_id": cls.company.id, "weight": 40}
        )
        cls.associates[:10].college_id = cls.workers
        cls.associates[10:].college_id = cls.users

    def _by_colleges(self, secret=True):
        assembly = self._convened(
            present=self.associates,
            use_colleges=True,
            resolutions=[{"name": "Fusion", "secret": secret}],
        )
        return assembly.with_context(lang="fr_FR")

    def test_small_college_refused_for_a_secret_vote(self):
        assembly = self._by_colleges()
        with self.assertRaisesRegex(UserError, "Usagers compte 4 associé"):
            assembly.action_open_votes()
        self.assertEqual(assembly.state, "convened")
        # An open vote is fine: the voters are known anyway.
        open_assembly = self._by_colleges(secret=False)
        open_assembly.action_open_votes()
        self.assertEqual(open_assembly.state, "open")

    def test_minimum_is_a_dated_parameter(self):
        parameter = self.env["cae.parameter"].search(
            [("code", "=", "cae_assembly_secret_college_min")]
        )
        self.assertEqual(
            parameter._get_value(parameter.code, date(2026, 6, 12), self.company), 5
        )
        self.env["cae.parameter.value"].create(
            {
                "parameter_id": parameter.id,
                "date_from": "2026-01-01",
                "value": 4,
                "company_id": self.company.id,
                "note": "Règlement intérieur",
            }
        )
        assembly = self._by_colleges()
        assembly.action_open_votes()
        resolution = assembly.resolution_ids
        self._vote_online(resolution, self.associates[0], "for")
        self._vote_online(resolution, self.associates[10], "against")
        self.env.cr.execute(
            SQL(
                "SELECT college_id FROM cae_assembly_ballot_box "
                "WHERE resolution_id = %s",
                resolution.id,
            )
        )
        self.assertEqual(
            sorted(row[0] for row in self.env.cr.fetchall()),
            sorted([self.workers.id, self.users.id]),
        )
        assembly.action_close()
        self.assertEqual(resolution.count_for, 1)
        self.assertAlmostEqual(resolution.share_for, 60.0)

    def test_without_colleges_a_secret_ballot_keeps_none(self):
        assembly = self._opened(resolutions=[{"name": "Secret", "secret": True}])
        resolution = assembly.resolution_ids
        self._vote_online(resolution, self.associates[10], "for")
        assembly.action_close()
        ballot = self.env["cae.assembly.ballot"].search(
            [("resolution_id", "=", resolution.id)]
        )
        self.assertFalse(ballot.college_id)

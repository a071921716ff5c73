# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import re

from odoo import Command, http
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .common_assembly import CaeAssemblyCommon


@tagged("post_install", "-at_install")
class TestAssemblyPortal(CaeAssemblyCommon, HttpCase):
    """Anne votes online for herself and for Yves, whose proxy she holds;
    Bruno sees nothing of others' votes."""

    ASSOCIATES = 3

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {}
        members = cls.env["cae.associate"]
        for login, name in (
            ("anne_vote", "Anne Votante"),
            ("yves_vote", "Yves Représenté"),
            ("bruno_vote", "Bruno Voisin"),
        ):
            user = new_test_user(
                cls.env,
                login=login,
                name=name,
                groups="base.group_portal",
                company_id=cls.company.id,
                company_ids=[cls.company.id],
                lang="fr_FR",
            )
            cls.users[login] = user
            members |= cls._make_associates_of(user.partner_id)
        cls.anne, cls.yves, cls.bruno = members
        cls.document = cls.env["ir.attachment"].create(
            {
                "name": "Rapport de gestion.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 rapport de gestion"),
                "mimetype": "application/pdf",
            }
        )
        cls.assembly = cls._convened(
            "ordinary",
            cls.associates | cls.anne | cls.bruno,
            resolutions=[
                {
                    "name": "Approbation des comptes",
                    "attachment_ids": [Command.link(cls.document.id)],
                },
                {"name": "Quitus", "secret": True},
                {
                    "name": "Élection au conseil",
                    "kind": "election",
                    "candidate_ids": [
                        Command.create({"associate_id": cls.associates[0].id}),
                        Command.create({"associate_id": cls.associates[1].id}),
                    ],
                },
            ],
        )
        cls._represent(cls.assembly, cls.yves, cls.anne)
        cls.assembly.action_open_votes()
        cls.accounts, cls.discharge, cls.election = cls.assembly.resolution_ids
        cls.draft = cls._assembly()

    def _post_vote(self, pairs, assembly=None):
        assembly = assembly or self.assembly
        return self.url_open(
            f"/my/assemblies/{assembly.id}/vote",
            data=[("csrf_token", http.Request.csrf_token(self)), *pairs],
        )

    def test_list_and_agenda(self):
        self.authenticate("anne_vote", "anne_vote")
        response = self.url_open("/my/assemblies")
        self.assertEqual(response.status_code, 200)
        self.assertIn(f"/my/assemblies/{self.assembly.id}", response.text)
        self.assertNotIn(f"/my/assemblies/{self.draft.id}", response.text)
        response = self.url_open(f"/my/assemblies/{self.assembly.id}")
        self.assertEqual(response.status_code, 200)
        for text in (
            "Approbation des comptes",
            "Rapport de gestion.pdf",
            "Votre vote",
            "Vote de <span>Yves Représenté</span> (pouvoir)",
            f'name="vote_{self.accounts.id}_{self.anne.id}"',
            f'name="vote_{self.accounts.id}_{self.yves.id}"',
            f'name="candidates_{self.election.id}_{self.anne.id}"',
        ):
            self.assertIn(text, response.text)
        response = self.url_open(
            f"/my/assemblies/{self.assembly.id}/document/{self.document.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"%PDF-1.4 rapport de gestion")

    def test_vote_for_oneself_and_a_proxy(self):
        self.authenticate("anne_vote", "anne_vote")
        candidate = self.election.candidate_ids[0]
        response = self._post_vote(
            [
                (f"vote_{self.accounts.id}_{self.anne.id}", "for"),
                (f"vote_{self.accounts.id}_{self.yves.id}", "against"),
                (f"vote_{self.discharge.id}_{self.anne.id}", "abstain"),
                (f"candidates_{self.election.id}_{self.anne.id}", str(candidate.id)),
                (f"blank_{self.election.id}_{self.yves.id}", "1"),
            ]
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Votre vote est enregistré", response.text)
        self.assertEqual(response.text.count("o_cae_vote_recorded"), 5)
        # One receipt per ballot, shown in this answer only.
        codes = re.findall(r'o_cae_receipt_code">([A-Z0-9-]+)<', response.text)
        self.assertEqual(len(codes), 5)
        self.assertEqual(len(set(codes)), 5)
        again = self.url_open(f"/my/assemblies/{self.assembly.id}")
        for code in codes:
            self.assertNotIn(code, again.text)
        participations = self.env["cae.assembly.participation"].search(
            [("assembly_id", "=", self.assembly.id)]
        )
        self.assertEqual(len(participations), 5)
        self.assertEqual(set(participations.mapped("channel")), {"online"})
        self.assertEqual(participations.cast_by_id, self.anne)
        self.assertEqual(participations.create_uid, self.users["anne_vote"])
        self.assertRecordValues(
            self.accounts, [{"count_for": 1, "count_against": 1, "voter_count": 2}]
        )
        # Secret votes: sealed until the closing.
        self.assertEqual(candidate.vote_count, 0)
        self.assertEqual(self.discharge.voter_count, 0)
        self.assembly.action_close()
        self.assertEqual(candidate.vote_count, 1)
        self.assertEqual(self.discharge.count_abstain, 1)
        # Published with their choices: each voter finds their ballot.
        page = self.url_open(f"/my/assemblies/{self.assembly.id}").text
        for code in codes:
            self.assertIn(code, page)
        self.assertIn("o_cae_published_receipts", page)
        self.authenticate("bruno_vote", "bruno_vote")
        page = self.url_open(f"/my/assemblies/{self.assembly.id}").text
        for code in codes:
            self.assertIn(code, page)

    def test_second_vote_refused(self):
        self.authenticate("anne_vote", "anne_vote")
        self._post_vote([(f"vote_{self.accounts.id}_{self.anne.id}", "for")])
        response = self._post_vote(
            [(f"vote_{self.accounts.id}_{self.anne.id}", "against")]
        )
        self.assertIn("a déjà voté sur Approbation des comptes", response.text)
        self.assertNotIn("o_cae_receipt_code", response.text)
        self.assertEqual(self.accounts.voter_count, 1)
        self.assertEqual(self.accounts.count_for, 1)

    def test_error_text_comes_from_the_server_only(self):
        """No message of the address is shown as an alert."""
        self.authenticate("anne_vote", "anne_vote")
        response = self.url_open(
            f"/my/assemblies/{self.assembly.id}?error=Votre+compte+est+suspendu"
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Votre compte est suspendu", response.text)

    def test_nobody_votes_for_others(self):
        self.authenticate("bruno_vote", "bruno_vote")
        response = self._post_vote([(f"vote_{self.accounts.id}_{self.yves.id}", "for")])
        self.assertIn("Indiquez votre vote sur au moins une résolution", response.text)
        self.assertEqual(self.accounts.voter_count, 0)
        # Yves gave his proxy: he cannot vote himself.
        self.authenticate("yves_vote", "yves_vote")
        response = self.url_open(f"/my/assemblies/{self.assembly.id}")
        self.assertNotIn(
            f'name="vote_{self.accounts.id}_{self.yves.id}"', response.text
        )
        self.assertIn("représenté(e) par", response.text)

    def test_others_pages_are_not_found(self):
        other_company_assembly = self.env["cae.assembly"].search(
            [("company_id", "!=", self.company.id), ("state", "!=", "draft")],
            limit=1,
        )
        self.authenticate("bruno_vote", "bruno_vote")
        urls = [
            f"/my/assemblies/{self.draft.id}",
            f"/my/assemblies/{self.assembly.id}/document/{self.document.id + 100000}",
            f"/my/assemblies/{self.assembly.id}/minutes",  # not closed
            "/my/assemblies/999999999",
        ]
        if other_company_assembly:
            urls.append(f"/my/assemblies/{other_company_assembly.id}")
        for url in urls:
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), url)
        response = self._post_vote(
            [(f"vote_{self.draft.resolution_ids.id}_{self.bruno.id}", "for")],
            assembly=self.draft,
        )
        self.assertEqual(response.status_code, 404)

    def test_results_and_minutes_after_closing(self):
        self._vote(self.accounts, {self.anne: "for", self.bruno: "for"})
        self.assembly.action_close()
        self.authenticate("bruno_vote", "bruno_vote")
        response = self.url_open(f"/my/assemblies/{self.assembly.id}")
        self.assertIn("o_cae_adopted", response.text)
        self.assertIn("Pour : <span>2</span>", response.text)
        self.assertNotIn("cae_vote_submit", response.text)
        response = self.url_open(f"/my/assemblies/{self.assembly.id}/minutes")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Procès-verbal", response.text)
        response = self._post_vote(
            [(f"vote_{self.discharge.id}_{self.bruno.id}", "for")]
        )
        self.assertIn("Les votes de Assemblée ordinary sont clos", response.text)

    def test_public_user_redirected_to_login(self):
        response = self.url_open(
            f"/my/assemblies/{self.assembly.id}", allow_redirects=False
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])


@tagged("post_install", "-at_install")
class TestLegalEntityRepresentative(CaeAssemblyCommon, HttpCase):
    """A legal-entity associate votes through the one representative its
    mandate designates for the assembly, never through its other
    contacts."""

    ASSOCIATES = 3

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scop = cls.env["res.partner"].create(
            {"name": "Scop des Tonneliers", "is_company": True}
        )
        cls.users = {}
        for login, name in (
            ("gerante", "Gaëlle Gérante"),
            ("comptable", "Côme Compta"),
        ):
            user = new_test_user(
                cls.env,
                login=login,
                name=name,
                groups="base.group_portal",
                company_id=cls.company.id,
                company_ids=[cls.company.id],
                lang="fr_FR",
            )
            user.partner_id.parent_id = cls.scop
            cls.users[login] = user
        cls.member = cls._make_associates_of(cls.scop)
        cls.assembly = cls._convened("ordinary", cls.associates)
        cls.line = cls._line(cls.assembly, cls.member)
        cls.resolution = cls.assembly.resolution_ids

    def _designate(self, partner):
        self.line.write(
            {
                "representative_id": partner.id,
                "mandate_date": "2026-06-01",
                "mandate_filename": "pouvoir.pdf",
                "mandate_document": base64.b64encode(b"%PDF-1.4 pouvoir"),
            }
        )

    def _post_vote(self, pairs):
        return self.url_open(
            f"/my/assemblies/{self.assembly.id}/vote",
            data=[("csrf_token", http.Request.csrf_token(self)), *pairs],
        )

    def test_no_attendance_without_a_mandate(self):
        self.assertEqual(self.member.kind, "legal_entity")
        line = self.line.with_context(lang="fr_FR")
        with self.assertRaisesRegex(ValidationError, "représentant"):
            line.state = "present"
        with self.assertRaises(ValidationError):
            self.line.write(
                {"representative_id": self.scop.id, "mandate_date": "2026-06-01"}
            )
        with self.assertRaises(ValidationError):
            # A person is represented by no one: they attend themselves.
            self._line(
                self.assembly, self.associates[0]
            ).representative_id = self.users["gerante"].partner_id
        self._designate(self.users["gerante"].partner_id)
        self.line.state = "present"
        self.assertEqual(self.assembly.present_count, 4)

    def test_only_the_representative_votes(self):
        self._designate(self.users["gerante"].partner_id)
        self.assembly.action_open_votes()
        key = f"vote_{self.resolution.id}_{self.member.id}"
        # Another contact of the legal entity: no ballot, a vote refused.
        self.authenticate("comptable", "comptable")
        page = self.url_open(f"/my/assemblies/{self.assembly.id}").text
        self.assertNotIn(f'name="{key}"', page)
        response = self._post_vote([(key, "for")])
        self.assertIn("Indiquez votre vote sur au moins une résolution", response.text)
        self.assertEqual(self.resolution.voter_count, 0)
        # The representative.
        self.authenticate("gerante", "gerante")
        page = self.url_open(f"/my/assemblies/{self.assembly.id}").text
        self.assertIn(f'name="{key}"', page)
        self.assertIn("son représentant", page)
        response = self._post_vote([(key, "for")])
        self.assertIn("Votre vote est enregistré", response.text)
        participation = self.env["cae.assembly.participation"].search(
            [("resolution_id", "=", self.resolution.id)]
        )
        self.assertRecordValues(
            participation,
            [{"associate_id": self.member.id, "cast_by_id": self.member.id}],
        )
        self.assertEqual(participation.create_uid, self.users["gerante"])
        self.assertEqual(self.line.state, "remote")

    def test_representative_fixed_once_the_votes_open(self):
        self._designate(self.users["gerante"].partner_id)
        self.assembly.action_open_votes()
        with self.assertRaisesRegex(UserError, "ne peut plus changer"):
            self.line.with_context(lang="fr_FR").representative_id = self.users[
                "comptable"
            ].partner_id

    def test_representative_need_not_be_a_contact(self):
        """The representative need not be a contact of the legal entity."""
        outsider = new_test_user(
            self.env,
            login="avocate",
            name="Aude Avocate",
            groups="base.group_portal",
            company_id=self.company.id,
            company_ids=[self.company.id],
            lang="fr_FR",
        )
        self.authenticate("avocate", "avocate")
        response = self.url_open(f"/my/assemblies/{self.assembly.id}")
        self.assertEqual(response.status_code, 404)
        self._designate(outsider.partner_id)
        response = self.url_open(f"/my/assemblies/{self.assembly.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Scop des Tonneliers", response.text)

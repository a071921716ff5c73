# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

import pytz

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common_assembly import ASSEMBLY_DATE, CaeAssemblyCommon, pdf_text


class TestAssemblyFlow(CaeAssemblyCommon):
    """From draft to minutes, with the convocation e-mails."""

    ASSOCIATES = 8

    def test_convocation_sent_to_every_associate_with_the_agenda(self):
        self.associates[7].partner_id.email = False
        document = self.env["ir.attachment"].create(
            {
                "name": "Comptes annuels.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 comptes"),
                "mimetype": "application/pdf",
            }
        )
        assembly = self._assembly(
            resolutions=[
                {
                    "name": "Approbation des comptes",
                    "attachment_ids": [Command.link(document.id)],
                },
                {
                    "name": "Élection au conseil",
                    "kind": "election",
                    "candidate_ids": [
                        Command.create({"associate_id": self.associates[0].id})
                    ],
                },
            ],
            place="Tiers-lieu de Bègles",
        )
        with self.assertRaises(UserError):
            assembly.action_open_votes()  # not convened
        assembly.action_convene()
        self.assertEqual(assembly.state, "convened")
        self.assertTrue(assembly.convocation_date)
        mails = self.env["mail.mail"].search(
            [
                ("model", "=", "cae.assembly.attendance"),
                ("res_id", "in", assembly.attendance_ids.ids),
            ]
        )
        self.assertEqual(len(mails), 7)
        self.assertEqual(mails.recipient_ids, self.associates[:7].partner_id)
        mail = mails.filtered(
            lambda m: m.recipient_ids == self.associates[0].partner_id
        )
        self.assertIn("Assemblée ordinary", mail.subject)
        # The associates are French: the convocation is in French.
        self.assertIn("Approbation des comptes", mail.body_html)
        self.assertIn("Élection au conseil", mail.body_html)
        self.assertIn("Tiers-lieu de Bègles", mail.body_html)
        self.assertIn(f"/my/assemblies/{assembly.id}", mail.body_html)
        # The time as people write it: "1 juin 2026, 18:00", no seconds.
        local = pytz.utc.localize(assembly.date).astimezone(
            pytz.timezone(self.associates[0].partner_id.tz or "Europe/Paris")
        )
        self.assertIn(f"{local:%H:%M}</strong>", mail.body_html)
        self.assertNotRegex(mail.body_html, r"\d\d:\d\d:\d\d")
        self.assertEqual(mail.attachment_ids, document)
        self.assertIn(
            "Convocation sent to 7 associates (1 without", assembly.message_ids[0].body
        )

    def test_states(self):
        assembly = self._assembly()
        with self.assertRaises(UserError):
            assembly.action_close()  # a draft is deleted, not closed
        assembly.action_convene()
        with self.assertRaises(UserError):
            assembly.action_convene()
        assembly.action_draft()
        self.assertEqual(assembly.state, "draft")
        assembly.action_convene()
        self._attend(assembly, self.associates)
        assembly.action_open_votes()
        with self.assertRaises(UserError):
            assembly.action_draft()
        assembly.action_close()
        self.assertEqual(assembly.state, "closed")
        self.assertTrue(assembly.votes_closed_at)
        with self.assertRaises(UserError):
            assembly.action_close()
        draft = self._assembly()
        draft.unlink()
        with self.assertRaises(UserError):
            assembly.unlink()

    def test_empty_agenda_cannot_be_convened(self):
        assembly = self.Assembly.create(
            {
                "name": "Sans ordre du jour",
                "type_id": self.types["ordinary"].id,
                "date": "2026-06-12 16:00:00",
            }
        )
        with self.assertRaises(UserError) as error:
            assembly.action_convene()
        self.assertIn("has no agenda", str(error.exception))

    def test_paper_ballots_wizard(self):
        assembly = self._convened("ordinary", self.associates[:6])
        self._represent(assembly, self.associates[6], self.associates[0])
        assembly.action_open_votes()
        resolution = assembly.resolution_ids
        self._vote(resolution, {self.associates[1]: "against"})
        action = resolution.action_record_paper_votes()
        wizard = (
            self.env[action["res_model"]].with_context(**action["context"]).create({})
        )
        # Present or represented, not yet voted: 0, 2-5 and 6 (cast by 0).
        self.assertEqual(
            wizard.line_ids.associate_id,
            self.associates[0] | self.associates[2:7],
        )
        line = wizard.line_ids.filtered(
            lambda line: line.associate_id == self.associates[6]
        )
        self.assertEqual(line.cast_by_id, self.associates[0])
        wizard.fill_choice = "for"
        wizard._onchange_fill_choice()
        wizard.line_ids[0].choice = "abstain"
        wizard.action_confirm()
        self.assertRecordValues(
            resolution,
            [
                {
                    "count_for": 5,
                    "count_against": 1,
                    "count_abstain": 1,
                    "voter_count": 7,
                }
            ],
        )
        participation = self.env["cae.assembly.participation"].search(
            [
                ("resolution_id", "=", resolution.id),
                ("associate_id", "=", self.associates[6].id),
            ]
        )
        self.assertRecordValues(
            participation,
            [{"cast_by_id": self.associates[0].id, "channel": "paper"}],
        )

    def test_minutes_in_french(self):
        assembly = self._opened(
            resolutions=[
                {"name": "Approbation des comptes"},
                {
                    "name": "Élection au conseil",
                    "kind": "election",
                    "candidate_ids": [
                        Command.create({"associate_id": self.associates[0].id}),
                        Command.create({"associate_id": self.associates[1].id}),
                    ],
                },
            ],
            chair_id=self.associates[0].partner_id.id,
        )
        accounts, election = assembly.resolution_ids
        self._votes(accounts, count_for=5, count_against=2, count_abstain=1)
        candidate = election.candidate_ids[0]
        self._vote(election, {a: candidate for a in self.associates[:5]})
        assembly.action_close()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cae_governance.action_report_assembly_minutes", assembly.ids
            )[0]
            .decode()
        )
        for text in (
            "Procès-verbal",
            "Approbation des comptes",
            "Cette résolution est adoptée",
            "le quorum est atteint",
            "Associé 08",
            "Élu",
            # The secret election's online ballots, by receipt.
            "Reçus des bulletins en ligne",
        ):
            self.assertIn(text, html)
        # The PDF itself has that text (not a blank page).
        pdf = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "cae_governance.action_report_assembly_minutes", assembly.ids
            )[0]
        )
        text = pdf_text(pdf)
        for expected in ("Procès-verbal", "Approbation des comptes", "Élu"):
            self.assertIn(expected, text)
        receipts = self.env["cae.assembly.ballot"].search(
            [("resolution_id", "=", election.id), ("receipt_code", "!=", False)]
        )
        self.assertIn(receipts[0].receipt_code, text)
        # The report itself, or first the layout configurator of a new company.
        self.assertIn(
            assembly.action_print_minutes()["type"],
            ("ir.actions.report", "ir.actions.act_window"),
        )

    def test_demo_chatter_in_french(self):
        """The demo records' history speaks French: the module's
        translations are loaded before its demo data ("Associé créé", not
        "Associate créé")."""
        associate = self.env.ref("cae_governance.associate_paul_lambert")
        bodies = associate.message_ids.mapped("body")
        self.assertIn("<p>Associé créé</p>", bodies)
        self.assertNotIn("<p>Associate créé</p>", bodies)
        assembly = self.env.ref("cae_governance.assembly_ordinary_annual")
        bodies = " ".join(assembly.message_ids.mapped("body"))
        for text in ("Assemblée générale créé", "Convocation envoyée à", "élu(s)"):
            self.assertIn(text, bodies)
        self.assertNotIn("Convocation sent", bodies)

    def test_online_votes_close_at_the_end_of_the_meeting(self):
        """By default the online votes close when the meeting ends: its
        start plus the usual duration of its type (3 hours), not a week
        later; the date is editable and a second call gets its own."""
        assembly = self.Assembly.create(
            {
                "name": "AG du soir",
                "type_id": self.types["ordinary"].id,
                "company_id": self.company.id,
                "date": ASSEMBLY_DATE,
                "resolution_ids": [Command.create({"name": "Comptes"})],
            }
        )
        self.assertEqual(assembly.date_end, ASSEMBLY_DATE + timedelta(hours=3))
        self.assertEqual(assembly.online_vote_end, assembly.date_end)
        self.types["ordinary"].duration = 2.0
        later = self.Assembly.create(
            {
                "name": "AG courte",
                "type_id": self.types["ordinary"].id,
                "company_id": self.company.id,
                "date": ASSEMBLY_DATE,
            }
        )
        self.assertEqual(later.online_vote_end, ASSEMBLY_DATE + timedelta(hours=2))
        # The meeting is over (2026-06-12): online votes are refused, paper
        # ones of the room are still taken until the votes close.
        assembly.action_convene()
        self._attend(assembly, self.associates[:5])
        assembly.action_open_votes()
        with self.assertRaisesRegex(UserError, "Les votes en ligne .* ont été clos le"):
            assembly.with_context(lang="fr_FR")._record_online_votes(
                [
                    {
                        "resolution": assembly.resolution_ids,
                        "associate": self.associates[6],
                        "choice": "for",
                    }
                ],
                self.associates[6],
            )
        self._vote(assembly.resolution_ids, {self.associates[0]: "for"})
        with self.assertRaises(ValidationError):
            assembly.online_vote_end = ASSEMBLY_DATE - timedelta(hours=1)

    def test_agenda_numbered_before_the_first_save(self):
        """Two resolutions added to a new assembly before it is saved are
        numbered in the order of the agenda (the second one used to crash
        the form: no order between two unsaved lines)."""
        assembly_form = Form(self.Assembly.with_context(lang="fr_FR"))
        assembly_form.name = "AG à l'ordre du jour"
        assembly_form.type_id = self.types["ordinary"]
        assembly_form.date = ASSEMBLY_DATE
        for name in ("Comptes", "Quitus"):
            with assembly_form.resolution_ids.new() as line:
                line.name = name
        assembly = assembly_form.save()
        self.assertEqual(
            [(r.name, r.number) for r in assembly.resolution_ids],
            [("Comptes", 1), ("Quitus", 2)],
        )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The participants' statements as the facilitator downloads them: real PDFs.

Several statements at once used to answer HTTP 500: wkhtmltopdf builds
without patched Qt (Debian's) cannot take several pages in one run and
wrote an empty file, which Odoo failed to read ("Cannot read an empty
file"). Each PDF is read back with pdftotext: it must hold every
participant's statement, in French.
"""

import shutil
import subprocess

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CjsAccountingCommon


def pdf_text(content):
    """The text of a PDF (pdftotext, layout kept)."""
    result = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-layout", "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    )
    return result.stdout.decode()


@tagged("post_install", "-at_install")
class TestStatements(CjsAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.facilitator.lang = "fr_FR"
        cls.participants = cls._running_flashcoop()
        cls._post(cls.flashcoop, 1000.0)
        cls.flashcoop.action_close()

    def _print(self, participants):
        """The PDF the report route gives the facilitator (``/report/pdf``).

        Rendered here rather than over HTTP: in a test the server shares the
        test's cursor, and wkhtmltopdf loading the styles from it while the
        route waits for wkhtmltopdf would never end.
        """
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.facilitator)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("cae_cjs.report_participant_statement", participants.ids)
        )
        self.assertEqual(kind, "pdf")
        return pdf_text(content)

    def test_all_statements_in_one_pdf(self):
        text = self._print(self.participants)
        self.assertEqual(text.count("Relevé de répartition"), 3, text)
        shares = (("Anna", "333,34"), ("Bruno", "333,33"), ("Chloé", "333,33"))
        for name, amount in shares:
            with self.subTest(name=name):
                self.assertIn(name, text)
                self.assertIn(amount, text)

    def test_one_statement(self):
        text = self._print(self.participants[:1])
        self.assertIn("Anna", text)
        self.assertNotIn("Bruno", text)

    def test_statements_button_prints_every_participant(self):
        action = self.flashcoop.with_user(self.facilitator).action_print_statements()
        self.assertEqual(action["report_name"], "cae_cjs.report_participant_statement")
        printed = self.Participant.browse(action["context"]["active_ids"])
        self.assertEqual(printed, self.participants)
        self.assertEqual(self._print(printed).count("Relevé de répartition"), 3)

    def test_project_without_participant(self):
        """A closed project has participants; a clear error otherwise."""
        empty = self.Project.create(
            {
                "name": "Flashcoop vide",
                "kind": "flashcoop",
                "company_id": self.company.id,
                "date_start": self.flashcoop.date_start,
                "facilitator_ids": [(6, 0, self.facilitator.ids)],
            }
        )
        empty.state = "closed"
        with self.assertRaisesRegex(UserError, "no participant"):
            empty.action_print_statements()

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl

from .common import CaePayrollCommon


class TestReports(CaePayrollCommon):
    """The printed payslip and the XLSX for an external payroll provider."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_cesa(cls.alice)
        cls._make_cesa(cls.bob)
        cls.contract_alice = cls._contract(cls.alice, wage=2500.0)
        cls.contract_bob = cls._contract(
            cls.bob,
            cae_wage_type="hourly",
            cae_monthly_hours=151.67,
            cae_hourly_rate=14.50,
        )
        cls.payslip_run = cls._run()
        cls.payslips = cls.payslip_run._cae_generate_payslips()
        cls.payslip_bob = cls.payslips.filtered(
            lambda p: p.contract_id == cls.contract_bob
        )
        cls.payslip_bob.input_line_ids.amount = 350.0
        cls.payslip_bob.compute_sheet()

    def test_payslip_pdf_in_french_with_the_net_in_words(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cae_payroll.cae_payslip_report_action", self.payslip_bob.ids
            )[0]
            .decode()
        )
        self.assertIn(
            "mille neuf cent quarante-quatre euros et soixante-dix-huit centimes",
            html,
        )
        self.assertIn("Net à payer avant impôt sur le revenu", html)
        self.assertIn("Sécurité sociale plafonnée", html)
        self.assertIn("Cumuls de l'année", html)
        self.assertIn("Bulletin de paie", html)
        self.assertIn(self.bob.activity_id.name, html)

    def test_printed_payslip_is_a_pdf_with_its_text(self):
        """The real PDF (wkhtmltopdf), read back with pdftotext: the
        clarified payslip in French (issue 19: a PDF with text)."""
        self.assertTrue(shutil.which("pdftotext"), "pdftotext is needed")
        self.payslip_bob.compute_sheet()
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "cae_payroll.cae_payslip_report_action", self.payslip_bob.ids
            )
        )
        self.assertEqual(kind, "pdf")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bulletin.pdf"
            path.write_bytes(pdf)
            text = subprocess.run(
                ["pdftotext", "-layout", str(path), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        for expected in (
            "Bulletin de paie",
            "Bob Test",
            "Santé",
            "Retraite",
            "Assurance chômage",
            "Sécurité sociale plafonnée",
            "Net à payer avant impôt sur le revenu",
            "Impôt sur le revenu prélevé à la source",
            "Net payé",
            "Montant net social",
            "Réduction générale des cotisations patronales",
            "Total versé par l'employeur",
            "Depuis le 1er",
            "2 017,95",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("Gross pay", text)

    def test_lines_named_in_french_whoever_computes(self):
        """Issue 19: lines computed by an English session (a job, the demo
        install) kept English names ("Gross pay") in the French interface;
        they are named in the payslip's language."""
        self.assertEqual(self.env.lang, "en_US")
        self.payslip_bob.compute_sheet()
        names = self.payslip_bob.with_context(lang="fr_FR").line_ids.mapped("name")
        self.assertIn("Salaire brut", names)
        self.assertIn("Salaire brut", names)
        self.assertIn("Net à payer avant impôt sur le revenu", names)
        self.assertIn("CSG déductible de l'impôt sur le revenu", names)
        lines = self.payslip_bob.with_context(lang="fr_FR")._cae_report_pay_lines()
        self.assertIn("Part variable (L7332-3)", lines.mapped("name"))
        sections = self.payslip_bob.with_context(lang="fr_FR")._cae_report_sections()
        self.assertEqual(
            [heading for heading, _rows in sections],
            [
                "Santé",
                "Accidents du travail - Maladies professionnelles",
                "Retraite",
                "Famille",
                "Assurance chômage",
                "Autres contributions dues par l'employeur",
                "CSG déductible de l'impôt sur le revenu",
                "CSG/CRDS non déductible de l'impôt sur le revenu",
                "Exonérations, écrêtements et allègements de cotisations",
            ],
        )

    def test_xlsx_payroll_variables(self):
        content, file_type = self.env["ir.actions.report"]._render(
            "cae_payroll.cae_payroll_variables_xlsx_action", self.payslip_run.ids
        )
        self.assertEqual(file_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[0]
        self.assertEqual(len(rows), 3)
        by_employee = {row[header.index("Employee")]: row for row in rows[1:]}
        bob = by_employee["Bob Test"]
        self.assertEqual(bob[header.index("Monthly hours")], 151.67)
        self.assertEqual(bob[header.index("Hourly rate")], 14.5)
        self.assertEqual(bob[header.index("Fixed part")], 2199.22)
        self.assertEqual(bob[header.index("Variable part (L7332-3)")], 350.0)
        self.assertEqual(bob[header.index("Gross pay")], 2549.22)
        self.assertEqual(bob[header.index("Employee contributions")], 531.27)
        self.assertEqual(bob[header.index("Net pay before income tax")], 2017.95)
        self.assertEqual(bob[header.index("Income tax withheld")], 73.17)
        self.assertEqual(bob[header.index("Net pay")], 1944.78)
        self.assertEqual(bob[header.index("Employer contributions")], 1058.33)
        self.assertEqual(bob[header.index("General reduction")], 414.5)
        self.assertEqual(bob[header.index("Labour cost")], 3193.05)
        # Every base and contribution, both shares.
        name = "Sécurité sociale plafonnée"  # lines are named in French
        self.assertEqual(bob[header.index(f"{name} - base")], 2549.22)
        self.assertEqual(bob[header.index(f"{name} - employee")], 175.9)
        self.assertEqual(bob[header.index(f"{name} - employer")], 217.96)
        self.assertEqual(bob[header.index("Executive")], "No")
        self.assertEqual(bob[header.index("Analytic code")], self.bob.activity_id.code)
        alice = by_employee["Alice Test"]
        self.assertEqual(alice[header.index("Gross pay")], 2500.0)
        self.assertEqual(alice[header.index("Net pay")], 1907.23)

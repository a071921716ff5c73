# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tools import file_open

from odoo.addons.cae_import.tools import sheet
from odoo.addons.cae_import.wizards.cae_import_wizard import KINDS

from .common import CaeImportCommon


@tagged("post_install", "-at_install")
class TestImportTemplates(CaeImportCommon):
    def test_templates_have_the_columns(self):
        """Each template (XLSX and CSV) holds the columns of its kind, and
        its sample rows pass the check of the file's format."""
        for kind, model in KINDS.items():
            names = [c.name for c in self.env[model]._cae_import_columns()]
            for fmt in ("xlsx", "csv"):
                path = f"cae_import/static/templates/{kind}.{fmt}"
                with file_open(path, "rb") as template:
                    content = template.read()
                headers, rows = sheet.read_sheet(content, path)
                self.assertEqual(headers, names, path)
                self.assertTrue(rows, f"{path} has a sample row")
        self.assertEqual(
            self.env["cae.entrepreneur"].get_import_templates()[0]["template"],
            "/cae_import/static/templates/entrepreneur.xlsx",
        )

    def test_download_button(self):
        wizard = self._wizard("share", b"")
        action = wizard.with_context(template_format="csv").action_download_template()
        self.assertEqual(action["url"], "/cae_import/static/templates/share.csv")

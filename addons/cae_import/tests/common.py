# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import io

import openpyxl

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


def csv_file(headers, rows, delimiter=";"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_file(headers, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class CaeImportCommon(TransactionCase):
    """The main company (French chart), an accountant, a wizard helper."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, lang="en_US", **DISABLED_MAIL_CONTEXT)
        )
        cls.company = cls.env.ref("base.main_company")
        cls.accountant = new_test_user(
            cls.env,
            login="import_accountant",
            groups="cae_base.group_cae_accountant",
            company_id=cls.company.id,
        )
        cls.advisor = new_test_user(
            cls.env,
            login="import_advisor",
            name="Claire Conseil",
            groups="cae_base.group_cae_advisor",
            company_id=cls.company.id,
        )

    def _wizard(self, kind, content, filename="import.csv", user=None, **vals):
        env = self.env(user=user or self.accountant)
        return (
            env["cae.import.wizard"]
            .with_company(self.company)
            .create(
                {
                    "kind": kind,
                    "company_id": self.company.id,
                    "data_file": base64.b64encode(content),
                    "filename": filename,
                    **vals,
                }
            )
        )

    def _errors(self, wizard, dry_run=True):
        result = wizard._run(dry_run=dry_run)
        return [(e["row"], e["column"], e["problem"]) for e in result["errors"]], result

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from .common import CaeImportCommon, csv_file
from .test_import_entrepreneur import HEADERS as ENTREPRENEUR_HEADERS
from .test_import_entrepreneur import row

HEADERS = [
    "Code activité",
    "Nom activité",
    "Entrepreneurs",
    "Compte",
    "Débit",
    "Crédit",
    "Libellé",
]


@tagged("post_install", "-at_install")
class TestImportActivity(CaeImportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"].with_company(cls.company)

        def account(prefix):
            return Account.search(
                [
                    ("company_ids", "in", cls.company.id),
                    ("code", "=like", prefix + "%"),
                ],
                order="code",
                limit=1,
            )

        cls.bank = account("512")
        cls.supplier = account("401")
        cls.customer = account("411")
        cls.suspense = account("471")
        cls.journal = cls.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", cls.company.id)], limit=1
        )
        people = [
            row("ACT-IMP-1", "Nina Bois", **{"Début CESA": "01/01/2024"}),
            row("ACT-IMP-2", "Omar Son", **{"Début CESA": "01/01/2024"}),
            row("ACT-IMP-3", "Paul Son", **{"Début CESA": "01/01/2024"}),
        ]
        wizard = cls._wizard(
            cls, "entrepreneur", csv_file(ENTREPRENEUR_HEADERS, people)
        )
        errors = wizard._run(dry_run=False)["errors"]
        assert not errors, errors
        cls.nina, cls.omar, cls.paul = cls.env["cae.entrepreneur"].search(
            [("reference", "like", "ACT-IMP-")], order="reference"
        )
        cls.rows = [
            [
                "ENDI-BOIS",
                "Atelier Nina Bois",
                "ACT-IMP-1",
                cls.bank.code,
                "1 250,40",
                "",
                "Banque",
            ],
            ["ENDI-BOIS", "", "", cls.customer.code, "300", "", "Clients"],
            ["ENDI-BOIS", "", "", cls.supplier.code, "", "120,15", "Fournisseurs"],
            [
                "ENDI-SON",
                "Studio partagé",
                "ACT-IMP-2;ACT-IMP-3",
                cls.bank.code,
                "5000",
                "",
                "",
            ],
        ]

    def _import(self, rows, dry_run=False):
        wizard = self._wizard(
            "activity",
            csv_file(HEADERS, rows),
            opening_date=date(2025, 12, 31),
            journal_id=self.journal.id,
            suspense_account_id=self.suspense.id,
        )
        return wizard, self._errors(wizard, dry_run=dry_run)

    def _moves(self):
        return self.env["account.move"].search(
            [("cae_import_key", "=like", "opening:ENDI-%")], order="cae_import_key"
        )

    def test_opening_balances(self):
        wizard, (errors, result) = self._import(self.rows, dry_run=True)
        self.assertEqual(errors, [])
        self.assertEqual(result["counts"]["created"], 2)
        self.assertFalse(self._moves(), "a dry run writes nothing")
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        bois, son = self._moves()
        self.assertEqual(bois.state, "posted")
        self.assertEqual(bois.date, date(2025, 12, 31))
        self.assertEqual(bois.journal_id, self.journal)
        activity = bois.cae_activity_id
        self.assertEqual(activity, self.nina.activity_id, "her activity is adopted")
        self.assertRecordValues(
            activity, [{"code": "ENDI-BOIS", "name": "Atelier Nina Bois"}]
        )
        analytic = {str(activity.analytic_account_id.id): 100}
        lines = {line.account_id: line for line in bois.line_ids}
        self.assertEqual(lines[self.bank].debit, 1250.40)
        self.assertEqual(lines[self.bank].analytic_distribution, analytic)
        self.assertEqual(lines[self.supplier].credit, 120.15)
        self.assertEqual(lines[self.suspense].credit, 1430.25)
        self.assertEqual(son.cae_activity_id.entrepreneur_ids, self.omar | self.paul)
        self.assertEqual(son.cae_activity_id.name, "Studio partagé")
        # Reconciliation figures: the balances before and after, to the cent.
        after = dict(result["after"])
        before = dict(result["before"])
        label = next(k for k in after if self.suspense.code in k)
        self.assertAlmostEqual(after[label] - before[label], -6430.25, places=2)
        self.assertIn("6", wizard.result_html)

    def test_idempotent_update(self):
        self._import(self.rows)
        moves = self._moves()
        _wizard, (errors, result) = self._import(self.rows)
        self.assertEqual(errors, [])
        self.assertEqual(result["counts"]["skipped"], 2)
        self.assertEqual(self._moves(), moves)
        changed = [list(r) for r in self.rows]
        changed[3][4] = "5100"
        _wizard, (errors, result) = self._import(changed)
        self.assertEqual(result["counts"]["updated"], 1)
        self.assertEqual(self._moves(), moves)
        son = moves[1]
        self.assertEqual(son.state, "posted")
        self.assertEqual(sum(son.line_ids.mapped("debit")), 5100)

    def test_errors(self):
        broken = [
            ["ENDI-X", "X", "NOBODY", self.bank.code, "10", "", ""],
            ["ENDI-Y", "Y", "", "999999999", "10", "", ""],
            ["ENDI-Z", "Z", "", self.bank.code, "dix", "", ""],
            ["ENDI-W", "W", "", self.suspense.code, "10", "", ""],
            ["ENDI-V", "V", "", "", "10", "", ""],
            ["ENDI-U", "U", "", self.bank.code, "-10", "", ""],
        ]
        _wizard, (errors, _result) = self._import(broken, dry_run=True)
        self.assertEqual(
            [(r, c) for r, c, _p in errors],
            [
                (2, "Entrepreneurs"),
                (3, "Compte"),
                (4, "Débit"),
                (5, "Compte"),
                (6, "Compte"),
                (7, "Débit"),
            ],
        )
        self.assertIn("No entrepreneur with the reference “NOBODY”", errors[0][2])
        self.assertIn("No account 999999999", errors[1][2])
        wizard = self._wizard("activity", csv_file(HEADERS, self.rows))
        with self.assertRaisesRegex(Exception, "suspense account"):
            wizard.action_check()

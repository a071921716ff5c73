# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged
from odoo.tools import file_open

from .common import CaeImportCommon, csv_file, xlsx_file

HEADERS = [
    "Code activité",
    "Référence tiers",
    "Nom",
    "Courriel",
    "SIRET",
    "Type de pièce",
    "N° pièce",
    "Date pièce",
    "Échéance",
    "Montant TTC",
    "Reste dû",
    "Libellé",
]

# Two activities' customers and suppliers with their open documents.
SAMPLE = [
    [
        "CLI-ACT-1",
        "CLI-001",
        "Boulangerie Martin",
        "contact@boulangerie-martin.fr",
        "732 829 320 00074",
        "Facture client",
        "F2025-0042",
        "15/11/2025",
        "15/12/2025",
        "1 200,00",
        "600,00",
        "Site internet, solde",
    ],
    [
        "CLI-ACT-1",
        "CLI-001",
        "",
        "",
        "",
        "Avoir client",
        "AV2025-0003",
        "20/11/2025",
        "",
        "120,00",
        "120,00",
        "",
    ],
    [
        "CLI-ACT-2",
        "CLI-001",
        "",
        "",
        "",
        "Facture client",
        "S-118",
        "01/12/2025",
        "31/12/2025",
        "",
        "250,35",
        "",
    ],
    [
        "CLI-ACT-1",
        "FOU-001",
        "Imprimerie du Centre",
        "",
        "",
        "Facture fournisseur",
        "IC-7781",
        "02/12/2025",
        "01/01/2026",
        "480,00",
        "480,00",
        "Cartes de visite",
    ],
    ["CLI-ACT-2", "CLI-002", "Mme Durand", "durand@example.fr"] + [""] * 8,
]


@tagged("post_install", "-at_install")
class TestImportCustomer(CaeImportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.suspense = (
            cls.env["account.account"]
            .with_company(cls.company)
            .search(
                [("company_ids", "in", cls.company.id), ("code", "=like", "471%")],
                order="code",
                limit=1,
            )
        )
        Activity = cls.env["cae.activity"].with_company(cls.company)
        cls.activity1 = Activity.create(
            {
                "name": "Atelier client",
                "code": "CLI-ACT-1",
                "company_id": cls.company.id,
            }
        )
        cls.activity2 = Activity.create(
            {"name": "Studio client", "code": "CLI-ACT-2", "company_id": cls.company.id}
        )

    def _import(self, content, dry_run=False, filename="import.csv", user=None):
        wizard = self._wizard(
            "customer",
            content,
            filename=filename,
            user=user,
            opening_date=date(2025, 12, 31),
            suspense_account_id=self.suspense.id,
        )
        return wizard, self._errors(wizard, dry_run=dry_run)

    def _moves(self):
        return self.env["account.move"].search(
            [("cae_import_key", "=like", "open:%")], order="id"
        )

    def _partners(self):
        return self.env["res.partner"].search(
            [("cae_import_reference", "!=", False)], order="cae_import_reference"
        )

    def test_open_items(self):
        wizard, (errors, result) = self._import(csv_file(HEADERS, SAMPLE), True)
        self.assertEqual(errors, [])
        # 3 contacts and 4 documents to create.
        self.assertEqual(result["counts"]["created"], 7)
        self.assertFalse(self._moves(), "a dry run writes nothing")
        self.assertFalse(self._partners(), "a dry run writes nothing")
        self.assertEqual(wizard.state, "checked")
        result = wizard._run(dry_run=False)
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.created_count, 7)
        martin, durand, centre = self._partners()
        self.assertRecordValues(
            martin,
            [
                {
                    "name": "Boulangerie Martin",
                    "email": "contact@boulangerie-martin.fr",
                    "company_registry": "73282932000074",
                    "is_company": True,
                    "company_id": self.company.id,
                    "cae_import_reference": "CLI-001",
                }
            ],
        )
        self.assertEqual(martin.cae_activity_ids, self.activity1 | self.activity2)
        self.assertEqual(durand.cae_activity_ids, self.activity2)
        self.assertTrue(centre.supplier_rank)
        moves = self._moves()
        self.assertEqual(
            moves.mapped("move_type"),
            ["out_invoice", "out_refund", "out_invoice", "in_invoice"],
        )
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        self.assertEqual(set(moves.mapped("date")), {date(2025, 12, 31)})
        invoice = moves[0]
        self.assertRecordValues(
            invoice,
            [
                {
                    "partner_id": martin.id,
                    "invoice_date": date(2025, 11, 15),
                    "invoice_date_due": date(2025, 12, 15),
                    "ref": "F2025-0042",
                    "cae_activity_id": self.activity1.id,
                    "amount_total": 600.0,
                    "amount_residual": 600.0,
                    "amount_tax": 0.0,
                }
            ],
        )
        analytic = {str(self.activity1.analytic_account_id.id): 100}
        receivable = invoice.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        self.assertEqual(receivable.debit, 600.0)
        self.assertEqual(receivable.analytic_distribution, analytic)
        product = invoice.invoice_line_ids
        self.assertEqual(product.account_id, self.suspense)
        self.assertEqual(product.analytic_distribution, analytic)
        self.assertIn("1 200,00", product.name.replace("\xa0", " ").replace(".", ","))
        self.assertEqual(moves[2].cae_activity_id, self.activity2)
        self.assertEqual(moves[3].amount_residual, 480.0)
        # The receivables grow by what the customers still owe, the payables
        # by what is owed to the suppliers: to the cent.
        before, after = dict(result["before"]), dict(result["after"])
        labels = list(after)
        receivable, payable, suspense = labels[:3]
        self.assertAlmostEqual(after[receivable] - before[receivable], 730.35, 2)
        self.assertAlmostEqual(after[payable] - before[payable], -480.0, 2)
        self.assertAlmostEqual(after[suspense] - before[suspense], -250.35, 2)
        self.assertEqual(after[labels[3]] - before[labels[3]], 3)
        self.assertAlmostEqual(after[labels[4]] - before[labels[4]], 730.35, 2)
        self.assertEqual(after[labels[5]] - before[labels[5]], 1)
        self.assertAlmostEqual(after[labels[6]] - before[labels[6]], 480.0, 2)
        self.assertIn("730,35", wizard.result_html.replace(".", ","))

    def test_idempotent_update(self):
        self._import(csv_file(HEADERS, SAMPLE))
        moves, partners = self._moves(), self._partners()
        _wizard, (errors, result) = self._import(
            xlsx_file(HEADERS, SAMPLE), 0, "f.xlsx"
        )
        self.assertEqual(errors, [])
        self.assertEqual(result["counts"], {"skipped": 7})
        self.assertEqual((self._moves(), self._partners()), (moves, partners))
        changed = [list(r) for r in SAMPLE]
        changed[0][10] = "550,00"
        changed[4][3] = "m.durand@example.fr"
        _wizard, (errors, result) = self._import(csv_file(HEADERS, changed))
        self.assertEqual(errors, [])
        self.assertEqual(result["counts"], {"skipped": 5, "updated": 2})
        self.assertEqual((self._moves(), self._partners()), (moves, partners))
        self.assertEqual(moves[0].state, "posted")
        self.assertEqual(moves[0].amount_residual, 550.0)
        self.assertEqual(moves[0].date, date(2025, 12, 31))
        self.assertEqual(partners[1].email, "m.durand@example.fr")

    def test_paid_document_is_not_rewritten(self):
        self._import(csv_file(HEADERS, SAMPLE))
        invoice = self._moves()[0]
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 100.0, "payment_date": date(2026, 1, 5)})._create_payments()
        self.assertEqual(invoice.amount_residual, 500.0)
        changed = [list(r) for r in SAMPLE]
        changed[0][10] = "550,00"
        _wizard, (errors, _result) = self._import(csv_file(HEADERS, changed))
        self.assertEqual(
            [(r, c) for r, c, _p in errors], [(2, "Reste dû")], "one error"
        )
        self.assertIn("payments were matched", errors[0][2])
        self.assertEqual(invoice.amount_residual, 500.0, "nothing changed")

    def test_broken_sample_in_french(self):
        """Every kind of error of the check, in French, on the broken sample
        of tests/samples: nothing is written."""
        self.env = self.env(context=dict(self.env.context, lang="fr_FR"))
        self.accountant.lang = "fr_FR"
        with file_open("cae_import/tests/samples/customer_broken.csv", "rb") as f:
            content = f.read()
        wizard, (errors, result) = self._import(content, dry_run=True)
        expected = [
            (2, "Code activité", "Aucune activité n'a le code « ACT-INCONNUE »."),
            (3, "Date pièce", "« 31/02/2025 » n'est pas valide."),
            (4, "Reste dû", "« beaucoup » n'est pas valide."),
            (5, "Référence tiers", "Cellule vide."),
            (6, "Type de pièce", "Une pièce sans son type."),
            (7, "Type de pièce", "Type de pièce inconnu « Devis »."),
            (8, "N° pièce", "Cellule vide."),
            (9, "Date pièce", "Cellule vide."),
            (
                10,
                "Date pièce",
                "La pièce est datée après la date des soldes (31/12/2025).",
            ),
            (11, "Échéance", "L'échéance est antérieure à la date de la pièce."),
            (12, "Reste dû", "Le reste dû doit être supérieur à zéro, et non 0,00."),
            (
                13,
                "Reste dû",
                "Le reste dû (150,00) dépasse le total de la pièce (100,00).",
            ),
            (15, "N° pièce", "La pièce F-13 figure déjà ligne 14."),
            (16, "Courriel", "« pas-une-adresse » n'est pas une adresse e-mail."),
            (17, "SIRET", "« 1234 » n'est pas un SIRET."),
            (18, "Nom", "Un nouveau tiers sans nom."),
            (19, "Reste dû", "Cellule vide."),
            (20, "Reste dû", "Le reste dû doit être supérieur à zéro, et non -20,00."),
            # Two errors of one contact's rows: both listed.
            (
                21,
                "Date pièce",
                "La pièce est datée après la date des soldes (31/12/2025).",
            ),
            (22, "Type de pièce", "Type de pièce inconnu « Bon de commande »."),
        ]
        self.assertEqual(errors, expected)
        # Each error says what is expected, in French too.
        expectations = {e["row"]: e["expected"] for e in result["errors"]}
        self.assertEqual(
            expectations[7],
            "Facture client, Avoir client, Facture fournisseur ou Avoir fournisseur",
        )
        self.assertIn("JJ/MM/AAAA", expectations[3])
        self.assertEqual(wizard.error_count, len(expected))
        self.assertIn("20 erreur(s) : rien n&#39;a été importé", wizard.result_html)
        self.assertFalse(self._partners(), "nothing written")
        # A real import of the broken file writes nothing either.
        _wizard, (errors, _result) = self._import(content)
        self.assertEqual(len(errors), len(expected))
        self.assertFalse(self._partners() or self._moves())

    def test_missing_columns_and_options(self):
        _wizard, (errors, _result) = self._import(csv_file(["Nom"], [["X"]]), True)
        self.assertEqual(
            [(r, c) for r, c, _p in errors],
            [(1, "Code activité"), (1, "Référence tiers")],
        )
        wizard = self._wizard("customer", csv_file(HEADERS, SAMPLE))
        with self.assertRaisesRegex(Exception, "suspense account"):
            wizard.action_check()

    def test_templates_offered(self):
        templates = self.env["res.partner"].get_import_templates()
        self.assertIn(
            "/cae_import/static/templates/customer.xlsx",
            [t["template"] for t in templates],
        )

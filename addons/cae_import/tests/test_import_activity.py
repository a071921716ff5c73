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
RULE_HEADERS = [
    "Base contribution",
    "Taux contribution (%)",
    "Forfait mensuel contribution",
    "Minimum mensuel contribution",
    "Maximum mensuel contribution",
    "Frais annuels contribution",
    "Contribution depuis le",
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

    # ------------------------------------------------------------------
    # Contribution rule overrides
    # ------------------------------------------------------------------
    def _import_rules(self, rules, dry_run=False):
        rows = [
            base + rule
            for base, rule in zip(
                [
                    ["ENDI-R%s" % i, "Règle %s" % i, "", self.bank.code, "10", "", ""]
                    for i in range(len(rules))
                ],
                rules,
                strict=True,
            )
        ]
        wizard = self._wizard(
            "activity",
            csv_file(HEADERS + RULE_HEADERS, rows),
            opening_date=date(2025, 12, 31),
            journal_id=self.journal.id,
            suspense_account_id=self.suspense.id,
        )
        return self._errors(wizard, dry_run=dry_run)

    def _overrides(self):
        return self.env["cae.contribution.rule"].search(
            [("activity_id.code", "=like", "ENDI-R%")], order="id"
        )

    def test_contribution_overrides(self):
        rules = [
            ["Chiffre d'affaires", "8,5", "", "40", "400", "25", ""],
            ["Forfait", "", "150", "", "", "", "01/03/2026"],
            [""] * 7,
        ]
        errors, result = self._import_rules(rules, dry_run=True)
        self.assertEqual(errors, [])
        self.assertFalse(self._overrides(), "a dry run writes nothing")
        errors, result = self._import_rules(rules)
        self.assertEqual(errors, [])
        turnover, fixed = self._overrides()
        self.assertRecordValues(
            turnover | fixed,
            [
                {
                    "base": "turnover",
                    "rate": 8.5,
                    "amount_min": 40.0,
                    "amount_max": 400.0,
                    "yearly_fee": 25.0,
                    "date_from": date(2026, 1, 1),
                    "date_to": False,
                },
                {
                    "base": "fixed",
                    "rate": 0.0,
                    "amount_min": 0.0,
                    "amount_max": 0.0,
                    "yearly_fee": 0.0,
                    "date_from": date(2026, 3, 1),
                    "date_to": False,
                },
            ],
        )
        self.assertEqual(fixed.fixed_amount, 150.0)
        self.assertEqual(turnover.activity_id.code, "ENDI-R0")
        by_activity = self.env["cae.contribution.rule"]._rules_by_activity(
            turnover.activity_id, date(2026, 6, 30)
        )
        self.assertEqual(by_activity[turnover.activity_id], turnover)
        # Again: unchanged; a new rate updates the same override.
        errors, result = self._import_rules(rules)
        self.assertEqual(result["counts"]["skipped"], 3)
        rules[0][1] = "9"
        errors, result = self._import_rules(rules)
        self.assertEqual(result["counts"], {"updated": 1, "skipped": 2})
        self.assertEqual(self._overrides(), turnover | fixed)
        self.assertEqual(turnover.rate, 9.0)

    def test_contribution_errors_in_french(self):
        """Every error of an override, in French, in the dry run."""
        self.env["cae.contribution.rule"].create(
            {
                "name": "Règle existante",
                "company_id": self.company.id,
                "activity_id": self.env["cae.activity"]
                .create(
                    {
                        "name": "Règle 8",
                        "code": "ENDI-R8",
                        "company_id": self.company.id,
                    }
                )
                .id,
                "base": "turnover",
                "rate": 5,
                "date_from": date(2025, 1, 1),
            }
        )
        self.env = self.env(context=dict(self.env.context, lang="fr_FR"))
        self.accountant.lang = "fr_FR"
        rules = [
            ["", "10", "", "", "", "", ""],
            ["Pourcentage", "10", "", "", "", "", ""],
            ["Marge", "", "", "", "", "", ""],
            ["Marge", "120", "", "", "", "", ""],
            ["Forfait", "", "", "", "", "", ""],
            ["Facture", "5", "", "50", "20", "", ""],
            ["Facture", "5", "-3", "", "", "", ""],
            ["Facture", "5", "", "", "", "", "31/02/2026"],
            ["Marge", "5", "", "", "", "", "01/01/2026"],
        ]
        errors, _result = self._import_rules(rules, dry_run=True)
        self.assertEqual(
            [(r, c) for r, c, _p in errors],
            [
                (2, "Base contribution"),
                (3, "Base contribution"),
                (4, "Taux contribution (%)"),
                (5, "Taux contribution (%)"),
                (6, "Forfait mensuel contribution"),
                (7, "Minimum mensuel contribution"),
                (8, "Forfait mensuel contribution"),
                (9, "Contribution depuis le"),
                (10, "Contribution depuis le"),
            ],
        )
        problems = [p for _r, _c, p in errors]
        self.assertEqual(
            problems[:8],
            [
                "Des montants de contribution sans base.",
                "Base de contribution inconnue « Pourcentage ».",
                "Pas de taux pour une contribution en pourcentage.",
                "Un taux de 120,00 %.",
                "Pas de montant mensuel pour une contribution forfaitaire.",
                "Le minimum dépasse le maximum.",
                "Un montant négatif.",
                "« 31/02/2026 » n'est pas valide.",
            ],
        )
        self.assertIn("Règle existante", problems[8])
        self.assertFalse(self._overrides().filtered(lambda r: r.rate != 5))

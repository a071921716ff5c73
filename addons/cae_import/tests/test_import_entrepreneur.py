# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CaeImportCommon, csv_file, xlsx_file

HEADERS = [
    "Référence",
    "Nom",
    "Courriel",
    "Téléphone",
    "Nom commercial",
    "Conseiller",
    "Métier",
    "Réunion d'information",
    "Entretien d'accueil",
    "Début CAPE",
    "Fin CAPE",
    "Renouvellements CAPE",
    "Début CESA",
    "Période d'essai (mois)",
    "Associé depuis",
    "Date de sortie",
    "Motif de sortie",
]


def row(reference, name, **cells):
    values = dict.fromkeys(HEADERS, "")
    values.update({"Référence": reference, "Nom": name})
    values.update(cells)
    return [values[h] for h in HEADERS]


# A realistic history of five entrepreneurs of a cooperative moving in.
SAMPLE = [
    # Candidate only.
    row(
        "IMP-001",
        "Inès Candidate",
        **{"Réunion d'information": "05/09/2025", "Courriel": "ines@example.fr"},
    ),
    # CAPE renewed twice, still running.
    row(
        "IMP-002",
        "Jules Cape",
        **{
            "Conseiller": "import_advisor",
            "Métier": "Photographer",
            "Réunion d'information": "10/01/2023",
            "Entretien d'accueil": "24/01/2023",
            "Début CAPE": "01/02/2023",
            "Fin CAPE": "31/01/2024",
            "Renouvellements CAPE": "31/01/2025; 31/01/2026",
        },
    ),
    # Short CAPE, then CESA with a trial, then associate.
    row(
        "IMP-003",
        "Karim Associé",
        **{
            "Réunion d'information": "2022-03-01",
            "Début CAPE": "01/04/2022",
            "Fin CAPE": "30/06/2022",
            "Début CESA": "01/07/2022",
            "Période d'essai (mois)": "3",
            "Associé depuis": "01/01/2024",
        },
    ),
    # CESA straight away with the full trial, then exit.
    row(
        "IMP-004",
        "Léa Sortie",
        **{
            "Réunion d'information": "01/02/2021",
            "Début CESA": "01/03/2021",
            "Période d'essai (mois)": "8",
            "Date de sortie": "31/12/2023",
            "Motif de sortie": "Created their own company",
        },
    ),
    # CAPE then associate during the CAPE (shares bought early).
    row(
        "IMP-005",
        "Marc Coop",
        **{
            "Début CAPE": "01/09/2024",
            "Associé depuis": "01/03/2025",
        },
    ),
]


@tagged("post_install", "-at_install")
class TestImportEntrepreneur(CaeImportCommon):
    def _import(self, rows, dry_run=False, **kw):
        wizard = self._wizard("entrepreneur", csv_file(HEADERS, rows), **kw)
        return wizard, self._errors(wizard, dry_run=dry_run)

    def _by_ref(self, reference):
        return self.env["cae.entrepreneur"].search(
            [("reference", "=", reference), ("company_id", "=", self.company.id)]
        )

    def test_sample_dry_run_then_import(self):
        wizard, (errors, result) = self._import(SAMPLE, dry_run=True)
        self.assertEqual(errors, [])
        self.assertEqual(result["counts"]["created"], 5)
        self.assertEqual(wizard.state, "checked")
        self.assertIn("5 to create", wizard.result_html)
        self.assertFalse(self._by_ref("IMP-002"), "a dry run writes nothing")

        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.created_count, 5)
        self.assertIn("5 created, 0 updated, 0 unchanged", wizard.result_html)
        jules = self._by_ref("IMP-002")
        self.assertRecordValues(
            jules,
            [
                {
                    "name": "Jules Cape",
                    "stage": "cape",
                    "advisor_id": self.advisor.id,
                    "trade_id": self.env.ref("cae_base.trade_photographer").id,
                    "cape_date_start": date(2023, 2, 1),
                    "cape_date_end": date(2026, 1, 31),
                    "cape_renewal_count": 2,
                    "welcome_interview_date": date(2023, 1, 24),
                }
            ],
        )
        karim = self._by_ref("IMP-003")
        self.assertRecordValues(
            karim,
            [
                {
                    "stage": "associate",
                    "cape_date_end": date(2022, 6, 30),
                    "cesa_date_start": date(2022, 7, 1),
                    "trial_end_date": date(2022, 9, 30),
                    "associate_date": date(2024, 1, 1),
                    "associate_deadline_met": True,
                }
            ],
        )
        lea = self._by_ref("IMP-004")
        self.assertEqual(lea.stage, "exit")
        self.assertEqual(lea.exit_date, date(2023, 12, 31))
        self.assertEqual(lea.exit_reason_id.name, "Created their own company")
        self.assertTrue(lea.employee_id, "a CESA makes an employee")
        self.assertEqual(self._by_ref("IMP-001").stage, "candidate")
        self.assertEqual(
            self._by_ref("IMP-001").path_step_ids.date_start, date(2025, 9, 5)
        )
        self.assertEqual(self._by_ref("IMP-005").stage, "associate")
        self.assertIn("Associate", wizard.result_html)
        # The path's notes are in the chatter, written in one batch by the
        # importing accountant.
        notes = karim.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("mail.mt_note")
        )
        self.assertEqual(len(notes.filtered(lambda m: "Path:" in m.body)), 3)
        self.assertEqual(notes.author_id, self.accountant.partner_id)
        self.assertTrue(jules.message_ids.filtered(lambda m: "renewed" in m.body))

    def test_idempotent_and_update(self):
        self._import(SAMPLE)
        count = self.env["cae.entrepreneur"].search_count([])
        steps = self.env["cae.path.step"].search_count([])
        _wizard, (errors, result) = self._import(SAMPLE)
        self.assertEqual(errors, [])
        self.assertEqual(result["counts"]["skipped"], 5)
        self.assertEqual(self.env["cae.entrepreneur"].search_count([]), count)
        self.assertEqual(self.env["cae.path.step"].search_count([]), steps)
        # The former software moved on: a new email, Jules signed a CESA.
        changed = [list(r) for r in SAMPLE]
        changed[0][2] = "ines.new@example.fr"
        changed[1][12] = "01/02/2026"
        _wizard, (errors, result) = self._import(changed)
        self.assertEqual(errors, [])
        self.assertEqual(result["counts"]["updated"], 2)
        self.assertEqual(result["counts"]["skipped"], 3)
        self.assertEqual(self._by_ref("IMP-001").email, "ines.new@example.fr")
        self.assertEqual(self._by_ref("IMP-002").stage, "cesa")
        # A history contradicting the one recorded is refused.
        rewritten = [list(r) for r in SAMPLE]
        rewritten[2][12] = "15/07/2022"
        _wizard, (errors, _result) = self._import(rewritten)
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0][:2], (4, "Début CESA"))
        self.assertIn("already recorded with another path", errors[0][2])

    def test_every_error_kind(self):
        """Each kind of error of the dry run, on a broken file."""
        broken = [
            row("BAD-01", "", **{"Réunion d'information": "01/01/2024"}),
            row("BAD-02", "Date Fausse", **{"Début CAPE": "31/02/2024"}),
            row(
                "BAD-03",
                "Essai Négatif",
                **{"Début CESA": "01/03/2024", "Période d'essai (mois)": "-2"},
            ),
            row("BAD-04", "Conseiller Inconnu", **{"Conseiller": "nobody"}),
            row("BAD-05", "Métier Inconnu", **{"Métier": "Astronaut"}),
            row("BAD-06", "Fin Sans Début", **{"Fin CAPE": "31/12/2024"}),
            row(
                "BAD-07",
                "Cape Trop Longue",
                **{"Début CAPE": "01/01/2024", "Fin CAPE": "31/03/2025"},
            ),
            row(
                "BAD-08",
                "Essai Interdit",
                **{
                    "Début CAPE": "01/01/2023",
                    "Fin CAPE": "31/12/2023",
                    "Début CESA": "01/01/2024",
                    "Période d'essai (mois)": "2",
                },
            ),
            row(
                "BAD-09",
                "Cesa Pendant Cape",
                **{
                    "Début CAPE": "01/01/2024",
                    "Fin CAPE": "31/12/2024",
                    "Début CESA": "01/06/2024",
                },
            ),
            row(
                "BAD-10",
                "Trois Renouvellements",
                **{
                    "Début CAPE": "01/01/2022",
                    "Fin CAPE": "31/12/2022",
                    "Renouvellements CAPE": "31/12/2023;31/12/2024;31/12/2025",
                },
            ),
            row(
                "BAD-11",
                "Sortie Sans Motif",
                **{"Début CESA": "01/01/2024", "Date de sortie": "01/06/2024"},
            ),
            row(
                "BAD-12",
                "Motif Inconnu",
                **{
                    "Début CESA": "01/01/2024",
                    "Date de sortie": "01/06/2024",
                    "Motif de sortie": "Lottery",
                },
            ),
            row("BAD-13", "Associé Sans Contrat", **{"Associé depuis": "01/01/2024"}),
            row("BAD-12", "Doublon"),
            row("OK-01", "Bonne Ligne", **{"Début CAPE": "01/01/2025"}),
        ]
        wizard, (errors, result) = self._import(broken, dry_run=True)
        by_row = {}
        for number, column, problem in errors:
            by_row.setdefault(number, []).append((column, problem))
        self.assertEqual(sorted(by_row), list(range(2, 16)))
        expect = {
            2: ("Nom", "Empty cell."),
            3: ("Début CAPE", "“31/02/2024” is not valid."),
            4: ("Période d'essai (mois)", "“-2” is not valid."),
            5: ("Conseiller", "No advisor “nobody”"),
            6: ("Métier", "No trade “Astronaut”."),
            7: ("Fin CAPE", "A CAPE end without a CAPE start."),
            8: ("Début CAPE", "12 months at most"),
            9: ("Début CESA", "can have no trial period"),
            10: ("Début CESA", "A CESA cannot start while the CAPE goes on"),
            11: ("Renouvellements CAPE", "renewed 2 time(s) at most"),
            12: ("Motif de sortie", "An exit without a reason."),
            13: ("Motif de sortie", "No exit reason “Lottery”."),
            14: ("Associé depuis", "cannot become an associate without a CAPE"),
            15: ("Référence", "“BAD-12” is already on row 13."),
        }
        for number, (column, text) in expect.items():
            self.assertTrue(
                any(c == column and text in p for c, p in by_row[number]),
                f"row {number}: {by_row[number]}",
            )
        self.assertEqual(result["counts"]["created"], 1, "the good row is checked")
        self.assertEqual(wizard.state, "draft")
        self.assertIn("o_cae_import_errors", wizard.result_html)
        # The real import writes nothing either: all or nothing.
        wizard.action_import()
        self.assertFalse(self._by_ref("OK-01"))
        self.assertEqual(wizard.state, "draft")

    def test_headers_and_xlsx(self):
        headers = ["Reference", "NOM", "Colonne inconnue"]
        wizard = self._wizard(
            "entrepreneur", csv_file(headers, [["X-1", "Y", "Z"]], delimiter=",")
        )
        errors, result = self._errors(wizard)
        self.assertEqual(errors, [], "headers are matched without accents or case")
        self.assertEqual(result["ignored"], ["Colonne inconnue"])
        self.assertIn("Columns left aside: Colonne inconnue.", wizard.result_html)
        wizard = self._wizard("entrepreneur", csv_file(["Nom"], [["Y"]]))
        errors, _result = self._errors(wizard)
        self.assertEqual(errors, [(1, "Référence", "Missing column.")])
        wizard = self._wizard(
            "entrepreneur",
            xlsx_file(HEADERS, [SAMPLE[2][:3] + [""] * 6 + [date(2022, 4, 1)]]),
            filename="import.xlsx",
        )
        errors, result = self._errors(wizard, dry_run=False)
        self.assertEqual(errors, [])
        self.assertEqual(self._by_ref("IMP-003").stage, "cape")

    def test_rights(self):
        advisor_wizard = self._wizard("entrepreneur", csv_file(HEADERS, SAMPLE))
        with self.assertRaises(AccessError):
            advisor_wizard.with_user(self.advisor).action_check()
        with self.assertRaises(AccessError):
            self.env["cae.import.wizard"].with_user(self.advisor).create(
                {"kind": "entrepreneur"}
            )
        other = new_test_user(
            self.env,
            login="import_entrepreneur",
            groups="cae_base.group_cae_entrepreneur",
        )
        with self.assertRaises(AccessError):
            advisor_wizard.with_user(other).action_import()

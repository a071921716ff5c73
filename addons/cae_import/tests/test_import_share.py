# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged
from odoo.tools.misc import formatLang

from .common import CaeImportCommon, csv_file
from .test_import_entrepreneur import HEADERS as ENTREPRENEUR_HEADERS
from .test_import_entrepreneur import row

ASSOCIATE_HEADERS = [
    "Référence associé",
    "Nom",
    "Type",
    "Représentant",
    "Courriel",
    "Référence entrepreneur",
    "N° associé",
]
SHARE_HEADERS = [
    "N° registre",
    "Date",
    "Opération",
    "Référence associé",
    "Classe de parts",
    "Nombre de parts",
    "Montant",
    "Payé à la souscription",
    "N° souscription",
    "Bénéficiaire",
    "Perte par part",
    "Remboursé le",
]
ASSOCIATES = [
    ["AS-1", "Rita Sociétaire", "Entrepreneur", "", "", "SH-ENT-1", "1"],
    ["AS-2", "Sam Salarié", "Salarié", "", "sam@example.fr", "", "2"],
    ["AS-3", "Amis de la Coop", "Personne morale", "Jeanne Porte", "", "", "5"],
    ["AS-4", "Théo Externe", "Externe", "", "", "", ""],
]


def op(number, day, kind, associate, **cells):
    values = dict.fromkeys(SHARE_HEADERS, "")
    values.update(
        {
            "N° registre": str(number),
            "Date": day,
            "Opération": kind,
            "Référence associé": associate,
        }
    )
    values.update(cells)
    return [values[h] for h in SHARE_HEADERS]


# A paper register: subscriptions (one paid at signing, one by a quarter),
# a later release, a transfer and a withdrawal.
OPERATIONS = [
    op(
        1,
        "01/03/2020",
        "Souscription",
        "AS-1",
        **{"Classe de parts": "A", "Nombre de parts": "8"},
    ),
    op(
        2,
        "01/03/2020",
        "Libération",
        "AS-1",
        **{"Montant": "200", "N° souscription": "1"},
    ),
    op(
        3,
        "15/04/2020",
        "Souscription",
        "AS-2",
        **{
            "Classe de parts": "A",
            "Nombre de parts": "4",
            "Payé à la souscription": "25",
        },
    ),
    op(
        4,
        "15/04/2020",
        "Libération",
        "AS-2",
        **{"Montant": "25", "N° souscription": "3"},
    ),
    op(
        5,
        "01/06/2020",
        "Souscription",
        "AS-3",
        **{"Classe de parts": "B", "Nombre de parts": "10"},
    ),
    # number 6 is the payment at subscription of number 5: left out.
    op(
        7,
        "01/09/2021",
        "Libération",
        "AS-2",
        **{"Montant": "75", "N° souscription": "3"},
    ),
    op(
        8,
        "01/02/2022",
        "Cession",
        "AS-3",
        **{"Nombre de parts": "2", "Bénéficiaire": "AS-4"},
    ),
    op(9, "01/02/2023", "Retrait", "AS-3", **{"Nombre de parts": "3"}),
]


@tagged("post_install", "-at_install")
class TestImportShare(CaeImportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A company of its own: an empty register, no accounting needed.
        cls.company = cls.env["res.company"].create(
            {"name": "Coopérative qui arrive", "country_id": cls.env.ref("base.fr").id}
        )
        cls.accountant = new_test_user(
            cls.env,
            login="import_share_accountant",
            groups="cae_base.group_cae_accountant",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        ShareClass = cls.env["cae.share.class"]
        cls.class_a = ShareClass.create(
            {
                "name": "Parts A",
                "code": "A",
                "company_id": cls.company.id,
                "nominal_value": 25.0,
                "min_shares": 4,
                "allow_entrepreneur": True,
                "allow_staff": True,
            }
        )
        cls.class_b = ShareClass.create(
            {
                "name": "Parts B",
                "code": "B",
                "company_id": cls.company.id,
                "nominal_value": 100.0,
                "min_shares": 1,
                "allow_external": True,
                "allow_legal_entity": True,
                "allow_entrepreneur": False,
                "allow_staff": False,
            }
        )
        people = [
            row(
                "SH-ENT-1",
                "Rita Sociétaire",
                **{"Début CESA": "01/01/2020", "Associé depuis": "01/03/2020"},
            ),
        ]
        wizard = cls._wizard(
            cls, "entrepreneur", csv_file(ENTREPRENEUR_HEADERS, people)
        )
        assert not wizard._run(dry_run=False)["errors"]

    def _import_associates(self, rows=None, dry_run=False):
        rows = ASSOCIATES if rows is None else rows
        wizard = self._wizard("associate", csv_file(ASSOCIATE_HEADERS, rows))
        return wizard, self._errors(wizard, dry_run=dry_run)

    def _import_operations(self, rows=None, dry_run=False):
        rows = OPERATIONS if rows is None else rows
        wizard = self._wizard("share", csv_file(SHARE_HEADERS, rows))
        return wizard, self._errors(wizard, dry_run=dry_run)

    def _register(self):
        register = self.env["cae.share.register"]._get_for_company(self.company)
        register.invalidate_recordset()
        return register

    def _associate(self, reference):
        return self.env["cae.associate"].search(
            [("import_reference", "=", reference), ("company_id", "=", self.company.id)]
        )

    def test_register_with_numbers_kept(self):
        _wizard, (errors, result) = self._import_associates()
        self.assertEqual(errors, [])
        self.assertEqual(result["counts"]["created"], 4)
        rita = self._associate("AS-1")
        self.assertEqual(rita.entrepreneur_id.reference, "SH-ENT-1")
        self.assertEqual(rita.kind, "entrepreneur")
        amis = self._associate("AS-3")
        self.assertRecordValues(amis, [{"kind": "legal_entity", "number": 5}])
        self.assertTrue(amis.partner_id.is_company)
        self.assertEqual(amis.partner_id.child_ids.name, "Jeanne Porte")

        wizard, (errors, result) = self._import_operations(dry_run=True)
        self.assertEqual(errors, [])
        self.assertFalse(
            self.env["cae.share.operation"].search_count(
                [("company_id", "=", self.company.id)]
            ),
            "a dry run writes nothing",
        )
        wizard.action_import()
        self.assertEqual(wizard.state, "done", wizard.result_html)
        Operation = self.env["cae.share.operation"]
        numbers = Operation.search(
            [("company_id", "=", self.company.id)], order="number"
        ).mapped(
            lambda o: (o.number, o.operation_type, o.associate_id.import_reference)
        )
        self.assertEqual(
            numbers,
            [
                (1, "subscription", "AS-1"),
                (2, "release", "AS-1"),
                (3, "subscription", "AS-2"),
                (4, "release", "AS-2"),
                (5, "subscription", "AS-3"),
                (6, "release", "AS-3"),
                (7, "release", "AS-2"),
                (8, "transfer", "AS-3"),
                (9, "withdrawal", "AS-3"),
            ],
        )
        register = self._register()
        # 8 x 25 + 4 x 25 + 10 x 100 - 3 x 100 withdrawn.
        self.assertEqual(register.capital_subscribed, 1000.0)
        self.assertEqual(register.capital_paid, 1000.0)
        self.assertEqual(register.capital_max, 1300.0)
        self.assertEqual(register.capital_floor, 325.0)
        self.assertEqual(register.next_number, 10)
        self.assertEqual(self._associate("AS-4").share_count, 2)
        self.assertEqual(self._associate("AS-4").number, 6, "after the highest kept")
        self.assertFalse(
            Operation.search([("company_id", "=", self.company.id)]).move_ids
        )
        highest = formatLang(self.env, 1300.0, currency_obj=self.company.currency_id)
        self.assertIn(f"<td>{highest}</td>", wizard.result_html)

        # Idempotent: the same file again changes nothing.
        _wizard, (errors, result) = self._import_operations()
        self.assertEqual(errors, [])
        self.assertEqual(result["counts"]["skipped"], 8)
        self.assertEqual(self._register().next_number, 10)
        _wizard, (errors, result) = self._import_associates()
        self.assertEqual(result["counts"]["skipped"], 4)

    def test_subscriptions_in_one_batch(self):
        """The payments at subscription left out, the three subscriptions
        follow each other in the file and are registered in one batch:
        the register comes out as with every row listed."""
        self._import_associates()
        rows = [OPERATIONS[0], OPERATIONS[2], OPERATIONS[4], *OPERATIONS[5:]]
        wizard, (errors, result) = self._import_operations(rows)
        self.assertEqual(errors, [])
        Operation = self.env["cae.share.operation"]
        numbers = Operation.search(
            [("company_id", "=", self.company.id)], order="number"
        ).mapped(
            lambda o: (o.number, o.operation_type, o.associate_id.import_reference)
        )
        self.assertEqual(
            numbers,
            [
                (1, "subscription", "AS-1"),
                (2, "release", "AS-1"),
                (3, "subscription", "AS-2"),
                (4, "release", "AS-2"),
                (5, "subscription", "AS-3"),
                (6, "release", "AS-3"),
                (7, "release", "AS-2"),
                (8, "transfer", "AS-3"),
                (9, "withdrawal", "AS-3"),
            ],
        )
        register = self._register()
        self.assertEqual(register.capital_subscribed, 1000.0)
        self.assertEqual(register.capital_paid, 1000.0)
        self.assertEqual(register.next_number, 10)

    def test_errors(self):
        self._import_associates()
        broken = [
            op(1, "01/03/2020", "Souscription", "AS-1", **{"Nombre de parts": "2"}),
            op(2, "01/03/2020", "Achat", "AS-1"),
            op(3, "01/03/2020", "Souscription", "NOBODY", **{"Nombre de parts": "4"}),
            op(
                4,
                "01/03/2020",
                "Souscription",
                "AS-4",
                **{"Classe de parts": "A", "Nombre de parts": "4"},
            ),
            op(
                5,
                "01/03/2020",
                "Souscription",
                "AS-2",
                **{"Nombre de parts": "4", "Payé à la souscription": "10"},
            ),
            op(6, "01/03/2020", "Libération", "AS-2", **{"Montant": "10"}),
            op(8, "01/03/2020", "Retrait", "AS-2", **{"Nombre de parts": "40"}),
        ]
        _wizard, (errors, _result) = self._import_operations(broken, dry_run=True)
        by_row = {r: (c, p) for r, c, p in errors}
        self.assertIn("below the minimum of 4", by_row[2][1])
        self.assertEqual(by_row[3][0], "Opération")
        self.assertEqual(by_row[4][0], "Référence associé")
        self.assertIn("cannot be held by Théo Externe", by_row[5][1])
        self.assertIn("At least 25 %", by_row[6][1])
        self.assertEqual(by_row[7][0], "N° souscription")
        self.assertEqual(by_row[8][0], "N° registre")
        self.assertFalse(
            self.env["cae.share.operation"].search_count(
                [("company_id", "=", self.company.id)]
            )
        )
        dupes = [
            ["AS-9", "Un", "Externe", "", "", "", "1"],
            ["AS-10", "Deux", "Martien", "", "", "", ""],
            ["AS-11", "Trois", "Externe", "Quelqu'un", "", "", ""],
            ["AS-12", "Quatre", "Entrepreneur", "", "", "", ""],
        ]
        _wizard, (errors, _result) = self._import_associates(dupes, dry_run=True)
        self.assertEqual(
            [(r, c) for r, c, _p in errors],
            [
                (2, "N° associé"),
                (3, "Type"),
                (4, "Représentant"),
                (5, "Référence entrepreneur"),
            ],
        )

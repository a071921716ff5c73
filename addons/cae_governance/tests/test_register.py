# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import CaeGovernanceCommon


@freeze_time("2026-06-30")
class TestRegister(CaeGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.register = cls.env["cae.share.register"]._get_for_company(cls.company)
        # 1-2: Alice subscribes 10 A (62.50 paid); 3-4: Martin 3 B, paid;
        # a cancelled draft takes no number; 5: Martin withdraws 1 B.
        cls.sub_alice = cls._subscribe(cls.assoc_alice, 10, date(2025, 1, 15))
        cls.sub_martin = cls._subscribe(
            cls.assoc_martin, 3, date(2025, 3, 1), cls.class_b, initial_payment=300
        )
        cls.cancelled = cls._subscription(cls.assoc_bob, 4, date(2025, 4, 1))
        cls.cancelled.action_cancel()
        cls.withdrawal = cls._operation(
            "withdrawal", cls.assoc_martin, 1, date(2026, 1, 10), cls.class_b
        )
        cls.withdrawal.action_validate()

    def test_numbers_follow_without_gaps(self):
        operations = self.Operation.search(
            [("company_id", "=", self.company.id), ("number", "!=", False)],
            order="number",
        )
        self.assertEqual(operations.mapped("number"), [1, 2, 3, 4, 5])
        self.assertEqual(
            operations.mapped("operation_type"),
            ["subscription", "release", "subscription", "release", "withdrawal"],
        )
        self.assertEqual(self.cancelled.state, "cancel")
        self.assertFalse(self.cancelled.number)
        self.assertEqual(self.register.next_number, 6)
        self.assertEqual(
            (self.assoc_alice | self.assoc_martin).mapped("number"), [1, 2]
        )

    def test_registered_operation_is_frozen(self):
        with self.assertRaises(UserError):
            self.sub_alice.quantity = 12
        with self.assertRaises(UserError):
            self.sub_alice.date = date(2025, 1, 16)
        with self.assertRaises(UserError):
            self.sub_alice.unlink()
        with self.assertRaises(UserError):
            self.sub_alice.action_cancel()
        with self.assertRaises(UserError):
            self.sub_alice.action_validate()
        self.assertEqual(self.sub_alice.quantity, 10)
        self.cancelled.unlink()  # a cancelled draft may go

    def test_register_at_a_date(self):
        data = self.register._get_register_data(date(2025, 12, 31))
        self.assertEqual(data["classes"], self.class_a | self.class_b)
        self.assertEqual(
            [
                (
                    row["associate"].name,
                    row["quantity"],
                    row["subscribed"],
                    row["paid"],
                    row["admission_date"],
                )
                for row in data["rows"]
            ],
            [
                ("Alice Test", 10, 250.0, 62.5, date(2025, 1, 15)),
                ("Martin Externe", 3, 300.0, 300.0, date(2025, 3, 1)),
            ],
        )
        self.assertEqual((data["quantity"], data["subscribed"]), (13, 550.0))
        self.assertEqual(data["operations"].mapped("number"), [1, 2, 3, 4])
        after = self.register._get_register_data(date(2026, 6, 30))
        self.assertEqual(after["subscribed"], 450.0)
        self.assertEqual(after["operations"].mapped("number"), [1, 2, 3, 4, 5])

    def test_capital_history(self):
        self.assertEqual(
            self.register._get_capital_history(),
            [
                (date(2025, 1, 15), 250.0),
                (date(2025, 3, 1), 550.0),
                (date(2026, 1, 10), 450.0),
            ],
        )
        self.assertEqual(self.register._get_capital_max(), 550.0)

    def test_register_pdf(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cae_governance.action_report_share_register",
                self.register.ids,
                data={"date": "2026-06-30"},
            )[0]
            .decode()
        )
        for text in ("Register of associates", "Alice Test", "Martin Externe", "00005"):
            self.assertIn(text, html)

    def test_register_xlsx(self):
        content, file_type = self.env["ir.actions.report"]._render(
            "cae_governance.action_report_share_register_xlsx",
            self.register.ids,
            data={"date": "2026-06-30"},
        )
        self.assertEqual(file_type, "xlsx")
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        associates, operations = workbook.worksheets
        rows = list(associates.iter_rows(min_row=5, values_only=True))
        # Number, associate, kind, admission, exit, class A, class B, shares,
        # capital, paid.
        self.assertEqual(rows[0][0:2], (1, "Alice Test"))
        self.assertEqual(rows[0][5:], (10, 0, 10, 250.0, 62.5))
        self.assertEqual(rows[1][1], "Martin Externe")
        self.assertEqual(rows[1][5:], (0, 2, 2, 200.0, 200.0))
        self.assertEqual(rows[2][1], "Total")
        self.assertEqual(operations.max_row, 6)

    def test_certificate_in_french(self):
        """Printed in French whatever the user's language, with the amount in
        words."""
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cae_governance.action_report_share_certificate", self.assoc_alice.ids
            )[0]
            .decode()
        )
        self.assertIn("deux cent cinquante euros", html)
        self.assertIn("Attestation de parts sociales", html)
        self.assertIn("Alice Test", html)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import CjsAccountingCommon


@freeze_time("2026-06-12")
class TestClosing(CjsAccountingCommon):
    """Result from the posted accounting, reserve and distribution keys."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Anna, Bruno, Chloé: shares go in this (alphabetical) order.
        cls.anna, cls.bruno, cls.chloe = cls._running_flashcoop()

    def _amounts(self):
        return self.flashcoop.distribution_line_ids.sorted(
            lambda line: line.participant_id.name
        ).mapped("amount")

    def test_result_read_from_the_posted_accounting(self):
        self._post(self.flashcoop, 1300.0)
        self._post(self.flashcoop, 300.0, "in_invoice")
        self._invoice(self.flashcoop.activity_id, amount=999.0)  # draft: ignored
        self._invoice(self.alice.activity_id, amount=5000.0).action_post()
        self.assertRecordValues(
            self.flashcoop, [{"revenue": 1300.0, "costs": 300.0, "result": 1000.0}]
        )

    def test_account_selection_is_configurable(self):
        self._post(self.flashcoop, 1000.0)
        bill = self._post(self.flashcoop, 300.0, "in_invoice")
        code = bill.invoice_line_ids.account_id.code
        self.company.cae_cjs_cost_accounts = f"6,-{code[:3]}"
        self.assertRecordValues(self.flashcoop, [{"costs": 0.0, "result": 1000.0}])
        for spec in ("", "-6", "6 x'", "6 -641"):
            with (
                self.subTest(spec=spec),
                self.assertRaisesRegex(ValidationError, "is not valid"),
                self.cr.savepoint(),
            ):
                self.company.cae_cjs_revenue_accounts = spec
        with (
            self.assertRaisesRegex(ValidationError, "between 0 and 100"),
            self.cr.savepoint(),
        ):
            self.company.cae_cjs_reserve_rate = 101

    def test_credit_note_reduces_the_revenue(self):
        self._post(self.flashcoop, 1000.0)
        self._post(self.flashcoop, 100.0, "out_refund")
        self.assertEqual(self.flashcoop.revenue, 900.0)

    def test_thousand_euros_among_three_equal_shares(self):
        self._post(self.flashcoop, 1000.0)
        self.flashcoop.action_close()
        self.assertEqual(self._amounts(), [333.34, 333.33, 333.33])
        self.assertRecordValues(
            self.flashcoop,
            [
                {
                    "state": "closed",
                    "closed_revenue": 1000.0,
                    "closed_costs": 0.0,
                    "closed_result": 1000.0,
                    "reserve_amount": 0.0,
                    "distributed_amount": 1000.0,
                }
            ],
        )
        self.assertEqual(str(self.flashcoop.closing_date), "2026-06-12")
        self.assertEqual(self.anna.distributed_amount, 333.34)

    def test_hours_key_with_a_participant_at_zero_hours(self):
        self._post(self.flashcoop, 1000.0)
        self._work(self.anna, 7.0)
        self._work(self.bruno, 7.0)
        # Chloé worked no hour: she gets nothing with the hours key.
        self.flashcoop.distribution_key = "hours"
        self.flashcoop.action_close()
        self.assertEqual(self._amounts(), [500.0, 500.0, 0.0])
        lines = self.flashcoop.distribution_line_ids
        self.assertEqual(lines.mapped("hours"), [7.0, 7.0, 0.0])

    def test_hours_key_rounding(self):
        self._post(self.flashcoop, 100.0)
        for participant in (self.anna, self.bruno, self.chloe):
            self._work(participant, 5.0)
        self._work(self.chloe, 2.5)
        # 100 × 5/17.5 = 28.5714 (twice), 100 × 7.5/17.5 = 42.8571.
        self.flashcoop.distribution_key = "hours"
        self.flashcoop.action_close()
        self.assertEqual(self._amounts(), [28.57, 28.57, 42.86])

    def test_mix_key(self):
        # 900 €, 40 % by hours (10, 20, 30 h): 180 € each in equal shares,
        # then 360 € × 1/6, 2/6, 3/6 = 60, 120, 180 €.
        self._post(self.flashcoop, 900.0)
        self._work(self.anna, 6.0)
        self._work(self.anna, 4.0, self.flashcoop.date_start.replace(day=2))
        self._work(self.bruno, 8.0)
        self._work(self.bruno, 8.0, self.flashcoop.date_start.replace(day=2))
        self._work(self.bruno, 4.0, self.flashcoop.date_start.replace(day=3))
        for day in (1, 2, 3, 4):
            self._work(self.chloe, 7.5, self.flashcoop.date_start.replace(day=day))
        self.flashcoop.write({"distribution_key": "mix", "hours_weight": 40.0})
        self.flashcoop.action_close()
        self.assertEqual(self._amounts(), [240.0, 300.0, 360.0])

    def test_reserve_rate(self):
        # 1,000 € result, 15 % kept: 150 €; 850 € shared: 283.34, 283.33, 283.33.
        self._post(self.flashcoop, 1200.0)
        self._post(self.flashcoop, 200.0, "in_invoice")
        self.flashcoop.write({"reserve_mode": "rate", "reserve_rate": 15.0})
        self.flashcoop.action_close()
        self.assertRecordValues(
            self.flashcoop,
            [{"reserve_amount": 150.0, "distributed_amount": 850.0}],
        )
        self.assertEqual(self._amounts(), [283.34, 283.33, 283.33])

    def test_reserve_amount_at_most_the_result(self):
        self._post(self.flashcoop, 400.0)
        self.flashcoop.write({"reserve_mode": "amount", "reserve_fixed": 100.0})
        self.flashcoop.action_compute_distribution()
        self.assertEqual(self._amounts(), [100.0, 100.0, 100.0])
        self.flashcoop.reserve_fixed = 500.0
        self.flashcoop.action_close()
        self.assertRecordValues(
            self.flashcoop, [{"reserve_amount": 400.0, "distributed_amount": 0.0}]
        )
        self.assertEqual(self._amounts(), [0.0, 0.0, 0.0])

    def test_loss_shares_nothing(self):
        self._post(self.flashcoop, 100.0)
        self._post(self.flashcoop, 250.0, "in_invoice")
        self.flashcoop.reserve_rate = 10.0
        self.flashcoop.action_close()
        self.assertRecordValues(
            self.flashcoop,
            [
                {
                    "closed_result": -150.0,
                    "reserve_amount": 0.0,
                    "distributed_amount": 0.0,
                }
            ],
        )

    def test_closing_twice_refused(self):
        self._post(self.flashcoop, 1000.0)
        self.flashcoop.action_close()
        self._post(self.flashcoop, 500.0)
        with self.assertRaisesRegex(UserError, "cannot be closed twice"):
            self.flashcoop.action_close()
        self.assertEqual(self.flashcoop.distributed_amount, 1000.0)
        self.assertEqual(self._amounts(), [333.34, 333.33, 333.33])

    def test_closing_twice_refused_in_french(self):
        self.flashcoop.action_close()
        with self.assertRaisesRegex(UserError, "ne peut pas être clôturé deux fois"):
            self.flashcoop.with_context(lang="fr_FR").action_close()

    def test_closed_project_is_frozen(self):
        self.flashcoop.action_close()
        with self.assertRaisesRegex(UserError, "can no longer change"):
            self._work(self.anna, 2.0)
        with self.assertRaisesRegex(UserError, "can no longer change"):
            self.anna.name = "Anne"
        with self.assertRaisesRegex(UserError, "can no longer change"):
            self.flashcoop.distribution_key = "hours"
        with self.assertRaisesRegex(UserError, "can no longer change"):
            self.flashcoop.distribution_line_ids[0].amount = 1000

    def test_hours_key_without_hours_refused_and_nothing_written(self):
        self._post(self.flashcoop, 1000.0)
        self.flashcoop.distribution_key = "hours"
        with self.assertRaisesRegex(UserError, "No hour is recorded"):
            self.flashcoop.action_close()
        with self.assertRaisesRegex(UserError, "Aucune heure"):
            self.flashcoop.with_context(lang="fr_FR").action_close()
        self.assertEqual(self.flashcoop.state, "running")
        self.assertFalse(self.flashcoop.distribution_line_ids)
        self.assertFalse(self.flashcoop.closing_date)

    def test_draft_documents_block_the_closing(self):
        self._post(self.flashcoop, 1000.0)
        self._invoice(self.flashcoop.activity_id, amount=50.0)
        with self.assertRaisesRegex(UserError, "1 draft accounting documents"):
            self.flashcoop.action_close()
        self.assertEqual(self.flashcoop.state, "running")

    def test_bad_settings_refused(self):
        for vals, message in (
            ({"hours_weight": 120.0}, "between 0 and 100"),
            ({"reserve_rate": -5.0}, "between 0 and 100"),
            ({"reserve_fixed": -1.0}, "cannot be negative"),
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, message),
                self.cr.savepoint(),
            ):
                self.flashcoop.write(vals)
        self.assertEqual(self.flashcoop.hours_weight, 50.0)

    def test_only_staff_close(self):
        with self.assertRaises(AccessError):
            self.flashcoop.with_user(self.facilitator).action_close()
        self.flashcoop.with_user(self.accountant).action_close()
        self.assertEqual(self.flashcoop.state, "closed")

    def test_draft_project_cannot_close(self):
        with self.assertRaisesRegex(UserError, "Start the project"):
            self.cjs.action_close()

    def test_statement_and_summary(self):
        self._post(self.flashcoop, 1000.0)
        with self.assertRaisesRegex(UserError, "not closed yet"):
            self.flashcoop.action_print_statements()
        self.flashcoop.action_close()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("cae_cjs.report_participant_statement", self.anna.ids)[0]
            .decode()
        )
        for text in ("Relevé de répartition", "Anna", "Parts égales", "333,34"):
            self.assertTrue(text in html, f"{text} missing in the statement")
        action = self.flashcoop.with_user(self.accountant).action_print_statements()
        self.assertEqual(action["report_name"], "cae_cjs.report_participant_statement")

        content, kind = self.env["ir.actions.report"]._render(
            "cae_cjs.project_xlsx", self.flashcoop.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        sheet = load_workbook(io.BytesIO(content)).active
        rows = [row for row in sheet.iter_rows(values_only=True) if row[0]]
        by_label = {row[0]: row[1:] for row in rows}
        self.assertEqual(by_label["Amount distributed"][0], 1000.0)
        self.assertEqual(by_label["Closed on"][0].date(), date(2026, 6, 12))
        self.assertEqual(by_label["Anna"][2], 333.34)
        self.assertEqual(by_label["Chloé"][2], 333.33)

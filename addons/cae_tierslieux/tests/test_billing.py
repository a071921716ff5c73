# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import MONDAY, CaeTlCommon, paris

MARCH = date(2026, 3, 1)


@freeze_time("2026-04-02 07:00:00")
class TestBilling(CaeTlCommon):
    """March's billing of the test place, by hand.

    - Remote Worker (external): desk 5 h (20.00) + room 7 h (25.00) + the
      monthly fee of a 6-hour card (20.00; its 6 h covered a 6-h booking).
    - Alice (CAE entrepreneur): desk 9 h (30.00) + room 2 h (10.00) = 40.00,
      charged internally on her activity.
    - A draft, a cancelled booking and April's booking are not billed.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        plan = cls.env["cae.tl.membership.plan"].create(
            {
                "name": "6-hour card",
                "place_id": cls.place.id,
                "credit_hours": 6,
                "fee": 20.0,
            }
        )
        cls.env["cae.tl.membership"].create(
            {"partner_id": cls.external.id, "plan_id": plan.id, "date_start": MARCH}
        )
        alice = cls.alice.partner_id
        cls.free = cls._book(cls.desks, paris(date(2026, 3, 2), 9), 6)
        cls.ext_desk = cls._book(cls.desks, paris(MONDAY, 9), 5)
        cls.ext_room = cls._book(cls.room, paris(MONDAY, 9), 7)
        cls.alice_desk = cls._book(cls.desks, paris(MONDAY, 8), 9, alice)
        cls.alice_room = cls._book(cls.room, paris(date(2026, 3, 10), 9), 2, alice)
        cls._book(cls.room, paris(date(2026, 3, 11), 9), 2, confirm=False)
        cls._book(cls.room, paris(date(2026, 3, 12), 9), 2).action_cancel()
        cls.april = cls._book(cls.room, paris(date(2026, 4, 6), 9), 2, alice)
        cls.Run = cls.env["cae.tl.billing.run"]

    def test_prices(self):
        self.assertEqual(self.free.credit_hours, 6.0)
        self.assertEqual(
            (self.free | self.ext_desk | self.ext_room).mapped("amount"),
            [0.0, 20.0, 25.0],
        )
        self.assertEqual(
            (self.alice_desk | self.alice_room).mapped("amount"), [30.0, 10.0]
        )

    def test_external_invoice_and_internal_charge(self):
        run = self.Run._run_for(self.place, MARCH)
        invoice = run.move_ids.filtered(lambda m: m.move_type == "out_invoice")
        self.assertRecordValues(
            invoice,
            [
                {
                    "partner_id": self.external.id,
                    "invoice_date": date(2026, 3, 31),
                    "amount_untaxed": 65.0,
                    "state": "posted",
                    "cae_activity_id": self.place_activity.id,
                }
            ],
        )
        self.assertEqual(
            invoice.invoice_line_ids.mapped("price_subtotal"), [20.0, 25.0, 20.0]
        )
        self.assertEqual(self.ext_desk.move_id, invoice)
        self.assertFalse(self.free.move_id, "nothing to bill, credits covered it")

        entry = run.move_ids - invoice
        self.assertRecordValues(
            entry,
            [
                {
                    "move_type": "entry",
                    "date": date(2026, 3, 31),
                    "cae_activity_id": self.alice.activity_id.id,
                    "amount_total": 40.0,
                    "state": "posted",
                }
            ],
        )
        self.assertFalse(entry.line_ids.tax_ids, "no VAT inside the cooperative")
        self.assertEqual((self.alice_desk | self.alice_room).move_id, entry)
        self.assertRecordValues(
            run,
            [
                {
                    "booking_count": 4,
                    "invoice_count": 1,
                    "entry_count": 1,
                    "amount_invoiced": 65.0,
                    "amount_internal": 40.0,
                }
            ],
        )

    def test_internal_charge_lands_on_the_activities(self):
        run = self.Run._run_for(self.place, MARCH)
        entry = run.move_ids.filtered(lambda m: m.move_type == "entry")
        plan = self.company._get_cae_activity_plan()
        column = plan._column_name()
        lines = self.env["account.analytic.line"].search(
            [("move_line_id.move_id", "=", entry.id)]
        )
        per_account = {}
        for line in lines:
            account = line[column]
            per_account[account] = per_account.get(account, 0.0) + line.amount
        # The activity bears the cost, the place earns it: same amount.
        self.assertEqual(
            per_account,
            {
                self.alice.analytic_account_id: -40.0,
                self.place_activity.analytic_account_id: 40.0,
            },
        )
        entry = entry.with_company(self.company)
        expense = entry.line_ids.filtered(lambda line: line.debit)
        self.assertEqual(set(expense.account_id.mapped("code")), {"613200"})
        self.assertEqual(sum(expense.mapped("debit")), 40.0)
        income = entry.line_ids.filtered(lambda line: line.credit)
        self.assertEqual(income.account_id.code, "708300")

    def test_charges_show_in_the_balances(self):
        """The balance grid of cae_base reads the posted analytic lines: the
        entrepreneur's result loses the charge, the place's gains it and the
        customer invoice (65.00 excluding taxes)."""
        self.Run._run_for(self.place, MARCH)
        activities = self.alice.activity_id | self.place_activity
        values = activities._get_indicator_values(
            date_from=MARCH, date_to=date(2026, 3, 31), codes=["result"]
        )
        self.assertEqual(values[self.alice.activity_id.id]["result"], -40.0)
        self.assertEqual(values[self.place_activity.id]["result"], 105.0)

    def test_rerun_bills_nothing_twice(self):
        run = self.Run._run_for(self.place, MARCH)
        moves = run.move_ids
        again = self.Run._run_for(self.place, MARCH)
        self.assertEqual(again, run)
        self.assertEqual(again.move_ids, moves)
        self.assertEqual(
            self.env["account.move"].search_count(
                [("cae_tl_billing_run_id", "=", run.id)]
            ),
            2,
        )
        # A booking recorded late is billed alone by the next run.
        late = self._book(self.desks, paris(date(2026, 3, 16), 9), 2)
        run.action_run()
        self.assertEqual(len(run.move_ids), 3)
        self.assertEqual(late.move_id.amount_untaxed, 10.0)
        self.assertEqual(late.move_id.invoice_line_ids.price_subtotal, 10.0)

    def test_late_cancellation_is_billed(self):
        with freeze_time("2026-03-09 08:00:00"):
            self.ext_room.with_context(cae_tl_self_service=True).action_cancel()
        self.assertTrue(self.ext_room.late_cancel)
        run = self.Run._run_for(self.place, MARCH)
        self.assertIn(self.ext_room, run.booking_ids)
        line = self.ext_room.move_id.invoice_line_ids.filtered(
            lambda line: "late cancellation" in line.name
        )
        self.assertEqual(line.price_subtotal, 25.0)

    def test_billed_bookings_are_frozen(self):
        self.Run._run_for(self.place, MARCH)
        with self.assertRaisesRegex(UserError, "billed booking can no longer"):
            self.ext_desk.stop = paris(MONDAY, 15)
        with self.assertRaisesRegex(UserError, "done or billed"):
            self.ext_desk.action_cancel()

    def test_entrepreneur_needs_a_place_activity(self):
        self.place.activity_id = False
        with self.assertRaisesRegex(UserError, "Set the activity of the place"):
            self.Run._run_for(self.place, MARCH)

    def test_wizard_and_rights(self):
        wizard = self.env["cae.tl.billing.wizard"].create(
            {"month": date(2026, 3, 15), "place_ids": [(6, 0, self.place.ids)]}
        )
        action = wizard.action_run()
        runs = self.Run.search(action["domain"])
        self.assertEqual(runs.date_from, MARCH)
        self.assertEqual(runs.date_to, date(2026, 3, 31))
        with self.assertRaisesRegex(UserError, "Only third-place managers"):
            runs.with_user(self.advisor).action_run()

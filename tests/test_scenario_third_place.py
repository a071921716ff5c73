# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError

from odoo.addons.cae_payroll.tests.common import CaePayrollCommon
from odoo.addons.cae_tierslieux.tests.common import (
    MONDAY,
    NOW,
    CaeTlCommon,
    CaeTlNetworkCommon,
    paris,
)

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
TUESDAY = date(2026, 3, 10)
WEDNESDAY = date(2026, 3, 11)


class TestScenarioThirdPlace(CaeTlCommon, CaePayrollCommon):
    """A third place billed to the activities, in March 2026.

    Alice (CESA) runs her photography activity in the cooperative's
    coworking place (5 €/h, 15 € the half-day of 4 h, 25 € the day of 8 h):

    - 2 March: she invoices a customer 1,000.00 € (no VAT), paid at once;
    - she books Room A on Monday 9 March, 10:00-14:00 (a half-day, 15.00);
      a remote worker asking the same room at 11:00 is refused;
    - the remote worker takes Room A on Tuesday 10 March, 9:00-11:00 (2 h,
      10.00 € excl. VAT, invoiced by the place);
    - Alice takes a desk on Wednesday 11 March, 8:00-16:00 (a day, 25.00).

    On 2 April the place's monthly billing run charges Alice's activity
    15 + 25 = 40.00 € internally (no VAT) and invoices the remote worker
    10.00 € excl. VAT on the place's activity; then the cooperative's
    contribution run takes 10 % of March's turnover of the entrepreneurs.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_cesa(cls.alice)
        cls.alice_act = cls.alice.activity_id
        cls.env["cae.contribution.rule"].create(
            {
                "name": "Contribution 10 %",
                "company_id": cls.company.id,
                "date_from": date(2026, 1, 1),
                "base": "turnover",
                "rate": 10.0,
            }
        )

    def _indicators(self, activity, codes):
        return activity._get_indicator_values(*MARCH, codes=codes)[activity.id]

    def test_a_month_of_the_place_billed_to_the_activities(self):
        alice = self.alice.partner_id
        # -- March: the customer pays Alice, she books the place ----------
        self._fund(self.alice_act, 1000.0, day=date(2026, 3, 2))
        with freeze_time(NOW):
            room = self._book(self.room, paris(MONDAY, 10), 4, alice)
            # 11:00-12:00 is inside Alice's 10:00-14:00: refused, nothing kept.
            with self.assertRaisesRegex(ValidationError, "Room A is already booked"):
                self._book(self.room, paris(MONDAY, 11), 1)
            external = self._book(self.room, paris(TUESDAY, 9), 2)
            desk = self._book(self.desks, paris(WEDNESDAY, 8), 8, alice)
        self.assertEqual(
            self.env["cae.tl.booking"].search_count(
                [("resource_id", "=", self.room.id)]
            ),
            2,
        )
        # Half-day 15.00, two hours 2 × 5.00, one day 25.00.
        self.assertEqual((room | external | desk).mapped("amount"), [15.0, 10.0, 25.0])

        # -- 2 April: the place bills March -------------------------------
        with freeze_time("2026-04-02 07:00:00"):
            run = self.env["cae.tl.billing.run"]._run_for(self.place, MARCH[0])
        charge = run.move_ids.filtered(lambda m: m.move_type == "entry")
        invoice = run.move_ids - charge
        self.assertRecordValues(
            charge,
            [
                {
                    "cae_activity_id": self.alice_act.id,
                    "date": MARCH[1],
                    "amount_total": 40.0,
                    "state": "posted",
                }
            ],
        )
        self.assertRecordValues(
            invoice,
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": self.external.id,
                    "cae_activity_id": self.place_activity.id,
                    "amount_untaxed": 10.0,
                    "state": "posted",
                }
            ],
        )
        self.assertEqual((room | desk).move_id, charge)
        self.assertEqual(external.move_id, invoice)
        self.assertRecordValues(
            run, [{"amount_internal": 40.0, "amount_invoiced": 10.0}]
        )

        # -- What each activity's balance shows ---------------------------
        codes = ["turnover", "result", "cash", "customers"]
        # Alice: turnover 1,000.00; result 1,000 − 40 = 960.00; the internal
        # charge moves no money: cash stays 1,000.00.
        self.assertEqual(
            self._indicators(self.alice_act, codes),
            {"turnover": 1000.0, "result": 960.0, "cash": 1000.0, "customers": 0.0},
        )
        # The place: 10.00 invoiced + 40.00 of internal income; the remote
        # worker still owes the invoice, taxes included.
        self.assertEqual(
            self._indicators(self.place_activity, codes),
            {
                "turnover": 50.0,
                "result": 50.0,
                "cash": 0.0,
                "customers": invoice.amount_total,
            },
        )

        # -- The cooperative's contribution run of March -------------------
        contribution = self.env["cae.contribution.run"]._run_period(
            self.company, *MARCH
        )
        # 10 % of Alice's 1,000.00 of turnover; the internal income of the
        # place (a cooperative activity) is not charged, nor the charge
        # deducted from Alice's base.
        self.assertEqual(
            {line.activity_id: line.amount for line in contribution.line_ids},
            {self.alice_act: 100.0},
        )
        self.assertEqual(
            self._indicators(self.alice_act, ["result", "cash"]),
            {"result": 860.0, "cash": 900.0},
        )
        self.assertEqual(
            self._indicators(self.company.cae_cooperative_activity_id, ["result"]),
            {"result": 100.0},
        )

        # -- What Alice can still pay herself -----------------------------
        # 600.00 gross for 45 hours a month: labour cost 665.62 (employer
        # contributions 249.10 less the general reduction 183.48); her reference
        # treasury is 900.00 (cash after the contribution: the internal
        # charge of the place is not cash).
        payslip = self._payslip(
            self._contract(self.alice, wage=600.0, cae_monthly_hours=45.0)
        )
        self.assertRecordValues(
            payslip,
            [
                {
                    "cae_employer_cost": 665.62,
                    "cae_fundable_amount": 900.0,
                    "cae_funding_state": "funded",
                }
            ],
        )


@freeze_time("2026-04-02 07:00:00")
class TestScenarioNetwork(CaeTlNetworkCommon):
    """Alice's March across the network, down to the balances.

    - Monday 9 March, 9:00-11:00, a desk at home (company A's place, 2 h at
      5.00 = 10.00, entrepreneur's rate);
    - the same day, 14:00-18:00, a desk at company B's partner place (a
      half-day at B's network rate, 12.00);
    - Tuesday 10 March, 9:00-11:00, B's room (2 h at 10.00 = 20.00).

    On 2 April both places run March's billing: B invoices A 32.00 excl. VAT
    (38.40), recorded in A's books as B's bill, charged to A's shared
    services; A charges Alice's activity 10.00 + 32.00 = 42.00. Alice's
    result is -42.00, A's place earns 10.00, A's shared services break even
    (-32.00 bill, +32.00 charged), B's place earns 32.00. (A's place also
    earns the 30.00 monthly fee of Dan's network pass, sold there.)
    """

    def test_a_month_across_the_network(self):
        alice = self.alice.partner_id
        self._book(self.desks, paris(MONDAY, 9), 2, alice)
        self._book(self.desks_b, paris(MONDAY, 14), 4, alice)
        self._book(self.room_b, paris(TUESDAY, 9), 2, alice)
        Run = self.env["cae.tl.billing.run"]
        Run._run_for(self.place, MARCH[0])
        run_b = Run._run_for(self.place_b, MARCH[0])
        self.assertEqual(run_b.amount_network, 32.0)

        def result(activity):
            values = activity._get_indicator_values(*MARCH, codes=["result"])
            return values[activity.id]["result"]

        self.assertEqual(result(self.alice.activity_id), -42.0)
        self.assertEqual(result(self.place_activity), 10.0 + 30.0)
        self.assertEqual(result(self.company.cae_cooperative_activity_id), 0.0)
        self.assertEqual(result(self.place_b_activity), 32.0)
        bills = self.env["account.move"].search(
            [("company_id", "=", self.company.id), ("move_type", "=", "in_invoice")]
        )
        self.assertEqual(bills.mapped("amount_total"), [38.4])
        self.assertEqual(bills.partner_id, self.company_b.partner_id)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError

from odoo.addons.cae_base.tests.common import CaeBalanceCommon
from odoo.addons.cae_governance.tests.common import CaeGovernanceCommon
from odoo.addons.cae_payroll.tests.common import CaePayrollCommon

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
APRIL = (date(2026, 4, 1), date(2026, 4, 30))
BALANCE = [
    "turnover",
    "result",
    "cash",
    "customers",
    "taxes_due",
    "salaries_to_pay",
    "reference_treasury",
    "future_treasury",
]


class TestScenarioEntrepreneurYear(
    CaeGovernanceCommon, CaePayrollCommon, CaeBalanceCommon
):
    """Nadia's first months in the cooperative, from candidate to associate.

    - Candidate after the information meeting of 10 June 2025, she starts a
      CAPE on 1 September 2025 (until 28 February 2026), then signs a CESA on
      1 March 2026 (2,500.00 € gross a month: labour cost 3,108.15, net
      paid 1,907.23 after 71.76 of income tax at the neutral rate).
    - March: she invoices 3,000.00 € + 20 % VAT (paid on 20 March) and
      1,000.00 € + VAT (paid on 30 March). The cooperative takes 10 % of the
      turnover (400.00). Her March payslip cannot be confirmed before the
      second customer pays: 2,400.00 € of treasury for 3,108.15 of cost.
    - 1 April: she subscribes 4 shares of 25.00 € (100.00), pays 25.00 at
      once and the rest at 25.00 € a month by salary deduction; her path
      moves to "associate".
    - April: she invoices 4,000.00 € + VAT, paid on 15 April; her April
      payslip deducts 25.00 for her shares.
    - 12 June: she votes for the accounts at the ordinary general assembly.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.nadia = cls.Entrepreneur.create(
            {
                "name": "Nadia Benali",
                "business_name": "Nadia Céramique",
                "company_id": cls.company.id,
                "advisor_id": cls.advisor.id,
                "trade_id": cls.trade.id,
                "info_meeting_date": date(2025, 6, 10),
            }
        )
        cls.activity = cls.nadia.activity_id
        cls.env["cae.contribution.rule"].create(
            {
                "name": "Contribution 10 %",
                "company_id": cls.company.id,
                "date_from": date(2026, 1, 1),
                "base": "turnover",
                "rate": 10.0,
            }
        )

    def _balance(self, day):
        return self.activity._get_indicator_values(
            date_from=MARCH[0], date_to=day, codes=BALANCE
        )[self.activity.id]

    def _batch(self, period, name):
        batch = (
            self.env["hr.payslip.run"]
            .with_company(self.company)
            .create(
                {
                    "name": name,
                    "date_start": period[0],
                    "date_end": period[1],
                    "company_id": self.company.id,
                    "journal_id": self.journal.id,
                }
            )
        )
        return batch._cae_generate_payslips()

    def test_from_candidate_to_associate_in_a_year(self):
        nadia = self.nadia
        self.assertEqual(nadia.stage, "candidate")

        # -- The path: CAPE, then CESA (she becomes an employee) -----------
        nadia._do_transition("cape", date(2025, 9, 1), cape_date_end=date(2026, 2, 28))
        nadia._do_transition(
            "cesa",
            date(2026, 3, 1),
            trial_period_months=2,
            cape_date_end=date(2026, 2, 28),
        )
        self.assertEqual(nadia.stage, "cesa")
        self.assertTrue(nadia.employee_id)
        self._contract(nadia, wage=2500.0, date_start=date(2026, 3, 1))

        # -- March: two invoices, the first one paid -----------------------
        first = self._post_document(
            self.activity, "out_invoice", 3000.0, self.sale_tax, "2026-03-05"
        )
        second = self._post_document(
            self.activity, "out_invoice", 1000.0, self.sale_tax, "2026-03-12"
        )
        self._register_payment(first, date="2026-03-20")
        self.assertEqual((first.amount_total, second.amount_total), (3600.0, 1200.0))
        # Turnover 3,000 + 1,000; VAT 600 + 200 owed to the State; the second
        # customer still owes 1,200.00.
        self.assertEqual(
            self._balance(MARCH[1]),
            {
                "turnover": 4000.0,
                "result": 4000.0,
                "cash": 3600.0,
                "customers": 1200.0,
                "taxes_due": -800.0,
                "salaries_to_pay": 0.0,
                "reference_treasury": 2800.0,  # 3,600 − 800
                "future_treasury": 4000.0,  # 2,800 + 1,200
            },
        )

        # -- The monthly contribution run: 10 % of 4,000.00 ----------------
        run = self.env["cae.contribution.run"]._run_period(self.company, *MARCH)
        self.assertRecordValues(
            run.line_ids.filtered(lambda line: line.activity_id == self.activity),
            [{"base_amount": 4000.0, "rate": 10.0, "amount": 400.0}],
        )
        march = self._balance(MARCH[1])
        self.assertEqual(
            (march["result"], march["cash"], march["reference_treasury"]),
            (3600.0, 3200.0, 2400.0),
        )

        # -- March payslip: more than the activity can fund ----------------
        payslip = self._batch(MARCH, "Mars 2026")
        self.assertEqual(len(payslip), 1)
        self.assertRecordValues(
            payslip,
            [
                {
                    "cae_activity_id": self.activity.id,
                    "cae_employer_cost": 3108.15,
                    "cae_net": 1907.23,
                    "cae_fundable_amount": 2400.0,
                    "cae_missing_amount": 708.15,  # 3,108.15 − 2,400
                    "cae_funding_state": "unfunded",
                }
            ],
        )
        with self.assertRaisesRegex(UserError, "ne peut pas le financer"):
            payslip.with_context(lang="fr_FR").action_payslip_done()
        self.assertEqual(payslip.state, "verify")
        # The second customer pays on 30 March: 2,400 + 1,200 = 3,600.00.
        self._register_payment(second, date="2026-03-30")
        payslip.compute_sheet()
        self.assertRecordValues(
            payslip,
            [
                {
                    "cae_fundable_amount": 3600.0,
                    "cae_missing_amount": 0.0,
                    "cae_funding_state": "funded",
                }
            ],
        )
        payslip.action_payslip_done()
        self.assertEqual(payslip.state, "done")
        # The payslip's entry moves her balance: the labour cost of 3,108.15
        # in the result; 1,907.23 net to pay her; 1,200.92 of contributions
        # and tax withheld due (431, 437, 4421) on top of the VAT.
        self.assertEqual(
            self._balance(MARCH[1]),
            {
                "turnover": 4000.0,
                "result": 491.85,  # 3,600 − 3,108.15
                "cash": 4400.0,  # 3,600 + 1,200 − 400
                "customers": 0.0,
                "taxes_due": -2000.92,  # −800 − 1,200.92
                "salaries_to_pay": -1907.23,
                "reference_treasury": 2399.08,  # 4,400 − 2,000.92
                "future_treasury": 491.85,  # 2,399.08 − 1,907.23
            },
        )

        # -- 1 April: four shares, the path moves to "associate" -----------
        associate = self._associate(nadia.partner_id)
        subscription = self._subscribe(
            associate,
            4,
            APRIL[0],
            initial_payment=25.0,
            call_count=1,
            call_interval_months=12,
        )
        associate.write({"salary_deduction": True, "salary_deduction_amount": 25.0})
        self.assertEqual(nadia.stage, "associate")
        self.assertEqual(
            nadia.path_step_ids.sorted("date_start").mapped("stage"),
            ["candidate", "cape", "cesa", "associate"],
        )
        self.assertRecordValues(
            associate,
            [
                {
                    "state": "associate",
                    "share_count": 4,
                    "amount_subscribed": 100.0,
                    "amount_paid": 25.0,
                }
            ],
        )
        # Paid from her own pocket: her activity's balance does not move.
        self.assertEqual(self._balance(APRIL[1])["cash"], 4400.0)

        # -- April: an invoice paid, the payslip deducts 25.00 -------------
        april_invoice = self._post_document(
            self.activity, "out_invoice", 4000.0, self.sale_tax, "2026-04-08"
        )
        self._register_payment(april_invoice, date="2026-04-15")
        april = self._batch(APRIL, "Avril 2026")
        # Treasury on 30 April: cash 4,400 + 4,800 = 9,200; VAT and
        # contributions due 2,000.92 + 800 = 2,800.92; March's net not paid
        # yet 1,907.23: 9,200 − 2,800.92 − 1,907.23 = 4,491.85.
        self.assertRecordValues(
            april,
            [
                {
                    "cae_fundable_amount": 4491.85,
                    "cae_funding_state": "funded",
                    "cae_net": 1882.23,  # 1,907.23 − 25 for her shares
                    "cae_employer_cost": 3108.15,
                }
            ],
        )
        self.assertEqual(self._lines(april)["CAE_CAPITAL"], -25.0)
        april.action_payslip_done()
        release = self.Operation.search(
            [("operation_type", "=", "release"), ("reference", "=", april.number)]
        )
        self.assertRecordValues(
            release,
            [
                {
                    "subscription_id": subscription.id,
                    "amount": 25.0,
                    "payment_method": "salary",
                    "date": APRIL[1],
                    "state": "done",
                }
            ],
        )
        self.assertRecordValues(
            subscription, [{"amount_paid": 50.0, "amount_remaining": 50.0}]
        )
        register = self.env["cae.share.register"]._get_for_company(self.company)
        row = next(
            row
            for row in register._get_register_data(APRIL[1])["rows"]
            if row["associate"] == associate
        )
        self.assertEqual(
            (row["quantity"], row["subscribed"], row["paid"], row["admission_date"]),
            (4, 100.0, 50.0, APRIL[0]),
        )
        # Her balance at the end of April: turnover 8,000; result 491.85 +
        # 4,000 − 3,108.15 = 1,383.70 (April's general reduction is
        # regularised on March and April: the same pay, the same reduction).
        balance = self._balance(APRIL[1])
        self.assertEqual((balance["turnover"], balance["result"]), (8000.0, 1383.7))
        # The cooperative owes her two nets, less the 25.00 paid for her
        # shares out of April's: 1,907.23 + 1,882.23 = 3,789.46 on 421.
        salaries_due = self.env["account.move.line"].search(
            [
                ("partner_id", "=", nadia.employee_id.work_contact_id.id),
                ("account_id.code", "=like", "421%"),
                ("parent_state", "=", "posted"),
            ]
        )
        self.assertEqual(sum(salaries_due.mapped("balance")), -3789.46)
        # The release's debit of 421 is on her activity too: her activity
        # owes her what the ledger says, the two nets after deduction.
        self.assertEqual(balance["salaries_to_pay"], -3789.46)

        # -- 12 June: the ordinary general assembly ------------------------
        with freeze_time("2026-06-12 16:30:00"):
            assembly = self.env["cae.assembly"].create(
                {
                    "name": "Assemblée générale ordinaire 2026",
                    "type_id": self.env["cae.assembly.type"]
                    .search(
                        [
                            ("company_id", "=", self.company.id),
                            ("kind", "=", "ordinary"),
                        ],
                        limit=1,
                    )
                    .id,
                    "company_id": self.company.id,
                    "date": datetime(2026, 6, 12, 16, 0),
                    "resolution_ids": [
                        Command.create({"name": "Approbation des comptes 2025"})
                    ],
                }
            )
            assembly.action_convene()
            # Nadia is the only associate of this small test cooperative.
            self.assertEqual(assembly.attendance_ids.associate_id, associate)
            assembly.attendance_ids.state = "present"
            assembly.action_open_votes()
            resolution = assembly.resolution_ids
            resolution._record_paper_votes({associate.id: "for"})
            assembly.action_close()
        self.assertRecordValues(
            resolution,
            [
                {
                    "voter_count": 1,
                    "count_for": 1,
                    "count_against": 0,
                    "count_cast": 1,
                    "result": "adopted",
                }
            ],
        )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import CaePayrollCommon


class TestFunding(CaePayrollCommon):
    """Payslips are compared with what their activity can fund.

    Alice is paid 2,500 € gross: labour cost 3,108.15 € (see test_payslip).
    Treasury is the reference treasury of the activity's balance (cash +
    taxes due + suppliers), minus the safety reserve and the net salaries
    posted and not paid yet.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_cesa(cls.alice)
        cls.contract = cls._contract(cls.alice, wage=2500.0)

    def test_funded_payslip(self):
        self._fund(self.alice.activity_id, 5000.0)
        payslip = self._payslip(self.contract)
        self.assertRecordValues(
            payslip,
            [
                {
                    "cae_funding_state": "funded",
                    "cae_fundable_amount": 5000.0,
                    "cae_missing_amount": 0.0,
                }
            ],
        )

    def test_unfunded_payslip_is_flagged_with_the_missing_amount(self):
        self._fund(self.alice.activity_id, 3000.0)
        payslip = self._payslip(self.contract)
        # 3108.15 − 3000 = 108.15
        self.assertRecordValues(
            payslip,
            [
                {
                    "cae_funding_state": "unfunded",
                    "cae_fundable_amount": 3000.0,
                    "cae_missing_amount": 108.15,
                }
            ],
        )
        with self.assertRaisesRegex(UserError, "108[.,]15"):
            payslip.action_payslip_done()
        with self.assertRaisesRegex(UserError, "ne peut pas le financer"):
            payslip.with_context(lang="fr_FR").action_payslip_done()
        self.assertEqual(payslip.state, "verify")
        self.assertFalse(payslip.move_id)

    def test_safety_reserve_is_kept_aside(self):
        self._fund(self.alice.activity_id, 5000.0)
        self.company.cae_payroll_safety_reserve = 2000.0
        payslip = self._payslip(self.contract)
        # 5000 − 2000 = 3000 can be spent; 3108.15 − 3000 = 108.15 missing.
        self.assertRecordValues(
            payslip,
            [{"cae_fundable_amount": 3000.0, "cae_missing_amount": 108.15}],
        )

    def test_payslips_of_a_shared_activity_share_its_treasury(self):
        self._make_cesa(self.bob)
        self.bob.activity_id = self.alice.activity_id
        contract_bob = self._contract(self.bob, wage=2000.0)
        self.assertEqual(
            contract_bob.analytic_account_id, self.alice.analytic_account_id
        )
        self._fund(self.alice.activity_id, 5000.0)
        payslips = self._run()._cae_generate_payslips()
        alice = payslips.filtered(lambda p: p.contract_id == self.contract)
        bob = payslips - alice
        # Alice first: 5000 − 3108.15 = 1891.85 left. Bob costs 2200.92:
        # 2200.92 − 1891.85 = 309.07 missing.
        self.assertRecordValues(
            alice, [{"cae_funding_state": "funded", "cae_missing_amount": 0.0}]
        )
        self.assertRecordValues(
            bob,
            [
                {
                    "cae_employer_cost": 2200.92,
                    "cae_fundable_amount": 1891.85,
                    "cae_missing_amount": 309.07,
                    "cae_funding_state": "unfunded",
                }
            ],
        )

    def test_accepting_a_negative_balance_needs_a_reason_and_is_logged(self):
        self._fund(self.alice.activity_id, 3000.0)
        payslip = self._payslip(self.contract)
        wizard = (
            self.env["cae.payslip.funding"]
            .with_context(active_model="hr.payslip", active_ids=payslip.ids)
            .create({"decision": "accept", "reason": "  "})
        )
        self.assertEqual(wizard.missing_amount, 108.15)
        with self.assertRaises(UserError):
            wizard.action_apply()
        wizard.reason = "Facture de 4 000 € encaissée le 10 avril"
        wizard.action_apply()
        self.assertRecordValues(
            payslip,
            [
                {
                    "cae_funding_state": "accepted",
                    "cae_accepted_missing_amount": 108.15,
                    "cae_funding_reason": "Facture de 4 000 € encaissée le 10 avril",
                }
            ],
        )
        note = payslip.message_ids.filtered(
            lambda m: "encaissée le 10 avril" in (m.body or "")
        )
        self.assertTrue(note)
        self.assertRegex(note.body, "108[.,]15")
        # Confirming recomputes: the decision holds while nothing grows.
        payslip.action_payslip_done()
        self.assertEqual(payslip.state, "done")
        self.assertEqual(payslip.move_id.state, "posted")

    def test_accepted_negative_balance_does_not_cover_a_bigger_payslip(self):
        self._fund(self.alice.activity_id, 3000.0)
        payslip = self._payslip(self.contract)
        payslip._cae_accept_negative_balance("Avance validée")
        payslip.input_line_ids.amount = 100.0
        payslip.compute_sheet()
        self.assertEqual(payslip.cae_funding_state, "unfunded")
        self.assertFalse(payslip.cae_funding_reason)

    def test_reducing_the_variable_part_until_it_fits(self):
        self._fund(self.alice.activity_id, 3800.0)
        self.contract.wage = 2000.0
        payslip = self._payslip(self.contract, variable=1000.0)
        # Gross 3000, labour cost 3945.48: 145.48 missing.
        self.assertEqual(payslip.cae_missing_amount, 145.48)
        self.env["cae.payslip.funding"].with_context(
            active_model="hr.payslip", active_ids=payslip.ids
        ).create({"decision": "reduce"}).action_apply()
        # The engine solves the largest gross whose cost fits in 3800:
        # 2910.85, i.e. a variable part of 910.85 (cost 3800.00).
        self.assertEqual(payslip.input_line_ids.amount, 910.85)
        self.assertRecordValues(
            payslip,
            [
                {
                    "cae_gross": 2910.85,
                    "cae_employer_cost": 3800.0,
                    "cae_funding_state": "funded",
                    "cae_missing_amount": 0.0,
                }
            ],
        )
        self.assertRegex(payslip.message_ids[0].body, "910[.,]85")

    def test_reduction_cannot_go_below_the_fixed_part(self):
        self._fund(self.alice.activity_id, 1000.0)
        payslip = self._payslip(self.contract, variable=100.0)
        with self.assertRaises(UserError):
            payslip._cae_reduce_variable_part()

    def test_batch_confirms_the_funded_and_keeps_the_others(self):
        self._make_cesa(self.bob)
        self._contract(self.bob, wage=2000.0)
        self._fund(self.alice.activity_id, 5000.0)
        run = self._run()
        payslips = run._cae_generate_payslips()
        self.assertEqual(run.cae_unfunded_count, 1)
        run.action_cae_confirm_payslips()
        done = payslips.filtered(lambda p: p.state == "done")
        self.assertEqual(done.contract_id, self.contract)
        self.assertEqual((payslips - done).state, "verify")

    @freeze_time("2026-03-31")
    def test_salary_budget_of_the_entrepreneur(self):
        self._fund(self.alice.activity_id, 5000.0)
        self.company.cae_payroll_safety_reserve = 500.0
        # 4500 can be spent: gross 3346.93 costs 4499.81 (a cent more would
        # cost 4500.17: the general reduction decreases as the pay rises);
        # net before tax 2649.42.
        self.assertRecordValues(
            self.alice.with_company(self.company),
            [
                {
                    "cae_budget_treasury": 5000.0,
                    "cae_budget_reserve": 500.0,
                    "cae_budget_fundable": 4500.0,
                    "cae_budget_gross": 3346.93,
                    "cae_budget_net": 2649.42,
                }
            ],
        )

    @freeze_time("2026-03-31")
    def test_posted_salaries_show_in_the_activity_balance(self):
        self._fund(self.alice.activity_id, 10000.0)
        payslip = self._payslip(self.contract)
        payslip.action_payslip_done()
        activity = self.alice.activity_id
        values = activity._get_indicator_values(
            date_from=self.date_from,
            date_to=self.date_to,
            codes=["cash", "taxes_due", "salaries_to_pay", "result"],
        )[activity.id]
        # Contributions and tax due (431, 437, 4421): 521.01 + 1037.90 −
        # 429.75 + 71.76 = 1200.92; net 1907.23 to pay; result = turnover
        # 10000 − labour cost 3108.15.
        self.assertEqual(
            values,
            {
                "cash": 10000.0,
                "taxes_due": -1200.92,
                "salaries_to_pay": -1907.23,
                "result": 6891.85,
            },
        )
        # The unpaid net is not spent twice: 10000 − 1200.92 − 1907.23.
        self.assertEqual(
            self.alice.with_company(self.company).cae_budget_treasury, 6891.85
        )
        second = self._payslip(self.contract)
        self.assertEqual(second.cae_fundable_amount, 6891.85)

    @freeze_time("2026-03-31")
    def test_treasury_indicator_chosen_in_the_settings(self):
        self._fund(self.alice.activity_id, 10000.0)
        self._payslip(self.contract).action_payslip_done()
        alice = self.alice.with_company(self.company)
        indicators = self.env["cae.balance.indicator"].search(
            [("company_id", "=", self.company.id)]
        )
        by_code = {indicator.code: indicator for indicator in indicators}
        # Cash only: 10000, minus the net salary posted and not paid
        # (1907.23); contributions due are not part of cash.
        self.company.cae_payroll_indicator_id = by_code["cash"]
        self.assertEqual(alice.cae_budget_treasury, 8092.77)
        # Future treasury already counts the salaries to pay: not twice.
        self.company.cae_payroll_indicator_id = by_code["future_treasury"]
        alice.invalidate_recordset()
        self.assertEqual(alice.cae_budget_treasury, 6891.85)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.cae_governance.tests.common import CaeGovernanceCommon
from odoo.addons.cae_payroll.tests.common import CaePayrollCommon


class TestCapitalDeduction(CaeGovernanceCommon, CaePayrollCommon):
    """Alice (CESA since 2024-03-01) pays her shares by salary deduction.

    10 shares of 25.00 subscribed on 2025-01-15 in three calls: 62.50 paid
    at once, 62.50 due on 2026-01-15, 2027-01-15 and 2028-01-15; 20.00 a
    month by deduction. Her March 2026 payslip (2,500.00 gross) deducts the
    62.50 due since January.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subscription = cls._subscribe(
            cls.assoc_alice, 10, date(2025, 1, 15), call_count=3
        )
        cls.assoc_alice.write(
            {"salary_deduction": True, "salary_deduction_amount": 20.0}
        )
        cls.contract = cls._contract(cls.alice, wage=2500.0)
        cls._fund(cls.alice.activity_id, 10000.0)

    def test_the_payslip_deducts_what_is_due(self):
        payslip = self._payslip(self.contract)
        # Net before income tax 1978.99, tax 71.76: 1907.23; − 62.50.
        lines = self._lines(payslip)
        self.assertEqual(lines["CAE_CAPITAL"], -62.5)
        self.assertEqual(lines["CAE_NET"], 1844.73)
        self.assertEqual(lines["CAE_COST"], 3108.15)  # the employer pays the same
        self.assertEqual(payslip.cae_net, 1844.73)
        # Lines are named in the payslip's language (French when installed);
        # the printed payslip is in French.
        payslip.with_context(lang="fr_FR").compute_sheet()
        deductions = payslip.with_context(lang="fr_FR")._cae_report_deductions()
        self.assertEqual(deductions.mapped("total"), [-62.5])
        self.assertEqual(deductions.name, "Libération de capital (retenue sur salaire)")

    def test_confirming_records_the_release_once(self):
        payslip = self._payslip(self.contract)
        self.assertEqual(self.subscription.amount_paid, 62.5)
        payslip.action_payslip_done()
        releases = self.Operation.search(
            [("reference", "=", payslip.number), ("operation_type", "=", "release")]
        )
        self.assertRecordValues(
            releases,
            [
                {
                    "amount": 62.5,
                    "payment_method": "salary",
                    "state": "done",
                    "subscription_id": self.subscription.id,
                    "date": date(2026, 3, 31),
                }
            ],
        )
        self.assertEqual(self.subscription.amount_paid, 125.0)
        # What the cooperative owes Alice (421) is her net after deduction.
        salaries_due = (payslip.move_id.line_ids | releases.move_ids.line_ids).filtered(
            lambda line: line.account_id.code.startswith("421")
        )
        self.assertEqual(sum(salaries_due.mapped("balance")), -1844.73)
        # ... and what her activity shows it owes her.
        activity = self.alice.activity_id
        values = activity._get_indicator_values(codes=["salaries_to_pay"])
        self.assertEqual(values[activity.id]["salaries_to_pay"], -1844.73)
        # Confirming again changes nothing in the register.
        payslip.action_payslip_done()
        self.assertEqual(
            self.Operation.search_count([("reference", "=", payslip.number)]), 1
        )
        # April: the January call is paid, the monthly 20.00 applies.
        april = self._payslip(
            self.contract, date_from=date(2026, 4, 1), date_to=date(2026, 4, 30)
        )
        self.assertEqual(self._lines(april)["CAE_CAPITAL"], -20.0)

    def test_cancelling_a_recorded_deduction_is_refused(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "payroll.allow_cancel_payslips", True
        )
        payslip = self._payslip(self.contract)
        payslip.action_payslip_done()
        with self.assertRaisesRegex(UserError, "cannot be undone"):
            payslip.action_payslip_cancel()
        self.assertEqual(payslip.state, "done")
        with self.assertRaisesRegex(UserError, "ne peut pas être annulée"):
            payslip.with_context(lang="fr_FR").action_payslip_cancel()

    def test_no_deduction_without_the_choice(self):
        self.assoc_alice.salary_deduction = False
        payslip = self._payslip(self.contract)
        lines = self._lines(payslip)
        self.assertNotIn("CAE_CAPITAL", lines)
        self.assertEqual(lines["CAE_NET"], 1907.23)
        payslip.action_payslip_done()
        self.assertEqual(self.subscription.amount_paid, 62.5)

    def test_the_batch_asks_the_register_once(self):
        self.assertEqual(
            self.company.cae_payroll_structure_id.rule_ids.filtered(
                lambda rule: rule.code == "CAE_CAPITAL"
            ).name,
            "Release of share capital (salary deduction)",
        )
        march = self._payslip(self.contract)
        april = self._payslip(
            self.contract, date_from=date(2026, 4, 1), date_to=date(2026, 4, 30)
        )
        # Nothing confirmed yet: the January call is due in both months.
        self.assertEqual(
            (march | april)._cae_capital_releases_due(),
            {march.id: 62.5, april.id: 62.5},
        )

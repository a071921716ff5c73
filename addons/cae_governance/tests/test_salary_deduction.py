# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import CaeGovernanceCommon


@freeze_time("2026-06-30")
class TestSalaryDeduction(CaeGovernanceCommon):
    """The hook the payroll bridge calls (see readme/DEVELOP.md)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Alice (CESA, hence an employee): 10 shares of 25.00 on 2025-01-15,
        # 62.50 paid, then 62.50 due on 2026-01-15, 2027-01-15, 2028-01-15;
        # 20.00 deducted every month.
        cls.subscription = cls._subscribe(
            cls.assoc_alice, 10, date(2025, 1, 15), call_count=3
        )
        cls.assoc_alice.write(
            {"salary_deduction": True, "salary_deduction_amount": 20.0}
        )
        cls.partner = cls.alice.partner_id

    def _deductions(self, date_from, date_to, partners=None):
        return self.Associate._get_salary_deductions(
            partners or self.partner, date_from, date_to, company=self.company
        )

    def test_only_employees(self):
        self.assertFalse(self.assoc_martin.employee_id)
        with self.assertRaises(ValidationError):
            self.assoc_martin.salary_deduction = True
        self.assertEqual(self.assoc_alice.employee_id, self.alice.employee_id)

    def test_amount_to_deduct(self):
        # December 2025: nothing due yet, the monthly 20.00.
        self.assertEqual(
            self._deductions(date(2025, 12, 1), date(2025, 12, 31)),
            {self.partner.id: 20.0},
        )
        # January 2026: the 62.50 call falls due, more than 20.00.
        self.assertEqual(
            self._deductions(date(2026, 1, 1), date(2026, 1, 31)),
            {self.partner.id: 62.5},
        )
        # Others get 0.0, whatever they are.
        other = self._deductions(
            date(2026, 1, 1), date(2026, 1, 31), self.partner | self.martin
        )
        self.assertEqual(other, {self.partner.id: 62.5, self.martin.id: 0.0})

    def test_register_deduction(self):
        releases = self.Associate._register_salary_deduction(
            self.partner, 62.5, date(2026, 1, 31), "SLIP/2026/01", company=self.company
        )
        self.assertRecordValues(
            releases,
            [
                {
                    "operation_type": "release",
                    "state": "done",
                    "number": 3,
                    "amount": 62.5,
                    "payment_method": "salary",
                    "reference": "SLIP/2026/01",
                    "subscription_id": self.subscription.id,
                }
            ],
        )
        self.assertEqual(self.subscription.amount_paid, 125.0)
        self.assertIn("421000", releases.move_ids.line_ids.account_id.mapped("code"))
        # Same payslip again: nothing new.
        again = self.Associate._register_salary_deduction(
            self.partner, 62.5, date(2026, 1, 31), "SLIP/2026/01", company=self.company
        )
        self.assertEqual(again, releases)
        self.assertEqual(self.subscription.amount_paid, 125.0)
        # February: the monthly 20.00, nothing more is due.
        self.assertEqual(
            self._deductions(date(2026, 2, 1), date(2026, 2, 28)),
            {self.partner.id: 20.0},
        )

    def test_deduction_spread_over_subscriptions(self):
        """The oldest subscription is paid first, then the next one."""
        second = self._subscribe(self.assoc_alice, 4, date(2025, 6, 1))
        releases = self.Associate._register_salary_deduction(
            self.partner, 200.0, date(2026, 1, 31), "SLIP/2026/01", company=self.company
        )
        self.assertEqual(
            [(r.subscription_id, r.amount) for r in releases],
            [(self.subscription, 187.5), (second, 12.5)],
        )
        self.assertEqual(self.subscription.payment_state, "paid")
        # Never more than what remains: 250 + 100 - 62.5 - 25 - 200 = 62.50.
        self.assertEqual(
            self._deductions(date(2028, 1, 1), date(2028, 1, 31)),
            {self.partner.id: 62.5},
        )

    def test_payroll_posted(self):
        """When the payslip's entry already credits 4562, only the capital
        accounts move here."""
        release = self.Associate._register_salary_deduction(
            self.partner,
            20.0,
            date(2026, 1, 31),
            "SLIP/2026/01",
            payroll_posted=True,
            company=self.company,
        )
        codes = release.move_ids.line_ids.account_id.mapped("code")
        self.assertEqual(sorted(codes), ["101200", "101300"])

    def test_bad_deductions(self):
        with self.assertRaises(UserError):
            self.Associate._register_salary_deduction(
                self.partner, 187.51, date(2026, 1, 31), "X", company=self.company
            )
        with self.assertRaises(UserError):
            self.Associate._register_salary_deduction(
                self.partner, 0.0, date(2026, 1, 31), "X", company=self.company
            )
        with self.assertRaises(UserError):
            self.Associate._register_salary_deduction(
                self.supplier, 10.0, date(2026, 1, 31), "X", company=self.company
            )
        self.assertEqual(self.subscription.amount_paid, 62.5)

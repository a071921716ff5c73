# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The planned salary in the activity's treasury forecast (cae_base)."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from ..tools import french_payroll
from .common import CaePayrollCommon


@tagged("post_install", "-at_install")
class TestTreasuryForecastSalary(CaePayrollCommon):
    """January 2026, a CESA contract of 2,000.00 € gross a month, full time,
    non-executive, 20 employees: the reference case of the payroll engine
    (tests/test_french_payroll.py), whose labour cost is 2,209.92 € (gross
    2,000.00 + employer contributions 839.32 − general reduction 629.40).

    Forecast on 15 January 2026, nothing else on the activity: the salary
    row is −2,209.92 in January, and each month the engine's cost of that
    month's pay; a month that already has a payslip counts nothing (the
    payslip is in the accounts). Closing of January: 0 − 2,209.92.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.cae_payroll_headcount = 20
        cls._make_cesa(cls.alice)
        cls.contract = cls._contract(cls.alice, wage=2000.0)
        cls.activity = cls.alice.activity_id
        cls.day = date(2026, 1, 15)

    def test_planned_salary_at_its_real_cost(self):
        forecast = self.activity._get_treasury_forecast(date=self.day)
        months = forecast["months"]
        self.assertEqual(forecast["treasury"]["value"], 0.0)
        self.assertEqual(months[0]["flows"]["salaries"], -2209.92)
        self.assertEqual(months[0]["closing"], -2209.92)
        for month in months:
            last_day = month["month"] + relativedelta(months=1, days=-1)
            params = self.env["cae.parameter"]._cae_payroll_params(
                self.company.id, last_day
            )
            case = self.alice._cae_salary_case(last_day, gross=2000.0)
            with self.subTest(month=month["label"]):
                self.assertEqual(
                    month["flows"]["salaries"],
                    -french_payroll.compute(case, params).cost,
                )

    def test_month_with_a_payslip_counts_nothing(self):
        self._payslip(
            self.contract, date_from=date(2026, 2, 1), date_to=date(2026, 2, 28)
        )
        months = self.activity._get_treasury_forecast(date=self.day)["months"]
        self.assertEqual(months[0]["flows"]["salaries"], -2209.92)
        self.assertEqual(months[1]["flows"]["salaries"], 0.0)
        self.assertLess(months[2]["flows"]["salaries"], 0.0)

    def test_contract_end(self):
        """Ends on 28 February: paid in January and February only (the
        contract is still running on the forecast's day; Odoo closes a
        contract whose end is before the real today, hence the state)."""
        self.contract.date_end = date(2026, 2, 28)
        self.contract.state = "open"
        months = self.activity._get_treasury_forecast(date=self.day)["months"]
        self.assertLess(months[1]["flows"]["salaries"], 0.0)
        self.assertEqual(months[2]["flows"]["salaries"], 0.0)

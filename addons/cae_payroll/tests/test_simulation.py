# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import Form

from .common import CaePayrollCommon


class TestSimulation(CaePayrollCommon):
    """Desired net → gross → labour cost → treasury left, by the payroll
    engine: a net before tax of 1,583.20 € needs 2,000.00 € gross (a cent
    less gives 1,583.19 €), March 2026, below 11 employees."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_cesa(cls.alice)

    def test_desired_net_to_gross_cost_and_remaining_treasury(self):
        wizard_form = Form(
            self.env["cae.salary.simulation"]
            .with_user(self.advisor)
            .with_context(default_entrepreneur_id=self.alice.id)
        )
        wizard_form.date = date(2026, 3, 31)
        wizard_form.desired_net = 1583.20
        wizard = wizard_form.save()
        self.assertRecordValues(
            wizard,
            [
                {
                    "gross": 2000.0,
                    "employee_contributions": 416.8,
                    "employer_contributions": 830.32,
                    "reduction": 629.4,
                    "cost": 2200.92,
                    "fundable": 0.0,
                    "remaining": -2200.92,
                }
            ],
        )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import Form

from .common import CaePayrollCommon


class TestSimulation(CaePayrollCommon):
    """Desired net → gross → total cost → treasury left (same rounding)."""

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
        wizard_form.desired_net = 1954.0
        wizard = wizard_form.save()
        self.assertRecordValues(
            wizard,
            [
                {
                    "gross": 2500.0,
                    "employee_rate": 21.84,
                    "employee_contributions": 546.0,
                    "employer_rate": 43.68,
                    "employer_contributions": 1092.0,
                    "cost": 3592.0,
                    "fundable": 0.0,
                    "remaining": -3592.0,
                }
            ],
        )

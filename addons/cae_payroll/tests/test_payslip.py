# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import CaePayrollCommon


class TestPayslip(CaePayrollCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_cesa(cls.alice)
        cls.contract = cls._contract(cls.alice, wage=2500.0)

    def test_full_time_monthly_gross(self):
        payslip = self._payslip(self.contract)
        self.assertEqual(
            self._lines(payslip),
            {
                "CAE_BASE": 2500.0,
                "CAE_GROSS": 2500.0,
                "CAE_EE_URSSAF": -420.75,
                "CAE_EE_OTHER": -125.25,
                "CAE_NET": 1954.0,
                "CAE_ER_URSSAF": 916.75,
                "CAE_ER_OTHER": 175.25,
                "CAE_COST": 3592.0,
            },
        )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError, ValidationError

from .common import CaePayrollCommon


class TestPayslip(CaePayrollCommon):
    """Three profiles computed by hand, March 2026.

    Rates: employee 16.83 % (URSSAF) and 5.01 % (others), employer 36.67 %
    and 7.01 %; each line rounded to the cent (half up).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_cesa(cls.alice)
        cls._make_cesa(cls.bob)

    def test_full_time_at_a_monthly_gross(self):
        contract = self._contract(self.alice, wage=2500.0)
        payslip = self._payslip(contract)
        # 2500 × 16.83 % = 420.75; × 5.01 % = 125.25; net 2500 − 546 = 1954
        # 2500 × 36.67 % = 916.75; × 7.01 % = 175.25; cost 2500 + 1092 = 3592
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
        self.assertRecordValues(
            payslip,
            [
                {
                    "cae_gross": 2500.0,
                    "cae_net": 1954.0,
                    "cae_employer_cost": 3592.0,
                    "cae_hourly_rate": 16.48,  # 2500 / 151.67
                    "cae_below_minimum_wage": False,
                    "cae_activity_id": self.alice.activity_id.id,
                }
            ],
        )

    def test_hours_at_an_hourly_rate_with_a_variable_part(self):
        contract = self._contract(
            self.alice,
            cae_wage_type="hourly",
            cae_monthly_hours=151.67,
            cae_hourly_rate=14.50,
        )
        # The contract's monthly gross follows hours × rate.
        self.assertEqual(contract.wage, 2199.22)
        payslip = self._payslip(contract, variable=350.0)
        # 151.67 h × 14.50 = 2199.215 → 2199.22; + 350 = 2549.22
        # 2549.22 × 16.83 % = 429.033726 → 429.03; × 5.01 % = 127.715922
        # → 127.72; net 2549.22 − 556.75 = 1992.47
        # 2549.22 × 36.67 % = 934.798974 → 934.80; × 7.01 % = 178.700322
        # → 178.70; cost 2549.22 + 1113.50 = 3662.72
        self.assertEqual(
            self._lines(payslip),
            {
                "CAE_BASE": 2199.22,
                "CAE_VAR": 350.0,
                "CAE_GROSS": 2549.22,
                "CAE_EE_URSSAF": -429.03,
                "CAE_EE_OTHER": -127.72,
                "CAE_NET": 1992.47,
                "CAE_ER_URSSAF": 934.80,
                "CAE_ER_OTHER": 178.70,
                "CAE_COST": 3662.72,
            },
        )
        base = payslip.line_ids.filtered(lambda line: line.code == "CAE_BASE")
        self.assertRecordValues(base, [{"quantity": 151.67, "amount": 14.50}])
        self.assertEqual(
            payslip._cae_net_in_words(),
            ("mille neuf cent quatre-vingt-douze euros et quarante-sept centimes"),
        )

    def test_part_time_near_the_minimum_wage(self):
        contract = self._contract(
            self.bob,
            cae_wage_type="hourly",
            cae_monthly_hours=86.67,
            cae_hourly_rate=12.05,
        )
        payslip = self._payslip(contract)
        # 86.67 h × 12.05 = 1044.3735 → 1044.37
        # × 16.83 % = 175.767471 → 175.77; × 5.01 % = 52.322937 → 52.32
        # net 1044.37 − 228.09 = 816.28
        # × 36.67 % = 382.970479 → 382.97; × 7.01 % = 73.210337 → 73.21
        # cost 1044.37 + 456.18 = 1500.55
        self.assertEqual(
            self._lines(payslip),
            {
                "CAE_BASE": 1044.37,
                "CAE_GROSS": 1044.37,
                "CAE_EE_URSSAF": -175.77,
                "CAE_EE_OTHER": -52.32,
                "CAE_NET": 816.28,
                "CAE_ER_URSSAF": 382.97,
                "CAE_ER_OTHER": 73.21,
                "CAE_COST": 1500.55,
            },
        )
        self.assertRecordValues(
            payslip,
            [
                {
                    "cae_hourly_rate": 12.05,
                    "cae_minimum_hourly_rate": 12.02,
                    "cae_below_minimum_wage": False,
                }
            ],
        )

    def test_rates_are_dated_parameters(self):
        """A company's own rate from a date changes the payslips after it."""
        parameter = self.env["cae.parameter"]._get_parameter(
            "cae_payroll_employer_other_rate"
        )
        self.env["cae.parameter.value"].create(
            {
                "parameter_id": parameter.id,
                "company_id": self.company.id,
                "date_from": date(2026, 3, 1),
                "value": 8.0,
            }
        )
        contract = self._contract(self.alice, wage=2500.0)
        payslip = self._payslip(contract)
        # 2500 × 8 % = 200; cost 2500 + 916.75 + 200 = 3616.75
        self.assertEqual(self._lines(payslip)["CAE_ER_OTHER"], 200.0)
        self.assertEqual(payslip.cae_employer_cost, 3616.75)

    def test_payslip_below_the_minimum_wage_cannot_be_confirmed(self):
        # 11.95 €/h was above the 11.88 € SMIC of 2025, not above 12.02 €.
        contract = self._contract(
            self.alice,
            cae_wage_type="hourly",
            cae_monthly_hours=151.67,
            cae_hourly_rate=11.95,
        )
        payslip = self._payslip(contract)
        self.assertTrue(payslip.cae_below_minimum_wage)
        self.assertEqual(payslip.cae_minimum_hourly_rate, 12.02)
        payslip._cae_accept_negative_balance("Test: treasury is not the point")
        with self.assertRaisesRegex(UserError, "below the minimum wage"):
            payslip.action_payslip_done()
        with self.assertRaisesRegex(UserError, "inférieur au SMIC"):
            payslip.with_context(lang="fr_FR").action_payslip_done()
        self.assertEqual(payslip.state, "verify")
        self.assertFalse(payslip.move_id)

    def test_minimum_wage_of_the_payslip_date(self):
        """December 2025 pays 11.95 €/h legally (SMIC 11.88 €)."""
        contract = self._contract(
            self.alice,
            cae_wage_type="hourly",
            cae_monthly_hours=151.67,
            cae_hourly_rate=11.95,
        )
        payslip = self._payslip(
            contract, date_from=date(2025, 12, 1), date_to=date(2025, 12, 31)
        )
        self.assertEqual(payslip.cae_minimum_hourly_rate, 11.88)
        self.assertFalse(payslip.cae_below_minimum_wage)

    def test_monthly_smic_is_not_below_the_hourly_smic(self):
        """1,823.03 € for 151.67 h is the SMIC of 2026 (12.02 × 35 × 52 / 12)."""
        contract = self._contract(self.alice, wage=1823.03)
        payslip = self._payslip(contract)
        self.assertEqual(payslip.cae_hourly_rate, 12.02)
        self.assertFalse(payslip.cae_below_minimum_wage)
        contract.wage = 1820.0
        self.assertTrue(payslip.cae_below_minimum_wage)

    def test_cesa_contract_is_posted_on_the_activity(self):
        contract = self._contract(self.alice, wage=2000.0)
        self.assertRecordValues(
            contract,
            [
                {
                    "cae_entrepreneur_id": self.alice.id,
                    "cae_activity_id": self.alice.activity_id.id,
                    "analytic_account_id": self.alice.analytic_account_id.id,
                    "struct_id": self.structure.id,
                    "journal_id": self.journal.id,
                }
            ],
        )
        with self.assertRaises(ValidationError):
            contract.analytic_account_id = self.bob.analytic_account_id

    def test_hourly_contract_defaults_to_full_time_hours(self):
        contract = self._contract(
            self.alice, cae_wage_type="hourly", cae_hourly_rate=12.10
        )
        # 151.67 h × 12.10 = 1835.207 → 1835.21
        self.assertRecordValues(
            contract, [{"cae_monthly_hours": 151.67, "wage": 1835.21}]
        )
        contract.cae_monthly_hours = 100.0
        self.assertEqual(contract.wage, 1210.0)

    def test_hourly_contract_needs_hours_and_rate(self):
        with self.assertRaises(ValidationError):
            self._contract(self.alice, cae_wage_type="hourly", cae_hourly_rate=0.0)

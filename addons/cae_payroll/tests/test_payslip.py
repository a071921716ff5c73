# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError, ValidationError

from .common import CaePayrollCommon


class TestPayslip(CaePayrollCommon):
    """Three profiles, March 2026, a company below 11 employees.

    Every contribution separately, from the dated 2026 parameters (the same
    engine is checked against OpenFisca-France in test_openfisca_oracle);
    each total is its exact value rounded to the cent.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_cesa(cls.alice)
        cls._make_cesa(cls.bob)

    def test_full_time_at_a_monthly_gross(self):
        contract = self._contract(self.alice, wage=2500.0)
        payslip = self._payslip(contract)
        # Old age capped 6.90 % of 2,500 = 172.50; CSG deductible 6.80 % of
        # 98.25 % = 167.03; general reduction 2026: 0.1719 × 2,500 = 429.75.
        self.maxDiff = None
        self.assertEqual(
            self._lines(payslip),
            {
                "CAE_BASE": 2500.0,
                "CAE_GROSS": 2500.0,
                "CAE_EE_OLD_AGE_CAPPED": -172.5,
                "CAE_EE_OLD_AGE": -10.0,
                "CAE_EE_AA_T1": -78.75,
                "CAE_EE_CEG_T1": -21.5,
                "CAE_EE_CSG_DEDUCTIBLE": -167.03,
                "CAE_EE_CSG_NON_DEDUCTIBLE": -58.95,
                "CAE_EE_CRDS": -12.28,
                "CAE_NET_BT": 1978.99,
                "CAE_PAS": -71.76,
                "CAE_NET": 1907.23,
                "CAE_ER_HEALTH": 325.0,
                "CAE_ER_WORK_ACCIDENT": 17.5,
                "CAE_ER_OLD_AGE_CAPPED": 213.75,
                "CAE_ER_OLD_AGE": 52.75,
                "CAE_ER_AA_T1": 118.0,
                "CAE_ER_CEG_T1": 32.25,
                "CAE_ER_FAMILY": 131.25,
                "CAE_ER_UNEMPLOYMENT": 100.0,
                "CAE_ER_AGS": 6.25,
                "CAE_ER_AUTONOMY": 7.5,
                "CAE_ER_HOUSING_SMALL": 2.5,
                "CAE_ER_SOCIAL_DIALOGUE": 0.4,
                "CAE_ER_TRAINING_SMALL": 13.75,
                "CAE_ER_APPRENTICESHIP": 17.0,
                "CAE_RED": -429.75,
                "CAE_COST": 3108.15,
            },
        )
        self.assertRecordValues(
            payslip,
            [
                {
                    "cae_gross": 2500.0,
                    "cae_employee_total": 521.01,
                    "cae_net_before_tax": 1978.99,
                    "cae_tax": 71.76,
                    "cae_net": 1907.23,
                    "cae_employer_total": 1037.9,
                    "cae_reduction": 429.75,
                    "cae_employer_cost": 3108.15,
                    "cae_taxable": 2050.22,
                    "cae_tax_rate": 3.5,
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
        self.maxDiff = None
        self.assertEqual(
            self._lines(payslip),
            {
                "CAE_BASE": 2199.22,
                "CAE_VAR": 350.0,
                "CAE_GROSS": 2549.22,
                "CAE_EE_OLD_AGE_CAPPED": -175.9,
                "CAE_EE_OLD_AGE": -10.2,
                "CAE_EE_AA_T1": -80.3,
                "CAE_EE_CEG_T1": -21.92,
                "CAE_EE_CSG_DEDUCTIBLE": -170.32,
                "CAE_EE_CSG_NON_DEDUCTIBLE": -60.11,
                "CAE_EE_CRDS": -12.52,
                "CAE_NET_BT": 2017.95,
                "CAE_PAS": -73.17,
                "CAE_NET": 1944.78,
                "CAE_ER_HEALTH": 331.4,
                "CAE_ER_WORK_ACCIDENT": 17.85,
                "CAE_ER_OLD_AGE_CAPPED": 217.96,
                "CAE_ER_OLD_AGE": 53.79,
                "CAE_ER_AA_T1": 120.32,
                "CAE_ER_CEG_T1": 32.88,
                "CAE_ER_FAMILY": 133.83,
                "CAE_ER_UNEMPLOYMENT": 101.97,
                "CAE_ER_AGS": 6.37,
                "CAE_ER_AUTONOMY": 7.65,
                "CAE_ER_HOUSING_SMALL": 2.55,
                "CAE_ER_SOCIAL_DIALOGUE": 0.41,
                "CAE_ER_TRAINING_SMALL": 14.02,
                "CAE_ER_APPRENTICESHIP": 17.33,
                "CAE_RED": -414.5,
                "CAE_COST": 3193.05,
            },
        )
        base = payslip.line_ids.filtered(lambda line: line.code == "CAE_BASE")
        self.assertRecordValues(
            base, [{"cae_quantity": 151.67, "cae_rate": 14.50, "total": 2199.22}]
        )
        self.assertEqual(
            payslip._cae_net_in_words(),
            "mille neuf cent quarante-quatre euros et soixante-dix-huit centimes",
        )

    def test_part_time_near_the_minimum_wage(self):
        contract = self._contract(
            self.bob,
            cae_wage_type="hourly",
            cae_monthly_hours=86.67,
            cae_hourly_rate=12.05,
        )
        payslip = self._payslip(contract)
        # 86.67 h × 12.05 = 1044.3735 → 1044.37; part time: ceiling and SMIC
        # prorated by 86.67 / 151.67, hence the general reduction.
        self.maxDiff = None
        self.assertEqual(
            self._lines(payslip),
            {
                "CAE_BASE": 1044.37,
                "CAE_GROSS": 1044.37,
                "CAE_EE_OLD_AGE_CAPPED": -72.06,
                "CAE_EE_OLD_AGE": -4.18,
                "CAE_EE_AA_T1": -32.9,
                "CAE_EE_CEG_T1": -8.98,
                "CAE_EE_CSG_DEDUCTIBLE": -69.77,
                "CAE_EE_CSG_NON_DEDUCTIBLE": -24.63,
                "CAE_EE_CRDS": -5.13,
                "CAE_NET_BT": 826.72,
                "CAE_PAS": -0.0,
                "CAE_NET": 826.72,
                "CAE_ER_HEALTH": 135.77,
                "CAE_ER_WORK_ACCIDENT": 7.31,
                "CAE_ER_OLD_AGE_CAPPED": 89.29,
                "CAE_ER_OLD_AGE": 22.04,
                "CAE_ER_AA_T1": 49.29,
                "CAE_ER_CEG_T1": 13.47,
                "CAE_ER_FAMILY": 54.83,
                "CAE_ER_UNEMPLOYMENT": 41.77,
                "CAE_ER_AGS": 2.61,
                "CAE_ER_AUTONOMY": 3.13,
                "CAE_ER_HOUSING_SMALL": 1.04,
                "CAE_ER_SOCIAL_DIALOGUE": 0.17,
                "CAE_ER_TRAINING_SMALL": 5.74,
                "CAE_ER_APPRENTICESHIP": 7.1,
                "CAE_RED": -413.15,
                "CAE_COST": 1064.78,
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
        """A company's own rate from a date changes the payslips after it:
        the work accident rate notified by its CARSAT."""
        parameter = self.env["cae.parameter"]._get_parameter("cae_pay_er_work_accident")
        self.env["cae.parameter.value"].create(
            {
                "parameter_id": parameter.id,
                "company_id": self.company.id,
                "date_from": date(2026, 3, 1),
                "value": 2.0,
            }
        )
        contract = self._contract(self.alice, wage=2500.0)
        payslip = self._payslip(contract)
        # 2500 × 2 % = 50 instead of 17.50; cost 3108.15 + 32.50 = 3140.65
        self.assertEqual(self._lines(payslip)["CAE_ER_WORK_ACCIDENT"], 50.0)
        self.assertEqual(payslip.cae_employer_cost, 3140.65)
        february = self._payslip(
            contract, date_from=date(2026, 2, 1), date_to=date(2026, 2, 28)
        )
        self.assertEqual(self._lines(february)["CAE_ER_WORK_ACCIDENT"], 17.5)

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

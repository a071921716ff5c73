# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The French payroll engine, without the ORM, on the module's own data.

The parameters are read from the data files the module loads
(``tools.openfisca_map.parameters_from_xml``), so these tests check the
legal figures as shipped. OpenFisca-France checks the same engine through
real payslips in test_openfisca_oracle.py.
"""

import doctest
import unittest
from datetime import date
from pathlib import Path

from ..tools import french_payroll
from ..tools.french_payroll import (
    Case,
    compute,
    gross_from_cost,
    gross_from_net,
    round_cents,
)
from ..tools.openfisca_map import parameters_from_xml

DATA = Path(__file__).resolve().parent.parent / "data"


def params_on(day, **changes):
    params = parameters_from_xml(sorted(DATA.glob("cae_parameter*.xml")), day)
    params.update(changes)
    return params


JANUARY = (date(2026, 1, 1), date(2026, 1, 31))
JUNE = (date(2026, 6, 1), date(2026, 6, 30))


def case(gross, period=JANUARY, hours=151.67, **values):
    return Case(period[0], period[1], gross, hours, **values)


class TestFrenchPayroll(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.january = params_on(date(2026, 1, 31))
        cls.june = params_on(date(2026, 6, 30))

    def test_doctests(self):
        for module in (french_payroll,):
            result = doctest.testmod(module)
            self.assertFalse(result.failed, module.__name__)
            self.assertGreater(result.attempted, 2, module.__name__)

    def test_reference_case_of_the_issue(self):
        """January 2026, non-executive, full time, 20 employees, desired net
        1,583.20 €: gross 2,000.00 €, general reduction 629.40 € (OpenFisca-
        France gives the same; its labour cost is 2,208.92 € with its AGS
        rate of 0.20 %, 2,209.92 € with the AGS rate of 0.25 % in force)."""
        gross = gross_from_net(1583.20, case(0.0, headcount=20), self.january)
        self.assertEqual(gross, 2000.0)
        result = compute(case(gross, headcount=20), self.january)
        self.assertEqual(result.net_before_tax, 1583.20)
        self.assertEqual(result.employee_social, 226.20)
        self.assertEqual(result.employee_total, 416.80)
        self.assertEqual(result.employer_total, 839.32)
        self.assertEqual(result.coefficient, 0.3147)
        self.assertEqual(result.reduction, 629.40)
        self.assertEqual(result.cost, 2209.92)
        self.assertEqual(result.taxable, 1640.18)
        self.assertEqual(result.item("AGS").employer, 5.0)
        self.assertEqual(result.item("TRAINING_LARGE").employer, 20.0)
        self.assertIsNone(result.item("TRAINING_SMALL"))
        self.assertIsNone(result.item("APEC"))
        self.assertEqual(
            gross_from_cost(2209.92, case(0.0, headcount=20), self.january), 2000.0
        )

    def test_every_contribution_separately(self):
        result = compute(case(2000.0, headcount=20), self.january)
        self.assertEqual(
            [item.code for item in result.items],
            [
                "HEALTH",
                "WORK_ACCIDENT",
                "OLD_AGE_CAPPED",
                "OLD_AGE",
                "AA_T1",
                "CEG_T1",
                "FAMILY",
                "UNEMPLOYMENT",
                "AGS",
                "AUTONOMY",
                "HOUSING_SMALL",
                "SOCIAL_DIALOGUE",
                "TRAINING_LARGE",
                "APPRENTICESHIP",
                "CSG_DEDUCTIBLE",
                "CSG_NON_DEDUCTIBLE",
                "CRDS",
            ],
        )
        old_age = result.item("OLD_AGE_CAPPED")
        self.assertEqual(
            (old_age.base, old_age.employee_rate, old_age.employee, old_age.employer),
            (2000.0, 6.9, 138.0, 171.0),
        )
        csg = result.item("CSG_DEDUCTIBLE")
        self.assertEqual((csg.base, csg.employee), (1965.0, 133.62))

    def test_executive_above_the_ceiling(self):
        """Tranches 1 and 2, CET, APEC up to 4 ceilings, the executives'
        welfare of 1.50 % of tranche 1 in the CSG/CRDS base and under the
        forfait social (from 11 employees), FNAL and construction from 50."""
        result = compute(case(6000.0, headcount=60, executive=True), self.january)
        t2 = result.item("AA_T2")
        self.assertEqual(t2.base, 1995.0)
        self.assertEqual(result.item("AA_T1").base, 4005.0)
        self.assertEqual(result.item("CET").base, 6000.0)
        self.assertEqual(result.item("APEC").employer, 2.16)
        welfare = result.item("EXEC_WELFARE")
        self.assertEqual(welfare.base, 4005.0)
        self.assertAlmostEqual(welfare.employer, 60.075, delta=0.01)
        self.assertEqual(result.item("FLAT_SOCIAL").employer, 4.81)
        self.assertAlmostEqual(result.item("CSG_DEDUCTIBLE").base, 5895.0 + 60.075)
        self.assertEqual(result.item("HOUSING_LARGE").employer, 30.0)
        self.assertEqual(result.item("CONSTRUCTION").employer, 27.0)
        self.assertEqual(result.reduction, 0.0)

    def test_unemployment_and_csg_abatement_stop_at_four_ceilings(self):
        result = compute(case(20025.0, headcount=20), self.january)
        self.assertEqual(result.item("UNEMPLOYMENT").base, 16020.0)
        self.assertEqual(result.item("AA_T2").base, 20025.0 - 4005.0)
        # 98.25 % of 4 ceilings, the rest at 100 %.
        self.assertAlmostEqual(
            result.item("CRDS").base, 16020.0 * 0.9825 + 4005.0, places=6
        )

    def test_part_time_prorates_the_ceiling_and_the_minimum_wage(self):
        result = compute(case(1500.0, hours=86.67, headcount=5), self.january)
        self.assertEqual(result.pmss, round(4005.0 * 86.67 / 151.67, 2))
        self.assertAlmostEqual(result.smic, 12.02 * 86.67, places=6)
        self.assertEqual(result.item("TRAINING_SMALL").employer, 8.25)

    def test_entry_during_the_month(self):
        """Entry on Wednesday 14 January 2026: 18 calendar days of 30 for
        the ceiling (CSS R242-2), 13 working days of 22 for the SMIC."""
        result = compute(
            case(1200.0, headcount=5, contract_start=date(2026, 1, 14)), self.january
        )
        self.assertEqual(result.pmss, round(4005.0 * 18 / 30, 2))
        self.assertAlmostEqual(result.smic, 12.02 * 151.67 * 13 / 22, places=6)

    def test_general_reduction_nil_from_three_smic(self):
        smic = 12.02 * 151.67
        below = compute(case(round(3 * smic - 1, 2), headcount=20), self.january)
        above = compute(case(round(3 * smic + 1, 2), headcount=20), self.january)
        self.assertEqual(below.coefficient, 0.02)
        self.assertGreater(below.reduction, 0)
        self.assertEqual(above.reduction, 0.0)
        # At the SMIC, the largest coefficient: Tmin + Tdelta.
        at_smic = compute(case(round(smic, 2), headcount=20), self.january)
        self.assertEqual(at_smic.coefficient, 0.3981)
        large = compute(case(round(smic, 2), headcount=60), self.january)
        self.assertEqual(large.coefficient, 0.4021)

    def test_general_reduction_regularised_on_the_year(self):
        """A pay that varies: the coefficient of June is computed on the
        pay and the SMIC cumulated since January, and the month's reduction
        is the year's reduction less what January to May deducted (CSS
        D241-7: annual computation, monthly regularisation)."""
        params = self.june
        months = [(date(2026, m, 1), date(2026, m, 28)) for m in range(1, 6)]
        ytd = [0.0, 0.0, 0.0]
        for index, (start, _end) in enumerate(months):
            end = start.replace(day=28) if start.month == 2 else start.replace(day=30)
            if start.month in (1, 3, 5):
                end = start.replace(day=31)
            pay = 1900.0 if index % 2 else 4000.0
            month = compute(
                Case(
                    start,
                    end,
                    pay,
                    151.67,
                    headcount=20,
                    ytd_base=ytd[0],
                    ytd_smic=ytd[1],
                    ytd_reduction=ytd[2],
                ),
                params,
            )
            ytd = [ytd[0] + pay, ytd[1] + month.smic, ytd[2] + month.reduction]
        june = compute(
            case(
                1900.0,
                JUNE,
                headcount=20,
                ytd_base=ytd[0],
                ytd_smic=ytd[1],
                ytd_reduction=ytd[2],
            ),
            params,
        )
        pay = ytd[0] + 1900.0
        smic = ytd[1] + june.smic
        factor = (0.5 * (3 * smic / pay - 1)) ** 1.75
        coefficient = 0.02 + round(0.3781 * factor, 4)
        self.assertEqual(june.coefficient, coefficient)
        self.assertEqual(june.reduction, round(coefficient * pay - ytd[2], 2))
        # The SMIC of the reduction stays the one of 1 January 2026.
        self.assertAlmostEqual(june.smic, 12.02 * 151.67, places=6)

    def test_reduced_health_and_family_rates_until_2025(self):
        """The thresholds are data: 2.25 and 3.3 SMIC in 2025, none from
        2026 (folded into the RGDU by the LFSS 2025, art. 18)."""
        self.assertEqual(self.january["cae_pay_health_reduced_threshold"], 0.0)
        self.assertEqual(self.january["cae_pay_family_reduced_threshold"], 0.0)
        params_2025 = params_on(date(2025, 12, 31))
        self.assertEqual(params_2025["cae_pay_health_reduced_threshold"], 2.25)
        self.assertEqual(params_2025["cae_pay_family_reduced_threshold"], 3.3)
        params = dict(
            self.january,
            cae_pay_health_reduced_threshold=2.25,
            cae_pay_family_reduced_threshold=3.3,
        )
        result = compute(case(2000.0, headcount=20), params)
        self.assertEqual(result.item("HEALTH").employer_rate, 7.0)
        self.assertEqual(result.item("FAMILY").employer_rate, 3.45)
        high = compute(case(7000.0, headcount=20), params)
        self.assertEqual(high.item("HEALTH").employer_rate, 13.0)

    def test_withholding_tax_personal_or_neutral(self):
        neutral = compute(case(2000.0, headcount=20), self.january)
        self.assertEqual((neutral.taxable, neutral.tax_rate), (1640.18, 0.5))
        self.assertEqual(neutral.tax, 8.2)
        self.assertEqual(neutral.net_to_pay, 1575.0)
        personal = compute(case(2000.0, headcount=20, tax_rate=7.4), self.january)
        self.assertEqual(personal.tax, round(1640.18 * 0.074, 2))
        overseas = compute(case(2000.0, headcount=20, tax_zone="gmr"), self.january)
        self.assertEqual(overseas.tax_rate, 0.5)
        below = compute(case(1900.0, headcount=20, tax_zone="gm"), self.january)
        self.assertEqual(below.tax_rate, 0.0)

    def test_inverse_problems_are_exact_to_the_cent(self):
        for headcount in (5, 20, 60):
            for executive in (False, True):
                base = case(0.0, headcount=headcount, executive=executive)
                for net in (1426.30, 1583.20, 2500.0, 4321.99, 9876.54):
                    gross = gross_from_net(net, base, self.january)
                    self.assertGreaterEqual(
                        compute(base.replace(gross=gross), self.january).net_before_tax,
                        net,
                    )
                    self.assertLess(
                        compute(
                            base.replace(gross=round(gross - 0.01, 2)), self.january
                        ).net_before_tax,
                        net,
                    )
                for cost in (2208.92, 3000.0, 7777.77, 15000.0):
                    gross = gross_from_cost(cost, base, self.january)
                    self.assertLessEqual(
                        compute(base.replace(gross=gross), self.january).cost, cost
                    )
                    self.assertGreater(
                        compute(
                            base.replace(gross=round(gross + 0.01, 2)), self.january
                        ).cost,
                        cost,
                    )

    def test_rounding_of_the_lines_and_totals(self):
        """Each contribution is rounded on its own, each tranche apart
        (unemployment and APEC up to the ceiling, then above it), as
        OpenFisca-France rounds its scales; CSG/CRDS and the employer's
        flat-rate lines are rounded so that their total is their exact
        total rounded; the net pay before tax is its exact value (after the
        rounded contributions) rounded.
        No line is more than a cent from its exact value."""
        for gross in (1823.07, 2345.67, 4005.01, 7654.32, 13579.11):
            result = compute(case(gross, headcount=60, executive=True), self.january)
            exact = {
                item.code: (
                    item.base * item.employee_rate / 100.0,
                    item.base * item.employer_rate / 100.0,
                )
                for item in result.items
            }
            for item in result.items:
                employee, employer = exact[item.code]
                self.assertAlmostEqual(item.employee, employee, delta=0.01)
                self.assertAlmostEqual(item.employer, employer, delta=0.01)
                if item.code in french_payroll.SPLIT_AT_CEILING:
                    continue  # rounded tranche by tranche
                if item.code not in french_payroll.ROUNDED_TOGETHER:
                    self.assertEqual(item.employer, round_cents(employer))
                if item.code not in french_payroll.CSG_CODES:
                    self.assertEqual(item.employee, round_cents(employee))
            together = [
                item
                for item in result.items
                if item.code in french_payroll.ROUNDED_TOGETHER
            ]
            self.assertAlmostEqual(
                sum(item.employer for item in together),
                round_cents(sum(exact[item.code][1] for item in together)),
                places=6,
            )
            net = gross - sum(
                exact[item.code][0]
                if item.code in french_payroll.CSG_CODES
                else item.employee
                for item in result.items
            )
            self.assertAlmostEqual(result.net_before_tax, net, delta=0.005 + 1e-9)

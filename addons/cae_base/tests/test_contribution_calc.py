# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import doctest
import unittest

from odoo.addons.cae_base.tools import contribution_calc
from odoo.addons.cae_base.tools.contribution_calc import (
    ActivityFigures,
    RuleTerms,
    compute_contribution,
)


def cents(amount):
    return round(amount, 2)


class TestContributionCalc(unittest.TestCase):
    """Each base by hand, without database."""

    figures = ActivityFigures(
        turnover=3345.67,
        resold_purchases=400.0,
        invoiced=3345.67,
        invoice_count=2,
        deduction=40.0,
    )

    def test_doctests(self):
        result = doctest.testmod(contribution_calc)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_bases(self):
        cases = [
            # (terms, expected amount, why)
            (RuleTerms("turnover", 8.5), 284.38, "3,345.67 × 8.5 % = 284.38195"),
            (RuleTerms("margin", 10.0), 294.57, "(3,345.67 − 400) × 10 % = 294.567"),
            (
                RuleTerms("invoice", 6.5, yearly_fee=25.0, yearly_fee_due=True),
                242.47,
                "3,345.67 × 6.5 % + 25 = 242.46855",
            ),
            (
                RuleTerms("invoice", 6.5, yearly_fee=25.0, yearly_fee_due=False),
                217.47,
                "fee already charged this year: 217.46855",
            ),
            (RuleTerms("fixed", 0.0, fixed_amount=150.0, months=3), 450.0, "3 × 150"),
            (
                RuleTerms("fixed", 0.0, fixed_amount=150.0, months=3, amount_max=140.0),
                420.0,
                "capped at 3 × 140",
            ),
        ]
        plain = self.figures._replace(deduction=0.0)
        for terms, expected, why in cases:
            with self.subTest(base=terms.base, why=why):
                result = compute_contribution(plain, terms, round_amount=cents)
                self.assertEqual(result.amount, expected)

    def test_deductible_expenses(self):
        result = compute_contribution(
            self.figures, RuleTerms("turnover", 10.0), round_amount=cents
        )
        self.assertEqual(result.base_amount, 3305.67)
        self.assertEqual(result.deduction, 40.0)
        self.assertEqual(result.amount, 330.57)
        # A deduction larger than the base leaves nothing, not a refund.
        small = ActivityFigures(turnover=30.0, deduction=40.0)
        result = compute_contribution(small, RuleTerms("turnover", 10.0))
        self.assertEqual(
            (result.base_amount, result.deduction, result.amount), (0, 30, 0)
        )

    def test_minimum_and_maximum(self):
        terms = RuleTerms("turnover", 10.0, amount_min=50.0, amount_max=300.0)
        for turnover, expected, limit in (
            (300.0, 50.0, "min"),
            (1000.0, 100.0, False),
            (3345.67, 300.0, "max"),
            (0.0, 0.0, False),
        ):
            with self.subTest(turnover=turnover):
                result = compute_contribution(
                    ActivityFigures(turnover=turnover), terms, round_amount=cents
                )
                self.assertEqual((result.amount, result.limit), (expected, limit))

    def test_per_invoice(self):
        """Rounded invoice by invoice; a refund is a negative invoice; the
        deductible expenses take their own rounded share back."""
        terms = RuleTerms("invoice", 6.5)
        for amounts, deduction, expected in (
            ((100.1, 100.1, 100.1), 0.0, 19.53),
            ((100.1, 100.1, -100.1), 0.0, 6.51),
            ((100.1,), 0.1, 6.5),
            ((-100.1,), 0.0, 0.0),
        ):
            figures = ActivityFigures(
                invoiced=sum(amounts),
                invoice_count=len(amounts),
                invoice_amounts=amounts,
                deduction=deduction,
            )
            with self.subTest(amounts=amounts, deduction=deduction):
                result = compute_contribution(figures, terms, round_amount=cents)
                self.assertEqual(result.amount, expected)

    def test_minimum_and_maximum_per_month(self):
        terms = RuleTerms("turnover", 10.0, months=3, amount_min=50.0, amount_max=100.0)
        for turnover, expected in ((1000.0, 150.0), (2000.0, 200.0), (5000.0, 300.0)):
            with self.subTest(turnover=turnover):
                result = compute_contribution(
                    ActivityFigures(turnover=turnover), terms, round_amount=cents
                )
                self.assertEqual(result.amount, expected)

    def test_rounding_once(self):
        """8.5 % of 100.05 is 8.50425: rounded once, not per step."""
        result = compute_contribution(
            ActivityFigures(turnover=100.05), RuleTerms("turnover", 8.5), cents
        )
        self.assertEqual(result.proportional_amount, 100.05 * 8.5 / 100)
        self.assertEqual(result.amount, 8.5)

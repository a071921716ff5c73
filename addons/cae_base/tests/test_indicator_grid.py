# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import doctest
import random
import unittest

from odoo.tools import float_round

from odoo.addons.cae_base.tools import indicator_grid
from odoo.addons.cae_base.tools.indicator_grid import (
    CycleError,
    IndicatorDef,
    IndicatorGrid,
    PrefixError,
    amount_rounder,
    parse_prefixes,
)


class TestIndicatorGrid(unittest.TestCase):
    """The pure engine, without database."""

    def test_doctests(self):
        result = doctest.testmod(indicator_grid)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_amount_rounder_is_float_round(self):
        """The grid's rounding gives Odoo's figures, ties and ulps included
        (2.675 is 2.67499999999999982236431605997495353221893310546875)."""
        draw = random.Random(16)
        amounts = [draw.uniform(-1e7, 1e7) for _i in range(20000)]
        amounts += [
            sign * (units + fraction)
            for units in range(0, 100000, 97)
            for fraction in (0.005, 0.015, 0.675, 0.125, 0.0049999, 0.5, 0.025)
            for sign in (1, -1)
        ]
        for rounding in (0.01, 0.05, 0.001, 1.0, 5.0):
            round_ = amount_rounder(rounding)
            wrong = [
                amount
                for amount in amounts
                if round_(amount) != float_round(amount, precision_rounding=rounding)
            ]
            with self.subTest(rounding=rounding):
                self.assertEqual(wrong, [])
        self.assertEqual(amount_rounder(0.01)(-0.0), 0.0)
        self.assertEqual(str(amount_rounder(0.01)(-0.001)), "0.0")

    def test_bad_prefixes(self):
        for text in ("", " , ", "-421", "42;43", "4 2", "42,-"):
            with self.subTest(text=text), self.assertRaises(PrefixError):
                parse_prefixes(text)

    def test_french_grid_mapping(self):
        grid = IndicatorGrid(
            [
                IndicatorDef("taxes_due", "accounts", "42,43,44,-421,-425"),
                IndicatorDef("salaries", "accounts", "421"),
                IndicatorDef("claims", "accounts", "425"),
                IndicatorDef("cash", "accounts", "5"),
            ]
        )
        codes = {
            1: "421000",
            2: "425100",
            3: "431000",
            4: "445710",
            5: "512001",
            6: "411100",
            7: "4210",
        }
        self.assertEqual(
            grid.account_mapping(codes),
            {
                1: ["salaries"],
                2: ["claims"],
                3: ["taxes_due"],
                4: ["taxes_due"],
                5: ["cash"],
                7: ["salaries"],
            },
        )
        self.assertEqual(grid.account_mapping(codes, leaves={"cash"}), {5: ["cash"]})

    def test_sums_of_sums_and_cycles(self):
        grid = IndicatorGrid(
            [
                IndicatorDef("total", "sum", operands=("sub", "c")),
                IndicatorDef("sub", "sum", operands=("a", "b"), sign=-1),
                IndicatorDef("a", "accounts", "1"),
                IndicatorDef("b", "accounts", "2"),
                IndicatorDef("c", "accounts", "3"),
            ]
        )
        values = grid.evaluate({"a": 10.0, "b": 5.0, "c": 1.0})
        self.assertEqual(values["sub"], -15.0)
        self.assertEqual(values["total"], -14.0)
        self.assertEqual(grid.leaves_needed(["sub"]), {"a", "b"})
        with self.assertRaises(CycleError):
            IndicatorGrid(
                [
                    IndicatorDef("x", "sum", operands=("y",)),
                    IndicatorDef("y", "sum", operands=("x",)),
                ]
            )

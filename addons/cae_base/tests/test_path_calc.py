# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import doctest
import unittest
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.addons.cae_base.tools import path_calc
from odoo.addons.cae_base.tools.path_calc import (
    Period,
    last_day,
    reduced_limit,
    whole_months_until,
)


class TestPathCalc(unittest.TestCase):
    """The arithmetic of L7331-3 and L7332-1 by hand, without database.

    Both articles count N months from the CESA "minoré(e)" of the duration
    of the contracts concluded before: see ``path_calc``'s docstring.
    """

    def test_doctests(self):
        result = doctest.testmod(path_calc)
        self.assertFalse(result.failed)
        self.assertGreater(result.attempted, 8)

    def test_reduced_limit_table(self):
        cesa = date(2024, 1, 1)
        cases = [
            # (earlier contracts, months, expected, why)
            ([], 36, date(2027, 1, 1), "no earlier contract: the CESA's 3 years"),
            (
                [Period(date(2023, 1, 1), date(2023, 12, 31))],
                36,
                date(2026, 1, 1),
                "a CAPE of 12 months just before",
            ),
            (
                [Period(date(2023, 1, 1), date(2023, 9, 30))],
                36,
                date(2026, 4, 1),
                "a CAPE of 9 months, 3 months of gap: 36 - 9 months",
            ),
            (
                [
                    Period(date(2022, 1, 1), date(2022, 6, 30)),
                    Period(date(2023, 1, 1), date(2023, 9, 30)),
                ],
                36,
                date(2025, 10, 1),
                "another contract of 6 months and a CAPE of 9: 36 - 15 months",
            ),
            (
                [
                    Period(date(2023, 1, 1), date(2023, 9, 30)),
                    Period(date(2023, 6, 1), date(2023, 12, 31)),
                ],
                36,
                date(2026, 1, 1),
                "overlapping contracts count once: 12 months in all",
            ),
            (
                [Period(date(2023, 3, 1), date(2024, 1, 1))],
                36,
                date(2026, 3, 1),
                "the day shared with the CESA counts once, for the CESA",
            ),
            (
                [Period(date(2023, 6, 1), None)],
                36,
                date(2026, 6, 1),
                "a contract still running counts up to the CESA",
            ),
            (
                [Period(date(2020, 1, 1), date(2022, 12, 31))],
                36,
                cesa,
                "36 months of CAPE leave no delay at all",
            ),
            (
                [Period(date(2023, 10, 1), date(2023, 12, 31))],
                8,
                date(2024, 6, 1),
                "trial period: 8 months less a CAPE of 3 months",
            ),
            (
                [Period(date(2023, 1, 1), date(2023, 12, 31))],
                8,
                cesa,
                "trial period: nothing left after a CAPE of 12 months",
            ),
            (
                [Period(date(2024, 2, 1), date(2024, 3, 1))],
                36,
                date(2027, 1, 1),
                "a contract after the CESA's start does not count",
            ),
        ]
        for earlier, months, expected, why in cases:
            with self.subTest(why):
                self.assertEqual(reduced_limit(cesa, months, earlier), expected)

    def test_no_gap_is_exactly_n_months_after_the_first_contract(self):
        """Whatever the length of the months between (February, leap years)."""
        for start, cesa in (
            (date(2024, 1, 15), date(2024, 3, 1)),
            (date(2023, 1, 31), date(2023, 3, 1)),
            (date(2024, 2, 29), date(2024, 11, 1)),
        ):
            cape = Period(start, cesa - path_calc.ONE_DAY)
            with self.subTest(start=start):
                self.assertEqual(
                    reduced_limit(cesa, 36, [cape]), start + relativedelta(years=3)
                )

    def test_terms(self):
        self.assertEqual(last_day(date(2024, 3, 1), 12), date(2025, 2, 28))
        self.assertEqual(last_day(date(2024, 2, 1), 12), date(2025, 1, 31))
        self.assertEqual(whole_months_until(date(2024, 1, 1), date(2024, 6, 1), 8), 5)
        self.assertEqual(whole_months_until(date(2024, 1, 1), date(2025, 1, 1), 8), 8)
        self.assertEqual(whole_months_until(date(2024, 1, 1), date(2024, 1, 31), 8), 0)

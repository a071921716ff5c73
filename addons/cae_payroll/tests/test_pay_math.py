# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import doctest
import unittest

from ..models import pay_math


class TestPayMath(unittest.TestCase):
    """The pure pay arithmetic, without the ORM (and its doctests)."""

    rnd = staticmethod(lambda amount: round(amount + 0.0, 2))
    employee = [16.83, 5.01]
    employer = [36.67, 7.01]

    def test_doctests(self):
        result = doctest.testmod(pay_math)
        self.assertFalse(result.failed)
        self.assertGreater(result.attempted, 5)

    def test_gross_from_net_reaches_the_net_to_the_cent(self):
        for net in (816.28, 1426.30, 1992.47, 2500.0, 3333.33):
            gross = pay_math.gross_from_net(net, self.employee, self.rnd)
            self.assertGreaterEqual(
                pay_math.net_from_gross(gross, self.employee, self.rnd), net
            )
            self.assertLess(
                pay_math.net_from_gross(gross - 0.01, self.employee, self.rnd), net
            )

    def test_fundable_gross_is_the_highest_gross_that_fits(self):
        for available in (1500.55, 3592.0, 3662.71, 10000.0):
            gross = pay_math.fundable_gross(available, self.employer, self.rnd)
            self.assertLessEqual(
                pay_math.cost_from_gross(gross, self.employer, self.rnd), available
            )
            self.assertGreater(
                pay_math.cost_from_gross(gross + 0.01, self.employer, self.rnd),
                available,
            )

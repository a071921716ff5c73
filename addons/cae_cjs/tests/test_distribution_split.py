# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sharing arithmetic, without the ORM."""

import random
import unittest
from fractions import Fraction

from ..tools import distribution as d


class TestSplit(unittest.TestCase):
    def test_thousand_euros_among_three_equal_shares(self):
        self.assertEqual(d.split(100000, d.equal_weights(3)), [33334, 33333, 33333])

    def test_two_cents_left_go_to_the_first_two(self):
        self.assertEqual(d.split(200, d.equal_weights(3)), [67, 67, 66])

    def test_largest_remainder_wins_before_the_order(self):
        # 10.00 by hours 1, 1, 1.5: exact 285.714..., 285.714..., 428.571...
        # cents; the two cents left go to the remainders .714, not to .571.
        cents = d.split(1000, d.hours_weights([1, 1, 1.5]))
        self.assertEqual(cents, [286, 286, 428])

    def test_hours_key_with_a_participant_at_zero_hours(self):
        cents = d.split(90000, d.hours_weights([30, 0, 60]))
        self.assertEqual(cents, [30000, 0, 60000])

    def test_mix_key(self):
        # 900.00, 40 % by hours (10, 20, 30): equal part 180.00 each, hours
        # part 360.00 × 1/6, 2/6, 3/6 = 60, 120, 180.
        cents = d.split(90000, d.mix_weights([10, 20, 30], 0.4))
        self.assertEqual(cents, [24000, 30000, 36000])

    def test_mix_key_at_the_ends(self):
        hours = [10, 0, 30]
        self.assertEqual(d.mix_weights(hours, 0), d.equal_weights(3))
        self.assertEqual(d.mix_weights(hours, 1), d.hours_weights(hours))
        self.assertEqual(d.mix_weights([0, 0], 0), d.equal_weights(2))

    def test_hours_as_written(self):
        self.assertEqual(d.to_fraction(0.1), Fraction(1, 10))
        self.assertEqual(sum(d.hours_weights([0.1, 0.2, 0.3])), 1)

    def test_sum_is_always_the_amount(self):
        rng = random.Random(42)
        for _i in range(300):
            count = rng.randint(1, 15)
            hours = [rng.choice([0, 0.5, 1.25, 3, 7.75, 12]) for _j in range(count)]
            if not any(hours):
                hours[0] = 1
            amount = rng.randint(0, 10**7)
            for weights in (
                d.equal_weights(count),
                d.hours_weights(hours),
                d.mix_weights(hours, Fraction(rng.randint(0, 100), 100)),
            ):
                cents = d.split(amount, weights)
                self.assertEqual(sum(cents), amount)
                for cent, weight in zip(cents, weights, strict=True):
                    self.assertLess(abs(cent - amount * weight), 1)

    def test_deterministic(self):
        weights = d.equal_weights(7)
        self.assertEqual(d.split(100, weights), d.split(100, weights))
        self.assertEqual(d.split(100, weights), [15, 15, 14, 14, 14, 14, 14])

    def test_refusals(self):
        with self.assertRaises(ValueError):
            d.equal_weights(0)
        with self.assertRaises(ValueError):
            d.hours_weights([0, 0])
        with self.assertRaises(ValueError):
            d.hours_weights([1, -1])
        with self.assertRaises(ValueError):
            d.mix_weights([1, 2], 1.5)
        with self.assertRaises(ValueError):
            d.split(-1, d.equal_weights(2))
        with self.assertRaises(ValueError):
            d.split(100, [Fraction(1, 2)])

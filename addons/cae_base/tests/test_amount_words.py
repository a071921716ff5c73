# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import doctest
import unittest

from ..tools import amount_words
from ..tools.amount_words import amount_in_words_fr


class TestAmountWords(unittest.TestCase):
    """The amount in French words of the payslips (cae_payroll) and of the
    share certificates (cae_governance): one helper for both."""

    def test_doctests(self):
        result = doctest.testmod(amount_words)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_cases(self):
        for amount, words in (
            (0.0, "zéro euro"),
            (80.0, "quatre-vingts euros"),
            (71.01, "soixante et onze euros et un centime"),
            (-12.5, "moins douze euros et cinquante centimes"),
            (3000000.0, "trois millions d'euros"),
        ):
            with self.subTest(amount=amount):
                self.assertEqual(amount_in_words_fr(amount), words)

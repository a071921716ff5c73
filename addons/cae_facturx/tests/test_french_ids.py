# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import doctest
import unittest

from stdnum.fr import siren, siret, tva

from odoo.addons.cae_facturx.tools import french_ids
from odoo.addons.cae_facturx.tools.french_ids import made_up_ids


class TestFrenchIds(unittest.TestCase):
    def test_doctests(self):
        result = doctest.testmod(french_ids)
        self.assertFalse(result.failed)
        self.assertGreater(result.attempted, 3)

    def test_valid_and_distinct(self):
        seen = set()
        for number in (0, 1, 42, 999, 123456, 9_999_999):
            number_siren, nic, vat = made_up_ids(number)
            self.assertTrue(siren.is_valid(number_siren), number)
            self.assertTrue(siret.is_valid(number_siren + nic), number)
            self.assertTrue(tva.is_valid(vat), number)
            self.assertEqual(vat[4:], number_siren)
            seen.add(number_siren)
        self.assertEqual(len(seen), 6)

    def test_out_of_range(self):
        for number in (-1, 10_000_000):
            with self.assertRaises(ValueError):
                made_up_ids(number)

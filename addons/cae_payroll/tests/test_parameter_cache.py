# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestParameterCache(TransactionCase):
    """The payroll reads its dated parameters from a cache keyed by a digest
    of their content: a new value is seen at once, by this transaction and
    by every worker's next one, and nothing else of the registry's caches is
    cleared (before, each write of a parameter emptied them all)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Parameter = cls.env["cae.parameter"]
        cls.pmss = cls.Parameter._get_parameter("cae_pay_pmss")
        cls.company = cls.env.company
        cls.day = date(2031, 3, 1)

    def setUp(self):
        super().setUp()
        # The cursor of a test class outlives the rolled-back savepoints of
        # its tests: each test reads the fingerprint of its own data.
        self.Parameter._cae_parameters_changed()

    def test_new_value_read_at_once_registry_caches_kept(self):
        before = self.Parameter._cae_payroll_params(self.company.id, self.day)
        self.env.registry.cache_invalidated.clear()
        self.env["cae.parameter.value"].create(
            {
                "parameter_id": self.pmss.id,
                "date_from": date(2031, 1, 1),
                "value": 4321.0,
            }
        )
        after = self.Parameter._cae_payroll_params(self.company.id, self.day)
        self.assertNotEqual(before["cae_pay_pmss"], 4321.0)
        self.assertEqual(after["cae_pay_pmss"], 4321.0)
        self.assertEqual(
            self.Parameter._cae_cached_value("cae_pay_pmss", self.day, self.company),
            4321.0,
        )
        # Access rules, views, translations stay cached in every worker.
        self.assertFalse(self.env.registry.cache_invalidated)

        # A second change in the same transaction is seen too.
        self.pmss.value_ids.filtered(lambda v: v.value == 4321.0).value = 4400.0
        self.assertEqual(
            self.Parameter._cae_payroll_params(self.company.id, self.day)[
                "cae_pay_pmss"
            ],
            4400.0,
        )
        self.assertFalse(self.env.registry.cache_invalidated)

    def test_cached_reads_cost_no_query(self):
        self.Parameter._cae_payroll_params(self.company.id, self.day)
        self.Parameter._cae_cached_value("cae_pay_pmss", self.day, self.company)
        with self.assertQueryCount(0):
            for _i in range(50):
                self.Parameter._cae_payroll_params(self.company.id, self.day)
                self.Parameter._cae_cached_value("cae_pay_pmss", self.day, self.company)

    def test_same_content_same_key(self):
        """The key is the content: a value removed again gives back the
        figures of before, read from the same cache entry."""
        fingerprint = self.Parameter._cae_parameters_fingerprint()
        value = self.env["cae.parameter.value"].create(
            {
                "parameter_id": self.pmss.id,
                "date_from": date(2031, 1, 1),
                "value": 4321.0,
            }
        )
        changed = self.Parameter._cae_parameters_fingerprint()
        self.assertNotEqual(changed, fingerprint)
        value.unlink()
        self.assertEqual(self.Parameter._cae_parameters_fingerprint(), fingerprint)

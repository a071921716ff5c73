# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError

from .common import CaeCommon


class TestParameter(CaeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.parameter = cls.env["cae.parameter"].create(
            {
                "name": "Test rate",
                "code": "cae_test_rate",
                "value_ids": [
                    (0, 0, {"date_from": date(2020, 1, 1), "value": 10.0}),
                    (0, 0, {"date_from": date(2024, 7, 1), "value": 12.5}),
                ],
            }
        )

    def test_value_in_force_on_a_date(self):
        get = self.env["cae.parameter"]._get_value
        self.assertEqual(get("cae_test_rate", date(2020, 1, 1)), 10.0)
        self.assertEqual(get("cae_test_rate", date(2024, 6, 30)), 10.0)
        self.assertEqual(get("cae_test_rate", date(2024, 7, 1)), 12.5)
        self.assertEqual(get("cae_test_rate", date(2030, 1, 1)), 12.5)

    def test_company_value_replaces_shared_ones_from_its_date(self):
        self.parameter.value_ids = [
            (
                0,
                0,
                {
                    "date_from": date(2022, 1, 1),
                    "value": 7.0,
                    "company_id": self.company_b.id,
                },
            )
        ]
        get = self.env["cae.parameter"]._get_value
        self.assertEqual(get("cae_test_rate", date(2021, 1, 1), self.company_b), 10.0)
        self.assertEqual(get("cae_test_rate", date(2025, 1, 1), self.company_b), 7.0)
        # The other company keeps the shared values.
        self.assertEqual(get("cae_test_rate", date(2025, 1, 1), self.company), 12.5)

    def test_no_value_before_the_first_date(self):
        """The date as the reader writes it, not ISO."""
        Parameter = self.env["cae.parameter"].with_context(lang="fr_FR")
        with self.assertRaisesRegex(UserError, "31/12/2019"):
            Parameter._get_value("cae_test_rate", date(2019, 12, 31))

    def test_unknown_parameter(self):
        with self.assertRaisesRegex(UserError, "cae_unknown is missing"):
            self.env["cae.parameter"]._get_value("cae_unknown")

    def test_legal_defaults_are_installed(self):
        get = self.env["cae.parameter"]._get_value
        today = date(2026, 1, 1)
        self.assertEqual(get("cae_associate_deadline_months", today), 36)
        self.assertEqual(get("cae_trial_period_max_months", today), 8)
        self.assertEqual(get("cae_followups_min_per_year", today), 2)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError

from .common import CaeCommon


class TestContributionRule(CaeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["cae.contribution.rule"].with_context(lang="fr_FR")
        cls.default = cls.Rule.create(
            {
                "name": "10 % du CA",
                "company_id": cls.company.id,
                "rate": 10.0,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
            }
        )

    def _create(self, **vals):
        return self.Rule.create(
            {"name": "Autre", "company_id": self.company.id, "rate": 5.0, **vals}
        )

    def test_rate_outside_0_100(self):
        for rate in (-1.0, 100.01, 150.0):
            with self.subTest(rate=rate):
                with self.assertRaisesText(ValidationError, "entre 0 et 100"):
                    self._create(rate=rate, date_from="2027-01-01")
        self.assertEqual(
            self.Rule.search_count([("company_id", "=", self.company.id)]), 1
        )
        with self.assertRaisesText(ValidationError, "entre 0 et 100"):
            self.default.rate = 101.0
        self.assertEqual(self.default.rate, 10.0)

    def test_overlapping_validity(self):
        with self.assertRaisesText(ValidationError, "chevauche"):
            self._create(date_from="2026-06-01")
        with self.assertRaisesText(ValidationError, "chevauche"):
            self._create(date_from="2025-01-01", date_to="2026-01-01")
        # Right after, or for one activity only: fine.
        self._create(date_from="2027-01-01")
        self._create(date_from="2026-06-01", activity_id=self.alice.activity_id.id)
        with self.assertRaisesText(ValidationError, "chevauche"):
            self._create(date_from="2026-09-01", activity_id=self.alice.activity_id.id)
        # Another company has its own rules.
        self._create(date_from="2026-06-01", company_id=self.company_b.id)

    def test_other_bad_terms(self):
        with self.assertRaisesText(ValidationError, "au-dessus de son maximum"):
            self._create(date_from="2027-01-01", amount_min=100.0, amount_max=50.0)
        with self.assertRaisesText(ValidationError, "montant par mois"):
            self._create(date_from="2027-01-01", base="fixed")
        with self.assertRaisesText(ValidationError, "négatifs"):
            self._create(date_from="2027-01-01", yearly_fee=-25.0)
        with self.assertRaisesText(ValidationError, "avant de commencer"):
            self._create(date_from="2027-06-01", date_to="2027-01-01")

    def test_rule_in_force(self):
        alice = self.alice.activity_id
        override = self._create(date_from="2026-03-01", activity_id=alice.id)
        rules = self.env["cae.contribution.rule"]._rules_by_activity(
            alice | self.bob.activity_id, "2026-03-31"
        )
        self.assertEqual(rules, {alice: override, self.bob.activity_id: self.default})
        # In 2028 the default has ended, the override (no end) goes on.
        self.assertEqual(
            self.env["cae.contribution.rule"]._rules_by_activity(
                alice | self.bob.activity_id, "2028-01-31"
            ),
            {alice: override},
        )

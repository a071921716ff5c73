# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import ValidationError

from ..models.cae_cjs_participant import age_on
from .common import CjsCommon

START = date(2026, 7, 1)


class TestAgeRule(CjsCommon):
    """16 to 18 on the start date of a CJS (1 July 2026 here)."""

    def test_boundaries(self):
        cases = [
            # (birth date, accepted, why)
            (date(2010, 7, 1), True, "16th birthday on the start date"),
            (date(2010, 7, 2), False, "16th birthday the day after the start"),
            (date(2007, 7, 2), True, "19th birthday the day after the start"),
            (date(2007, 7, 1), False, "19th birthday on the start date"),
            (date(2008, 12, 31), True, "17 years old"),
        ]
        for birth, accepted, why in cases:
            with self.subTest(why=why):
                if accepted:
                    participant = self._participant(self.cjs, why, birth)
                    self.assertIn(participant.age, (16, 17, 18), why)
                    continue
                with (
                    self.assertRaisesRegex(ValidationError, "aged 16 to 18"),
                    self.cr.savepoint(),
                ):
                    self._participant(self.cjs, why, birth)
        self.assertEqual(len(self.cjs.participant_ids), 3)

    def test_leap_day_birthday(self):
        # Born on 29 February: a year older on 1 March of common years.
        self.assertEqual(age_on(date(2008, 2, 29), date(2026, 2, 28)), 17)
        self.assertEqual(age_on(date(2008, 2, 29), date(2026, 3, 1)), 18)
        self.assertEqual(age_on(date(2008, 2, 29), date(2024, 2, 29)), 16)

    def test_the_age_rule_is_dated_data(self):
        """A change of the rule is a new dated value, per cooperative."""
        parameter = self.env.ref("cae_cjs.parameter_cjs_age_max")
        self.env["cae.parameter.value"].create(
            {
                "parameter_id": parameter.id,
                "company_id": self.company.id,
                "date_from": date(2026, 1, 1),
                "value": 19,
            }
        )
        participant = self._participant(self.cjs, "Dix-neuf", date(2007, 7, 1))
        self.assertEqual(participant.age, 19)

    def test_moving_the_start_date_checks_the_participants(self):
        self._participant(self.cjs, "Léa", date(2010, 7, 1))
        with (
            self.assertRaisesRegex(ValidationError, "will be 15"),
            self.cr.savepoint(),
        ):
            self.cjs.date_start = date(2026, 6, 30)
        self.assertEqual(self.cjs.date_start, START)

    def test_no_age_rule_for_a_flashcoop(self):
        participant = self._participant(self.flashcoop, "Adulte", date(1970, 1, 1))
        self.assertFalse(participant.is_minor)

    def test_minor_on_the_start_date(self):
        minor = self._participant(self.cjs, "Mineur", date(2008, 7, 2))
        adult = self._participant(self.cjs, "Majeur", date(2008, 7, 1))
        self.assertRecordValues(
            minor | adult,
            [{"age": 17, "is_minor": True}, {"age": 18, "is_minor": False}],
        )

    def test_error_in_french(self):
        Participant = self.Participant.with_context(lang="fr_FR")
        with (
            self.assertRaisesRegex(ValidationError, "jeunes de 16 à 18 ans"),
            self.cr.savepoint(),
        ):
            Participant.create(
                {
                    "project_id": self.cjs.id,
                    "name": "Trop jeune",
                    "birth_date": date(2012, 1, 1),
                }
            )
        self.assertFalse(self.cjs.participant_ids)

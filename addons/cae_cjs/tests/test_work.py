# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import ValidationError

from .common import CjsCommon


class TestWork(CjsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.minor = cls._participant(cls.cjs, "Mineure", date(2009, 9, 1))
        cls.adult = cls._participant(cls.cjs, "Majeur", date(2008, 1, 1))

    def test_hours_add_up(self):
        self._work(self.minor, 3.5)
        self._work(self.minor, 4.0, date(2026, 7, 2))
        self.assertEqual(self.minor.hours_total, 7.5)
        self.assertEqual(self.cjs.hours_total, 7.5)

    def test_minor_daily_maximum(self):
        self._work(self.minor, 5.0)
        self._work(self.minor, 3.0)  # 8 hours: the maximum
        with (
            self.assertRaisesRegex(ValidationError, "allows 8.0 hours a day"),
            self.cr.savepoint(),
        ):
            self._work(self.minor, 0.5)
        self._work(self.adult, 9.0)  # adults: not this rule
        self.assertEqual(self.minor.hours_total, 8.0)

    def test_hours_within_the_project(self):
        for vals, message in (
            ({"hours": 0}, "must be positive"),
            ({"date": date(2026, 9, 1)}, "outside the dates"),
            ({"participant_id": None}, "own participants"),
        ):
            other = self._participant(self.flashcoop, "Ailleurs")
            values = {
                "project_id": self.cjs.id,
                "participant_id": self.minor.id,
                "date": date(2026, 7, 3),
                "hours": 2,
                **vals,
            }
            if values["participant_id"] is None:
                values["participant_id"] = other.id
            with (
                self.subTest(message=message),
                self.assertRaisesRegex(ValidationError, message),
                self.cr.savepoint(),
            ):
                self.env["cae.cjs.work"].create(values)
        self.assertFalse(self.cjs.work_ids)

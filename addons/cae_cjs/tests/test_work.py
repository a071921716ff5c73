# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

import psycopg2

from odoo.exceptions import ValidationError
from odoo.tools import SQL, mute_logger

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
        """Code du travail L3162-1: « Les jeunes travailleurs ne peuvent être
        employés à un travail effectif excédant huit heures par jour et
        trente-cinq heures par semaine. »"""
        self._work(self.minor, 5.0)
        self._work(self.minor, 3.0)  # 8 hours: the maximum
        with (
            self.assertRaisesText(
                ValidationError,
                "8,50 hours on 01/07/2026: the labour code allows " "8,00 hours a day",
            ),
            self.cr.savepoint(),
        ):
            self._work(self.minor, 0.5)
        self._work(self.adult, 9.0)  # adults: not this rule
        self.assertEqual(self.minor.hours_total, 8.0)
        self.assertRecordValues(
            self.minor.work_ids[:1],
            [{"max_daily_hours": 8.0, "max_weekly_hours": 35.0}],
        )
        self.assertRecordValues(
            self.adult.work_ids, [{"max_daily_hours": 0.0, "max_weekly_hours": 0.0}]
        )

    def test_minor_weekly_maximum(self):
        """« ... et trente-cinq heures par semaine »: the civil week, Monday 6
        to Sunday 12 July 2026."""
        monday = date(2026, 7, 6)
        for offset in range(5):
            self._work(self.minor, 7.0, monday + timedelta(days=offset))
        with (
            self.assertRaisesText(
                ValidationError,
                "35,50 hours in the week of 06/07/2026: the labour "
                "code allows 35,00 hours a week",
            ),
            self.cr.savepoint(),
        ):
            self._work(self.minor, 0.5, date(2026, 7, 12))
        # The next week starts again; adults have no weekly maximum here.
        self._work(self.minor, 2.0, date(2026, 7, 13))
        for offset in range(6):
            self._work(self.adult, 7.0, monday + timedelta(days=offset))
        self.assertEqual(self.minor.hours_total, 37.0)

    def test_a_birth_date_corrected_to_a_minor(self):
        """The limits follow the birth date: recorded as an adult's, 9 hours a
        day are refused once the youth turns out to be 17."""
        self._work(self.adult, 9.0)
        with self.assertRaisesText(ValidationError, "allows 8,00 hours a day"):
            self.adult.birth_date = date(2009, 1, 1)

    def test_the_database_refuses_what_the_code_would(self):
        """Hours written without the ORM: the constraint trigger adds them up
        at commit (here forced now) and refuses the day over 8 hours."""
        work = self._work(self.minor, 8.0)
        self.env.flush_all()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.CheckViolation),
            self.cr.savepoint(),
        ):
            self.cr.execute(
                SQL(
                    "INSERT INTO cae_cjs_work (project_id, participant_id, company_id, "
                    "date, hours, max_daily_hours, max_weekly_hours) "
                    "VALUES (%s, %s, %s, %s, 0.5, 8, 35)",
                    work.project_id.id,
                    self.minor.id,
                    work.company_id.id,
                    work.date,
                )
            )
            self.cr.execute(SQL("SET CONSTRAINTS cae_cjs_work_minor_hours IMMEDIATE"))
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

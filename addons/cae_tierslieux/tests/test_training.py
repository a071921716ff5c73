# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import MONDAY, NOW, CaeTlCommon, local, paris


@freeze_time(NOW)
class TestTraining(CaeTlCommon):
    """Only people with a valid training may book a machine that needs one."""

    def _training(self, **vals):
        return self.env["cae.tl.training"].create(
            {"partner_id": self.external.id, "company_id": self.company.id, **vals}
        )

    def test_no_training_no_booking(self):
        self.assertTrue(self.laser.requires_training)
        with self.assertRaisesRegex(
            ValidationError,
            "Laser requires a training: Remote Worker has no valid training for it "
            f"on {local(self.env, MONDAY)}.",
        ):
            self._book(self.laser, paris(MONDAY, 9), 2)

    def test_training_on_the_machine_or_its_type(self):
        training = self._training(resource_id=self.laser.id, date=date(2026, 2, 1))
        self._book(self.laser, paris(MONDAY, 9), 2)
        training.write({"resource_id": False, "type_id": self.type_laser.id})
        self._book(self.laser, paris(MONDAY, 14), 2)
        # A training on another machine type does not count.
        other_type = self.type_laser.copy({"name": "3D printer"})
        training.type_id = other_type
        with self.assertRaises(ValidationError):
            self._book(self.laser, paris(date(2026, 3, 10), 9), 2)

    def test_expiry(self):
        training = self._training(type_id=self.type_laser.id, date=date(2025, 3, 1))
        # 12 months of validity from the type.
        self.assertEqual(training.date_expiry, date(2026, 3, 1))
        self.assertFalse(training.is_valid)
        with self.assertRaisesRegex(
            ValidationError,
            "the training of Remote Worker expired on "
            f"{local(self.env, date(2026, 3, 1))}. Book a new training session.",
        ):
            self._book(self.laser, paris(MONDAY, 9), 2)
        training.date_expiry = date(2026, 3, 9)
        self._book(self.laser, paris(MONDAY, 9), 2)
        # Valid on the day of the booking only.
        with self.assertRaisesRegex(
            ValidationError, f"expired on {local(self.env, MONDAY)}"
        ):
            self._book(self.laser, paris(date(2026, 3, 10), 9), 2)

    def test_training_must_precede_the_booking(self):
        self._training(type_id=self.type_laser.id, date=date(2026, 3, 10))
        with self.assertRaisesRegex(ValidationError, "has no valid training"):
            self._book(self.laser, paris(MONDAY, 9), 2)

    def test_event_attendees_get_a_training(self):
        event = self.env["event.event"].create(
            {
                "name": "Laser training",
                "company_id": self.company.id,
                "cae_tl_place_id": self.place.id,
                "cae_tl_type_id": self.type_laser.id,
                "organizer_id": self.walker.id,
                "date_begin": "2026-03-03 13:00:00",
                "date_end": "2026-03-03 16:00:00",
                "date_tz": "Europe/Paris",
            }
        )
        self.assertIn(event, self.place.event_ids)
        self.assertEqual(self.place.event_count, 1)
        registrations = self.env["event.registration"].create(
            [
                {"event_id": event.id, "partner_id": self.external.id},
                {"event_id": event.id, "partner_id": self.alice.partner_id.id},
            ]
        )
        registrations[0].action_set_done()
        event.action_cae_tl_record_trainings()
        self.assertRecordValues(
            event.cae_tl_training_ids,
            [
                {
                    "partner_id": self.external.id,
                    "type_id": self.type_laser.id,
                    "date": date(2026, 3, 3),
                    "date_expiry": date(2027, 3, 3),
                    "trainer_id": self.walker.id,
                }
            ],
        )
        self._book(self.laser, paris(MONDAY, 9), 2)
        with self.assertRaisesRegex(UserError, "No attendee"):
            event.action_cae_tl_record_trainings()

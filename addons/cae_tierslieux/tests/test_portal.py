# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import paris


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    """A member books and cancels on the portal, and sees nothing of others."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.env["resource.calendar"].create(
            {
                "name": "Every day 8-20",
                "tz": "Europe/Paris",
                "attendance_ids": [
                    Command.create(
                        {
                            "name": str(day),
                            "dayofweek": str(day),
                            "hour_from": 8.0,
                            "hour_to": 20.0,
                            "day_period": "morning",
                        }
                    )
                    for day in range(7)
                ],
            }
        )
        Place = cls.env["cae.tl.place"]
        cls.place = Place.create({"name": "Portal place", "calendar_id": calendar.id})
        cls.other_place = Place.create(
            {"name": "Members-only place", "calendar_id": calendar.id}
        )
        Resource = cls.env["cae.tl.resource"]
        cls.desks = Resource.create(
            {"name": "Portal desks", "place_id": cls.place.id, "capacity": 4}
        )
        cls.other_room = Resource.create(
            {"name": "Other room", "place_id": cls.other_place.id, "kind": "room"}
        )
        plan = cls.env["cae.tl.membership.plan"].create(
            {"name": "Portal card", "place_id": cls.place.id, "credit_hours": 10}
        )
        cls.member = new_test_user(
            cls.env,
            login="tl_portal",
            groups="base.group_portal",
            tz="Europe/Paris",
            lang="en_US",
        )
        cls.env["cae.tl.membership"].create(
            {
                "partner_id": cls.member.partner_id.id,
                "plan_id": plan.id,
                "date_start": fields.Date.today() - timedelta(days=40),
            }
        )
        cls.stranger = new_test_user(
            cls.env, login="tl_stranger", groups="base.group_portal", lang="en_US"
        )
        cls.neighbour = cls.env["res.partner"].create({"name": "Neighbour Secret"})
        cls.next_week = fields.Date.today() + timedelta(days=7)
        cls.others_booking = cls.env["cae.tl.booking"].create(
            {
                "resource_id": cls.desks.id,
                "partner_id": cls.neighbour.id,
                "start": paris(cls.next_week, 14),
                "stop": paris(cls.next_week, 16),
            }
        )
        cls.others_booking.action_confirm()

    def test_book_and_cancel_tour(self):
        self.start_tour(
            f"/my/tierslieux/resource/{self.desks.id}?week={self.next_week}",
            "cae_tl_portal_booking_tour",
            login="tl_portal",
        )
        booking = self.env["cae.tl.booking"].search(
            [("partner_id", "=", self.member.partner_id.id)]
        )
        monday = self.next_week - timedelta(days=self.next_week.weekday())
        self.assertRecordValues(
            booking,
            [
                {
                    "resource_id": self.desks.id,
                    "start": paris(monday, 8),
                    "stop": paris(monday, 9),
                    "state": "cancelled",
                    "late_cancel": False,
                }
            ],
        )

    def _csrf(self, html):
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    def test_isolation(self):
        self.authenticate("tl_portal", "tl_portal")
        home = self.url_open("/my/tierslieux")
        self.assertEqual(home.status_code, 200)
        self.assertIn("Portal desks", home.text)
        self.assertNotIn("Members-only place", home.text)
        self.assertNotIn(self.others_booking.name, home.text)
        self.assertNotIn("Neighbour Secret", home.text)
        # The week grid shows free times only, never who booked.
        grid = self.url_open(
            f"/my/tierslieux/resource/{self.desks.id}?week={self.next_week}"
        )
        self.assertEqual(grid.status_code, 200)
        self.assertNotIn("Neighbour Secret", grid.text)
        # Another place's resource, another person's booking: not found.
        other = self.url_open(f"/my/tierslieux/resource/{self.other_room.id}")
        self.assertEqual(other.status_code, 404)
        token = self._csrf(home.text)
        cancel = self.url_open(
            f"/my/tierslieux/booking/{self.others_booking.id}/cancel",
            data={"csrf_token": token},
        )
        self.assertEqual(cancel.status_code, 404)
        self.assertEqual(self.others_booking.state, "confirmed")
        book = self.url_open(
            f"/my/tierslieux/resource/{self.other_room.id}/book",
            data={
                "csrf_token": token,
                "start": fields.Datetime.to_string(paris(self.next_week, 10)),
                "duration": "60",
            },
        )
        self.assertEqual(book.status_code, 404)

    def test_rules_apply_on_the_portal(self):
        self.authenticate("tl_portal", "tl_portal")
        home = self.url_open("/my/tierslieux")
        # Beyond the 60-day horizon: refused with the reason, nothing booked.
        far = fields.Date.today() + timedelta(days=90)
        response = self.url_open(
            f"/my/tierslieux/resource/{self.desks.id}/book",
            data={
                "csrf_token": self._csrf(home.text),
                "start": fields.Datetime.to_string(paris(far, 10)),
                "duration": "60",
            },
        )
        # (The portal follows the browser's language: look for the alert.)
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_cae_tl_error", response.text)
        self.assertIn(" 60 ", response.text)
        self.assertFalse(
            self.env["cae.tl.booking"].search(
                [("partner_id", "=", self.member.partner_id.id)]
            )
        )

    def test_strangers_cannot_book(self):
        self.authenticate("tl_stranger", "tl_stranger")
        home = self.url_open("/my/tierslieux")
        self.assertIn("o_cae_tl_cannot_book", home.text)
        self.assertNotIn("o_cae_tl_resource_link", home.text)
        grid = self.url_open(f"/my/tierslieux/resource/{self.desks.id}")
        self.assertEqual(grid.status_code, 404)

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

    def test_entrepreneur_of_a_cooperative_without_place(self):
        """She is told that her cooperative has no place yet, not that she
        may book once an entrepreneur (the crawler saw it on the portal of
        the Belgian cooperative's entrepreneur)."""
        company = self.env["res.company"].create({"name": "Coop without place"})
        user = new_test_user(
            self.env,
            login="tl_no_place",
            groups="base.group_portal",
            company_id=company.id,
            company_ids=[company.id],
            lang="en_US",
        )
        self.env["cae.entrepreneur"].create(
            {
                "name": "Nora Noplace",
                "company_id": company.id,
                "user_id": user.id,
                "info_meeting_date": fields.Date.today(),
            }
        )
        self.authenticate("tl_no_place", "tl_no_place")
        home = self.url_open("/my/tierslieux")
        self.assertEqual(home.status_code, 200)
        self.assertIn("o_cae_tl_no_place", home.text)
        # (The portal follows the browser's language: French on the demo.)
        self.assertRegex(
            home.text,
            "Your cooperative has no place open to booking yet."
            "|Votre coopérative n'a encore aucun lieu ouvert à la réservation.",
        )
        self.assertNotIn("o_cae_tl_cannot_book", home.text)
        self.assertNotIn("o_cae_tl_resource_link", home.text)

    # ------------------------------------------------------------------
    # Absurd values from the browser: a message or the default, never a 500
    # ------------------------------------------------------------------
    def test_absurd_query_values(self):
        self.authenticate("tl_portal", "tl_portal")
        base = f"/my/tierslieux/resource/{self.desks.id}"
        for week in ("9999-12-31", "0001-01-01", "-1", "abc", "10000-01-01"):
            response = self.url_open(f"{base}?week={week}")
            self.assertEqual(response.status_code, 200, week)
            self.assertIn("o_cae_tl_notice", response.text, week)
        for query in (
            "duration=1000000000000",
            "duration=-5",
            "duration=abc",
            "duration=" + "9" * 40,
            "units=" + "9" * 30,
            "units=-3",
            "people=1e9",
        ):
            response = self.url_open(f"{base}?week={self.next_week}&{query}")
            self.assertEqual(response.status_code, 200, query)
            self.assertIn("o_cae_tl_slot", response.text, query)
        for url in (
            "/my/tierslieux/resource/99999999999999",
            "/my/tierslieux/booking/99999999999999/cancel",
            f"/my/tierslieux/resource/{self.desks.id}/confirm?start=garbage",
        ):
            response = self.url_open(url)
            self.assertIn(response.status_code, (200, 404), url)
            self.assertNotIn("Traceback", response.text)
        for booked in ("99999999999999", "abc", "-1"):
            self.assertEqual(
                self.url_open(f"/my/tierslieux?booked={booked}").status_code, 200
            )

    def test_absurd_booking_requests(self):
        self.authenticate("tl_portal", "tl_portal")
        token = self._csrf(self.url_open("/my/tierslieux").text)
        start = fields.Datetime.to_string(paris(self.next_week, 10))
        for start_value, duration in (
            ("9999-12-31 23:00:00", "60"),
            ("0001-01-01 00:00:00", "60"),
            ("garbage", "60"),
            ("", "60"),
            (start, "1000000000000"),
            (start, "-60"),
            (start, "61"),
        ):
            response = self.url_open(
                f"/my/tierslieux/resource/{self.desks.id}/book",
                data={"csrf_token": token, "start": start_value, "duration": duration},
            )
            self.assertEqual(response.status_code, 200, (start_value, duration))
            self.assertIn("o_cae_tl_error", response.text, (start_value, duration))
        self.assertFalse(
            self.env["cae.tl.booking"].search(
                [("partner_id", "=", self.member.partner_id.id)]
            )
        )

    def test_price_shown_before_booking(self):
        self.authenticate("tl_portal", "tl_portal")
        start = fields.Datetime.to_string(paris(self.next_week, 10))
        response = self.url_open(
            f"/my/tierslieux/resource/{self.desks.id}/confirm"
            f"?start={start}&duration=120"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_cae_tl_quote_amount", response.text)
        # (In the browser's language: "2h on Portal card", "2h sur Portal card".)
        self.assertIn("2h", response.text)
        self.assertIn("Portal card", response.text, "covered by her credits")
        self.assertFalse(
            self.env["cae.tl.booking"].search(
                [("partner_id", "=", self.member.partner_id.id)]
            ),
            "nothing booked before she confirms",
        )
        # A slot taken meanwhile: the reason, not a price.
        taken = fields.Datetime.to_string(paris(self.next_week, 14))
        self.others_booking.units = 4
        response = self.url_open(
            f"/my/tierslieux/resource/{self.desks.id}/confirm?start={taken}&duration=60"
        )
        self.assertIn("o_cae_tl_error", response.text)
        self.assertNotIn("o_cae_tl_quote_amount", response.text)

    def test_cancel_asks_first(self):
        booking = self.env["cae.tl.booking"].create(
            {
                "resource_id": self.desks.id,
                "partner_id": self.member.partner_id.id,
                "start": paris(self.next_week, 9),
                "stop": paris(self.next_week, 10),
            }
        )
        booking.action_confirm()
        self.authenticate("tl_portal", "tl_portal")
        page = self.url_open(f"/my/tierslieux/booking/{booking.id}/cancel")
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_cae_tl_cancel_free", page.text)
        self.assertEqual(booking.state, "confirmed", "asking is not cancelling")
        self.url_open(
            f"/my/tierslieux/booking/{booking.id}/cancel",
            data={"csrf_token": self._csrf(page.text)},
        )
        self.assertEqual(booking.state, "cancelled")

    def test_other_members_ids(self):
        """Every route of the module with another member's ids: 404."""
        self.authenticate("tl_stranger", "tl_stranger")
        token = self._csrf(self.url_open("/my/tierslieux").text)
        booking = self.others_booking
        start = fields.Datetime.to_string(paris(self.next_week, 10))
        for url, data in (
            (f"/my/tierslieux/resource/{self.desks.id}", None),
            (f"/my/tierslieux/resource/{self.desks.id}/confirm?start={start}", None),
            (
                f"/my/tierslieux/resource/{self.desks.id}/book",
                {"csrf_token": token, "start": start, "duration": "60"},
            ),
            (f"/my/tierslieux/booking/{booking.id}/cancel", None),
            (f"/my/tierslieux/booking/{booking.id}/cancel", {"csrf_token": token}),
            ("/my/tierslieux/calendar/other", {"csrf_token": token}),
        ):
            response = self.url_open(url, data=data)
            self.assertEqual(response.status_code, 404, url)
        self.assertEqual(booking.state, "confirmed")

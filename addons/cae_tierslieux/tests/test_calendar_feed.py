# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import datetime, timedelta

import vobject

from odoo import Command, fields
from odoo.tests import BaseCase, HttpCase, new_test_user, tagged

from ..models import ical
from .common import paris


class TestIcalText(BaseCase):
    """The iCalendar writer alone (RFC 5545), without the ORM."""

    def test_escaping_and_folding(self):
        self.assertEqual(ical.escape_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne")
        line = "SUMMARY:" + "é" * 60
        folded = ical.fold(line)
        for part in folded.split("\r\n"):
            self.assertLessEqual(len(part.encode()), 75)
        self.assertEqual(folded.replace("\r\n ", ""), line)

    def test_calendar_parses_back(self):
        now = datetime(2026, 3, 2, 7, 0)
        text = ical.calendar(
            "Mes réservations",
            [
                ical.Event(
                    uid="cae-tl-booking-1@test",
                    start=datetime(2026, 3, 9, 8, 0),
                    stop=datetime(2026, 3, 9, 10, 0),
                    summary="Salle de la Coop - Tiers-lieu de Bègles, 2h",
                    description="Réf. B/0001;\nannulation gratuite",
                    location="12 rue des Coopérateurs, 33130 Bègles",
                    status="CONFIRMED",
                    last_modified=now,
                )
            ],
            "-//CAE suite//Third places//FR",
            now,
        )
        self.assertTrue(text.endswith("END:VCALENDAR\r\n"))
        self.assertNotIn("\n", text.replace("\r\n", ""), "CRLF line ends only")
        calendar = vobject.readOne(text)
        event = calendar.vevent
        self.assertEqual(
            event.summary.value, "Salle de la Coop - Tiers-lieu de Bègles, 2h"
        )
        self.assertEqual(event.description.value, "Réf. B/0001;\nannulation gratuite")
        self.assertEqual(
            event.dtstart.value.replace(tzinfo=None), datetime(2026, 3, 9, 8)
        )
        self.assertEqual(event.dtstart.value.utcoffset(), timedelta(0))
        with self.assertRaises(ValueError):
            ical.calendar("x", [event_with_status("MAYBE")], "-//x//x//FR", now)


def event_with_status(status):
    moment = datetime(2026, 3, 9, 8, 0)
    return ical.Event("u@x", moment, moment, "s", "", "", status, None)


@tagged("post_install", "-at_install")
class TestCalendarFeed(HttpCase):
    """A member's and a resource's feeds: read-only, secret, revocable."""

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
        place = cls.env["cae.tl.place"].create(
            {"name": "Feed place", "calendar_id": calendar.id}
        )
        cls.room = cls.env["cae.tl.resource"].create(
            {"name": "Feed room", "place_id": place.id, "kind": "room"}
        )
        plan = cls.env["cae.tl.membership.plan"].create(
            {"name": "Feed card", "place_id": place.id, "credit_hours": 10}
        )
        cls.member = new_test_user(
            cls.env, login="tl_feed", groups="base.group_portal", lang="fr_FR"
        )
        cls.env["cae.tl.membership"].create(
            {
                "partner_id": cls.member.partner_id.id,
                "plan_id": plan.id,
                "date_start": fields.Date.today() - timedelta(days=1),
            }
        )
        cls.other = cls.env["res.partner"].create({"name": "Someone Else"})
        day = fields.Date.today() + timedelta(days=3)
        Booking = cls.env["cae.tl.booking"]
        cls.mine = Booking.create(
            {
                "resource_id": cls.room.id,
                "partner_id": cls.member.partner_id.id,
                "start": paris(day, 9),
                "stop": paris(day, 11),
            }
        )
        cls.mine.action_confirm()
        cls.cancelled = Booking.create(
            {
                "resource_id": cls.room.id,
                "partner_id": cls.member.partner_id.id,
                "start": paris(day, 14),
                "stop": paris(day, 15),
            }
        )
        cls.cancelled.action_cancel()
        cls.theirs = Booking.create(
            {
                "resource_id": cls.room.id,
                "partner_id": cls.other.id,
                "start": paris(day, 16),
                "stop": paris(day, 17),
            }
        )
        cls.theirs.action_confirm()

    def _get(self, url):
        return self.url_open(url.replace(self.base_url(), ""))

    def _parse(self, response):
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/calendar"))
        return vobject.readOne(response.content.decode())

    def test_member_feed(self):
        self.authenticate("tl_feed", "tl_feed")
        home = self.url_open("/my/tierslieux")
        token = re.search(r'name="csrf_token" value="([^"]+)"', home.text).group(1)
        self.url_open("/my/tierslieux/calendar/create", data={"csrf_token": token})
        home = self.url_open("/my/tierslieux")
        url = re.search(r'o_cae_tl_feed_url"[^>]*value="([^"]+)"', home.text).group(1)
        self.logout()
        calendar = self._parse(self._get(url))
        events = {e.uid.value.split("@")[0]: e for e in calendar.vevent_list}
        self.assertEqual(
            set(events),
            {f"cae-tl-booking-{b.id}" for b in (self.mine, self.cancelled)},
            "her booking and her cancelled one, not others'",
        )
        mine = events[f"cae-tl-booking-{self.mine.id}"]
        self.assertEqual(mine.status.value, "CONFIRMED")
        self.assertEqual(mine.dtstart.value.replace(tzinfo=None), self.mine.start)
        self.assertEqual(mine.dtend.value.replace(tzinfo=None), self.mine.stop)
        self.assertIn("Feed room", mine.summary.value)
        self.assertIn(self.mine.name, mine.description.value)
        self.assertIn("Annulation gratuite", mine.description.value, "in French")
        cancelled = next(
            e for e in calendar.vevent_list if e.status.value == "CANCELLED"
        )
        self.assertEqual(
            cancelled.dtstart.value.replace(tzinfo=None), self.cancelled.start
        )
        self.assertNotIn("Someone Else", self._get(url).text)
        # Revoked: the address answers "not found"; a new one works.
        self.authenticate("tl_feed", "tl_feed")
        home = self.url_open("/my/tierslieux")
        token = re.search(r'name="csrf_token" value="([^"]+)"', home.text).group(1)
        self.url_open("/my/tierslieux/calendar/revoke", data={"csrf_token": token})
        self.assertEqual(self._get(url).status_code, 404)
        self.url_open("/my/tierslieux/calendar/create", data={"csrf_token": token})
        home = self.url_open("/my/tierslieux")
        new_url = re.search(r'o_cae_tl_feed_url"[^>]*value="([^"]+)"', home.text).group(
            1
        )
        self.assertNotEqual(new_url, url)
        self.assertEqual(self._get(new_url).status_code, 200)

    def test_resource_feed_hides_names(self):
        self.room.action_create_calendar_feed()
        url = self.room.calendar_feed_url
        calendar = self._parse(self._get(url))
        summaries = [e.summary.value for e in calendar.vevent_list]
        self.assertEqual(len(summaries), 3)
        self.assertFalse([s for s in summaries if "Someone Else" in s])
        feed = self.env["cae.tl.calendar.feed"]._for_target(resource=self.room)
        feed.show_names = True
        self.assertIn("Someone Else", self._get(url).text)
        self.room.action_revoke_calendar_feed()
        self.assertEqual(self._get(url).status_code, 404)
        self.assertFalse(self.room.calendar_feed_url)

    def test_unknown_tokens(self):
        for token in ("nope", "x" * 500, "%00" * 40, "' OR 1=1 --", "a" * 43):
            response = self.url_open(f"/tierslieux/calendar/{token}.ics")
            self.assertEqual(response.status_code, 404, token)

    def test_feed_is_read_only(self):
        self.room.action_create_calendar_feed()
        path = self.room.calendar_feed_url.replace(self.base_url(), "")
        response = self.url_open(path, data={"start": "2026-01-01"})
        self.assertEqual(response.status_code, 405, "GET only")

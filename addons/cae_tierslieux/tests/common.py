# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

import pytz

from odoo import Command
from odoo.tools.misc import format_date

from odoo.addons.cae_base.tests.common import CaeAccountingCommon

PARIS = pytz.timezone("Europe/Paris")
# A Monday, before the switch to summer time: Paris is UTC+1.
MONDAY = date(2026, 3, 9)
# "Now" of the tests: the Monday before, 8:00 in Paris.
NOW = "2026-03-02 07:00:00"


def paris(day, hour, minute=0):
    """Naive UTC datetime of ``day`` at ``hour:minute`` in Paris."""
    local = PARIS.localize(datetime.combine(day, datetime.min.time()))
    local += timedelta(hours=hour, minutes=minute)
    return local.astimezone(pytz.utc).replace(tzinfo=None)


def local(env, day, hour=None, minute=0):
    """How messages show ``day`` (and a time) in the user's date format."""
    text = format_date(env, day)
    return f"{text} {hour:02d}:{minute:02d}" if hour is not None else text


class CaeTlCommon(CaeAccountingCommon):
    """A place of company A, open Monday to Friday 8:00-18:00 (Paris), closed
    on Friday 13 March 2026, with a 3-desk open space, two meeting rooms (one
    with a 15-minute buffer, on a one-minute grid), a laser cutter requiring
    a training, and a rate card of 5 €/h, 15 € the half-day (4 h) and 25 €
    the day (8 h) for everyone, 6 €/h for the public."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="Europe/Paris"))
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Test place hours",
                "tz": "Europe/Paris",
                "company_id": cls.company.id,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": str(day),
                            "dayofweek": str(day),
                            "hour_from": 8.0,
                            "hour_to": 18.0,
                            "day_period": "morning",
                        }
                    )
                    for day in range(5)
                ],
                "leave_ids": [
                    Command.create(
                        {
                            "name": "Closed",
                            "date_from": "2026-03-12 23:00:00",
                            "date_to": "2026-03-13 22:59:59",
                        }
                    )
                ],
            }
        )
        cls.place_activity = cls.env["cae.activity"].create(
            {
                "name": "Test place",
                "kind": "cooperative",
                "company_id": cls.company.id,
            }
        )
        cls.place = cls.env["cae.tl.place"].create(
            {
                "name": "Test place",
                "company_id": cls.company.id,
                "calendar_id": cls.calendar.id,
                "zone": "rural",
                "activity_id": cls.place_activity.id,
                "late_cancel_policy": "charge",
            }
        )
        Type = cls.env["cae.tl.resource.type"]
        cls.type_desk = Type.create({"name": "Desk", "kind": "desk"})
        cls.type_room = Type.create({"name": "Room", "kind": "room"})
        cls.type_laser = Type.create(
            {
                "name": "Laser cutter",
                "kind": "machine",
                "requires_training": True,
                "training_validity_months": 12,
            }
        )
        Resource = cls.env["cae.tl.resource"]
        common = {"place_id": cls.place.id, "horizon_days": 30}
        cls.desks = Resource.create(
            {**common, "name": "Open space", "type_id": cls.type_desk.id, "capacity": 3}
        )
        cls.room = Resource.create(
            {
                **common,
                "name": "Room A",
                "type_id": cls.type_room.id,
                "capacity": 8,
                "slot_step": 1,
            }
        )
        cls.room_buffered = Resource.create(
            {
                **common,
                "name": "Room B",
                "type_id": cls.type_room.id,
                "capacity": 8,
                "slot_step": 1,
                "buffer_minutes": 15,
            }
        )
        cls.laser = Resource.create(
            {
                **common,
                "name": "Laser",
                "type_id": cls.type_laser.id,
                "slot_step": 60,
                "max_duration": 4.0,
                "buffer_minutes": 30,
            }
        )
        Price = cls.env["cae.tl.price"]
        for category in ("entrepreneur", "member", "external"):
            Price.create(
                {
                    "place_id": cls.place.id,
                    "user_category": category,
                    "price_hour": 5.0,
                    "price_half_day": 15.0,
                    "price_day": 25.0,
                }
            )
        Price.create(
            {
                "place_id": cls.place.id,
                "user_category": "public",
                "price_hour": 6.0,
            }
        )
        cls.external = cls.env["res.partner"].create(
            {
                "name": "Remote Worker",
                "company_id": cls.company.id,
                "cae_tl_category": "external",
            }
        )
        cls.walker = cls.env["res.partner"].create(
            {"name": "Passer-by", "company_id": cls.company.id}
        )

    @classmethod
    def _book(cls, resource, start, hours, partner=None, confirm=True, **vals):
        booking = cls.env["cae.tl.booking"].create(
            {
                "resource_id": resource.id,
                "partner_id": (partner or cls.external).id,
                "start": start,
                "stop": start + timedelta(hours=hours),
                **vals,
            }
        )
        if confirm:
            booking.action_confirm()
        return booking

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


class CaeTlNetworkCommon(CaeTlCommon):
    """A network of two companies and a partner outside the database.

    - Company A (the cooperative, French chart): the test place, with a
      "network" rate of 5 €/h, 15 € the half-day, 25 € the day; Alice is
      its entrepreneur; Dan, a contact of A, holds its network pass
      (10 hours a month, shared, 30 € a month).
    - Company B (a SCIC running places, French chart): the partner place,
      open Monday to Friday 8:00-18:00, with 4 desks (network: 4 €/h, 12 €
      the half-day, 20 € the day; public: 6 €/h) and a room (network:
      10 €/h), both invoiced with B's 20 % VAT; Carla is B's entrepreneur.
    - The partner fablab, outside the database, whose place A lists: desks
      at 3 €/h for the network.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Chart = cls.env["account.chart.template"]
        Chart.try_loading("fr", company=cls.company_b, install_demo=False)
        cls.company_b.partner_id.is_company = True
        cls.company.partner_id.is_company = True
        cls.calendar_b = cls.calendar.copy(
            {"name": "Partner hours", "company_id": cls.company_b.id}
        )
        cls.place_b_activity = cls.env["cae.activity"].create(
            {
                "name": "Partner place",
                "kind": "cooperative",
                "company_id": cls.company_b.id,
            }
        )
        cls.place_b = cls.env["cae.tl.place"].create(
            {
                "name": "Partner place",
                "company_id": cls.company_b.id,
                "calendar_id": cls.calendar_b.id,
                "activity_id": cls.place_b_activity.id,
            }
        )
        Resource = cls.env["cae.tl.resource"]
        cls.desks_b = Resource.create(
            {
                "name": "Partner desks",
                "place_id": cls.place_b.id,
                "type_id": cls.type_desk.id,
                "capacity": 4,
                "horizon_days": 30,
            }
        )
        cls.room_b = Resource.create(
            {
                "name": "Partner room",
                "place_id": cls.place_b.id,
                "type_id": cls.type_room.id,
                "capacity": 6,
                "horizon_days": 30,
            }
        )
        Price = cls.env["cae.tl.price"]
        for vals in (
            {"type_id": cls.type_desk.id, "price_hour": 4.0, "price_half_day": 12.0}
            | {"price_day": 20.0, "user_category": "network"},
            {"type_id": cls.type_desk.id, "price_hour": 6.0, "user_category": "public"},
            {
                "type_id": cls.type_room.id,
                "price_hour": 10.0,
                "user_category": "network",
            },
        ):
            Price.create({"place_id": cls.place_b.id, **vals})
        Price.create(
            {
                "place_id": cls.place.id,
                "user_category": "network",
                "price_hour": 5.0,
                "price_half_day": 15.0,
                "price_day": 25.0,
            }
        )
        # B invoices with its 20 % VAT (A has the same purchase rate).
        vat_b = cls.env["account.tax"].search(
            [
                ("company_id", "=", cls.company_b.id),
                ("type_tax_use", "=", "sale"),
                ("amount", "=", 20.0),
                ("amount_type", "=", "percent"),
                ("price_include", "=", False),
            ],
            limit=1,
        )
        (cls.desks_b.product_id | cls.room_b.product_id).write(
            {"taxes_id": [Command.link(vat_b.id)]}
        )
        cls.vat_b = vat_b
        cls.fablab = cls.env["res.partner"].create(
            {"name": "Partner Fablab", "is_company": True}
        )
        cls.network = cls.env["cae.tl.network"].create(
            {
                "name": "Test network",
                "structure_ids": [
                    Command.create({"partner_id": cls.company.partner_id.id}),
                    Command.create({"partner_id": cls.company_b.partner_id.id}),
                    Command.create({"partner_id": cls.fablab.id}),
                ],
            }
        )
        cls.network.place_ids = cls.place | cls.place_b
        cls.listing = cls.env["cae.tl.place"].create(
            {
                "name": "Listed fablab",
                "company_id": cls.company.id,
                "calendar_id": cls.calendar.id,
                "operator_id": cls.fablab.id,
                "network_ids": [Command.link(cls.network.id)],
                "activity_id": cls.company.cae_cooperative_activity_id.id,
            }
        )
        cls.listing_desks = Resource.create(
            {
                "name": "Fablab desks",
                "place_id": cls.listing.id,
                "type_id": cls.type_desk.id,
                "capacity": 2,
            }
        )
        Price.create(
            {
                "place_id": cls.listing.id,
                "user_category": "network",
                "price_hour": 3.0,
            }
        )
        cls.network_pass = cls.env["cae.tl.membership.plan"].create(
            {
                "name": "Network pass",
                "place_id": cls.place.id,
                "scope": "network",
                "network_id": cls.network.id,
                "credit_hours": 10,
                "fee": 30.0,
            }
        )
        cls.dan = cls.env["res.partner"].create(
            {"name": "Dan Member", "company_id": cls.company.id}
        )
        cls.dan_pass = cls.env["cae.tl.membership"].create(
            {
                "partner_id": cls.dan.id,
                "plan_id": cls.network_pass.id,
                "date_start": date(2026, 1, 1),
            }
        )
        cls.carla = cls.carla_b
        cls.passer_b = cls.env["res.partner"].create(
            {"name": "Passer-by B", "company_id": cls.company_b.id}
        )

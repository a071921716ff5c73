# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestBackOffice(HttpCase):
    """The facilitator's screens work in the web client."""

    def test_place_bookings_tour(self):
        calendar = self.env["resource.calendar"].create(
            {"name": "Tour hours", "tz": "Europe/Paris"}
        )
        place = self.env["cae.tl.place"].create(
            {"name": "Tour place", "sequence": 0, "calendar_id": calendar.id}
        )
        room = self.env["cae.tl.resource"].create(
            {"name": "Tour room", "place_id": place.id, "kind": "room"}
        )
        partner = self.env["res.partner"].create({"name": "Tour customer"})
        day = fields.Date.today() + timedelta(days=7 - fields.Date.today().weekday())
        slot = room._get_free_slots(day, day + timedelta(days=4), 1.0)[0]
        booking = self.env["cae.tl.booking"].create(
            {
                "resource_id": room.id,
                "partner_id": partner.id,
                "start": slot,
                "stop": slot + timedelta(hours=1),
            }
        )
        booking.action_confirm()
        new_test_user(
            self.env,
            login="tl_tour_facilitator",
            groups="base.group_user,cae_tierslieux.group_cae_tl_user",
            tz="Europe/Paris",
        )
        self.start_tour(
            "/odoo/action-cae_tierslieux.cae_tl_place_action",
            "cae_tl_backoffice_tour",
            login="tl_tour_facilitator",
        )

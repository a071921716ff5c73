# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CaeTlNetworkCommon


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


@tagged("post_install", "-at_install")
class TestNetworkTour(CaeTlNetworkCommon, HttpCase):
    """An entrepreneur of company A books in the place of company B on the
    portal, in French; the month's billing of B's place bills company A,
    records B's bill in A's books and charges her activity."""

    def test_book_in_a_partner_place_tour(self):
        user = new_test_user(
            self.env,
            login="tl_network_lea",
            groups="base.group_portal",
            lang="fr_FR",
            tz="Europe/Paris",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        lea = self.Entrepreneur.create(
            {
                "name": "Léa Réseau",
                "partner_id": user.partner_id.id,
                "company_id": self.company.id,
                "advisor_id": self.advisor.id,
                "info_meeting_date": date(2024, 1, 10),
            }
        )
        self.start_tour(
            "/my/tierslieux", "cae_tl_network_booking_tour", login=user.login
        )
        booking = self.env["cae.tl.booking"].search(
            [("partner_id", "=", user.partner_id.id)]
        )
        self.assertRecordValues(
            booking,
            [
                {
                    "resource_id": self.desks_b.id,
                    "state": "confirmed",
                    "user_category": "network",
                    "home_company_id": self.company.id,
                    "entrepreneur_id": lea.id,
                    "amount": 4.0,
                    "network_amount": 4.0,
                }
            ],
        )
        self.env["cae.tl.billing.run"]._run_for(self.place_b, booking.date)
        self.assertRecordValues(
            booking.network_invoice_id,
            [
                {
                    "company_id": self.company_b.id,
                    "partner_id": self.company.partner_id.id,
                    "amount_untaxed": 4.0,
                    "amount_total": 4.8,
                }
            ],
        )
        self.assertRecordValues(
            booking.network_bill_id,
            [{"company_id": self.company.id, "amount_total": 4.8}],
        )
        self.assertRecordValues(
            booking.move_id,
            [
                {
                    "company_id": self.company.id,
                    "cae_activity_id": lea.activity_id.id,
                    "amount_total": 4.0,
                }
            ],
        )

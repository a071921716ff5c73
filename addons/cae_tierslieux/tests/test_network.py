# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, ValidationError

from .common import MONDAY, NOW, CaeTlNetworkCommon, paris

TUESDAY, WEDNESDAY, THURSDAY = (date(2026, 3, d) for d in (10, 11, 12))


@freeze_time(NOW)
class TestNetworkAccess(CaeTlNetworkCommon):
    """Who books where, at which rate, under the network's rules."""

    def _access(self, place, partner, day=MONDAY):
        return place._access_for(partner, day)

    def test_entrepreneur_of_the_cooperative_is_a_guest_of_the_partner(self):
        access = self._access(self.place_b, self.alice.partner_id)
        self.assertEqual(access.category, "network")
        self.assertEqual(access.home_company, self.company)
        self.assertEqual(access.entrepreneur, self.alice)
        self.assertEqual(access.network, self.network)
        # At home she is an entrepreneur, not a guest.
        home = self._access(self.place, self.alice.partner_id)
        self.assertEqual((home.category, home.network), ("entrepreneur", None))
        # And the other way round: B's entrepreneur at A's place.
        carla = self._access(self.place, self.carla.partner_id)
        self.assertEqual(
            (carla.category, carla.home_company), ("network", self.company_b)
        )

    def test_booking_records_the_home_structure(self):
        booking = self._book(self.desks_b, paris(MONDAY, 9), 4, self.alice.partner_id)
        self.assertRecordValues(
            booking,
            [
                {
                    "user_category": "network",
                    "company_id": self.company_b.id,
                    "home_company_id": self.company.id,
                    "entrepreneur_id": self.alice.id,
                    "network_id": self.network.id,
                    "host_partner_id": self.company_b.partner_id.id,
                    "booker_name": "Alice Test",
                    "amount": 12.0,
                    "network_amount": 12.0,
                }
            ],
        )
        walker = self._book(self.desks_b, paris(MONDAY, 9), 2, self.passer_b)
        self.assertRecordValues(
            walker,
            [
                {
                    "user_category": "public",
                    "home_company_id": self.company_b.id,
                    "network_id": False,
                    "amount": 12.0,
                    "network_amount": 0.0,
                }
            ],
        )

    def test_network_rules(self):
        self.network.allow_entrepreneurs = False
        self.assertIsNone(self._access(self.place_b, self.alice.partner_id))
        booking = self._book(self.desks_b, paris(MONDAY, 9), 2, self.alice.partner_id)
        self.assertEqual(booking.user_category, "public", "not a guest any more")
        # Members of any place of the network, when the network says so.
        member = self.env["res.partner"].create({"name": "Card holder"})
        card = self.env["cae.tl.membership.plan"].create(
            {"name": "Card", "place_id": self.place.id, "credit_hours": 5}
        )
        self.env["cae.tl.membership"].create(
            {"partner_id": member.id, "plan_id": card.id, "date_start": MONDAY}
        )
        self.assertIsNone(self._access(self.place_b, member))
        self.network.allow_members = True
        self.assertEqual(self._access(self.place_b, member).home_company, self.company)
        # Nobody is a guest of an archived network.
        self.network.active = False
        self.assertIsNone(self._access(self.place_b, member))

    def test_guests_booking_horizon(self):
        self.network.guest_horizon_days = 5
        Booking = self.env["cae.tl.booking"].with_context(cae_tl_self_service=True)
        vals = {
            "resource_id": self.desks_b.id,
            "partner_id": self.alice.partner_id.id,
            "start": paris(MONDAY, 9),
            "stop": paris(MONDAY, 11),
        }
        with self.assertRaisesText(ValidationError, "at most 5 days ahead"):
            Booking.create(vals)
        # The place's own horizon (30 days) for its own people.
        Booking.create({**vals, "partner_id": self.walker.id})

    def test_places_open_to(self):
        Place = self.env["cae.tl.place"]
        self.assertEqual(
            Place._places_open_to(self.alice.partner_id, MONDAY),
            self.place | self.place_b | self.listing,
        )
        self.assertEqual(
            Place._places_open_to(self.dan, MONDAY),
            self.place | self.place_b | self.listing,
            "the pass is valid in every place of the network",
        )
        self.assertFalse(Place._places_open_to(self.walker, MONDAY))

    def test_partner_places_are_run_by_a_structure(self):
        stranger = self.env["res.partner"].create(
            {"name": "Stranger", "is_company": True}
        )
        with self.assertRaisesText(ValidationError, "not a structure of the network"):
            self.env["cae.tl.place"].create(
                {
                    "name": "Stray place",
                    "company_id": self.company.id,
                    "calendar_id": self.calendar.id,
                    "operator_id": stranger.id,
                    "network_ids": [Command.link(self.network.id)],
                }
            )
        with self.assertRaisesText(ValidationError, "create the place"):
            self.env["cae.tl.place"].create(
                {
                    "name": "B's place in A",
                    "company_id": self.company.id,
                    "calendar_id": self.calendar.id,
                    "operator_id": self.company_b.partner_id.id,
                    "network_ids": [Command.link(self.network.id)],
                }
            )


@freeze_time(NOW)
class TestMultiPlacePlans(CaeTlNetworkCommon):
    """Plans valid in several places: shared or per-place credits, fees per
    home place, and a network pass across companies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.second = cls.env["cae.tl.place"].create(
            {
                "name": "Second place",
                "company_id": cls.company.id,
                "calendar_id": cls.calendar.id,
                "activity_id": cls.place_activity.id,
            }
        )
        cls.second_desks = cls.env["cae.tl.resource"].create(
            {"name": "Second desks", "place_id": cls.second.id, "capacity": 2}
        )
        cls.env["cae.tl.price"].create(
            {"place_id": cls.second.id, "user_category": "member", "price_hour": 2.0}
        )
        cls.plan = cls.env["cae.tl.membership.plan"].create(
            {
                "name": "Two places",
                "place_id": cls.place.id,
                "scope": "places",
                "extra_place_ids": [Command.link(cls.second.id)],
                "credit_hours": 10,
                "fee": 40.0,
                "place_line_ids": [
                    Command.create({"place_id": cls.second.id, "fee": 25.0})
                ],
            }
        )
        cls.member = cls.env["res.partner"].create({"name": "Two-place member"})

    def _member(self, place=None, **plan_vals):
        if plan_vals:
            self.plan.write(plan_vals)
        return self.env["cae.tl.membership"].create(
            {
                "partner_id": self.member.id,
                "plan_id": self.plan.id,
                "date_start": date(2026, 1, 1),
                **({"place_id": place.id} if place else {}),
            }
        )

    def test_shared_credits(self):
        membership = self._member()
        first = self._book(self.desks, paris(MONDAY, 8), 6, self.member)
        second = self._book(self.second_desks, paris(TUESDAY, 8), 6, self.member)
        self.assertEqual((first.credit_hours, first.amount), (6.0, 0.0))
        self.assertEqual(
            (second.credit_hours, second.amount, second.user_category),
            (4.0, 4.0, "member"),
            "4 h left of the 10 shared hours, 2 h at the second place's member rate",
        )
        self.assertEqual(membership.plan_id.valid_place_ids, self.place | self.second)

    def test_credits_per_place(self):
        self._member(credit_scope="per_place")
        self._book(self.desks, paris(MONDAY, 8), 6, self.member)
        second = self._book(self.second_desks, paris(TUESDAY, 8), 6, self.member)
        self.assertEqual((second.credit_hours, second.amount), (6.0, 0.0))
        third = self._book(self.second_desks, paris(WEDNESDAY, 8), 6, self.member)
        self.assertEqual((third.credit_hours, third.amount), (4.0, 4.0))

    def test_fee_of_the_home_place(self):
        self.assertEqual(self._member().fee, 40.0)
        self.assertEqual(self._member(place=self.second).fee, 25.0)
        with self.assertRaisesText(ValidationError, "home place"):
            self._member(place=self.place_b)

    def test_plan_valid_only_in_places_of_its_networks(self):
        stranger_place = self.env["cae.tl.place"].create(
            {
                "name": "Not in a network",
                "company_id": self.company_b.id,
                "calendar_id": self.calendar_b.id,
            }
        )
        with self.assertRaisesText(ValidationError, "cannot be valid"):
            self.plan.extra_place_ids = [Command.link(stranger_place.id)]

    def test_network_pass_at_the_partner(self):
        first = self._book(self.desks_b, paris(WEDNESDAY, 8), 6, self.dan)
        self.assertRecordValues(
            first,
            [
                {
                    "membership_id": self.dan_pass.id,
                    "credit_hours": 6.0,
                    "amount": 0.0,
                    "network_amount": 20.0,
                    "home_company_id": self.company.id,
                    "user_category": "network",
                }
            ],
        )
        second = self._book(self.desks_b, paris(THURSDAY, 8), 6, self.dan)
        self.assertEqual(
            (second.credit_hours, second.amount, second.network_amount),
            (4.0, 8.0, 20.0),
        )


@freeze_time("2026-04-02 07:00:00")
class TestNetworkBilling(CaeTlNetworkCommon):
    """March 2026 in the network, billed on 2 April.

    At B's place: Alice (A's entrepreneur) takes a desk on Monday 9 March
    9:00-13:00 (a half-day, 12.00) and the room on Tuesday 10 March
    9:00-11:00 (20.00); Dan (A's network pass, 10 h) a desk on Wednesday and
    Thursday 8:00-14:00 (6 h each, 20.00 each for B: a day; for Dan, 6 h
    then 4 h covered, 2 h at 4.00 = 8.00); a passer-by 2 h at 6.00 (B's own
    customer). At A's place, Carla (B's entrepreneur) 2 h (10.00). At the
    fablab listed by A, Alice 2 h (6.00).

    B bills A 72.00 excl. VAT (86.40 with B's 20 %), recorded as A's vendor
    bill; A charges Alice's activity 32.00 + 6.00 and invoices Dan 8.00; A
    bills B 10.00, B charges Carla's activity 10.00; the fablab's bill in A
    is 6.00.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        alice = cls.alice.partner_id
        cls.alice_desk = cls._book(cls.desks_b, paris(MONDAY, 9), 4, alice)
        cls.alice_room = cls._book(cls.room_b, paris(TUESDAY, 9), 2, alice)
        cls.dan_1 = cls._book(cls.desks_b, paris(WEDNESDAY, 8), 6, cls.dan)
        cls.dan_2 = cls._book(cls.desks_b, paris(THURSDAY, 8), 6, cls.dan)
        cls.walker_b = cls._book(cls.desks_b, paris(MONDAY, 14), 2, cls.passer_b)
        cls.carla_a = cls._book(cls.desks, paris(MONDAY, 14), 2, cls.carla.partner_id)
        cls.alice_fablab = cls._book(cls.listing_desks, paris(MONDAY, 9), 2, alice)
        cls.alice_home = cls._book(cls.desks, paris(MONDAY, 9), 2, alice)
        cls.Run = cls.env["cae.tl.billing.run"]

    def _run(self, place):
        return self.Run._run_for(place, date(2026, 3, 1))

    def _result(self, activity):
        """The activity's result in March (its balance's indicator)."""
        values = activity._get_indicator_values(
            date(2026, 3, 1), date(2026, 3, 31), codes=["result"]
        )
        return values[activity.id]["result"]

    def test_partner_bills_the_cooperative_and_the_activity_is_charged(self):
        run = self._run(self.place_b)
        guests = self.alice_desk | self.alice_room | self.dan_1 | self.dan_2
        invoice = guests.network_invoice_id
        self.assertRecordValues(
            invoice,
            [
                {
                    "move_type": "out_invoice",
                    "company_id": self.company_b.id,
                    "partner_id": self.company.partner_id.id,
                    "amount_untaxed": 72.0,
                    "amount_total": 86.4,
                    "state": "posted",
                    "cae_activity_id": self.place_b_activity.id,
                }
            ],
        )
        self.assertEqual(
            invoice.invoice_line_ids.mapped("price_subtotal"), [12.0, 20.0, 20.0, 20.0]
        )
        self.assertIn("Dan Member", invoice.invoice_line_ids[2].name)
        bill = guests.network_bill_id
        self.assertRecordValues(
            bill,
            [
                {
                    "move_type": "in_invoice",
                    "company_id": self.company.id,
                    "partner_id": self.company_b.partner_id.id,
                    "ref": invoice.name,
                    "amount_untaxed": 72.0,
                    "amount_total": 86.4,
                    "state": "posted",
                    "cae_activity_id": self.company.cae_cooperative_activity_id.id,
                    "cae_tl_network_invoice_id": invoice.id,
                }
            ],
        )
        self.assertEqual(invoice.cae_tl_network_bill_id, bill)
        # A charges its members what the bookings cost them.
        charge = (self.alice_desk | self.alice_room).move_id
        self.assertRecordValues(
            charge,
            [
                {
                    "move_type": "entry",
                    "company_id": self.company.id,
                    "cae_activity_id": self.alice.activity_id.id,
                    "amount_total": 32.0,
                    "state": "posted",
                }
            ],
        )
        self.assertEqual(self._result(self.alice.activity_id), -32.0)
        dan_invoice = self.dan_2.move_id
        self.assertRecordValues(
            dan_invoice,
            [
                {
                    "move_type": "out_invoice",
                    "company_id": self.company.id,
                    "partner_id": self.dan.id,
                    "amount_untaxed": 8.0,
                }
            ],
        )
        self.assertFalse(self.dan_1.move_id, "covered by the pass: nothing to charge")
        # The shared services of A bear the bill (-72) and get the charges
        # (+32 from Alice, +8 from Dan): the pass costs A 32.00.
        self.assertEqual(self._result(self.company.cae_cooperative_activity_id), -32.0)
        # B's passer-by is B's own customer.
        self.assertEqual(self.walker_b.move_id.partner_id, self.passer_b)
        self.assertEqual(run.amount_network, 72.0)
        self.assertEqual(run.amount_invoiced, 12.0)

    def test_the_other_way_round(self):
        self._run(self.place)
        invoice = self.carla_a.network_invoice_id
        self.assertRecordValues(
            invoice,
            [
                {
                    "company_id": self.company.id,
                    "partner_id": self.company_b.partner_id.id,
                    "amount_untaxed": 10.0,
                }
            ],
        )
        self.assertEqual(self.carla_a.network_bill_id.company_id, self.company_b)
        self.assertEqual(self.carla_a.move_id.company_id, self.company_b)
        self.assertEqual(self._result(self.carla.activity_id), -10.0)
        # Alice at home: the ordinary internal charge.
        self.assertEqual(
            self.alice_home.move_id.cae_activity_id, self.alice.activity_id
        )
        self.assertFalse(self.alice_home.network_bill_id)

    def test_listed_partner_place(self):
        self._run(self.listing)
        bill = self.alice_fablab.network_bill_id
        self.assertRecordValues(
            bill,
            [
                {
                    "move_type": "in_invoice",
                    "company_id": self.company.id,
                    "partner_id": self.fablab.id,
                    "amount_untaxed": 6.0,
                    "state": "posted",
                }
            ],
        )
        self.assertFalse(self.alice_fablab.network_invoice_id)
        self.assertEqual(self.alice_fablab.move_id.amount_total, 6.0)

    def test_nothing_billed_twice(self):
        self._run(self.place_b)
        moves = self.env["account.move"].search_count([])
        self._run(self.place_b)
        self.assertEqual(self.env["account.move"].search_count([]), moves)

    def test_network_report(self):
        for place in (self.place, self.place_b, self.listing):
            self._run(place)
        Report = self.env["cae.tl.network.report"]
        billed = {
            (host.name, home.name): amount
            for host, home, amount in Report._read_group(
                [
                    ("is_guest", "=", True),
                    ("place_id", "in", (self.place | self.place_b | self.listing).ids),
                ],
                ["host_partner_id", "home_partner_id"],
                ["billed_amount:sum"],
            )
        }
        self.assertEqual(
            billed,
            {
                ("CAE Test B", "CAE Test A"): 72.0,
                ("CAE Test A", "CAE Test B"): 10.0,
                ("Partner Fablab", "CAE Test A"): 6.0,
            },
        )
        members = dict(
            Report._read_group(
                [("place_id", "=", self.place_b.id)], ["is_guest"], ["member_count:sum"]
            )
        )
        self.assertEqual(members, {True: 2, False: 1})
        occupancy = self.env["cae.tl.occupancy.report"]._read_group(
            [
                ("month", "=", date(2026, 3, 1)),
                ("operator_id", "=", self.company_b.partner_id.id),
            ],
            [],
            ["booked_hours:sum"],
        )
        self.assertEqual(occupancy[0][0], 4 + 2 + 6 + 6 + 2)


@freeze_time("2026-04-02 07:00:00")
class TestNetworkPrivacy(CaeTlNetworkCommon):
    """Each structure sees its places' bookings and its own members'
    bookings elsewhere, and the names it needs, nothing more."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.facilitator_a = cls._new_user(
            "tl_user_a", "cae_tierslieux.group_cae_tl_user"
        )
        cls.facilitator_b = cls._new_user(
            "tl_user_b", "cae_tierslieux.group_cae_tl_user", company=cls.company_b
        )
        alice = cls.alice.partner_id
        cls.alice_b = cls._book(cls.desks_b, paris(MONDAY, 9), 4, alice)
        cls.alice_a = cls._book(cls.desks, paris(MONDAY, 9), 2, alice)
        cls.walker_b = cls._book(cls.desks_b, paris(MONDAY, 14), 2, cls.passer_b)
        cls.dan_b = cls._book(cls.desks_b, paris(TUESDAY, 9), 2, cls.dan)

    def _visible(self, user):
        return self.env["cae.tl.booking"].with_user(user).search([])

    def test_host_sees_its_place_and_the_names(self):
        seen = self._visible(self.facilitator_b)
        self.assertEqual(seen, self.alice_b | self.walker_b | self.dan_b)
        alice_b = self.alice_b.with_user(self.facilitator_b)
        self.assertEqual(alice_b.booker_name, "Alice Test")
        self.assertEqual(alice_b.partner_id.display_name, "Alice Test")
        # The entrepreneur's file and the pass are A's.
        with self.assertRaises(AccessError):
            alice_b.entrepreneur_id.check_access("read")
        with self.assertRaises(AccessError):
            self.dan_b.with_user(self.facilitator_b).membership_id.check_access("read")

    def test_places_are_the_network_catalogue(self):
        Place = self.env["cae.tl.place"].with_user(self.facilitator_b)
        self.assertEqual(Place.search([]), self.place | self.place_b | self.listing)
        self.assertEqual(self.network.with_user(self.facilitator_b).place_count, 3)
        manager_b = self._new_user(
            "tl_manager_b",
            "cae_tierslieux.group_cae_tl_manager",
            company=self.company_b,
        )
        with self.assertRaises(AccessError):
            self.place.with_user(manager_b).write({"name": "Taken over"})
        # Its resources and bookings stay the company's.
        self.assertFalse(
            self.env["cae.tl.resource"]
            .with_user(self.facilitator_b)
            .search([("place_id", "=", self.place.id)])
        )

    def test_home_sees_its_members_elsewhere(self):
        seen = self._visible(self.facilitator_a)
        self.assertEqual(seen, self.alice_b | self.alice_a | self.dan_b)
        self.assertNotIn(self.walker_b, seen)

    def test_network_report_figures_are_shared(self):
        self.Run = self.env["cae.tl.billing.run"]
        self.Run._run_for(self.place_b, date(2026, 3, 1))
        rows = (
            self.env["cae.tl.network.report"].with_user(self.facilitator_a).search([])
        )
        self.assertIn(self.place_b, rows.place_id, "A sees the network's figures")
        stranger = self.env["res.company"].create({"name": "Outside"})
        outsider = self._new_user(
            "tl_outsider", "cae_tierslieux.group_cae_tl_user", company=stranger
        )
        self.assertFalse(
            self.env["cae.tl.network.report"].with_user(outsider).search([])
        )
        self.assertFalse(self._visible(outsider))

    def test_who_belongs_to_a_network_is_its_structures_business(self):
        """A cooperative of the database outside the network reads neither
        the network nor its structures (the crawler found the first
        cooperative's structure in the Belgian cooperative's screens)."""
        member = self.network.with_user(self.facilitator_b)
        self.assertEqual(member.structure_ids, self.network.structure_ids)
        stranger = self.env["res.company"].create({"name": "Outside"})
        outsider = self._new_user(
            "tl_outsider", "cae_tierslieux.group_cae_tl_user", company=stranger
        )
        self.assertFalse(
            self.env["cae.tl.network.structure"].with_user(outsider).search([])
        )
        self.assertFalse(self.env["cae.tl.network"].with_user(outsider).search([]))
        with self.assertRaises(AccessError):
            self.network.with_user(outsider).check_access("read")

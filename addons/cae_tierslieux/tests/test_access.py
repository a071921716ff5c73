# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import MONDAY, NOW, CaeTlCommon, paris


@freeze_time(NOW)
class TestAccess(CaeTlCommon):
    """Each user sees their own bookings; staff see their companies'."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env,
            login="tl_access_portal",
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.facilitator = new_test_user(
            cls.env,
            login="tl_facilitator",
            groups="base.group_user,cae_tierslieux.group_cae_tl_user",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.facilitator_b = new_test_user(
            cls.env,
            login="tl_facilitator_b",
            groups="base.group_user,cae_tierslieux.group_cae_tl_user",
            company_id=cls.company_b.id,
            company_ids=[cls.company_b.id],
        )
        cls.portal_booking = cls._book(
            cls.desks, paris(MONDAY, 9), 2, cls.portal.partner_id
        )
        cls.alice_booking = cls._book(
            cls.desks, paris(MONDAY, 9), 2, cls.alice.partner_id
        )
        cls.bob_booking = cls._book(cls.room, paris(MONDAY, 9), 2, cls.bob.partner_id)
        cls.external_booking = cls._book(cls.room, paris(MONDAY, 12), 2)
        cls.all = (
            cls.portal_booking
            | cls.alice_booking
            | cls.bob_booking
            | cls.external_booking
        )

    def _visible(self, user):
        return (
            self.env["cae.tl.booking"]
            .with_user(user)
            .search([("id", "in", self.all.ids)])
        )

    def test_portal_user_sees_own_bookings_only(self):
        self.assertEqual(self._visible(self.portal), self.portal_booking)
        with self.assertRaises(AccessError):
            self.alice_booking.with_user(self.portal).read(["partner_id"])
        with self.assertRaises(AccessError):
            self.portal_booking.with_user(self.portal).write({"amount": 0.0})
        # Places and resources are public to them.
        self.assertEqual(self.desks.with_user(self.portal).name, "Open space")

    def test_entrepreneur_sees_own_bookings_only(self):
        self.assertEqual(self._visible(self.entrepreneur_user), self.alice_booking)
        with self.assertRaises(AccessError):
            self.alice_booking.with_user(self.entrepreneur_user).action_cancel()

    def test_advisor_sees_followed_entrepreneurs(self):
        self.assertEqual(self._visible(self.advisor), self.alice_booking)
        self.assertEqual(self._visible(self.other_advisor), self.bob_booking)
        with self.assertRaises(AccessError):
            self.alice_booking.with_user(self.advisor).write({"note": "x"})

    def test_staff_see_their_companies(self):
        self.assertEqual(self._visible(self.accountant), self.all)
        self.assertEqual(self._visible(self.facilitator), self.all)
        self.assertFalse(self._visible(self.facilitator_b))
        booking = self._book(self.room, paris(MONDAY, 15), 1).with_user(
            self.facilitator
        )
        booking.action_cancel()
        self.assertEqual(booking.state, "cancelled")

    def test_memberships_and_trainings_are_private(self):
        plan = self.env["cae.tl.membership.plan"].create(
            {"name": "Card", "place_id": self.place.id, "credit_hours": 5}
        )
        Membership = self.env["cae.tl.membership"]
        own, other = Membership.create(
            [
                {"partner_id": self.portal.partner_id.id, "plan_id": plan.id},
                {"partner_id": self.external.id, "plan_id": plan.id},
            ]
        )
        self.assertEqual(Membership.with_user(self.portal).search([]), own)
        Training = self.env["cae.tl.training"]
        mine, _theirs = Training.create(
            [
                {
                    "partner_id": partner.id,
                    "type_id": self.type_laser.id,
                    "company_id": self.company.id,
                }
                for partner in (self.portal.partner_id, self.external)
            ]
        )
        self.assertEqual(Training.with_user(self.portal).search([]), mine)
        self.assertIn(other, Membership.with_user(self.facilitator).search([]))

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import CaeGovernanceCommon


@freeze_time("2026-06-30")
class TestTransfer(CaeGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._subscribe(
            cls.assoc_martin, 3, date(2025, 1, 15), cls.class_b, initial_payment=300
        )
        cls.claude = cls.env["res.partner"].create({"name": "Claude Nouveau"})
        cls.register = cls.env["cae.share.register"]._get_for_company(cls.company)

    def _transfer(self, associate, partner, quantity, share_class=None):
        return self._operation(
            "transfer",
            associate,
            quantity,
            date(2026, 3, 1),
            share_class or self.class_b,
            partner_to_id=partner.id,
        )

    def test_transfer_to_non_associate_needs_approval(self):
        transfer = self._transfer(self.assoc_martin, self.claude, 1)
        next_number = self.register.next_number
        with self.assertRaises(UserError) as error:
            transfer.action_validate()
        self.assertIn("Claude Nouveau is not an associate", str(error.exception))
        self.assertFalse(transfer.number)
        self.assertFalse(transfer.line_ids)
        self.assertFalse(self.Associate.search([("partner_id", "=", self.claude.id)]))
        self.assertEqual(self.register.next_number, next_number)
        # Only a manager approves.
        with self.assertRaises(UserError):
            transfer.with_user(self.accountant).action_approve_transfer()
        transfer.with_user(self.manager).action_approve_transfer()
        self.assertRecordValues(
            transfer, [{"transfer_approved": True, "approved_by_id": self.manager.id}]
        )
        transfer.with_user(self.accountant).action_validate()
        receiver = transfer.associate_to_id
        self.assertRecordValues(
            receiver,
            [
                {
                    "partner_id": self.claude.id,
                    "kind": "external",
                    "state": "associate",
                    "number": 2,
                    "share_count": 1,
                    "amount_subscribed": 100.0,
                    "amount_paid": 100.0,
                }
            ],
        )
        self.assertEqual(self.assoc_martin.share_count, 2)
        self.register.invalidate_recordset()
        self.assertEqual(self.register.capital_subscribed, 300.0)
        self.assertFalse(transfer.move_ids)

    def test_transfer_between_associates(self):
        self._subscribe(
            self.assoc_scop, 1, date(2025, 2, 1), self.class_b, initial_payment=100
        )
        transfer = self._transfer(self.assoc_martin, self.scop, 2)
        self.assertTrue(transfer.transferee_is_associate)
        transfer.action_validate()
        self.assertEqual(transfer.state, "done")
        self.assertEqual(transfer.associate_to_id, self.assoc_scop)
        self.assertEqual(self.assoc_scop.share_count, 3)
        self.assertEqual(self.assoc_martin.share_count, 1)

    def test_only_fully_paid_shares(self):
        self._subscribe(self.assoc_alice, 8, date(2025, 1, 15))
        self._subscribe(self.assoc_bob, 4, date(2025, 2, 15), initial_payment=100)
        transfer = self._transfer(
            self.assoc_alice, self.bob.partner_id, 4, self.class_a
        )
        with self.assertRaises(UserError) as error:
            transfer.action_validate()
        self.assertIn("Only fully paid shares", str(error.exception))
        self.assertIn(self._fmt(150.0), str(error.exception))

    def test_giver_keeps_the_minimum_or_nothing(self):
        self._subscribe(self.assoc_alice, 8, date(2025, 1, 15), initial_payment=200)
        self._subscribe(self.assoc_bob, 4, date(2025, 2, 15), initial_payment=100)
        transfer = self._transfer(
            self.assoc_alice, self.bob.partner_id, 5, self.class_a
        )
        with self.assertRaises(UserError) as error:
            transfer.action_validate()
        self.assertIn("would hold 3 share(s)", str(error.exception))
        too_many = self._transfer(
            self.assoc_alice, self.bob.partner_id, 9, self.class_a
        )
        with self.assertRaises(UserError) as error:
            too_many.action_validate()
        self.assertIn("holds 8 share(s)", str(error.exception))

    def test_class_closed_to_the_transferee(self):
        transfer = self._transfer(self.assoc_martin, self.alice.partner_id, 1)
        transfer.with_user(self.manager).action_approve_transfer()
        with self.assertRaises(UserError) as error:
            transfer.action_validate()
        self.assertIn("cannot be held by Alice Test", str(error.exception))

    def test_entrepreneur_receiving_shares_becomes_associate(self):
        self._subscribe(self.assoc_alice, 8, date(2025, 1, 15), initial_payment=200)
        transfer = self._transfer(
            self.assoc_alice, self.bob.partner_id, 4, self.class_a
        )
        transfer.with_user(self.manager).action_approve_transfer()
        transfer.action_validate()
        self.assertEqual(self.bob.stage, "associate")
        self.assertEqual(self.bob.associate_date, date(2026, 3, 1))
        self.assertEqual(self.assoc_bob.state, "associate")

    def test_not_to_oneself(self):
        transfer = self._transfer(self.assoc_martin, self.martin, 1)
        with self.assertRaises(UserError):
            transfer.action_validate()

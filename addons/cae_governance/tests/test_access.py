# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import CaeGovernanceCommon


@freeze_time("2026-06-30")
class TestAccess(CaeGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sub_alice = cls._subscribe(cls.assoc_alice, 4, date(2025, 1, 15))
        cls.sub_bob = cls._subscribe(cls.assoc_bob, 4, date(2025, 2, 15))
        cls.martin_portal = new_test_user(
            cls.env,
            login="martin_portal",
            groups="base.group_portal",
            partner_id=cls.martin.id,
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.sub_martin = cls._subscribe(
            cls.assoc_martin, 2, date(2025, 3, 1), cls.class_b
        )

    def test_entrepreneur_sees_own_shares_only(self):
        """Alice (back-office entrepreneur) sees her associate record,
        operations and calls, not Bob's."""
        user = self.entrepreneur_user
        Associate = self.Associate.with_user(user)
        self.assertEqual(Associate.search([]), self.assoc_alice)
        operations = self.Operation.with_user(user).search([])
        self.assertEqual(operations.associate_id, self.assoc_alice)
        self.assertEqual(
            self.env["cae.share.call"].with_user(user).search([]).associate_id,
            self.assoc_alice,
        )
        with self.assertRaises(AccessError):
            self.sub_bob.with_user(user).read(["amount"])
        with self.assertRaises(AccessError):
            self._subscription(self.assoc_alice, 4, date(2025, 3, 1)).with_user(
                user
            ).write({"quantity": 8})

    def test_portal_associate(self):
        user = self.martin_portal
        self.assertEqual(self.Associate.with_user(user).search([]), self.assoc_martin)
        self.assertEqual(
            self.Operation.with_user(user).search([]).associate_id, self.assoc_martin
        )
        self.assertEqual(
            self.env["cae.share.holding"].with_user(user).search([]).associate_id,
            self.assoc_martin,
        )
        with self.assertRaises(AccessError):
            self.assoc_alice.with_user(user).read(["share_count"])

    def test_advisor_reads_the_register(self):
        Associate = self.Associate.with_user(self.advisor)
        self.assertEqual(
            Associate.search([("company_id", "=", self.company.id)]),
            self.assoc_alice | self.assoc_bob | self.assoc_martin | self.assoc_scop,
        )
        with self.assertRaises(AccessError):
            self.sub_alice.with_user(self.advisor).write({"note": "x"})
        draft = self._subscription(self.assoc_alice, 4, date(2025, 3, 1))
        with self.assertRaises(UserError):
            draft.with_user(self.advisor).action_validate()
        self.assertEqual(draft.state, "draft")

    def test_accountant_registers(self):
        draft = self._subscription(self.assoc_alice, 4, date(2025, 3, 1))
        draft.with_user(self.accountant).action_validate()
        self.assertEqual(draft.state, "done")

    def test_other_company(self):
        """A manager of company B sees nothing of company A's capital."""
        Operation = self.Operation.with_user(self.advisor_b).with_context(
            allowed_company_ids=[self.company_b.id]
        )
        self.assertFalse(Operation.search([("company_id", "=", self.company.id)]))
        with self.assertRaises(AccessError):
            self.sub_alice.with_user(self.advisor_b).with_context(
                allowed_company_ids=[self.company_b.id]
            ).read(["amount"])

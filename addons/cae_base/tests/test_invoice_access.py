# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import CaeAccountingCommon


class TestInvoiceAccess(CaeAccountingCommon):
    """Another activity's documents and customers do not exist for an entrepreneur."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = cls.entrepreneur_user
        cls.bob_customer = cls.env["res.partner"].create({"name": "Client de Bob"})
        cls.bob_invoice = cls._invoice(cls.bob.activity_id, partner=cls.bob_customer)
        cls.alice_invoice = cls._invoice(cls.alice.activity_id)

    def test_other_activity_invoice_by_id(self):
        bob_invoice = self.bob_invoice.with_user(self.user)
        with self.assertRaises(AccessError):
            bob_invoice.read(["amount_total"])
        with self.assertRaises(AccessError):
            bob_invoice.write({"ref": "mine"})
        with self.assertRaises(AccessError):
            bob_invoice.action_post()
        with self.assertRaises(AccessError):
            bob_invoice.action_cae_submit()
        with self.assertRaises(AccessError):
            bob_invoice.line_ids.read(["balance"])
        with self.assertRaises(AccessError):
            bob_invoice.unlink()
        self.assertEqual(self.bob_invoice.state, "draft")

    def test_other_activity_invoice_by_search(self):
        Move = self.env["account.move"].with_user(self.user)
        self.assertEqual(Move.search([]), self.alice_invoice)
        self.assertFalse(Move.search([("id", "=", self.bob_invoice.id)]))
        lines = self.env["account.move.line"].with_user(self.user).search([])
        self.assertEqual(lines.move_id, self.alice_invoice)

    def test_duplicate_in_another_activity(self):
        """The form warns of a duplicate only among documents the user reads."""
        twin = self._invoice(self.bob.activity_id, partner=self.customer)
        form_spec = {
            "name": {},
            "duplicated_ref_ids": {"fields": {"display_name": {}}},
        }
        [values] = self.alice_invoice.with_user(self.user).web_read(form_spec)
        self.assertEqual(values["duplicated_ref_ids"], [])
        mine = self._invoice(self.alice.activity_id)
        self.alice_invoice.invalidate_recordset(["duplicated_ref_ids"])
        [values] = self.alice_invoice.with_user(self.user).web_read(form_spec)
        self.assertEqual([dup["id"] for dup in values["duplicated_ref_ids"]], mine.ids)
        # The accountant, who reads every activity's documents, sees both.
        accountant_view = self.alice_invoice.with_user(self.accountant)
        self.assertEqual(accountant_view.duplicated_ref_ids, twin | mine)

    def test_customers_of_the_activity(self):
        """The activity's customers are tagged; others' are invisible."""
        self.assertEqual(self.customer.cae_activity_ids, self.alice.activity_id)
        self.assertEqual(self.bob_customer.cae_activity_ids, self.bob.activity_id)
        Partner = self.env["res.partner"].with_user(self.user)
        visible = Partner.search([])
        self.assertIn(self.customer, visible)
        self.assertIn(self.company.partner_id, visible)
        self.assertIn(self.advisor.partner_id, visible)
        self.assertNotIn(self.bob_customer, visible)
        with self.assertRaises(AccessError):
            self.bob_customer.with_user(self.user).read(["name"])
        created = Partner.create({"name": "Nouvelle cliente"})
        self.assertEqual(created.cae_activity_ids, self.alice.activity_id)
        created.write({"phone": "05 56 00 00 00"})
        # The cooperative's contacts are read-only for entrepreneurs.
        with self.assertRaises(AccessError):
            self.company.partner_id.with_user(self.user).write({"phone": "0"})

    def test_staff_see_every_contact(self):
        visible = self.env["res.partner"].with_user(self.advisor).search([])
        self.assertIn(self.bob_customer, visible)
        self.assertIn(
            self.bob_customer,
            self.env["res.partner"].with_user(self.accountant).search([]),
        )

    def test_accountant_posts_any_activity_invoice(self):
        self.bob_invoice.with_user(self.accountant).action_post()
        self.assertEqual(self.bob_invoice.state, "posted")

    def test_advisor_cannot_post(self):
        with self.assertRaises(AccessError):
            self.alice_invoice.with_user(self.advisor).action_post()

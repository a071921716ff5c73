# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tools.safe_eval import safe_eval

from .common import CaeAccountingCommon


class TestAccess(CaeAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice_invoice = cls._invoice(cls.alice.activity_id)
        cls.bob_invoice = cls._invoice(cls.bob.activity_id)
        cls.Entrepreneur = cls.env["cae.entrepreneur"]

    def _visible(self, user, model="cae.entrepreneur"):
        return self.env[model].with_user(user).search([])

    # Entrepreneurs
    def test_entrepreneur_sees_only_their_own_record(self):
        self.assertEqual(self._visible(self.entrepreneur_user), self.alice)
        with self.assertRaises(AccessError):
            self.bob.with_user(self.entrepreneur_user).read(["name"])

    def test_entrepreneur_sees_only_their_activity_and_documents(self):
        user = self.entrepreneur_user
        self.assertEqual(self._visible(user, "cae.activity"), self.alice.activity_id)
        self.assertEqual(self._visible(user, "account.move"), self.alice_invoice)
        with self.assertRaises(AccessError):
            self.bob_invoice.with_user(user).read(["amount_total"])
        accounts = self._visible(user, "account.analytic.account")
        self.assertIn(self.alice.analytic_account_id, accounts)
        self.assertNotIn(self.bob.analytic_account_id, accounts)

    def test_entrepreneur_cannot_change_their_path(self):
        with self.assertRaises(AccessError):
            self.alice.with_user(self.entrepreneur_user).write({"advisor_id": False})
        with self.assertRaises(AccessError):
            self.env["cae.path.transition"].with_user(self.entrepreneur_user).create(
                {"entrepreneur_id": self.alice.id, "stage": "cape"}
            )

    # Advisors
    def test_advisor_sees_only_followed_entrepreneurs(self):
        self.assertEqual(self._visible(self.advisor), self.alice)
        self.assertEqual(self._visible(self.other_advisor), self.bob)

    def test_advisor_cannot_open_an_entrepreneur_they_do_not_follow(self):
        with self.assertRaises(AccessError):
            self.bob.with_user(self.advisor).read(["name"])
        with self.assertRaises(AccessError):
            self.bob.with_user(self.advisor)._do_transition("cape", date(2024, 2, 1))
        self.assertEqual(self.bob.stage, "candidate")

    def test_advisor_sees_followed_documents_read_only(self):
        self.assertEqual(
            self._visible(self.advisor, "account.move"), self.alice_invoice
        )
        with self.assertRaises(AccessError):
            self.alice_invoice.with_user(self.advisor).write({"ref": "changed"})

    def test_advisor_follows_entrepreneurs_they_create(self):
        created = self.Entrepreneur.with_user(self.advisor).create(
            {"name": "New Person"}
        )
        self.assertEqual(created.advisor_id, self.advisor)
        self.assertIn(created, self._visible(self.advisor))

    # Accountants and managers
    def test_accountant_sees_every_entrepreneur_of_the_company(self):
        visible = self._visible(self.accountant)
        self.assertIn(self.alice, visible)
        self.assertIn(self.bob, visible)
        self.assertNotIn(self.carla_b, visible)
        invoices = self._visible(self.accountant, "account.move")
        self.assertIn(self.bob_invoice, invoices)

    # Companies
    def test_entrepreneur_of_company_a_hidden_from_company_b(self):
        self.assertEqual(self._visible(self.advisor_b), self.carla_b)
        with self.assertRaises(AccessError):
            self.alice.with_user(self.advisor_b).read(["name"])

    def test_customers_menu_lists_the_customers_of_ones_own_activities(self):
        """Odoo shares a cooperative's partner with every company: it is a
        customer in the Customers menu only where one of the user's
        activities bills it (the crawler saw the first cooperative in the
        Belgian cooperative's customers, a customer of a third one's
        activity)."""
        action = self.env.ref("cae_base.res_partner_action_cae")
        domain = safe_eval(action.domain)
        shared = self.company.partner_id
        shared.cae_activity_ids = self.alice.activity_id
        Partner = self.env["res.partner"]
        self.assertIn(shared, Partner.with_user(self.manager).search(domain))
        self.assertNotIn(shared, Partner.with_user(self.advisor_b).search(domain))
        self.assertTrue(shared.with_user(self.advisor_b).has_access("read"))

    def test_company_b_cannot_use_company_a_activity(self):
        activities = self._visible(self.advisor_b, "cae.activity")
        # Carla's and company B's own (cooperative) activity.
        self.assertEqual(
            activities,
            self.carla_b.activity_id | self.company_b.cae_cooperative_activity_id,
        )

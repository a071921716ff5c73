# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Journeys of the people of the cooperative, clicked in French in Chromium.

- A portal entrepreneur claims an expense with its receipt; the accountant
  finds it, approves, posts and pays it; the entrepreneur sees it refunded
  on the portal and in her balance.
- An entrepreneur in the back office lands on his activity, reads his
  balance, submits a quote and an invoice, and reaches nothing of another
  activity.
"""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CaeBalanceCommon


@tagged("post_install", "-at_install")
class TestJourneys(CaeBalanceCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.accountant, cls.entrepreneur_user):
            user.write({"lang": "fr_FR", "tz": "Europe/Paris"})
        cls.company.cae_validator_id = cls.accountant

    def test_portal_expense_claim_journey(self):
        user = new_test_user(
            self.env,
            login="portal_nina",
            groups="base.group_portal",
            company_id=self.company.id,
            company_ids=[self.company.id],
            name="Nina Portail",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        nina = self.Entrepreneur.create(
            {
                "user_id": user.id,
                "business_name": "Nina Céramique",
                "company_id": self.company.id,
                "advisor_id": self.advisor.id,
            }
        )
        self.env["product.product"].create(
            {
                "name": "Billet de train",
                "can_be_expensed": True,
                "company_id": self.company.id,
            }
        )
        self.start_tour("/my", "cae_expense_journey_submit_tour", login="portal_nina")
        expense = self._portal_claims(nina)
        self.assertRecordValues(
            expense,
            [
                {
                    "name": "Train Bordeaux - Paris",
                    "total_amount_currency": 42.5,
                    "cae_activity_id": nina.activity_id.id,
                    "cae_portal_state": "submitted",
                }
            ],
        )
        self.assertEqual(expense.sheet_id.activity_ids.user_id, self.accountant)

        self.start_tour(
            "/odoo", "cae_expense_journey_accountant_tour", login="accountant_a"
        )
        self.assertEqual(expense.sheet_id.state, "done")
        self.assertEqual(expense.cae_portal_state, "paid")
        self.assertFalse(expense.sheet_id.activity_ids)

        self.start_tour("/my", "cae_expense_journey_refunded_tour", login="portal_nina")
        balance = nina.activity_id._get_indicator_values(codes=["expense_claims"])
        self.assertEqual(balance[nina.activity_id.id]["expense_claims"], 0.0)

    def test_entrepreneur_back_office_journey(self):
        self._post_document(self.alice.activity_id, "out_invoice", 1000.0)
        bob_customer = self.env["res.partner"].create(
            {"name": "Client de Bob", "is_company": True}
        )
        bob_invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": bob_customer.id,
                "company_id": self.company.id,
                "cae_activity_id": self.bob.activity_id.id,
                "invoice_line_ids": [
                    (0, 0, {"product_id": self.product.id, "price_unit": 99.0})
                ],
            }
        )
        bob_invoice.action_post()
        self.env["res.partner"].create(
            {
                "name": "Studio Tour",
                "is_company": True,
                "cae_activity_ids": [(4, self.alice.activity_id.id)],
            }
        )
        self.start_tour(
            "/odoo", "cae_entrepreneur_journey_tour", login="entrepreneur_a"
        )
        order = self.env["sale.order"].search([("partner_id.name", "=", "Studio Tour")])
        invoice = self.env["account.move"].search(
            [("partner_id.name", "=", "Studio Tour")]
        )
        for document in (order, invoice):
            with self.subTest(document=document._name):
                self.assertRecordValues(
                    document,
                    [
                        {
                            "cae_activity_id": self.alice.activity_id.id,
                            "cae_validation_state": "to_validate",
                            "state": "draft",
                        }
                    ],
                )
        # Nothing of Bob's activity, whatever he tries.
        env = self.env(user=self.entrepreneur_user)
        for record in (self.bob, self.bob.activity_id, bob_invoice):
            with self.subTest(record=record._name), self.assertRaises(AccessError):
                record.with_env(env).read(["display_name"])
        self.assertFalse(
            env["account.move"].search(
                [("cae_activity_id", "=", self.bob.activity_id.id)]
            )
        )

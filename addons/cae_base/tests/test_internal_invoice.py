# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError

from .common import CaeAccountingCommon


class TestInternalInvoice(CaeAccountingCommon):
    """Alice's activity invoices Bob's: one entry, both analytic accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bob_user = cls._new_user(
            "entrepreneur_bob", "cae_base.group_cae_entrepreneur"
        )
        cls.bob.user_id = cls.bob_user
        cls.dan_user = cls._new_user(
            "entrepreneur_dan", "cae_base.group_cae_entrepreneur"
        )
        cls.dan = cls.Entrepreneur.create(
            {
                "name": "Dan Test",
                "company_id": cls.company.id,
                "advisor_id": cls.advisor.id,
                "user_id": cls.dan_user.id,
            }
        )
        cls.seller = cls.alice.activity_id
        cls.buyer = cls.bob.activity_id

    def _create_as_alice(self):
        Invoice = (
            self.env["cae.internal.invoice"]
            .with_user(self.entrepreneur_user)
            .with_company(self.company)
        )
        found = (
            self.env["cae.activity"]
            .with_user(self.entrepreneur_user)
            .with_context(cae_internal_counterpart=True)
            .name_search(self.buyer.name)
        )
        self.assertEqual([activity_id for activity_id, _name in found], self.buyer.ids)
        return Invoice.create(
            {
                "buyer_activity_id": found[0][0],
                "date": "2026-03-12",
                "line_ids": [
                    Command.create(
                        {
                            "name": "Photos du catalogue",
                            "quantity": 2,
                            "price_unit": 150.0,
                        }
                    ),
                    Command.create(
                        {"name": "Retouches", "quantity": 1, "price_unit": 75.5}
                    ),
                ],
            }
        )

    def test_entrepreneur_prepares_and_accountant_posts(self):
        invoice = self._create_as_alice()
        self.assertEqual(invoice.seller_activity_id, self.seller)
        self.assertTrue(invoice.name.startswith("INT/2026/"))
        self.assertEqual(invoice.amount_total, 375.5)  # 2 x 150 + 75.50
        invoice.action_submit()
        with self.assertRaises(AccessError):
            invoice.action_validate()
        invoice.with_user(self.accountant).action_validate()
        self.assertEqual(invoice.state, "posted")
        move = invoice.move_id
        self.assertEqual(move.state, "posted")
        self.assertRecordValues(
            move.line_ids.sorted("balance"),
            [
                {
                    "account_id": self.company.cae_internal_income_account_id.id,
                    "balance": -300.0,
                    "tax_ids": [],
                    "tax_line_id": False,
                    "analytic_distribution": {
                        str(self.seller.analytic_account_id.id): 100
                    },
                },
                {
                    "account_id": self.company.cae_internal_income_account_id.id,
                    "balance": -75.5,
                    "tax_ids": [],
                    "tax_line_id": False,
                    "analytic_distribution": {
                        str(self.seller.analytic_account_id.id): 100
                    },
                },
                {
                    "account_id": self.company.cae_internal_expense_account_id.id,
                    "balance": 75.5,
                    "tax_ids": [],
                    "tax_line_id": False,
                    "analytic_distribution": {
                        str(self.buyer.analytic_account_id.id): 100
                    },
                },
                {
                    "account_id": self.company.cae_internal_expense_account_id.id,
                    "balance": 300.0,
                    "tax_ids": [],
                    "tax_line_id": False,
                    "analytic_distribution": {
                        str(self.buyer.analytic_account_id.id): 100
                    },
                },
            ],
        )
        self.assertEqual(
            (
                self.company.cae_internal_expense_account_id.with_company(
                    self.company
                ).code,
                self.company.cae_internal_income_account_id.with_company(
                    self.company
                ).code,
            ),
            ("613200", "708300"),
        )
        # Analytic amounts: + for the seller's income, - for the buyer's charge.
        analytic = self.env["account.analytic.line"].search(
            [("move_line_id.move_id", "=", move.id)]
        )
        column = self.company._get_cae_activity_plan()._column_name()
        by_account = {}
        for line in analytic:
            by_account[line[column]] = by_account.get(line[column], 0.0) + line.amount
        self.assertEqual(
            by_account,
            {
                self.seller.analytic_account_id: 375.5,
                self.buyer.analytic_account_id: -375.5,
            },
        )

    def test_both_entrepreneurs_see_it_nobody_else(self):
        invoice = self._create_as_alice()
        Invoice = self.env["cae.internal.invoice"]
        self.assertEqual(Invoice.with_user(self.bob_user).search([]), invoice)
        self.assertEqual(
            invoice.with_user(self.bob_user).read(["seller_activity_id"])[0][
                "seller_activity_id"
            ][0],
            self.seller.id,
        )
        # The buyer reads, the seller alone edits.
        self.assertTrue(invoice.is_seller)
        self.assertFalse(invoice.with_user(self.bob_user).is_seller)
        with self.assertRaises(AccessError):
            invoice.with_user(self.bob_user).write({"note": "Trop cher"})
        self.assertFalse(Invoice.with_user(self.dan_user).search([]))
        with self.assertRaises(AccessError):
            invoice.with_user(self.dan_user).read(["amount_total"])
        with self.assertRaises(AccessError):
            invoice.line_ids.with_user(self.dan_user).read(["amount"])
        self.assertEqual(Invoice.with_user(self.advisor).search([]), invoice)

    def test_entrepreneur_invoices_for_their_own_activity_only(self):
        with self.assertRaises(AccessError):
            self.env["cae.internal.invoice"].with_user(self.entrepreneur_user).create(
                {
                    "seller_activity_id": self.buyer.id,
                    "buyer_activity_id": self.dan.activity_id.id,
                }
            )

    def test_send_back_and_submitted_is_locked(self):
        invoice = self._create_as_alice()
        invoice.action_submit()
        with self.assertRaisesText(UserError, "cannot be changed in its current state"):
            invoice.write({"note": "Changement"})
        invoice.with_user(self.accountant)._cae_send_back("Tarif à revoir")
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(
            invoice.message_ids[0].body, "<p>Sent back: Tarif à revoir</p>"
        )
        self.assertIn(
            self.entrepreneur_user.partner_id, invoice.message_ids[0].partner_ids
        )

    def test_an_activity_cannot_invoice_itself(self):
        with self.assertRaises(Exception):  # noqa: B017 constraint, SQL or Python
            self.env["cae.internal.invoice"].create(
                {
                    "seller_activity_id": self.seller.id,
                    "buyer_activity_id": self.seller.id,
                }
            )

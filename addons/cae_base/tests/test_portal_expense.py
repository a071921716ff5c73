# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Expense claims from the portal, through HTTP as the entrepreneur sends them.

A claim is submitted to the accountants (an expense report, their to-do),
who approve, post and pay it; the entrepreneur follows it on the portal.
Whatever is typed or uploaded, the answer is a page with a French error,
never a server error, and nothing is written.
"""

import ast
import re

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CaeBalanceCommon

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@tagged("post_install", "-at_install")
class TestPortalExpense(CaeBalanceCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = new_test_user(
            cls.env,
            login="portal_nina",
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            name="Nina Portail",
            lang="fr_FR",
        )
        cls.nina = cls.Entrepreneur.create(
            {
                "user_id": user.id,
                "business_name": "Nina Céramique",
                "company_id": cls.company.id,
                "advisor_id": cls.advisor.id,
            }
        )
        cls.company.cae_validator_id = cls.accountant
        cls.train = cls.env["product.product"].create(
            {
                "name": "Billet de train",
                "can_be_expensed": True,
                "company_id": cls.company.id,
            }
        )
        cls.today = fields.Date.context_today(cls.nina)
        cls.good = {
            "name": "Train Bordeaux - Paris",
            "product_id": str(cls.train.id),
            "date": fields.Date.to_string(cls.today),
            "amount": "42,50",
            "description": "Rendez-vous client à Paris",
        }

    def _claims(self):
        return self._portal_claims(self.nina)

    def _post_claim(self, values, receipts=(("billet.pdf", PDF, "application/pdf"),)):
        """POST the form as the browser does: its CSRF token, multipart."""
        url = f"/my/activity/{self.nina.activity_id.id}/expense/new"
        form = self.url_open(url)
        self.assertEqual(form.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        return self.url_open(
            url,
            data={**values, "csrf_token": token},
            files=[
                ("receipts", (name, content, mimetype))
                for name, content, mimetype in receipts
            ],
            allow_redirects=False,
        )

    def test_claim_reaches_the_accountant_and_is_paid(self):
        self.authenticate("portal_nina", "portal_nina")
        response = self._post_claim(self.good)
        self.assertEqual(response.status_code, 303)
        expense = self._claims()
        self.assertTrue(
            response.headers["Location"].endswith(
                f"/my/activity/expense/{expense.id}?expense_sent=1"
            )
        )
        sheet = expense.sheet_id
        self.assertRecordValues(
            sheet,
            [
                {
                    "state": "submit",
                    "user_id": self.accountant.id,
                    "cae_activity_id": self.nina.activity_id.id,
                    "cae_from_portal": True,
                }
            ],
        )
        self.assertEqual(expense.description, "Rendez-vous client à Paris")
        # The accountant's to-do, never the entrepreneur's.
        self.assertEqual(sheet.activity_ids.user_id, self.accountant)
        # She finds it in "Expense claims to process" and processes it.
        action = self.env.ref("cae_base.hr_expense_sheet_action_cae_to_process")
        Sheet = self.env["hr.expense.sheet"].with_user(self.accountant)
        self.assertIn(sheet, Sheet.search(ast.literal_eval(action.domain)))
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("Votre dépense a été transmise au comptable", page)
        self.assertIn("Transmise au comptable", page)
        self.assertIn("Rendez-vous client à Paris", page)

        sheet = sheet.with_user(self.accountant)
        sheet.action_approve_expense_sheets()
        sheet.action_sheet_move_post()
        self.assertEqual(expense.cae_portal_state, "posted")
        balance = self.nina.activity_id._get_indicator_values(
            codes=["expense_claims", "cash"]
        )[self.nina.activity_id.id]
        self.assertEqual(balance, {"expense_claims": -42.5, "cash": 0.0})
        self.env["account.payment.register"].with_user(self.accountant).with_context(
            active_model="account.move", active_ids=sheet.account_move_ids.ids
        ).create({})._create_payments()
        self.assertEqual(expense.cae_portal_state, "paid")
        balance = self.nina.activity_id._get_indicator_values(
            codes=["expense_claims", "cash"]
        )[self.nina.activity_id.id]
        self.assertEqual(balance["expense_claims"], 0.0)
        page = self.url_open("/my/activity").text
        self.assertIn("Remboursée", page)

    def test_bad_input_gives_a_french_error_and_writes_nothing(self):
        self.authenticate("portal_nina", "portal_nina")
        html_as_png = (
            "photo.png",
            b"<html><script>alert(1)</script></html>",
            "image/png",
        )
        for field, value, message in (
            ("amount", "nan", "Donnez le montant"),
            ("amount", "inf", "Donnez le montant"),
            ("amount", "-inf", "Donnez le montant"),
            ("amount", "1e308", "au plus"),
            ("amount", "1e20", "au plus"),
            ("amount", "0,001", "Donnez le montant"),
            ("name", "x" * 200_000, "200 caractères au plus"),
            ("description", "x" * 200_000, "2000 caractères au plus"),
            ("date", "1900-01-01", "01/01/1900"),
            ("date", "9999-12-31", "dans le futur"),
            ("date", "31/12/2026", "date de la dépense"),
            ("product_id", "99999999999999999999", "catégorie"),
            ("receipts", [html_as_png], "doit être un PDF ou une image"),
            ("receipts", [], "Joignez le justificatif de la dépense"),
            (
                "receipts",
                [("b.pdf", PDF, "application/pdf")] * 11,
                "Joignez 10 justificatifs au plus",
            ),
        ):
            with self.subTest(field=field, value=str(value)[:20]):
                if field == "receipts":
                    response = self._post_claim(self.good, receipts=value)
                else:
                    response = self._post_claim({**self.good, field: value})
                self.assertEqual(response.status_code, 200)
                self.assertIn('name="cae_expense_error"', response.text)
                self.assertIn(message, response.text)
                self.assertFalse(self._claims())
        self.assertFalse(
            self.env["hr.expense.sheet"].search(
                [("employee_id", "=", self.nina.employee_id.id)]
            )
        )

    def test_receipts_are_checked_by_content(self):
        """A PNG sent as application/pdf is a PNG; its claimed type is ignored."""
        self.authenticate("portal_nina", "portal_nina")
        response = self._post_claim(
            self.good, receipts=[("ticket.pdf", PNG, "application/pdf")]
        )
        self.assertEqual(response.status_code, 303)
        receipt = self.env["ir.attachment"].search(
            [("res_model", "=", "hr.expense"), ("res_id", "=", self._claims().id)]
        )
        self.assertEqual(receipt.mimetype, "image/png")

    def test_address_text_is_never_displayed(self):
        self.authenticate("portal_nina", "portal_nina")
        self.assertEqual(self._post_claim(self.good).status_code, 303)
        expense = self._claims()
        for url in (
            "/my/activity?error=Pirate%20%3Cb%3Egras%3C%2Fb%3E",
            f"/my/activity/expense/{expense.id}?expense_sent=Pirate",
            f"/my/activity/{self.nina.activity_id.id}/expense/new?error=Pirate",
            "/my?error=Pirate&message=Pirate",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("Pirate", response.text)
        page = self.url_open(f"/my/activity/expense/{expense.id}?expense_sent=Pirate")
        self.assertNotIn('name="cae_expense_sent"', page.text)

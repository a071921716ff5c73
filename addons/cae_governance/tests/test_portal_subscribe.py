# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Subscribing more shares on the portal, through HTTP as the browser sends it.

A subscription asked for online is a draft request, checked by the rules of
the registration (the class open to the associate, its minimum, the quarter
paid at subscription of loi 47-1775 art. 12) and registered by the
cooperative's accountant; nothing of the register changes before. Whatever
is typed, the answer is a page with a French error and nothing is written.
"""

import re
from datetime import date

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CaeGovernanceCommon


@tagged("post_install", "-at_install")
class TestPortalSubscribe(CaeGovernanceCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entrepreneur_user.lang = "fr_FR"
        cls.company.cae_validator_id = cls.accountant
        cls.login = cls.entrepreneur_user.login
        cls.holder = f"associate-{cls.assoc_alice.id}"
        cls.good = {
            "holder": cls.holder,
            "quantity": "8",
            "initial_payment": "",
            "payment_method": "transfer",
        }

    def _requests(self):
        return self.Operation.search(
            [("requested_online", "=", True), ("company_id", "=", self.company.id)]
        )

    def _post(self, values, login=None):
        """POST the form as the browser does, with its CSRF token."""
        form = self.url_open("/my/shares/subscribe")
        self.assertEqual(form.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        return self.url_open(
            "/my/shares/subscribe",
            data={**values, "csrf_token": token},
            allow_redirects=False,
        )

    def test_request_then_registered_by_the_accountant(self):
        self.authenticate(self.login, self.login)
        page = self.url_open("/my/shares").text
        self.assertIn('href="/my/shares/subscribe"', page)
        form = self.url_open("/my/shares/subscribe").text
        self.assertIn("Parts A", form)
        self.assertIn("Par virement bancaire", form)
        response = self._post(self.good)
        self.assertEqual(response.status_code, 303)
        request = self._requests()
        self.assertTrue(
            response.headers["Location"].endswith(
                f"/my/shares/operation/{request.id}?requested=1"
            )
        )
        # A draft: nothing in the register, the ledger or the books yet.
        self.assertRecordValues(
            request,
            [
                {
                    "operation_type": "subscription",
                    "state": "draft",
                    "number": 0,
                    "associate_id": self.assoc_alice.id,
                    "share_class_id": self.class_a.id,
                    "quantity": 8,
                    "amount": 200.0,
                    # The quarter, paid at subscription (art. 12).
                    "initial_payment": 50.0,
                    "date": fields.Date.context_today(request),
                }
            ],
        )
        self.assertEqual(sum(request.call_ids.mapped("amount")), 200.0)
        self.assertFalse(request.move_ids)
        self.assertEqual(self.assoc_alice.share_count, 0)
        # The accountant's to-do.
        self.assertEqual(request.activity_ids.user_id, self.accountant)
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("Votre demande a été transmise à la coopérative", page)
        self.assertIn("À verser à la souscription", page)
        self.assertIn("50,00", page)
        shares = self.url_open("/my/shares").text
        self.assertIn("demandée en ligne", shares)

        # The accountant registers it, as any subscription.
        request.with_user(self.accountant).action_validate()
        self.assertEqual(request.state, "done")
        self.assertEqual(self.assoc_alice.share_count, 8)
        self.assertEqual(request.amount_paid, 50.0)
        page = self.url_open(f"/my/shares/operation/{request.id}").text
        self.assertNotIn('name="cae_subscription_to_pay"', page)
        self.assertNotIn('name="cae_subscription_requested"', page)
        shares = self.url_open("/my/shares").text
        self.assertIn(f"/my/shares/certificate/{self.assoc_alice.id}", shares)
        self.assertEqual(
            self.url_open(f"/my/shares/certificate/{self.assoc_alice.id}").status_code,
            200,
        )

    def test_more_paid_at_once(self):
        self.authenticate(self.login, self.login)
        response = self._post({**self.good, "initial_payment": "200,00"})
        self.assertEqual(response.status_code, 303)
        request = self._requests()
        self.assertEqual(request.initial_payment, 200.0)
        self.assertEqual(request.call_ids.mapped("amount"), [200.0])

    def test_bad_input_gives_a_french_error_and_writes_nothing(self):
        """The quarter rule (loi 47-1775, art. 12), the class minimum, the
        holder: the rules of the registration, in French."""
        self.authenticate(self.login, self.login)
        before = self.Operation.search_count([])
        associates = self.Associate.search_count([])
        for field, value, message in (
            ("initial_payment", "10", "art. 12"),
            ("initial_payment", "49,99", "art. 12"),
            ("initial_payment", "250", "au plus la souscription"),
            ("initial_payment", "beaucoup", "Donnez le montant versé"),
            ("initial_payment", "-5", "Donnez le montant versé"),
            ("quantity", "2", "sous le minimum de 4"),
            ("quantity", "abc", "Donnez le nombre de parts"),
            ("quantity", "4.5", "Donnez le nombre de parts"),
            ("quantity", "0", "Donnez le nombre de parts"),
            ("quantity", "99999999999999999999", "Donnez le nombre de parts"),
            ("payment_method", "cheque", "Choisissez comment"),
            (
                "holder",
                f"associate-{self.assoc_martin.id}",
                "Choisissez la coopérative",
            ),
            ("holder", "company-1", "Choisissez la coopérative"),
        ):
            with self.subTest(field=field, value=value[:20]):
                response = self._post({**self.good, field: value})
                self.assertEqual(response.status_code, 200)
                self.assertIn('name="cae_subscribe_error"', response.text)
                self.assertIn(message, response.text)
                self.assertFalse(self._requests())
        self.assertEqual(self.Operation.search_count([]), before)
        self.assertEqual(self.Associate.search_count([]), associates)

    def test_entrepreneur_becomes_a_candidate(self):
        """An entrepreneur who is not an associate yet: the request makes them
        a candidate, through the model's own method."""
        user = new_test_user(
            self.env,
            login="portal_nora",
            groups="base.group_portal",
            company_id=self.company.id,
            company_ids=[self.company.id],
            name="Nora Portail",
            lang="fr_FR",
        )
        nora = self.env["cae.entrepreneur"].create(
            {
                "user_id": user.id,
                "company_id": self.company.id,
                "advisor_id": self.advisor.id,
                "info_meeting_date": date(2024, 1, 10),
            }
        )
        self.authenticate("portal_nora", "portal_nora")
        # Nothing written by opening the form.
        self.assertFalse(
            self.Associate.search([("partner_id", "=", user.partner_id.id)])
        )
        self.assertEqual(self.url_open("/my/shares/subscribe").status_code, 200)
        self.assertFalse(
            self.Associate.search([("partner_id", "=", user.partner_id.id)])
        )
        holder = f"company-{self.company.id}"
        response = self._post({**self.good, "holder": holder, "quantity": "2"})
        # Class A: 4 shares at least; the candidate record is not kept.
        self.assertIn("sous le minimum de 4", response.text)
        self.assertFalse(
            self.Associate.search([("partner_id", "=", user.partner_id.id)])
        )
        response = self._post({**self.good, "holder": holder, "quantity": "4"})
        associate = self.Associate.search([("partner_id", "=", user.partner_id.id)])
        if response.status_code == 303:
            self.assertEqual(associate.entrepreneur_id, nora)
            self.assertEqual(associate.state, "candidate")
            self.assertEqual(self._requests().associate_id, associate)
        else:
            # The path refuses her as an associate yet: said in French.
            self.assertIn('name="cae_subscribe_error"', response.text)
            self.assertFalse(associate)

    def test_users_without_shares_nor_activity(self):
        new_test_user(
            self.env,
            login="portal_paul",
            groups="base.group_portal",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        self.authenticate("portal_paul", "portal_paul")
        self.assertEqual(self.url_open("/my/shares/subscribe").status_code, 404)
        self.authenticate(self.login, self.login)
        # Without its CSRF token, nothing.
        response = self.url_open(
            "/my/shares/subscribe", data=self.good, allow_redirects=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._requests())
        # A flag in the address shows no text.
        self.assertEqual(self._post(self.good).status_code, 303)
        page = self.url_open(
            f"/my/shares/operation/{self._requests().id}?requested=Pirate"
        ).text
        self.assertNotIn("Pirate", page)
        self.assertNotIn('name="cae_subscription_requested"', page)

    def test_subscription_tour(self):
        self.start_tour("/my/shares", "cae_portal_subscribe_tour", login=self.login)
        self.assertRecordValues(
            self._requests(),
            [{"state": "draft", "quantity": 8, "initial_payment": 50.0}],
        )

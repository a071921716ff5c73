# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customers, quotations and invoices from the entrepreneur's portal.

Through HTTP as the browser sends them, in French: the entrepreneur (a
portal user) creates her customer and her quotation, sends it; the customer
signs it on Odoo's sale portal; she invoices it and submits the invoice,
the accountant posts it, she sends it and sees it paid. Another activity's
records answer 404; bad input re-renders the form with a French error and
writes nothing.
"""

import re
from datetime import timedelta

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.cae_base.tests.common import CaeAccountingCommon


@tagged("post_install", "-at_install")
class TestPortalSale(CaeAccountingCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = new_test_user(
            cls.env,
            login="portal_lea",
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            name="Léa Portail",
            lang="fr_FR",
        )
        cls.lea = cls.Entrepreneur.create(
            {
                "user_id": user.id,
                "business_name": "Léa Photographie",
                "company_id": cls.company.id,
                "advisor_id": cls.advisor.id,
            }
        )
        cls.activity = cls.lea.activity_id
        cls.company.cae_validator_id = cls.accountant
        cls.vat20 = cls.company.account_sale_tax_id
        cls.shooting = cls.env["product.product"].create(
            {
                "name": "Reportage photo",
                "type": "service",
                "sale_ok": True,
                "list_price": 400.0,
                "company_id": cls.company.id,
                "taxes_id": [Command.set(cls.vat20.ids)],
            }
        )
        cls.own_customer = cls.env["res.partner"].create(
            {
                "name": "Mairie de Biarritz",
                "email": "mairie@biarritz.example",
                "company_id": cls.company.id,
                "cae_activity_ids": [Command.set(cls.activity.ids)],
            }
        )
        cls.bob_customer = cls.env["res.partner"].create(
            {
                "name": "Client de Bob",
                "company_id": cls.company.id,
                "cae_activity_ids": [Command.set(cls.bob.activity_id.ids)],
            }
        )
        cls.bob_order = (
            cls.env["sale.order"]
            .with_company(cls.company)
            .create(
                {
                    "partner_id": cls.bob_customer.id,
                    "company_id": cls.company.id,
                    "cae_activity_id": cls.bob.activity_id.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.shooting.id, "tax_id": cls.vat20.ids}
                        )
                    ],
                }
            )
        )
        cls.bob_order.action_confirm()
        cls.bob_invoice = cls.bob_order._create_invoices()

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _token(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200, url)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _post(self, url, data, form_url=None):
        token = self._token(form_url or url)
        return self.url_open(
            url, data={**data, "csrf_token": token}, allow_redirects=False
        )

    def _quote_data(self, **lines):
        data = {
            "partner_id": str(self.own_customer.id),
            "validity_date": "",
            "note": "Livraison des photos sous 15 jours.",
            "line_product_id": str(self.shooting.id),
            "line_name": "Reportage mariage",
            "line_quantity": "1",
            "line_price": "1 200,00",
            "line_discount": "",
            "line_tax_id": str(self.vat20.id),
        }
        data.update(lines)
        return data

    def _orders(self):
        return self.env["sale.order"].search(
            [("cae_activity_id", "=", self.activity.id)]
        )

    def _new_quote(self):
        self.authenticate("portal_lea", "portal_lea")
        url = f"/my/activity/{self.activity.id}/quote/new"
        response = self._post(url, self._quote_data())
        self.assertEqual(response.status_code, 303, response.text[:2000])
        return self._orders()

    def _signed_quote(self):
        order = self._new_quote()
        order.sudo().write({"state": "sent"})
        order.sudo()._validate_order()
        self.assertEqual(order.state, "sale")
        return order

    # ------------------------------------------------------------------
    # The journey, in Chromium
    # ------------------------------------------------------------------
    def test_journey_quote_signature_invoice_payment(self):
        """quote → signature → invoice → validation → payment seen."""
        self.start_tour(
            f"/my/activity/{self.activity.id}",
            "cae_sale_portal_quote_tour",
            login="portal_lea",
        )
        customer = self.env["res.partner"].search([("name", "=", "Atelier Lumière")])
        self.assertEqual(customer.cae_activity_ids, self.activity)
        self.assertEqual(customer.company_id, self.company)
        order = self._orders()
        self.assertRecordValues(
            order,
            [
                {
                    "partner_id": customer.id,
                    "state": "sent",
                    "require_signature": True,
                    "amount_untaxed": 810.0,
                    "amount_total": 972.0,
                }
            ],
        )
        self.assertEqual(order.order_line.discount, 10.0)
        self.assertIn(customer, order.message_ids.filtered("partner_ids").partner_ids)
        # The customer signs through the link of the email, not logged in.
        self.start_tour(order.get_portal_url(), "cae_sale_portal_sign_tour")
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.signed_by, "Léa Lumière")

        self.start_tour(
            f"/my/activity/quote/{order.id}",
            "cae_sale_portal_invoice_tour",
            login="portal_lea",
        )
        invoice = order.invoice_ids
        self.assertRecordValues(
            invoice,
            [
                {
                    "state": "draft",
                    "cae_validation_state": "to_validate",
                    "cae_activity_id": self.activity.id,
                    "amount_total": 972.0,
                }
            ],
        )
        # The accountant's to-do, then she posts it and the customer pays.
        self.assertEqual(invoice.activity_ids.user_id, self.accountant)
        invoice.with_user(self.accountant).action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.start_tour(
            f"/my/activity/invoice/{invoice.id}",
            "cae_sale_portal_paid_tour",
            login="portal_lea",
        )
        self.assertTrue(invoice.is_move_sent)

    # ------------------------------------------------------------------
    # Ownership
    # ------------------------------------------------------------------
    def test_other_activity_unreachable(self):
        self.authenticate("portal_lea", "portal_lea")
        token = self._token(f"/my/activity/{self.activity.id}/customer/new")
        bob = self.bob.activity_id.id
        for url in (
            f"/my/activity/{bob}/customers",
            f"/my/activity/{bob}/customer/new",
            f"/my/activity/customer/{self.bob_customer.id}",
            f"/my/activity/{bob}/quotes",
            f"/my/activity/{bob}/quote/new",
            f"/my/activity/quote/{self.bob_order.id}",
            f"/my/activity/quote/{self.bob_order.id}/edit",
            f"/my/activity/quote/{self.bob_order.id}/pdf",
            f"/my/activity/invoice/{self.bob_invoice.id}",
            f"/my/activity/invoice/{self.bob_invoice.id}/pdf",
        ):
            response = self.url_open(url, allow_redirects=False)
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn("Client de Bob", response.text, url)
        for url in (
            f"/my/activity/quote/{self.bob_order.id}/send",
            f"/my/activity/quote/{self.bob_order.id}/invoice",
            f"/my/activity/invoice/{self.bob_invoice.id}/submit",
            f"/my/activity/invoice/{self.bob_invoice.id}/send",
            f"/my/activity/invoice/{self.bob_invoice.id}/refund",
            f"/my/activity/customer/{self.bob_customer.id}",
        ):
            response = self.url_open(
                url,
                data={"csrf_token": token, "name": "Pirate", "method": "delivered"},
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 404, url)
        self.assertEqual(self.bob_customer.name, "Client de Bob")
        self.assertFalse(self.bob_invoice.cae_validation_state)
        # Bob's customer is not offered in her quotation form.
        form = self.url_open(f"/my/activity/{self.activity.id}/quote/new").text
        self.assertIn("Mairie de Biarritz", form)
        self.assertNotIn("Client de Bob", form)

    # ------------------------------------------------------------------
    # Customers
    # ------------------------------------------------------------------
    def test_customer_created_and_edited(self):
        self.authenticate("portal_lea", "portal_lea")
        url = f"/my/activity/{self.activity.id}/customer/new"
        response = self._post(url, {"name": "Bad", "email": "pas-un-email"})
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "n'est pas une adresse e-mail", response.text.replace("&#39;", "'")
        )
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Bad")]))
        response = self._post(
            url, {"name": "Café des Halles", "is_company": "1", "city": "Pau"}
        )
        self.assertEqual(response.status_code, 303)
        partner = self.env["res.partner"].search([("name", "=", "Café des Halles")])
        self.assertRecordValues(
            partner,
            [
                {
                    "is_company": True,
                    "city": "Pau",
                    "company_id": self.company.id,
                    "country_id": self.env.ref("base.fr").id,
                }
            ],
        )
        self.assertEqual(partner.cae_activity_ids, self.activity)
        edit = f"/my/activity/customer/{partner.id}"
        response = self._post(edit, {"name": "Café des Halles", "city": "Orthez"})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(partner.city, "Orthez")
        response = self._post(edit, {"name": " "})
        self.assertIn("Indiquez le nom du client", response.text)
        self.assertEqual(partner.name, "Café des Halles")

    # ------------------------------------------------------------------
    # Quotations
    # ------------------------------------------------------------------
    def test_quote_bad_input_writes_nothing(self):
        self.authenticate("portal_lea", "portal_lea")
        url = f"/my/activity/{self.activity.id}/quote/new"
        for lines, message in (
            ({"line_product_id": ""}, "Ligne 1 : choisissez ce que vous vendez."),
            ({"line_discount": "120"}, "la remise est un pourcentage"),
            ({"line_quantity": "-1"}, "la quantité doit être un nombre"),
            ({"line_price": "abc"}, "le prix unitaire doit être un montant"),
            ({"line_tax_id": ""}, "choisissez son taux de TVA"),
            ({"partner_id": str(self.bob_customer.id)}, "Choisissez le client"),
            ({"validity_date": "2020-01-01"}, "La date de validité est déjà passée"),
        ):
            response = self._post(url, self._quote_data(**lines))
            self.assertEqual(response.status_code, 200, message)
            self.assertIn(message, response.text.replace("&#39;", "'"))
        self.assertFalse(self._orders())

    def test_quote_edited_until_signed(self):
        order = self._new_quote()
        self.assertRecordValues(
            order,
            [
                {
                    "partner_id": self.own_customer.id,
                    "company_id": self.company.id,
                    "amount_untaxed": 1200.0,
                    "require_signature": True,
                }
            ],
        )
        self.assertIn("Livraison des photos", order.note)
        page = self.url_open(f"/my/activity/quote/{order.id}").text
        self.assertIn("Reportage mariage", page)
        pdf = self.url_open(f"/my/activity/quote/{order.id}/pdf")
        self.assertEqual(pdf.headers["Content-Type"], "application/pdf")
        edit = f"/my/activity/quote/{order.id}/edit"
        response = self._post(edit, self._quote_data(line_quantity="3"))
        self.assertEqual(response.status_code, 303)
        self.assertEqual(order.order_line.product_uom_qty, 3.0)
        self.assertEqual(order.amount_untaxed, 3600.0)
        # Signed: the order is no longer changed from the portal.
        order.sudo()._validate_order()
        response = self._post(
            edit, self._quote_data(line_quantity="5"), f"/my/activity/quote/{order.id}"
        )
        self.assertIn("ne peut pas être modifié", response.text)
        self.assertEqual(order.order_line.product_uom_qty, 3.0)

    def test_submitted_quote_not_sent(self):
        """The back office's rule: a quotation waiting for validation stays
        in the cooperative."""
        order = self._new_quote()
        order.sudo()._cae_submit()
        page = self.url_open(f"/my/activity/quote/{order.id}").text
        self.assertNotIn("cae_quote_send", page)
        self.assertIn("cae_quote_pdf", page)
        response = self._post(
            f"/my/activity/quote/{order.id}/send",
            {},
            f"/my/activity/{self.activity.id}/customer/new",
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("attend sa validation", response.text)
        self.assertEqual(order.state, "draft")

    # ------------------------------------------------------------------
    # Invoices
    # ------------------------------------------------------------------
    def test_down_payment_invoice_submitted(self):
        order = self._signed_quote()
        url = f"/my/activity/quote/{order.id}/invoice"
        page = f"/my/activity/quote/{order.id}"
        response = self._post(url, {"method": "percentage", "amount": "150"}, page)
        self.assertIn("entre 0 et 100", response.text)
        self.assertFalse(order.invoice_ids)
        response = self._post(url, {"method": "percentage", "amount": "30"}, page)
        self.assertEqual(response.status_code, 303)
        invoice = order.invoice_ids
        self.assertAlmostEqual(invoice.amount_total, 1440.0 * 0.3)
        self.assertEqual(invoice.cae_activity_id, self.activity)
        response = self._post(
            f"/my/activity/invoice/{invoice.id}/submit",
            {},
            f"/my/activity/invoice/{invoice.id}",
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(invoice.cae_validation_state, "to_validate")
        invoice.with_user(self.accountant).action_post()
        # The rest of the order, the down payment deducted.
        response = self._post(url, {"method": "delivered"}, page)
        self.assertEqual(response.status_code, 303)
        final = order.invoice_ids - invoice
        self.assertAlmostEqual(final.amount_total, 1440.0 * 0.7)

    def test_draft_invoice_not_sent_and_credit_note_requested(self):
        order = self._signed_quote()
        invoice = order.sudo()._cae_portal_invoice("delivered")
        page = f"/my/activity/invoice/{invoice.id}"
        response = self._post(f"{page}/send", {}, page)
        self.assertIn("une fois comptabilisée", response.text)
        self.assertFalse(invoice.is_move_sent)
        self.assertIn(
            "application/pdf", self.url_open(f"{page}/pdf").headers["Content-Type"]
        )
        invoice.with_user(self.accountant).action_post()
        response = self._post(f"{page}/refund", {"reason": " "}, page)
        self.assertIn("Dites pourquoi", response.text.replace("&#39;", "'"))
        response = self._post(
            f"{page}/refund", {"reason": "Séance annulée par le client"}, page
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(invoice.cae_refund_requested)
        # She drafted the credit note of the whole invoice and submitted it.
        refund = invoice.reversal_move_ids
        self.assertRecordValues(
            refund,
            [
                {
                    "move_type": "out_refund",
                    "state": "draft",
                    "cae_validation_state": "to_validate",
                    "cae_activity_id": self.activity.id,
                    "partner_id": invoice.partner_id.id,
                    "amount_total": invoice.amount_total,
                }
            ],
        )
        self.assertIn("Séance annulée", refund.ref)
        self.assertEqual(refund.activity_ids.user_id, self.accountant)
        self.assertIn("Séance annulée", str(refund.message_ids.mapped("body")))
        self.assertIn("done=refund", response.headers["Location"])
        text = self.url_open(response.headers["Location"]).text
        self.assertIn("avoir a été préparé et soumis", text)
        self.assertIn(f"/my/activity/invoice/{refund.id}", text)
        # Asked twice: one credit note only.
        response = self._post(f"{page}/refund", {"reason": "Encore"}, page)
        self.assertEqual(invoice.reversal_move_ids, refund)
        refund_page = self.url_open(f"/my/activity/invoice/{refund.id}").text
        self.assertIn("Avoir en brouillon", refund_page)
        # Its breadcrumb says it is a draft (it has no name yet).
        self.assertIn("<em>Facture en brouillon</em>", refund_page)
        self.assertIn("À valider", refund_page)
        # The accountant posts it: the invoice is settled by it.
        refund.with_user(self.accountant).action_post()
        self.assertEqual(refund.state, "posted")
        self.assertEqual(invoice.payment_state, "reversed")
        self.assertIn(refund.name, self.url_open(page).text)

    def test_reminder_once_a_week_and_listed(self):
        order = self._signed_quote()
        invoice = order.sudo()._cae_portal_invoice("delivered")
        invoice.with_user(self.accountant).action_post()
        page = f"/my/activity/invoice/{invoice.id}"
        self.assertIn("Envoyer au client", self.url_open(page).text)
        self.assertEqual(self._post(f"{page}/send", {}, page).status_code, 303)
        self.assertTrue(invoice.is_move_sent)
        self.assertTrue(invoice.cae_last_sent)
        # At once again: refused, with the date it becomes possible.
        text = self.url_open(page).text
        self.assertIn("Envoyer une relance", text)
        response = self._post(f"{page}/send", {}, page)
        self.assertIn("prochaine relance", response.text)
        self.assertFalse(invoice._cae_reminders())
        # A week later the reminder leaves, with the invoice attached.
        week_ago = invoice.cae_last_sent - timedelta(days=7)
        invoice.sudo().cae_last_sent = week_ago
        self.assertEqual(self._post(f"{page}/send", {}, page).status_code, 303)
        reminder = invoice._cae_reminders()
        self.assertEqual(len(reminder), 1)
        self.assertIn(invoice.partner_id, reminder.partner_ids)
        self.assertIn("Relance", reminder.subject)
        # The invoice's report (rendered as HTML in Odoo's tests).
        names = reminder.attachment_ids.mapped("name")
        self.assertTrue(any(name.startswith(invoice.name) for name in names), names)
        self.assertGreater(invoice.cae_last_sent, week_ago)
        self.assertIn('name="cae_invoice_reminders"', self.url_open(page).text)
        # Paid: no reminder any more, only a copy.
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn("Renvoyer", self.url_open(page).text)
        self.assertEqual(self._post(f"{page}/send", {}, page).status_code, 303)
        self.assertEqual(len(invoice._cae_reminders()), 1)

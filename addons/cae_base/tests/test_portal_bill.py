# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Supplier bills uploaded from the portal, through HTTP as the browser sends them.

The entrepreneur gives the PDF and what she reads on it; the bill is a draft
vendor bill of her activity, submitted to the accountants by the back
office's step (``action_cae_submit``), who post and pay it; she follows it
on "My activity". Whatever is typed or uploaded, the answer is a page with a
French error, never a server error, and nothing is written.
"""

import re

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CaeBalanceCommon

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@tagged("post_install", "-at_install")
class TestPortalBill(CaeBalanceCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.nina, cls.otto = (
            cls.Entrepreneur.create(
                {
                    "user_id": new_test_user(
                        cls.env,
                        login=login,
                        groups="base.group_portal",
                        company_id=cls.company.id,
                        company_ids=[cls.company.id],
                        name=name,
                        lang="fr_FR",
                    ).id,
                    "business_name": business,
                    "company_id": cls.company.id,
                    "advisor_id": cls.advisor.id,
                }
            )
            for login, name, business in (
                ("portal_nina", "Nina Portail", "Nina Céramique"),
                ("portal_otto", "Otto Portail", "Otto Menuiserie"),
            )
        )
        cls.company.cae_validator_id = cls.accountant
        # The supplier is one of Nina's activity's contacts.
        cls.supplier.cae_activity_ids = cls.nina.activity_id
        cls.otto_supplier = cls.env["res.partner"].create(
            {
                "name": "Scierie d'Otto",
                "company_id": cls.company.id,
                "cae_activity_ids": cls.otto.activity_id.ids,
            }
        )
        cls.clay = cls.env["product.product"].create(
            {
                "name": "Matières premières",
                "can_be_expensed": True,
                "company_id": cls.company.id,
            }
        )
        Tax = cls.env["account.tax"]
        cls.tax_55 = Tax.search(
            [
                *Tax._check_company_domain(cls.company),
                ("type_tax_use", "=", "purchase"),
                ("amount_type", "=", "percent"),
                ("amount", "=", 5.5),
                ("price_include", "=", False),
            ],
            limit=1,
        )
        cls.today = fields.Date.context_today(cls.nina)
        cls.good = {
            "supplier_id": str(cls.supplier.id),
            "ref": "F-2026-0042",
            "invoice_date": fields.Date.to_string(cls.today),
            "product_id": str(cls.clay.id),
            "name": "Argile blanche, 50 kg",
            "amount_total": "120,00",
            "amount_tax": "20,00",
            "tax_id": "",
        }

    def _bills(self, entrepreneur=None):
        return self.env["account.move"].search(
            [
                ("cae_activity_id", "=", (entrepreneur or self.nina).activity_id.id),
                ("move_type", "=", "in_invoice"),
            ]
        )

    def _post_bill(self, values, files=(("facture.pdf", PDF, "application/pdf"),)):
        """POST the form as the browser does: its CSRF token, multipart."""
        url = f"/my/activity/{self.nina.activity_id.id}/bill/new"
        form = self.url_open(url)
        self.assertEqual(form.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        return self.url_open(
            url,
            data={**values, "csrf_token": token},
            files=[
                ("bill_pdf", (name, content, mimetype))
                for name, content, mimetype in files
            ],
            allow_redirects=False,
        )

    def test_bill_reaches_the_accountant_and_is_paid(self):
        self.authenticate("portal_nina", "portal_nina")
        response = self._post_bill(self.good)
        self.assertEqual(response.status_code, 303)
        bill = self._bills()
        self.assertTrue(
            response.headers["Location"].endswith(
                f"/my/activity/bill/{bill.id}?bill_sent=1"
            )
        )
        self.assertRecordValues(
            bill,
            [
                {
                    "state": "draft",
                    "cae_validation_state": "to_validate",
                    "cae_portal_bill_state": "to_validate",
                    "partner_id": self.supplier.id,
                    "ref": "F-2026-0042",
                    "invoice_date": self.today,
                    "amount_untaxed": 100.0,
                    "amount_tax": 20.0,
                    "amount_total": 120.0,
                }
            ],
        )
        line = bill.invoice_line_ids
        self.assertEqual(line.product_id, self.clay)
        self.assertEqual(line.name, "Argile blanche, 50 kg")
        self.assertEqual(line.tax_ids, self.purchase_tax)
        self.assertEqual(
            line.analytic_distribution,
            {str(self.nina.activity_id.analytic_account_id.id): 100},
        )
        pdf = self.env["ir.attachment"].search(
            [("res_model", "=", "account.move"), ("res_id", "=", bill.id)]
        )
        self.assertEqual(pdf.mapped("name"), ["facture.pdf"])
        self.assertEqual(pdf.mimetype, "application/pdf")
        self.assertEqual(bill.message_main_attachment_id, pdf)
        # The accountant's to-do, as for a bill submitted in the back office.
        self.assertEqual(bill.activity_ids.user_id, self.accountant)
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("Votre facture a été transmise au comptable", page)
        self.assertIn("Transmise au comptable", page)
        self.assertIn("Supplier SAS", page)
        activity_page = self.url_open(f"/my/activity/{self.nina.activity_id.id}").text
        self.assertIn(f"/my/activity/bill/{bill.id}", activity_page)
        self.assertIn("F-2026-0042", activity_page)

        # The accountant posts it, as any submitted bill; then it is paid.
        bill.with_user(self.accountant).action_post()
        self.assertEqual(bill.cae_validation_state, "validated")
        self.assertIn("Comptabilisée, à payer", self.url_open("/my/activity").text)
        self._register_payment(
            bill, amount=50.0, date=fields.Date.to_string(self.today)
        )
        self.assertEqual(bill.cae_portal_bill_state, "partial")
        page = self.url_open(f"/my/activity/bill/{bill.id}").text
        self.assertIn("Payée en partie", page)
        self.assertNotIn('name="cae_bill_sent"', page)
        self._register_payment(bill, date=fields.Date.to_string(self.today))
        self.assertEqual(bill.cae_portal_bill_state, "paid")
        page = self.url_open("/my/activity").text
        self.assertIn("Payée", page)

    def test_typed_supplier_and_chosen_rate(self):
        """A new supplier is created once and becomes a contact of the activity;
        a rate chosen must give the VAT read."""
        self.assertTrue(self.tax_55, "the French chart has a 5.5 % purchase tax")
        self.authenticate("portal_nina", "portal_nina")
        values = {
            **self.good,
            "supplier_id": "",
            "supplier_name": "  Papeterie   du Port ",
            "amount_total": "105,50",
            "amount_tax": "5,50",
            "tax_id": str(self.tax_55.id),
        }
        self.assertEqual(self._post_bill(values).status_code, 303)
        again = {**values, "supplier_name": "papeterie du port", "ref": "F-2"}
        self.assertEqual(self._post_bill(again).status_code, 303)
        bills = self._bills()
        self.assertEqual(len(bills), 2)
        supplier = bills.partner_id
        self.assertEqual(supplier.name, "Papeterie du Port")
        self.assertEqual(supplier.cae_activity_ids, self.nina.activity_id)
        self.assertEqual(bills.invoice_line_ids.tax_ids, self.tax_55)
        self.assertEqual(bills.mapped("amount_total"), [105.5, 105.5])

    def test_bad_input_gives_a_french_error_and_writes_nothing(self):
        self.authenticate("portal_nina", "portal_nina")
        partners = self.env["res.partner"].search_count([])
        sale_tax = self.sale_tax
        for field, value, message in (
            ("amount_total", "douze", "Donnez le montant de la facture"),
            ("amount_total", "nan", "Donnez le montant de la facture"),
            ("amount_total", "-120", "Donnez le montant de la facture"),
            ("amount_total", "1e308", "au plus"),
            ("amount_tax", "", "Donnez la TVA de la facture"),
            ("amount_tax", "vingt", "Donnez la TVA de la facture"),
            ("amount_tax", "-5", "Donnez la TVA de la facture"),
            ("amount_tax", "150", "doit être inférieure au montant TTC"),
            ("amount_tax", "120", "doit être inférieure au montant TTC"),
            ("amount_tax", "7", "Aucun taux de TVA de la coopérative"),
            ("tax_id", str(sale_tax.id), "Choisissez le taux de TVA dans la liste"),
            ("tax_id", "x", "Choisissez le taux de TVA dans la liste"),
            ("supplier_id", "", "Choisissez le fournisseur, ou tapez son nom"),
            ("supplier_id", str(self.otto_supplier.id), "dans la liste"),
            ("supplier_id", "abc", "dans la liste"),
            ("product_id", "99999999999999999999", "catégorie"),
            ("invoice_date", "9999-12-31", "dans le futur"),
            ("invoice_date", "1900-01-01", "01/01/1900"),
            ("invoice_date", "31/12/2026", "date de la facture"),
            ("ref", "x" * 65, "64 caractères au plus"),
            ("name", "x" * 200_000, "2000 caractères au plus"),
            ("bill_pdf", [("photo.pdf", PNG, "application/pdf")], "doit être un PDF"),
            ("bill_pdf", [], "Joignez la facture (PDF)"),
            (
                "bill_pdf",
                [("a.pdf", PDF, "application/pdf")] * 2,
                "une facture à la fois",
            ),
        ):
            with self.subTest(field=field, value=str(value)[:20]):
                if field == "bill_pdf":
                    response = self._post_bill(self.good, files=value)
                else:
                    response = self._post_bill({**self.good, field: value})
                self.assertEqual(response.status_code, 200)
                self.assertIn('name="cae_bill_error"', response.text)
                self.assertIn(message, response.text)
                self.assertFalse(self._bills())
        # A rate chosen that does not give the VAT read.
        response = self._post_bill(
            {**self.good, "amount_tax": "10", "tax_id": str(self.purchase_tax.id)}
        )
        self.assertIn("ne correspond pas au taux", response.text)
        # The typed values come back in the form.
        self.assertIn('value="F-2026-0042"', response.text)
        self.assertFalse(self._bills())
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_others_records_are_not_found(self):
        self.authenticate("portal_nina", "portal_nina")
        otto_bill = self._post_document(self.otto.activity_id, "in_invoice", 30.0)
        own_invoice = self._post_document(self.nina.activity_id, "out_invoice", 30.0)
        for url in (
            f"/my/activity/{self.otto.activity_id.id}/bill/new",
            f"/my/activity/bill/{otto_bill.id}",
            f"/my/activity/bill/{own_invoice.id}",
            "/my/activity/bill/999999999",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)
        # A POST to another's activity writes nothing, even with a valid token.
        form = self.url_open(f"/my/activity/{self.nina.activity_id.id}/bill/new")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        response = self.url_open(
            f"/my/activity/{self.otto.activity_id.id}/bill/new",
            data={**self.good, "csrf_token": token},
            files=[("bill_pdf", ("f.pdf", PDF, "application/pdf"))],
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self._bills(self.otto), otto_bill)
        # Without the CSRF token, nothing either.
        response = self.url_open(
            f"/my/activity/{self.nina.activity_id.id}/bill/new",
            data=self.good,
            files=[("bill_pdf", ("f.pdf", PDF, "application/pdf"))],
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._bills())
        # Her own posted bill opens; a flag in the address shows no text.
        own_bill = self._post_document(self.nina.activity_id, "in_invoice", 30.0)
        page = self.url_open(f"/my/activity/bill/{own_bill.id}?bill_sent=Pirate")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Pirate", page.text)
        self.assertNotIn('name="cae_bill_sent"', page.text)
        self.assertIn("Comptabilisée, à payer", page.text)

    def test_bill_upload_tour(self):
        self.start_tour("/my/activity", "cae_portal_bill_tour", login="portal_nina")
        bill = self._bills()
        self.assertRecordValues(
            bill,
            [
                {
                    "cae_validation_state": "to_validate",
                    "partner_id": self.supplier.id,
                    "amount_total": 60.0,
                    "amount_tax": 10.0,
                }
            ],
        )
        pdf = self.env["ir.attachment"].search(
            [("res_model", "=", "account.move"), ("res_id", "=", bill.id)]
        )
        self.assertEqual(pdf.mapped("name"), ["facture-argile.pdf"])

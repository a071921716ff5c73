# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factur-X invoices of the activities, read back from the PDF.

The entrepreneur (a portal user) downloads the posted invoice of her
activity from ``/my/activity/invoice/<id>/pdf``; the XML embedded by OCA's
``account_invoice_facturx`` is read back with the factur-x library
(``get_facturx_xml_from_pdf``), checked against its XSD (EXTENDED profile)
and compared with the invoice: seller (the cooperative, its SIRET and VAT
number, the activity as trading name), buyer, number, dates, lines, VAT
breakdown by rate and totals. Then a credit note (type code 381), a down
payment invoice, the Belgian cooperative of the demo, and bad data (a
customer without country, without SIRET nor address).

The PDF is really printed (wkhtmltopdf): Odoo's test mode prints HTML
instead, so the option ``test_enable`` is off while the request is served;
wkhtmltopdf is kept from fetching the assets from the test server, which is
busy serving the report (``report.url``, as in cae_governance's tests).
"""

from io import BytesIO
from unittest.mock import patch

from facturx import get_facturx_xml_from_pdf, xml_check_xsd
from lxml import etree
from pypdf import PdfReader

from odoo import Command, tools
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.cae_base.tests.common import CaeAccountingCommon

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:"
    "ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
EXTENDED = "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended"
AGREEMENT = "//ram:ApplicableHeaderTradeAgreement"
SETTLEMENT = "//ram:ApplicableHeaderTradeSettlement"
SUMMATION = f"{SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation"
# The cooperative: SIREN 732 829 320, its VAT number FR44 732829320.
COMPANY_SIRET = "73282932000074"
COMPANY_VAT = "FR44732829320"
# The customer: SIREN 552 100 554.
CUSTOMER_SIRET = "55210055400013"
CUSTOMER_VAT = "FR96552100554"


@tagged("post_install", "-at_install")
class TestFacturx(CaeAccountingCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "street": "12 rue des Coopératives",
                "zip": "64100",
                "city": "Bayonne",
                "vat": COMPANY_VAT,
                "siren": COMPANY_SIRET[:9],
                "nic": COMPANY_SIRET[9:],
            }
        )
        user = new_test_user(
            cls.env,
            login="portal_fx",
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
        cls.vat20 = cls.company.account_sale_tax_id
        # The reduced rates of the French chart are archived until used.
        cls.vat10 = (
            cls.env["account.tax"]
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", cls.company.id),
                    ("type_tax_use", "=", "sale"),
                    ("amount", "=", 10),
                    ("price_include", "=", False),
                    ("tax_scope", "!=", "consu"),
                ],
                limit=1,
            )
        )
        cls.vat10.active = True
        cls.shooting = cls.env["product.product"].create(
            {
                "name": "Reportage photo",
                "type": "service",
                "list_price": 400.0,
                "company_id": cls.company.id,
                "taxes_id": [Command.set(cls.vat20.ids)],
            }
        )
        cls.buyer = cls.env["res.partner"].create(
            {
                "name": "Hôtel du Palais SAS",
                "is_company": True,
                "street": "1 avenue de l'Impératrice",
                "zip": "64200",
                "city": "Biarritz",
                "country_id": cls.env.ref("base.fr").id,
                "vat": CUSTOMER_VAT,
                "siret": CUSTOMER_SIRET,
                "company_id": cls.company.id,
                "cae_activity_ids": [Command.set(cls.activity.ids)],
            }
        )
        cls.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _invoice_of(self, partner, lines, move_type="out_invoice"):
        move = (
            self.env["account.move"]
            .with_company(self.company)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": partner.id,
                    "company_id": self.company.id,
                    "invoice_date": "2026-03-15",
                    "invoice_date_due": "2026-04-14",
                    "cae_activity_id": self.activity.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": self.shooting.id,
                                "name": name,
                                "quantity": quantity,
                                "price_unit": price,
                                "tax_ids": [Command.set(tax.ids)],
                            }
                        )
                        for name, quantity, price, tax in lines
                    ],
                }
            )
        )
        return move

    def _posted_invoice(self, partner=None):
        move = self._invoice_of(
            partner or self.buyer,
            [
                ("Reportage mariage", 2, 400.0, self.vat20),
                ("Tirages d'art", 3, 50.0, self.vat10),
            ],
        )
        move.with_user(self.accountant).action_post()
        return move

    def _portal_pdf(self, move):
        """The response of the portal's PDF route, as the entrepreneur."""
        self.authenticate("portal_fx", "portal_fx")
        with patch.dict(tools.config.options, {"test_enable": False}):
            return self.url_open(f"/my/activity/invoice/{move.id}/pdf", timeout=120)

    def _xml_of(self, pdf):
        filename, xml = get_facturx_xml_from_pdf(pdf, check_xsd=False)
        self.assertEqual(filename, "factur-x.xml")
        # Raises when the XML does not follow the XSD of the profile.
        self.assertTrue(xml_check_xsd(xml, flavor="factur-x", level="extended"))
        return etree.fromstring(xml)

    def _embedded_xml_files(self, pdf):
        return {
            name: len(contents)
            for name, contents in PdfReader(BytesIO(pdf)).attachments.items()
        }

    def _text(self, root, path):
        return [node.text for node in root.xpath(path, namespaces=NS)]

    def _amount(self, root, path):
        values = self._text(root, path)
        self.assertEqual(len(values), 1, path)
        return float(values[0])

    # ------------------------------------------------------------------
    # The invoice, through the portal
    # ------------------------------------------------------------------
    def test_portal_invoice_read_back(self):
        move = self._posted_invoice()
        self.assertEqual(self.company.xml_format_in_pdf_invoice, "factur-x")
        response = self._portal_pdf(move)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        root = self._xml_of(response.content)

        self.assertEqual(
            self._text(root, "//ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"),
            [EXTENDED],
        )
        header = "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument"
        self.assertEqual(self._text(root, f"{header}/ram:ID"), [move.name])
        self.assertEqual(self._text(root, f"{header}/ram:TypeCode"), ["380"])
        self.assertEqual(
            self._text(root, f"{header}/ram:IssueDateTime/udt:DateTimeString"),
            ["20260315"],
        )
        self.assertEqual(
            self._text(
                root,
                f"{SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime"
                "/udt:DateTimeString",
            ),
            ["20260414"],
        )
        # The seller: the cooperative, the activity as its trading name.
        seller = f"{AGREEMENT}/ram:SellerTradeParty"
        self.assertEqual(self._text(root, f"{seller}/ram:Name"), [self.company.name])
        legal = f"{seller}/ram:SpecifiedLegalOrganization"
        self.assertEqual(self._text(root, f"{legal}/ram:ID"), [COMPANY_SIRET])
        self.assertEqual(
            root.xpath(f"{legal}/ram:ID/@schemeID", namespaces=NS), ["0002"]
        )
        self.assertEqual(
            self._text(root, f"{legal}/ram:TradingBusinessName"),
            ["Léa Photographie"],
        )
        self.assertEqual(
            self._text(root, f"{seller}/ram:SpecifiedTaxRegistration/ram:ID"),
            [COMPANY_VAT],
        )
        self.assertEqual(
            self._text(root, f"{seller}/ram:PostalTradeAddress/ram:CityName"),
            ["Bayonne"],
        )
        # The buyer.
        buyer = f"{AGREEMENT}/ram:BuyerTradeParty"
        self.assertEqual(self._text(root, f"{buyer}/ram:Name"), ["Hôtel du Palais SAS"])
        self.assertEqual(
            self._text(root, f"{buyer}/ram:SpecifiedLegalOrganization/ram:ID"),
            [CUSTOMER_SIRET],
        )
        self.assertEqual(
            self._text(root, f"{buyer}/ram:SpecifiedTaxRegistration/ram:ID"),
            [CUSTOMER_VAT],
        )
        address = f"{buyer}/ram:PostalTradeAddress"
        self.assertEqual(
            [
                self._text(root, f"{address}/ram:{tag}")
                for tag in ("PostcodeCode", "LineOne", "CityName", "CountryID")
            ],
            [["64200"], ["1 avenue de l'Impératrice"], ["Biarritz"], ["FR"]],
        )
        # Lines, VAT by rate, totals: 800 at 20 %, 150 at 10 %.
        self.assertEqual(
            len(root.xpath("//ram:IncludedSupplyChainTradeLineItem", namespaces=NS)),
            2,
        )
        breakdown = sorted(
            (
                float(tax.findtext("ram:RateApplicablePercent", namespaces=NS)),
                float(tax.findtext("ram:BasisAmount", namespaces=NS)),
                float(tax.findtext("ram:CalculatedAmount", namespaces=NS)),
                tax.findtext("ram:CategoryCode", namespaces=NS),
            )
            for tax in root.xpath(f"{SETTLEMENT}/ram:ApplicableTradeTax", namespaces=NS)
        )
        self.assertEqual(
            breakdown, [(10.0, 150.0, 15.0, "S"), (20.0, 800.0, 160.0, "S")]
        )
        self.assertEqual(
            (
                self._amount(root, f"{SUMMATION}/ram:TaxBasisTotalAmount"),
                self._amount(root, f"{SUMMATION}/ram:TaxTotalAmount"),
                self._amount(root, f"{SUMMATION}/ram:GrandTotalAmount"),
                self._amount(root, f"{SUMMATION}/ram:DuePayableAmount"),
            ),
            (950.0, 175.0, 1125.0, 1125.0),
        )
        self.assertEqual(
            (move.amount_untaxed, move.amount_tax, move.amount_total),
            (950.0, 175.0, 1125.0),
        )

    def test_credit_note(self):
        invoice = self._posted_invoice()
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"reason": "Tirages abîmés", "journal_id": invoice.journal_id.id})
        )
        refund = self.env["account.move"].browse(reversal.refund_moves()["res_id"])
        refund.with_user(self.accountant).action_post()
        self.assertEqual(refund.cae_activity_id, self.activity)
        root = self._xml_of(self._portal_pdf(refund).content)
        header = "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument"
        self.assertEqual(self._text(root, f"{header}/ram:TypeCode"), ["381"])
        self.assertEqual(self._text(root, f"{header}/ram:ID"), [refund.name])
        # Positive amounts, as the 381 code says it is a credit note.
        self.assertEqual(
            self._amount(root, f"{SUMMATION}/ram:GrandTotalAmount"), 1125.0
        )

    def test_down_payment_invoice(self):
        order = (
            self.env["sale.order"]
            .with_company(self.company)
            .create(
                {
                    "partner_id": self.buyer.id,
                    "company_id": self.company.id,
                    "cae_activity_id": self.activity.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.shooting.id,
                                "product_uom_qty": 3,
                                "price_unit": 400.0,
                                "tax_id": [Command.set(self.vat20.ids)],
                            }
                        )
                    ],
                }
            )
        )
        order.action_confirm()
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=order.ids)
            .create({"advance_payment_method": "percentage", "amount": 30})
        )
        wizard.create_invoices()
        invoice = order.invoice_ids
        self.assertEqual(invoice.cae_activity_id, self.activity)
        invoice.with_user(self.accountant).action_post()
        root = self._xml_of(self._portal_pdf(invoice).content)
        lines = root.xpath("//ram:IncludedSupplyChainTradeLineItem", namespaces=NS)
        self.assertEqual(len(lines), 1)
        self.assertEqual(
            (
                self._amount(root, f"{SUMMATION}/ram:TaxBasisTotalAmount"),
                self._amount(root, f"{SUMMATION}/ram:TaxTotalAmount"),
                self._amount(root, f"{SUMMATION}/ram:GrandTotalAmount"),
            ),
            (360.0, 72.0, 432.0),
        )
        self.assertEqual(invoice.amount_total, 432.0)

    def test_sent_invoice_holds_one_xml(self):
        """Sent from the back office, the PDF holds OCA's XML only, not a
        second factur-x.xml from Odoo's account_edi_ubl_cii; printed again
        from the portal, still one."""
        move = self._posted_invoice()
        with patch.dict(tools.config.options, {"test_enable": False}):
            self.env["account.move.send"]._generate_and_send_invoices(
                move, sending_methods={"manual"}
            )
        stored = move.invoice_pdf_report_id.raw
        self.assertTrue(stored)
        self.assertEqual(self._embedded_xml_files(stored), {"factur-x.xml": 1})
        root = self._xml_of(stored)
        self.assertEqual(
            self._text(root, "//ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"),
            [EXTENDED],
        )
        self.assertEqual(
            self._text(root, "//ram:TradingBusinessName"), ["Léa Photographie"]
        )
        pdf = self._portal_pdf(move).content
        self.assertEqual(self._embedded_xml_files(pdf), {"factur-x.xml": 1})
        self.assertEqual(
            self._text(self._xml_of(pdf), "//ram:TradingBusinessName"),
            ["Léa Photographie"],
        )

    # ------------------------------------------------------------------
    # Bad data
    # ------------------------------------------------------------------
    def test_customer_without_siret_nor_address(self):
        """Only the country is mandatory: the XML leaves out the rest."""
        partner = self.env["res.partner"].create(
            {
                "name": "Particulier",
                "country_id": self.env.ref("base.fr").id,
                "company_id": self.company.id,
                "cae_activity_ids": [Command.set(self.activity.ids)],
            }
        )
        root = self._xml_of(self._portal_pdf(self._posted_invoice(partner)).content)
        buyer = f"{AGREEMENT}/ram:BuyerTradeParty"
        self.assertEqual(self._text(root, f"{buyer}/ram:Name"), ["Particulier"])
        self.assertFalse(
            root.xpath(f"{buyer}/ram:SpecifiedLegalOrganization", namespaces=NS)
        )
        self.assertFalse(
            root.xpath(f"{buyer}/ram:SpecifiedTaxRegistration", namespaces=NS)
        )
        self.assertEqual(
            self._text(root, f"{buyer}/ram:PostalTradeAddress/ram:CountryID"), ["FR"]
        )

    def test_customer_without_country(self):
        """A clear French message on the invoice's page, no server error;
        the draft's preview comes without the XML."""
        partner = self.env["res.partner"].create(
            {
                "name": "Client sans pays",
                "company_id": self.company.id,
                "cae_activity_ids": [Command.set(self.activity.ids)],
            }
        )
        draft = self._invoice_of(partner, [("Reportage", 1, 400.0, self.vat20)])
        response = self._portal_pdf(draft)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertFalse(get_facturx_xml_from_pdf(response.content, check_xsd=False)[0])
        draft.with_user(self.accountant).action_post()
        attachments = self.env["ir.attachment"].search_count([])
        response = self._portal_pdf(draft)
        self.assertEqual(response.status_code, 200)
        self.assertIn("text/html", response.headers["Content-Type"])
        page = response.text
        self.assertIn("La facture Factur-X ne peut pas être produite", page)
        self.assertIn(
            "Le pays n&#39;est pas configuré sur le partenaire", response.text
        )
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)

    # ------------------------------------------------------------------
    # A Belgian cooperative
    # ------------------------------------------------------------------
    def test_belgian_company(self):
        """The Belgian cooperative of the demo keeps Odoo's PDF, without
        Factur-X XML (its reform goes through Peppol)."""
        company = self.env.ref("cae_base.demo_company_belgium")
        self.assertEqual(company.xml_format_in_pdf_invoice, "none")
        invoice = self.env["account.move"].search(
            [
                ("company_id", "=", company.id),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("cae_activity_id", "!=", False),
            ],
            limit=1,
        )
        self.assertTrue(invoice)
        self.assertFalse(invoice._xml_format_in_pdf_invoice())
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_company(company)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("account.account_invoices", invoice.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertFalse(get_facturx_xml_from_pdf(pdf, check_xsd=False)[0])
        # OCA's default, Factur-X for every company, fails on the Belgian
        # taxes, which have no UNECE codes: a clear error, no PDF.
        company.xml_format_in_pdf_invoice = "factur-x"
        with self.assertRaisesText(UserError, "which is not a VAT tax"):
            invoice.generate_facturx_xml()

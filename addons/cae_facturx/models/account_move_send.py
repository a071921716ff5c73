# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One Factur-X XML in the PDF sent from the back office.

When an invoice is sent (*Send & Print*, the portal's *Send*), its PDF is
rendered through ``ir.actions.report``, where OCA's module embeds its
``factur-x.xml``; then Odoo's ``account_edi_ubl_cii`` "always silently"
embeds its own ``factur-x.xml`` too, and the PDF would hold two files of
that name (OCA's README: "the XML embedded in the PDF is the XML generated
by account_edi_ubl_cii"; it advises to uninstall that module, which the
French localisation needs). When the PDF already holds OCA's XML, it is
kept as it was before Odoo's embedding; Odoo's XML stays a separate
attachment when the customer's format asks for one. Invoices sent in a
batch get no XML from OCA's module (one invoice per rendering only), and
keep Odoo's.
"""

from facturx import get_facturx_xml_from_pdf

from odoo import models


class AccountMoveSend(models.AbstractModel):
    _inherit = "account.move.send"

    def _hook_invoice_document_after_pdf_report_render(self, invoice, invoice_data):
        pdf_values = invoice_data.get("pdf_attachment_values")
        before = pdf_values and pdf_values.get("raw")
        res = super()._hook_invoice_document_after_pdf_report_render(
            invoice, invoice_data
        )
        if (
            before
            and pdf_values["raw"] != before
            and invoice._xml_format_in_pdf_invoice() == "factur-x"
            and get_facturx_xml_from_pdf(before, check_xsd=False)[0]
        ):
            pdf_values["raw"] = before
        return res

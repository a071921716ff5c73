# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The invoice PDF of the portal, with its Factur-X XML.

OCA's module embeds the XML while the PDF is rendered and raises a
``UserError`` when the invoice lacks what the XML needs (the customer's
country, the UNECE codes of a tax...). A posted invoice then shows its
page with the reason, in French, instead of a server error; a draft's
preview comes without the XML (the XML of a draft is not an invoice).
"""

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.cae_sale.controllers.portal_sale import CaeSalePortal

NO_XML = "no_embedded_factur-x_xml"


class CaeFacturxPortal(CaeSalePortal):
    @http.route()
    def portal_my_activity_invoice_pdf(self, move_id, **kwargs):
        move = self._cae_my_invoice(move_id)
        try:
            with request.env.cr.savepoint():
                return super().portal_my_activity_invoice_pdf(move_id, **kwargs)
        except UserError as exc:
            if move.state == "posted":
                return self._cae_invoice_page(
                    move,
                    error=request.env._(
                        "The Factur-X invoice cannot be made: %(reason)s "
                        "Complete the customer, or ask the cooperative's "
                        "accountant.",
                        reason=exc.args[0],
                    ),
                )
        request.update_context(**{NO_XML: True})
        return super().portal_my_activity_invoice_pdf(move_id, **kwargs)

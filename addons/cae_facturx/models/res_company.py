# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Which companies issue Factur-X invoices.

OCA's ``account_invoice_facturx`` makes every company embed a Factur-X XML
in its invoice PDF. Factur-X is the format of the French reform; the
UNECE codes of the taxes it needs are set for the French chart only
(``l10n_fr_account_tax_unece``). A company of another country (the Belgian
cooperatives, whose reform goes through Peppol, Odoo's ``account_peppol``)
keeps Odoo's usual PDF: its format is set to "None" at its creation and at
the installation of this add-on; an administrator may still choose
Factur-X in the settings.
"""

from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        for company, vals in zip(companies, vals_list, strict=True):
            if "xml_format_in_pdf_invoice" not in vals:
                company._cae_facturx_set_format()
        return companies

    def write(self, vals):
        res = super().write(vals)
        if "country_id" in vals and "xml_format_in_pdf_invoice" not in vals:
            self._cae_facturx_set_format()
        return res

    def _cae_facturx_set_format(self):
        """Factur-X for the French companies, none for the others."""
        french = self.env.ref("base.fr")
        for company in self:
            wanted = "factur-x" if company.country_id == french else "none"
            if company.xml_format_in_pdf_invoice != wanted:
                company.xml_format_in_pdf_invoice = wanted

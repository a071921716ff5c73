# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CAE - Factur-X invoices",
    "summary": "The invoices of the activities come out as Factur-X PDF files "
    "(French e-invoicing reform), from the portal and the back office",
    "version": "18.0.1.0.0",
    "category": "Cooperative",
    "author": "CAE suite contributors",
    "website": "https://github.com/cae-suite/cae-suite",
    "license": "AGPL-3",
    "depends": [
        "cae_sale",
        # OCA/l10n-france: Factur-X XML embedded in the invoice PDF, with the
        # SIRET of the seller and the buyer (pulls account_invoice_facturx).
        "l10n_fr_account_invoice_facturx",
        # OCA/l10n-france: the UNECE type and category of the French taxes,
        # which the Factur-X XML needs.
        "l10n_fr_account_tax_unece",
    ],
    "external_dependencies": {"python": ["factur-x", "python-stdnum"]},
    "data": [],
    "demo": ["demo/res_company_demo.xml"],
    "installable": True,
    "auto_install": True,
    "post_init_hook": "post_init_hook",
    "development_status": "Beta",
    "maintainers": [],
}

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CAE - Sales",
    "summary": "Entrepreneurs prepare the quotations of their own activity; "
    "the cooperative's accountants validate them",
    "version": "18.0.1.3.0",
    "category": "Cooperative",
    "author": "CAE suite contributors",
    "website": "https://github.com/cae-suite/cae-suite",
    "license": "AGPL-3",
    "depends": [
        "cae_base",
        # Quotation templates and optional products come with the quotations.
        "sale_management",
    ],
    "external_dependencies": {"python": []},
    "data": [
        "security/cae_sale_security.xml",
        "security/ir.model.access.csv",
        "security/cae_sale_rules.xml",
        "views/sale_order_views.xml",
        "views/portal_sale_templates.xml",
        "views/cae_sale_menus.xml",
        "data/mail_data.xml",
    ],
    "demo": [
        "demo/sale_order_demo.xml",
        "demo/sale_order_advisor_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cae_sale/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "auto_install": True,
    "post_init_hook": "post_init_hook",
    "development_status": "Beta",
    "maintainers": [],
}

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CAE - Import",
    "summary": "A cooperative moves in: import its entrepreneurs and their path, "
    "its activities' opening balances and its share register from CSV or XLSX",
    "version": "18.0.1.1.2",
    "category": "Cooperative",
    "author": "CAE suite contributors",
    "website": "https://github.com/cae-suite/cae-suite",
    "license": "AGPL-3",
    "depends": ["cae_base", "cae_governance"],
    "external_dependencies": {"python": ["openpyxl"]},
    "data": [
        "security/ir.model.access.csv",
        "wizards/cae_import_wizard_views.xml",
        "views/cae_import_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cae_import/static/src/tours/*.js",
        ],
    },
    "installable": True,
    "development_status": "Beta",
}

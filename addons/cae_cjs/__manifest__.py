# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CAE - Youth service cooperatives and Flashcoops",
    "summary": "Youth service cooperatives (CJS) and Flashcoop projects hosted by "
    "the cooperative: participants, contracts, hours, result and its sharing",
    "version": "18.0.1.1.3",
    "category": "Cooperative",
    "author": "CAE suite contributors",
    "website": "https://github.com/cae-suite/cae-suite",
    "license": "AGPL-3",
    "depends": [
        "cae_base",
        "sale",
        # OCA/reporting-engine: the XLSX summary of the distribution.
        "report_xlsx",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/cae_cjs_security.xml",
        "security/ir.model.access.csv",
        "security/cae_cjs_rules.xml",
        "data/cae_parameter_data.xml",
        "data/ir_sequence_data.xml",
        "data/res_partner_data.xml",
        "data/res_company_data.xml",
        "views/cae_cjs_project_views.xml",
        "views/cae_cjs_participant_views.xml",
        "views/cae_cjs_contract_views.xml",
        "views/cae_cjs_work_views.xml",
        "views/cae_cjs_assembly_views.xml",
        "views/cae_cjs_event_sale_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/cae_cjs_menus.xml",
        "report/cae_cjs_reports.xml",
    ],
    "demo": [
        "demo/cae_cjs_demo.xml",
        "demo/cae_cjs_event_sale_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cae_cjs/static/src/tours/*.js",
        ],
    },
    "installable": True,
    "development_status": "Beta",
    "maintainers": [],
}

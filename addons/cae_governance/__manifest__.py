# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CAE - Governance",
    "summary": "Cooperative life: share capital, register of associates, "
    "calls and releases, transfers, reimbursements and share certificates",
    "version": "18.0.1.0.0",
    "category": "Cooperative",
    "author": "CAE suite contributors",
    "website": "https://github.com/cae-suite/cae-suite",
    "license": "AGPL-3",
    "depends": [
        "cae_base",
        # OCA/reporting-engine: XLSX export of the register of associates.
        "report_xlsx",
    ],
    "external_dependencies": {"python": ["num2words"]},
    "data": [
        "security/ir.model.access.csv",
        "security/cae_governance_rules.xml",
        "data/cae_parameter_data.xml",
        "data/ir_cron_data.xml",
        "views/cae_share_class_views.xml",
        "views/cae_associate_views.xml",
        "views/cae_share_operation_views.xml",
        "views/cae_share_call_views.xml",
        "views/cae_share_line_views.xml",
        "views/cae_share_register_views.xml",
        "views/cae_entrepreneur_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/cae_share_register_print_views.xml",
        "report/cae_governance_reports.xml",
        "report/report_share_register.xml",
        "report/report_share_certificate.xml",
        "views/portal_templates.xml",
        "views/cae_governance_menus.xml",
    ],
    "demo": [
        "demo/cae_share_class_demo.xml",
        "demo/cae_associate_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cae_governance/static/src/tours/*.js",
        ],
    },
    "installable": True,
    "development_status": "Beta",
    "maintainers": [],
}

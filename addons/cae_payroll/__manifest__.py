# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CAE - Payroll",
    "summary": "Pay of the salaried entrepreneur (CESA), funded by their own "
    "activity: salary structure, salary budget, monthly batch, posting on the "
    "activity's analytic account",
    "version": "18.0.1.4.0",
    "category": "Cooperative",
    "author": "CAE suite contributors",
    "website": "https://github.com/cae-suite/cae-suite",
    "license": "AGPL-3",
    "depends": [
        "cae_base",
        # OCA/payroll: salary rules, payslips, batches; payroll_account posts
        # the payslips with the contract's analytic account.
        "payroll_account",
        # OCA/queue: large batches are computed and confirmed by jobs.
        "queue_job",
        # OCA/reporting-engine: XLSX export for the external payroll provider.
        "report_xlsx",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/cae_payroll_security.xml",
        "security/ir.model.access.csv",
        "security/cae_payroll_rules.xml",
        "data/cae_parameter_data.xml",
        "data/cae_parameter_pas_data.xml",
        "data/hr_salary_rule_data.xml",
        "data/cae_payroll_setup.xml",
        "data/queue_job_data.xml",
        "views/hr_contract_views.xml",
        "views/hr_employee_views.xml",
        "views/hr_payslip_views.xml",
        "views/hr_payslip_run_views.xml",
        "views/cae_entrepreneur_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "report/cae_payslip_report.xml",
        "report/cae_payroll_variables_xlsx.xml",
        "wizards/cae_salary_simulation_views.xml",
        "wizards/cae_payslip_funding_views.xml",
        "views/cae_payroll_menus.xml",
    ],
    "demo": [
        "demo/cae_payroll_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cae_payroll/static/src/tours/*.js",
        ],
    },
    "installable": True,
    "development_status": "Beta",
    "maintainers": [],
}

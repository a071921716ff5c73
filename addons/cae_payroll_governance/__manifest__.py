# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CAE - Share capital paid by salary deduction",
    "summary": "Associates who pay their shares by salary deduction: the "
    "monthly release is deducted on the CESA payslip and recorded in the "
    "share register when the payslip is confirmed",
    "version": "18.0.1.1.1",
    "category": "Cooperative",
    "author": "CAE suite contributors",
    "website": "https://github.com/cae-suite/cae-suite",
    "license": "AGPL-3",
    "depends": ["cae_payroll", "cae_governance"],
    "data": [
        "data/hr_salary_rule_data.xml",
        "views/cae_share_operation_views.xml",
    ],
    "installable": True,
    "auto_install": True,
    "development_status": "Beta",
    "maintainers": [],
}

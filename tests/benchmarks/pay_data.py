# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Payroll data of the benchmarks: a French company with the CESA payroll
set up, salaried entrepreneurs with funded activities and their contracts.

Used by bench_payroll.py (in a test transaction) and bench_multiworker.py
(committed on a scratch database)::

    company = payroll_company(env, "CAE Bench Paie")
    entrepreneurs = salaried_entrepreneurs(env, company, 1000)
    cesa_contracts(env, company, entrepreneurs)
    run = payslip_run(env, company, "March")
"""

from datetime import date

from odoo import Command

PERIOD = (date(2026, 3, 1), date(2026, 3, 31))


def payroll_company(env, name):
    """A French company, its chart of accounts and the CESA payroll."""
    company = env["res.company"].create(
        {"name": name, "country_id": env.ref("base.fr").id}
    )
    env["account.chart.template"].try_loading("fr", company=company, install_demo=False)
    company = company.with_context(allowed_company_ids=[company.id])
    company._cae_payroll_setup()
    return company


def salaried_entrepreneurs(env, company, size):
    """``size`` entrepreneurs in CESA since 2025 with funded activities."""
    Entrepreneur = env["cae.entrepreneur"].with_company(company)
    entrepreneurs = Entrepreneur.create(
        [
            {
                "name": f"Salarié {size}-{index:04d}",
                "company_id": company.id,
                "info_meeting_date": date(2024, 1, 10),
                "path_step_ids": [
                    Command.create(
                        {
                            "stage": "candidate",
                            "date_start": date(2024, 1, 10),
                            "date_end": date(2024, 12, 31),
                        }
                    ),
                    Command.create({"stage": "cesa", "date_start": date(2025, 1, 1)}),
                ],
            }
            for index in range(size)
        ]
    )
    entrepreneurs._ensure_employee()
    fund(env, company, entrepreneurs.activity_id)
    company.cae_payroll_headcount = 20
    return entrepreneurs


def fund(env, company, activities):
    """One bank entry giving each activity 10,000 € of cash."""
    bank = env["account.journal"].search(
        [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
    )
    income = env["account.chart.template"].with_company(company).ref("pcg_706")
    lines = [
        Command.create(
            {
                "account_id": bank.default_account_id.id,
                "debit": 10000.0,
                "analytic_distribution": {str(activity.analytic_account_id.id): 100},
            }
        )
        for activity in activities
    ]
    lines.append(
        Command.create({"account_id": income.id, "credit": 10000.0 * len(activities)})
    )
    move = (
        env["account.move"]
        .with_company(company)
        .create(
            {
                "move_type": "entry",
                "journal_id": bank.id,
                "date": date(2026, 2, 15),
                "line_ids": lines,
            }
        )
    )
    move.action_post()


def cesa_contracts(env, company, entrepreneurs, structure=None):
    """One running contract each; with ``structure``, plain OCA contracts
    of that structure instead, left in draft (one running contract each)."""
    Contract = env["hr.contract"].with_company(company)
    return Contract.create(
        [
            {
                "name": f"{'Plain' if structure else 'CESA'} {e.name}",
                "employee_id": e.employee_id.id,
                "cae_is_cesa": not structure,
                "date_start": date(2025, 1, 1),
                "state": "draft" if structure else "open",
                "wage": 2000.0 + index,
                "struct_id": structure.id if structure else False,
                "journal_id": company.cae_payroll_journal_id.id,
                "analytic_account_id": e.analytic_account_id.id,
            }
            for index, e in enumerate(entrepreneurs)
        ]
    )


def payslip_run(env, company, name):
    return (
        env["hr.payslip.run"]
        .with_company(company)
        .create(
            {
                "name": name,
                "date_start": PERIOD[0],
                "date_end": PERIOD[1],
                "company_id": company.id,
                "journal_id": company.cae_payroll_journal_id.id,
            }
        )
    )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo payroll: contracts, three paid months, the current one to do.

Called from ``demo/cae_payroll_demo.xml`` (``load(env)``, through
``ir.module.module._cae_load_demo`` of cae_base).
"""

from dateutil.relativedelta import relativedelta

from odoo import fields

# Demo CESA contracts: entrepreneur xmlid → (hours a month, hourly rate,
# monthly gross, monthly revenue of the activity, variable parts of the
# three months). Hours and a rate for part-time hourly contracts, a monthly
# gross otherwise.
DEMO_CONTRACTS = {
    "entrepreneur_lea_martin": (86.67, 13.50, 0.0, 2400.0, (0.0, 150.0, 0.0)),
    "entrepreneur_thomas_dubois": (151.67, 0.0, 2600.0, 5200.0, (0.0, 0.0, 400.0)),
    "entrepreneur_hugo_petit": (121.33, 12.50, 0.0, 3100.0, (0.0, 0.0, 0.0)),
    "entrepreneur_lucas_richard": (151.67, 0.0, 2200.0, 4300.0, (0.0, 300.0, 0.0)),
    "entrepreneur_manon_durand": (60.67, 12.80, 0.0, 1300.0, (0.0, 0.0, 0.0)),
    "entrepreneur_ines_laurent": (104.0, 13.00, 0.0, 2500.0, (0.0, 0.0, 200.0)),
    "entrepreneur_emma_leroy": (86.67, 12.60, 0.0, 600.0, (0.0, 0.0, 0.0)),
    "entrepreneur_gabriel_roux": (151.67, 0.0, 1950.0, 3900.0, (0.0, 0.0, 0.0)),
    "entrepreneur_raphael_bertrand": (69.33, 14.00, 0.0, 1700.0, (0.0, 0.0, 0.0)),
    "entrepreneur_jules_fournier": (130.0, 12.40, 0.0, 3000.0, (0.0, 0.0, 250.0)),
    "entrepreneur_adam_bonnet": (151.67, 0.0, 2400.0, 4700.0, (0.0, 500.0, 0.0)),
    "entrepreneur_rose_dupont": (95.33, 13.20, 0.0, 2300.0, (0.0, 0.0, 0.0)),
    "entrepreneur_paul_lambert": (151.67, 0.0, 2800.0, 5400.0, (0.0, 0.0, 0.0)),
    "entrepreneur_margaux_vincent": (78.0, 15.00, 0.0, 2100.0, (0.0, 0.0, 0.0)),
}
# (name, street, zip, city, SIRET, VAT number): what Factur-X invoices
# carry (made-up numbers with valid check digits).
DEMO_CUSTOMERS = (
    (
        "Mairie de Bègles",
        "77 rue Calixte Camelle",
        "33130",
        "Bègles",
        "99000001000019",
        "FR13990000010",
    ),
    (
        "Librairie Mollat",
        "15 rue Vital-Carles",
        "33000",
        "Bordeaux",
        "99000002800011",
        "FR67990000028",
    ),
    (
        "Association Les Jardins de Garonne",
        "4 quai de Brienne",
        "33800",
        "Bordeaux",
        "99000003600014",
        "FR91990000036",
    ),
)


def load(env):
    company = env.ref("base.main_company")
    if not company.chart_template:
        return
    company._cae_payroll_setup()
    # Odoo loads a module's translations after its demo data: load the
    # French names of the salary rules now, so that the demo payslips'
    # lines are named in French as they are in production.
    env["ir.module.module"].search([("name", "=", "cae_payroll")])._update_translations(
        ["fr_FR"]
    )
    # A cooperative of about twenty employees (support staff and
    # salaried entrepreneurs): thresholds of 11 and 50 employees.
    company.cae_payroll_headcount = 20
    today = fields.Date.context_today(env.user)
    first = today.replace(day=1)
    months = [first - relativedelta(months=n) for n in (3, 2, 1)]
    contracts, specs = create_demo_contracts(env, company, months[0])
    Partner = env["res.partner"]
    customers = Partner.create(
        [
            {
                "name": name,
                "is_company": True,
                "street": street,
                "zip": zip_code,
                "city": city,
                "country_id": company.country_id.id,
                "vat": vat,
                "company_id": company.id,
                # The SIRET field of Odoo's French localisation.
                **({"siret": siret} if "siret" in Partner._fields else {}),
            }
            for name, street, zip_code, city, siret, vat in DEMO_CUSTOMERS
        ]
    )
    # A month of revenue ahead: the activities start with some treasury.
    create_demo_revenue(
        env, contracts, specs, customers, months[0] - relativedelta(months=1), 3
    )
    for index, month in enumerate(months):
        create_demo_revenue(env, contracts, specs, customers, month, index)
        run = create_demo_run(env, company, month)
        payslips = run._cae_generate_payslips()
        for payslip in payslips:
            variable = specs[payslip.contract_id.id][4][index]
            if variable:
                payslip.input_line_ids.amount = variable
        payslips.compute_sheet()
        payslips.filtered(
            lambda p: p.cae_funding_state == "unfunded"
        )._cae_accept_negative_balance(
            "Activité en démarrage : avance de trésorerie validée par la "
            "direction, encaissements clients attendus le mois suivant."
        )
        payslips.action_payslip_done()
        run.close_payslip_run()
    # The current month, computed and left to the staff.
    create_demo_run(env, company, first)._cae_generate_payslips()


def create_demo_contracts(env, company, start):
    smic = env["cae.parameter"]._get_value(
        "cae_smic_hourly", fields.Date.context_today(env.user), company
    )
    vals_list, spec_list = [], []
    for key, spec in DEMO_CONTRACTS.items():
        hours, rate, wage, _revenue, _variables = spec
        entrepreneur = env.ref(f"cae_base.{key}")
        if not entrepreneur.employee_id:
            continue
        vals = {
            "name": f"CESA {entrepreneur.name}",
            "employee_id": entrepreneur.employee_id.id,
            "cae_is_cesa": True,
            "date_start": min(entrepreneur.cesa_date_start or start, start),
            "state": "open",
            "cae_monthly_hours": hours,
        }
        if rate:
            # Demo data stays legal whatever the year it is installed.
            vals.update(cae_wage_type="hourly", cae_hourly_rate=max(rate, smic + 0.3))
        else:
            vals.update(wage=max(wage, company.currency_id.round(smic * hours)))
        vals_list.append(vals)
        spec_list.append(spec)
    contracts = env["hr.contract"].with_company(company).create(vals_list)
    return contracts, dict(zip(contracts.ids, spec_list, strict=True))


def create_demo_revenue(env, contracts, specs, customers, month, index):
    """Paid customer invoices of the month for each demo activity."""
    Move = env["account.move"].with_company(contracts.company_id)
    invoices = Move.create(
        [
            {
                "move_type": "out_invoice",
                "partner_id": customers[(i + index) % len(customers)].id,
                "invoice_date": month + relativedelta(days=9),
                "cae_activity_id": contract.cae_activity_id.id,
                "invoice_line_ids": [
                    fields.Command.create(
                        {
                            "name": "Prestations du mois",
                            "quantity": 1,
                            "price_unit": specs[contract.id][3],
                        }
                    )
                ],
            }
            for i, contract in enumerate(contracts)
        ]
    )
    invoices.action_post()
    env["account.payment.register"].with_context(
        active_model="account.move", active_ids=invoices.ids
    ).create({"payment_date": month + relativedelta(days=19)})._create_payments()


def create_demo_run(env, company, month):
    label = fields.Date.to_string(month)[:7]
    return (
        env["hr.payslip.run"]
        .with_company(company)
        .create(
            {
                "name": f"Salaires {label}",
                "date_start": month,
                "date_end": month + relativedelta(months=1, days=-1),
                "company_id": company.id,
                "journal_id": company.cae_payroll_journal_id.id,
            }
        )
    )

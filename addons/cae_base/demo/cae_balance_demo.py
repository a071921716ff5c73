# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Twelve months of an activity's life, for the demo database only.

Called once from ``demo/cae_balance_demo.xml`` through
``ir.module.module._cae_load_demo`` (plain Python, not a model of the
registry: ``load(env)``); the Belgian demo reuses its helpers. Deterministic (a seeded
random generator, entrepreneurs taken in a fixed order), dates relative to
today, and batched (documents created and posted per activity, payments
registered per month) so that installing the demo stays quick.
"""

import random

from dateutil.relativedelta import relativedelta

from odoo import Command, fields

# Per trade: (typical monthly turnover excl. VAT, share of it bought and
# re-invoiced, account of those purchases).
TRADE_PROFILES = {
    "trade_photographer": (2600, 0.08, "606400"),
    "trade_web_developer": (4200, 0.05, "604000"),
    "trade_cook": (3100, 0.35, "607000"),
    "trade_carpenter": (3800, 0.30, "601000"),
    "trade_yoga_teacher": (1500, 0.05, "606400"),
    "trade_consultant": (4800, 0.03, "604000"),
    "trade_trainer": (3500, 0.05, "604000"),
    "trade_urban_gardener": (2200, 0.25, "607000"),
    "trade_graphic_designer": (2900, 0.06, "604000"),
    "trade_translator": (2400, 0.02, "604000"),
    "trade_ceramist": (1900, 0.22, "601000"),
    "trade_musician": (1700, 0.05, "604000"),
    "trade_seamstress": (2000, 0.25, "601000"),
    "trade_eco_builder": (5200, 0.40, "607000"),
}
DEFAULT_PROFILE = (2300, 0.10, "604000")
# The demo activities with a year of documents (Léa has a portal login,
# Thomas a back-office one); the others stay empty, to keep the demo
# installation quick.
DEMO_ENTREPRENEURS = (
    "entrepreneur_lea_martin",
    "entrepreneur_thomas_dubois",
    "entrepreneur_hugo_petit",
    "entrepreneur_lucas_richard",
    "entrepreneur_manon_durand",
    "entrepreneur_arthur_lefebvre",
    "entrepreneur_gabriel_roux",
)
MONTHS = 12
CUSTOMERS = [
    ("Mairie de Bègles", "Bègles"),
    ("SARL Les Jardins du Sud-Ouest", "Mérignac"),
    ("Association Culture en Landes", "Mont-de-Marsan"),
    ("Boulangerie Martin et Fils", "Talence"),
    ("Cabinet Lemoine Architectes", "Bordeaux"),
    ("Lycée Montesquieu", "Dax"),
    ("Les Ateliers de la Réole", "La Réole"),
]
SUPPLIERS = [
    ("Fournitures Aquitaine SAS", "Pessac"),
    ("Bois et Matériaux du Sud-Ouest", "Hagetmau"),
]


def load(env):
    company = env.ref("base.main_company")
    if not company.chart_template:
        return
    env = (
        company.with_company(company)
        .with_context(
            tracking_disable=True,
            mail_create_nolog=True,
            mail_notrack=True,
            # Messages and to-dos in the cooperative's language.
            lang=company.partner_id.lang or env.lang,
        )
        .env
    )
    rng = random.Random("cae-suite-balance-demo")
    today = fields.Date.context_today(env.user)
    first_month = today.replace(day=1) - relativedelta(months=MONTHS)
    context = prepare_context(env, company)
    create_rules(env, company, first_month)
    payable = {}
    for xmlid in DEMO_ENTREPRENEURS:
        entrepreneur = env.ref(f"cae_base.{xmlid}", raise_if_not_found=False)
        if entrepreneur and entrepreneur.activity_id:
            load_activity(env, entrepreneur, context, rng, first_month, today, payable)
    register_payments(env, payable, today)
    post_contributions(env, company, first_month, today)


# ------------------------------------------------------------------
def prepare_context(env, company):
    Partner = env["res.partner"]
    Account = env["account.account"].with_company(company)

    def account(code):
        return Account.search(
            [("code", "=", code), *Account._check_company_domain(company)],
            limit=1,
        )

    def partners(names):
        return Partner.create(
            [
                {
                    "name": name,
                    "city": city,
                    "is_company": True,
                    "country_id": env.ref("base.fr").id,
                    "company_id": company.id,
                }
                for name, city in names
            ]
        )

    service = env["product.product"].create(
        {
            "name": "Prestation",
            "type": "service",
            "company_id": company.id,
            "taxes_id": [Command.set(company.account_sale_tax_id.ids)],
        }
    )
    travel = env["product.product"].create(
        {
            "name": "Déplacements",
            "can_be_expensed": True,
            "company_id": company.id,
            "supplier_taxes_id": [Command.set(company.account_purchase_tax_id.ids)],
            "property_account_expense_id": account("625100").id,
        }
    )
    meals = env["product.product"].create(
        {
            "name": "Repas et réceptions",
            "can_be_expensed": True,
            "company_id": company.id,
            "supplier_taxes_id": [Command.set(company.account_purchase_tax_id.ids)],
            "property_account_expense_id": account("625700").id,
        }
    )
    return {
        "customers": partners(CUSTOMERS),
        "suppliers": partners(SUPPLIERS),
        "service": service,
        "expense_products": travel | meals,
        "sale_tax": company.account_sale_tax_id,
        "purchase_tax": company.account_purchase_tax_id,
        "account": account,
    }


def create_rules(env, company, first_month):
    Rule = env["cae.contribution.rule"]
    start = first_month - relativedelta(years=1)

    def activity(xmlid):
        return env.ref(f"cae_base.{xmlid}").activity_id.id

    Rule.create(
        [
            {
                "name": "Contribution coopérative : 10 % du CA HT",
                "company_id": company.id,
                "base": "turnover",
                "rate": 10.0,
                "amount_max": 1500.0,
                "date_from": start,
            },
            {
                # 10 % of the gross margin: the Belgian business
                # cooperative presentation of docs/sources.md.
                "name": "10 % de la marge brute",
                "company_id": company.id,
                "activity_id": activity("entrepreneur_hugo_petit"),
                "base": "margin",
                "rate": 10.0,
                "date_from": start,
            },
            {
                "name": "6,5 % par facture et 25 € par an",
                "company_id": company.id,
                "activity_id": activity("entrepreneur_arthur_lefebvre"),
                "base": "invoice",
                "rate": 6.5,
                "yearly_fee": 25.0,
                "date_from": start,
            },
        ]
    )


# ------------------------------------------------------------------
def load_activity(env, entrepreneur, context, rng, first_month, today, payable):
    """Invoices, bills and expense claims of one activity, posted."""
    activity = entrepreneur.activity_id
    trade = entrepreneur.trade_id
    xmlid = trade.get_external_id().get(trade.id, "")
    monthly, purchase_share, purchase_code = TRADE_PROFILES.get(
        xmlid.split(".")[-1], DEFAULT_PROFILE
    )
    start = max(first_month, entrepreneur.first_contract_date or first_month)
    # Each activity has its regular customer, and a few occasional ones.
    regular = rng.choice(context["customers"])
    moves = []
    month = start.replace(day=1)
    while month <= today:
        # Seasons and growth: a real activity is never flat.
        growth = 1 + 0.02 * (month - first_month).days / 30
        factor = rng.uniform(0.6, 1.35) * growth
        customer = regular
        if rng.random() > 0.7:
            customer = rng.choice(context["customers"])
        moves.append(
            move_vals(
                activity,
                "out_invoice",
                customer,
                min(month + relativedelta(days=rng.randint(2, 26)), today),
                context["service"].id,
                False,
                round(monthly * factor, -1),
                context["sale_tax"],
            )
        )
        if month.month % 2:
            moves.append(
                move_vals(
                    activity,
                    "in_invoice",
                    rng.choice(context["suppliers"]),
                    min(month + relativedelta(days=rng.randint(1, 20)), today),
                    False,
                    context["account"](purchase_code).id,
                    round(2 * monthly * factor * purchase_share, -1) or 40.0,
                    context["purchase_tax"],
                )
            )
        month += relativedelta(months=1)
    posted = env["account.move"].create(moves)
    posted.action_post()
    for move in posted:
        schedule_payment(env, payable, move, move.invoice_date, today)
    if entrepreneur.stage in ("cesa", "associate"):
        load_expense_claims(env, entrepreneur, context, rng, start, today, payable)
        gross = round(monthly * (0.6 - purchase_share) * 0.75, -1)
        load_salaries(env, activity, context, gross, start, today)


def load_salaries(env, activity, context, gross, start, today):
    """Monthly pay of a salaried entrepreneur, as simple entries.

    Illustrative amounts (the real payslips come from cae_payroll): the
    gross pay the activity's margin allows, employer contributions at
    42 % of it, the net (78 %) paid at month end, contributions paid
    each quarter.
    """
    account = context["account"]
    gross_account, employer_account = account("641100"), account("645100")
    bank, social = account("512001"), account("431000")
    employer = round(gross * 0.42, 2)
    net = round(gross * 0.78, 2)
    due = gross - net + employer
    entries = []
    month = start.replace(day=1)
    while month + relativedelta(day=28) <= today:
        day = month + relativedelta(day=28)
        entries.append(
            entry_vals(
                activity,
                day,
                f"Salaire {day:%m/%Y}",
                [
                    (gross_account, gross),
                    (employer_account, employer),
                    (bank, -net),
                    (social, -due),
                ],
            )
        )
        if month.month % 3 == 0 and day + relativedelta(days=15) <= today:
            entries.append(
                entry_vals(
                    activity,
                    day + relativedelta(days=15),
                    f"Cotisations sociales T{(month.month - 1) // 3 + 1}",
                    [(social, 3 * due), (bank, -3 * due)],
                )
            )
        month += relativedelta(months=1)
    env["account.move"].create(entries).action_post()


def entry_vals(activity, day, label, lines):
    return {
        "move_type": "entry",
        "date": day,
        "ref": label,
        "cae_activity_id": activity.id,
        "line_ids": [
            Command.create(
                {
                    "name": label,
                    "account_id": account.id,
                    "debit": max(amount, 0.0),
                    "credit": max(-amount, 0.0),
                }
            )
            for account, amount in lines
        ],
    }


def schedule_payment(env, payable, moves, day, today):
    """Documents are paid once a quarter, on the 10th of the month after
    the quarter they are dated in; the last quarter is still to pay."""
    quarter_end = day + relativedelta(months=2 - (day.month - 1) % 3, day=31)
    pay_day = quarter_end + relativedelta(days=10)
    if pay_day <= today:
        key = (pay_day, moves[:1].move_type == "out_invoice")
        payable[key] = payable.get(key, env["account.move"]) | moves


def move_vals(activity, move_type, partner, day, product_id, account_id, amount, taxes):
    line = {
        "name": "Prestation" if move_type == "out_invoice" else "Achats",
        "quantity": 1,
        "price_unit": amount,
        "tax_ids": [Command.set(taxes.ids)],
    }
    if product_id:
        line["product_id"] = product_id
    if account_id:
        line["account_id"] = account_id
    return {
        "move_type": move_type,
        "partner_id": partner.id,
        "invoice_date": day,
        "date": day,
        "cae_activity_id": activity.id,
        "invoice_line_ids": [Command.create(line)],
    }


def load_expense_claims(env, entrepreneur, context, rng, start, today, payable):
    entrepreneur._ensure_employee()
    sheets = env["hr.expense.sheet"]
    month = start.replace(day=1) + relativedelta(months=1)
    while month <= today:
        day = min(month + relativedelta(days=rng.randint(3, 25)), today)
        product = rng.choice(context["expense_products"])
        sheets |= sheets.create(
            {
                "name": f"Frais {day:%m/%Y}",
                "employee_id": entrepreneur.employee_id.id,
                "accounting_date": day,
                "expense_line_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "employee_id": entrepreneur.employee_id.id,
                            "product_id": product.id,
                            "total_amount_currency": round(rng.uniform(25, 180), 2),
                            "tax_ids": [Command.set(context["purchase_tax"].ids)],
                            "date": day,
                        }
                    )
                ],
            }
        )
        month += relativedelta(months=rng.choice((3, 4)))
    sheets.action_submit_sheet()
    sheets._do_approve()
    sheets.action_sheet_move_post()
    for sheet in sheets:
        schedule_payment(
            env, payable, sheet.account_move_ids, sheet.accounting_date, today
        )


def register_payments(env, payable, today):
    """Each quarter, one payment per partner and activity: received
    first, then sent."""
    for key in sorted(payable, key=lambda key: (key[0], not key[1])):
        moves = payable[key]
        env["account.payment.register"].with_context(
            active_model="account.move", active_ids=moves.ids
        ).create({"payment_date": key[0], "group_payment": True})._create_payments()


def post_contributions(env, company, first_month, today):
    Run = env["cae.contribution.run"]
    month = first_month
    while month + relativedelta(months=1) <= today.replace(day=1):
        Run._run_period(company, month, month + relativedelta(months=1, days=-1))
        month += relativedelta(months=1)

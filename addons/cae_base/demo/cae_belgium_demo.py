# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A Belgian business cooperative beside the French CAE, for the demo only.

Called once from ``demo/cae_belgium_demo.xml`` (``load(env)``, through
``ir.module.module._cae_load_demo``) when Odoo's Belgian chart
(``l10n_be``) is installed: a company on the PCMN (``be_comp``) following
the Belgian rule set (candidate entrepreneurs tested for 18 months at most,
10 % of the gross margin), a dozen candidate entrepreneurs, one of them on
SMart's terms (6.5 % per invoice and 25 € a year, see docs/sources.md), a year
of invoices (21 % VAT), bills, expense claims and payments, and the monthly
contribution runs. Logins: ``nathalie`` (staff) and ``elise`` (portal).
Deterministic (seeded generator, fixed order), dates relative to today.
"""

import random

from dateutil.relativedelta import relativedelta

from odoo import Command, fields

from . import cae_balance_demo as balance

COMPANY_XMLID = "demo_company_belgium"
# (name, business name, trade, months since the test contract started,
#  city, monthly turnover excl. VAT, share bought and re-invoiced, account
#  of those purchases (PCMN 60), with a year of documents)
ENTREPRENEURS = [
    (
        "Élise Dumont",
        "Élise Dumont Illustration",
        "trade_graphic_designer",
        9,
        "Namur",
        2400,
        0.06,
        "602000",
        True,
    ),
    (
        "Mehdi Benali",
        "Benali Rénovation",
        "trade_eco_builder",
        14,
        "Charleroi",
        4100,
        0.35,
        "604000",
        True,
    ),
    (
        "Sarah Lambert",
        "Atelier Lambert Céramique",
        "trade_ceramist",
        17,
        "Dinant",
        1800,
        0.22,
        "601000",
        True,
    ),
    (
        "Julien Renard",
        "Renard Traductions",
        "trade_translator",
        6,
        "Namur",
        2100,
        0.02,
        "602000",
        True,
    ),
    (
        "Aurélie Peeters",
        "Aurélie Peeters Photographie",
        "trade_photographer",
        11,
        "Gembloux",
        2600,
        0.08,
        "602000",
        True,
    ),
    (
        "Thibault Maes",
        "Maes Web Studio",
        "trade_web_developer",
        4,
        "Namur",
        3600,
        0.05,
        "602000",
        True,
    ),
    (
        "Claire Dubois",
        "Les Jardins de Claire",
        "trade_urban_gardener",
        8,
        "Andenne",
        2000,
        0.25,
        "604000",
        False,
    ),
    (
        "Nicolas Hermans",
        "Hermans Formation",
        "trade_trainer",
        2,
        "Charleroi",
        3000,
        0.05,
        "602000",
        False,
    ),
    (
        "Laura Goffin",
        "Laura Goffin Couture",
        "trade_seamstress",
        13,
        "Philippeville",
        1700,
        0.25,
        "601000",
        False,
    ),
    (
        "Kevin Lejeune",
        "Lejeune Menuiserie",
        "trade_carpenter",
        16,
        "Ciney",
        3400,
        0.30,
        "600000",
        False,
    ),
    (
        "Marie Jacobs",
        "Marie Jacobs Yoga",
        "trade_yoga_teacher",
        1,
        "Namur",
        1400,
        0.05,
        "602000",
        False,
    ),
    (
        "Olivier Wauters",
        "Wauters Conseil",
        "trade_consultant",
        5,
        "Wavre",
        4500,
        0.03,
        "602000",
        False,
    ),
]
# The entrepreneur on SMart's terms, and the one with a portal login.
SMART_LIKE = "Mehdi Benali"
PORTAL = "Élise Dumont"
# Expense claims for these (the others buy through the cooperative).
WITH_CLAIMS = ("Élise Dumont", "Mehdi Benali", "Aurélie Peeters")
MONTHS = 12
CUSTOMERS = [
    ("Ville de Namur", "Namur"),
    ("ASBL Culture et Quartiers", "Charleroi"),
    ("Brasserie du Confluent SRL", "Namur"),
    ("Bureau d'architectes Meunier SRL", "Dinant"),
    ("Athénée royal de Gembloux", "Gembloux"),
    ("Les Ateliers de la Sambre SC", "Charleroi"),
]
SUPPLIERS = [
    ("Matériaux Mosans SA", "Jambes"),
    ("Imprimerie du Namurois SRL", "Namur"),
]


def load(env):
    if env.ref(f"cae_base.{COMPANY_XMLID}", raise_if_not_found=False):
        return
    l10n_be = env["ir.module.module"].search(
        [("name", "=", "l10n_be"), ("state", "=", "installed")]
    )
    if not l10n_be:
        return  # Odoo's Belgian chart is not installed: no Belgian demo.
    # The cooperative speaks French: records named by the code (the pay
    # structure, the contribution rule) are named in French.
    env = env(context=dict(env.context, lang="fr_FR"))
    company = create_company(env)
    # _load rather than try_loading, which warns while modules install.
    env["account.chart.template"]._load("be_comp", company, False)
    env = (
        company.with_company(company)
        .with_context(
            allowed_company_ids=[company.id],
            tracking_disable=True,
            mail_create_nolog=True,
            mail_notrack=True,
        )
        .env
    )
    company = company.with_env(env)
    staff, portal = create_users(env, company)
    entrepreneurs = create_entrepreneurs(env, company, staff, portal)
    today = fields.Date.context_today(env.user)
    first_month = today.replace(day=1) - relativedelta(months=MONTHS)
    create_rules(env, company, entrepreneurs, first_month)
    load_documents(env, company, entrepreneurs, first_month, today)


# ------------------------------------------------------------------
def create_company(env):
    belgium = env.ref("base.be")
    partner = env["res.partner"].create(
        {
            "name": "Coopérative d'activités Sambre-et-Meuse",
            "is_company": True,
            "street": "Rue de Fer 25",
            "zip": "5000",
            "city": "Namur",
            "country_id": belgium.id,
            "email": "contact@coop-sambre-meuse.example.be",
            "phone": "+32 81 00 00 00",
            "lang": "fr_FR",
        }
    )
    vals = {
        "name": partner.name,
        "partner_id": partner.id,
        "country_id": belgium.id,
        "currency_id": env.ref("base.EUR").id,
    }
    if "iap_enrich_auto_done" in env["res.company"]._fields:
        # partner_autocomplete would look the demo domain up online.
        vals["iap_enrich_auto_done"] = True
    company = env["res.company"].create(vals)
    env["ir.model.data"].create(
        {
            "module": "cae_base",
            "name": COMPANY_XMLID,
            "model": "res.company",
            "res_id": company.id,
            "noupdate": True,
        }
    )
    env.ref("base.user_admin").company_ids = [Command.link(company.id)]
    return company


def create_users(env, company):
    Users = env["res.users"].with_context(no_reset_password=True)
    common = {
        "lang": "fr_FR",
        "tz": "Europe/Brussels",
        "company_id": company.id,
        "company_ids": [Command.set(company.ids)],
    }
    staff = Users.create(
        {
            **common,
            "name": "Nathalie Collard",
            "login": "nathalie",
            "password": "nathalie",
            "email": "nathalie.collard@coop-sambre-meuse.example.be",
            "groups_id": [
                Command.link(env.ref("base.group_user").id),
                Command.link(env.ref("cae_base.group_cae_manager").id),
            ],
        }
    )
    portal = Users.create(
        {
            **common,
            "name": PORTAL,
            "login": "elise",
            "password": "elise",
            "email": "elise.dumont@example.be",
            "groups_id": [Command.set(env.ref("base.group_portal").ids)],
        }
    )
    portal.partner_id.write({"city": "Namur", "country_id": env.ref("base.be").id})
    for user, name in ((staff, "user_nathalie"), (portal, "user_elise")):
        env["ir.model.data"].create(
            {
                "module": "cae_base",
                "name": name,
                "model": "res.users",
                "res_id": user.id,
                "noupdate": True,
            }
        )
    return staff, portal


def create_entrepreneurs(env, company, staff, portal):
    """Candidate entrepreneurs at every point of their 18 months."""
    today = fields.Date.context_today(env.user)
    belgium = env.ref("base.be")
    vals_list = []
    for name, business, trade, months, city, *_rest in ENTREPRENEURS:
        start = today - relativedelta(months=months, days=3)
        meeting = start - relativedelta(months=1)
        partner = (
            portal.partner_id
            if name == PORTAL
            else env["res.partner"].create(
                {
                    "name": name,
                    "city": city,
                    "country_id": belgium.id,
                    "lang": "fr_FR",
                    "email": f"{name.split()[0].lower()}@example.be",
                }
            )
        )
        vals_list.append(
            {
                "partner_id": partner.id,
                "user_id": portal.id if name == PORTAL else False,
                "business_name": business,
                "trade_id": env.ref(f"cae_base.{trade}").id,
                "advisor_id": staff.id,
                "company_id": company.id,
                "info_meeting_date": meeting,
                "welcome_interview_date": meeting + relativedelta(days=10),
                "path_step_ids": [
                    Command.create(
                        {
                            "stage": "candidate",
                            "date_start": meeting,
                            "date_end": start - relativedelta(days=1),
                        }
                    ),
                    Command.create({"stage": "cape", "date_start": start}),
                ],
            }
        )
    return env["cae.entrepreneur"].create(vals_list)


def create_rules(env, company, entrepreneurs, first_month):
    """The Belgian set's 10 % of the gross margin, and SMart's terms."""
    start = first_month - relativedelta(years=1)
    rule_set = company.cae_rule_set_id
    smart = entrepreneurs.filtered(lambda e: e.name == SMART_LIKE)
    env["cae.contribution.rule"].create(
        [
            dict(
                rule_set._prepare_contribution_rule_vals(company),
                name="10 % de la marge brute",
                date_from=start,
            ),
            {
                "name": "6,5 % par facture et 25 € par an",
                "company_id": company.id,
                "activity_id": smart.activity_id.id,
                "base": "invoice",
                "rate": 6.5,
                "yearly_fee": 25.0,
                "date_from": start,
            },
        ]
    )


# ------------------------------------------------------------------
def load_documents(env, company, entrepreneurs, first_month, today):
    context = prepare_context(env, company)
    rng = random.Random("cae-suite-belgium-demo")
    profiles = {row[0]: row[5:] for row in ENTREPRENEURS}
    payable = {}
    for entrepreneur in entrepreneurs:
        monthly, share, purchase_code, documents = profiles[entrepreneur.name]
        if not documents:
            continue
        start = max(first_month, entrepreneur.first_contract_date)
        moves = activity_moves(
            entrepreneur.activity_id,
            context,
            rng,
            start,
            today,
            (monthly, share, context["account"](purchase_code)),
        )
        posted = env["account.move"].create(moves)
        posted.action_post()
        for move in posted:
            balance.schedule_payment(env, payable, move, move.invoice_date, today)
        if entrepreneur.name in WITH_CLAIMS:
            balance.load_expense_claims(
                env, entrepreneur, context, rng, start, today, payable
            )
    balance.register_payments(env, payable, today)
    balance.post_contributions(env, company, first_month, today)


def activity_moves(activity, context, rng, start, today, profile):
    """Monthly invoices and a bill every other month, as values."""
    monthly, share, purchase_account = profile
    regular = rng.choice(context["customers"])
    moves = []
    month = start.replace(day=1)
    while month <= today:
        factor = rng.uniform(0.6, 1.35)
        customer = regular
        if rng.random() > 0.7:
            customer = rng.choice(context["customers"])
        moves.append(
            balance.move_vals(
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
                balance.move_vals(
                    activity,
                    "in_invoice",
                    rng.choice(context["suppliers"]),
                    min(month + relativedelta(days=rng.randint(1, 20)), today),
                    False,
                    purchase_account.id,
                    round(2 * monthly * factor * share, -1) or 40.0,
                    context["purchase_tax"],
                )
            )
        month += relativedelta(months=1)
    return moves


def prepare_context(env, company):
    Account = env["account.account"].with_company(company)

    def account(code):
        return Account.search(
            [("code", "=", code), *Account._check_company_domain(company)],
            limit=1,
        )

    def partners(names):
        return env["res.partner"].create(
            [
                {
                    "name": name,
                    "city": city,
                    "is_company": True,
                    "country_id": env.ref("base.be").id,
                    "company_id": company.id,
                }
                for name, city in names
            ]
        )

    sale_tax = company.account_sale_tax_id  # TVA 21 %
    purchase_tax = company.account_purchase_tax_id  # TVA déductible 21 %
    Product = env["product.product"]
    service = Product.create(
        {
            "name": "Prestation",
            "type": "service",
            "company_id": company.id,
            "taxes_id": [Command.set(sale_tax.ids)],
        }
    )
    # 61 services et biens divers: travel and small purchases.
    expense_products = Product.create(
        [
            {
                "name": name,
                "can_be_expensed": True,
                "company_id": company.id,
                "supplier_taxes_id": [Command.set(purchase_tax.ids)],
                "property_account_expense_id": account("610000").id,
            }
            for name in ("Déplacements", "Petites fournitures")
        ]
    )
    return {
        "customers": partners(CUSTOMERS),
        "suppliers": partners(SUPPLIERS),
        "service": service,
        "expense_products": expense_products,
        "sale_tax": sale_tax,
        "purchase_tax": purchase_tax,
        "account": account,
    }

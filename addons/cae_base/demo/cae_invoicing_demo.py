# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Entrepreneurs' invoicing in the demo: submitted invoices, an internal
invoice and a portal expense claim.

Called from ``demo/cae_invoicing_demo.xml`` (``load(env)``, through
``ir.module.module._cae_load_demo``).
"""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields

# (customer, city, [(description, quantity, unit price)]) of Thomas's drafts.
THOMAS_INVOICES = [
    (
        "Librairie Mollat",
        "Bordeaux",
        [("Refonte du site marchand", 1, 2400.0), ("Formation à l'outil", 2, 350.0)],
    ),
    ("Cave de Cadillac", "Cadillac", [("Maintenance du site, trimestre", 3, 120.0)]),
    ("Surf School Lacanau", "Lacanau", [("Module de réservation en ligne", 1, 1650.0)]),
]


# A one-page PDF receipt for the demo expense claim.
DEMO_RECEIPT = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]"
    b"/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>endobj\n"
    b"4 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"5 0 obj<</Length 44>>stream\nBT /F1 12 Tf 20 70 Td (Billet TER 38,60) Tj ET\n"
    b"endstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def load(env):
    """Thomas prepares and submits invoices; Sophie sends one back.

    Run through the same methods as the users' buttons, with their
    rights, so that the demo shows the real workflow.
    """
    company = env.ref("base.main_company")
    thomas = env.ref("cae_base.user_thomas", raise_if_not_found=False)
    sophie = env.ref("cae_base.user_sophie", raise_if_not_found=False)
    dubois = env.ref("cae_base.entrepreneur_thomas_dubois", raise_if_not_found=False)
    hugo = env.ref("cae_base.entrepreneur_hugo_petit", raise_if_not_found=False)
    if not (company.chart_template and thomas and sophie and dubois.activity_id):
        return
    company.cae_validator_id = sophie
    today = fields.Date.context_today(env.user)
    product = env["product.product"].create(
        {
            "name": "Développement web",
            "type": "service",
            "company_id": company.id,
            "taxes_id": [Command.set(company.account_sale_tax_id.ids)],
        }
    )
    # In each user's language, as their clicks would be: the chatter
    # messages and to-dos are written in it.
    as_thomas = (
        company.with_user(thomas).with_company(company).with_context(lang=thomas.lang)
    ).env
    moves = as_thomas["account.move"]
    for index, (name, city, lines) in enumerate(THOMAS_INVOICES):
        customer = as_thomas["res.partner"].create(
            {
                "name": name,
                "city": city,
                "is_company": True,
                "country_id": env.ref("base.fr").id,
            }
        )
        moves |= as_thomas["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "invoice_date": today - relativedelta(days=index * 3),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": label,
                            "quantity": quantity,
                            "price_unit": price,
                        }
                    )
                    for label, quantity, price in lines
                ],
            }
        )
    moves.action_cae_submit()
    moves[-1:].with_user(sophie).with_context(lang=sophie.lang)._cae_send_back(
        "Le taux de TVA de la formation est à vérifier avec le client "
        "(organisme de formation exonéré ?)."
    )
    if hugo.activity_id:
        internal = as_thomas["cae.internal.invoice"].create(
            {
                "buyer_activity_id": hugo.activity_id.id,
                "date": today - relativedelta(days=5),
                "note": "Site vitrine de l'atelier, hébergement compris.",
                "line_ids": [
                    Command.create(
                        {
                            "name": "Création du site vitrine",
                            "quantity": 1,
                            "price_unit": 900.0,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Hébergement, un an",
                            "quantity": 12,
                            "price_unit": 8.5,
                        }
                    ),
                ],
            }
        )
        internal.action_submit()
    load_portal_expense_claim(env, company, today)


def load_portal_expense_claim(env, company, today):
    """Léa's train ticket, claimed on the portal: Sophie has it to process."""
    lea = env.ref("cae_base.entrepreneur_lea_martin", raise_if_not_found=False)
    train = env.ref(
        "hr_expense.expense_product_travel_accommodation", raise_if_not_found=False
    )
    if not (lea and lea.activity_id and lea.user_id and train):
        return
    Expense = (
        env["hr.expense"]
        .with_user(lea.user_id)
        .with_context(lang=lea.user_id.lang)
        .sudo()
    )
    values = Expense._cae_prepare_portal_expense_vals(
        lea,
        lea.activity_id,
        {
            "name": "Train Bordeaux – Mont-de-Marsan, salon des artisans",
            "product_id": str(train.id),
            "date": fields.Date.to_string(today - relativedelta(days=2)),
            "amount": "38,60",
            "description": "Aller-retour en TER pour le stand du salon.",
        },
        train,
    )
    Expense._cae_create_portal_expense(
        lea,
        values,
        [("billet-ter.pdf", "application/pdf", DEMO_RECEIPT)],
    )

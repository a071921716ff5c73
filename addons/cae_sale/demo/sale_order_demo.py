# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Thomas's quotations in the demo.

Called from ``demo/sale_order_demo.xml`` (``load(env)``, through
``ir.module.module._cae_load_demo`` of cae_base).
"""

from odoo import Command


def load(env):
    """Thomas prepares two quotations and submits one, with his rights."""
    company = env.ref("base.main_company")
    thomas = env.ref("cae_base.user_thomas", raise_if_not_found=False)
    if not (company.chart_template and thomas and thomas.cae_entrepreneur_ids):
        return
    # In Thomas's language, as his clicks: chatter and to-dos in French.
    as_thomas = (
        company.with_user(thomas).with_company(company).with_context(lang=thomas.lang)
    ).env
    product = env["product.product"].create(
        {
            "name": "Site vitrine",
            "type": "service",
            "company_id": company.id,
            "list_price": 1800.0,
            "taxes_id": [Command.set(company.account_sale_tax_id.ids)],
        }
    )
    orders = as_thomas["sale.order"]
    for name, city, quantity in (
        ("Domaine de Carsin", "Rions", 1),
        ("Association Vélo-Cité", "Bordeaux", 2),
    ):
        customer = as_thomas["res.partner"].create(
            {"name": name, "city": city, "is_company": True}
        )
        orders |= as_thomas["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": quantity}
                    )
                ],
            }
        )
    orders[:1].action_cae_submit()

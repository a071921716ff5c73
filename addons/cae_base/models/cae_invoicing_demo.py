# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

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


class CaeInvoicingDemo(models.AbstractModel):
    _name = "cae.invoicing.demo"
    _description = "Entrepreneurs' invoicing demo data loader"

    @api.model
    def _load(self):
        """Thomas prepares and submits invoices; Sophie sends one back.

        Run through the same methods as the users' buttons, with their
        rights, so that the demo shows the real workflow.
        """
        company = self.env.ref("base.main_company")
        thomas = self.env.ref("cae_base.user_thomas", raise_if_not_found=False)
        sophie = self.env.ref("cae_base.user_sophie", raise_if_not_found=False)
        dubois = self.env.ref(
            "cae_base.entrepreneur_thomas_dubois", raise_if_not_found=False
        )
        hugo = self.env.ref(
            "cae_base.entrepreneur_hugo_petit", raise_if_not_found=False
        )
        if not (company.chart_template and thomas and sophie and dubois.activity_id):
            return
        company.cae_validator_id = sophie
        today = fields.Date.context_today(self)
        product = self.env["product.product"].create(
            {
                "name": "Développement web",
                "type": "service",
                "company_id": company.id,
                "taxes_id": [Command.set(company.account_sale_tax_id.ids)],
            }
        )
        as_thomas = self.with_user(thomas).with_company(company).env
        moves = as_thomas["account.move"]
        for index, (name, city, lines) in enumerate(THOMAS_INVOICES):
            customer = as_thomas["res.partner"].create(
                {
                    "name": name,
                    "city": city,
                    "is_company": True,
                    "country_id": self.env.ref("base.fr").id,
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
        moves[-1:].with_user(sophie)._cae_send_back(
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

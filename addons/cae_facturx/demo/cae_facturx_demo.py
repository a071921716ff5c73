# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data only: what the Factur-X XML of the demo invoices needs.

The customers of the French cooperatives' invoices and quotations get a
country, a full address and, for organisations, a SIRET and a VAT number
(made up from their id, with valid check digits) where the demo of
cae_base and cae_sale left them out.

Called from ``demo/res_company_demo.xml`` (``load(env)``, through
``ir.module.module._cae_load_demo`` of cae_base).
"""

from odoo.addons.cae_facturx.tools.french_ids import made_up_ids

# (street, zip, city) for the customers without address, in turn.
ADDRESSES = [
    ("8 cours de l'Intendance", "33000", "Bordeaux"),
    ("3 place de la Liberté", "40100", "Dax"),
    ("15 rue Victor Hugo", "64100", "Bayonne"),
    ("2 allées Marines", "64100", "Bayonne"),
    ("21 rue Gambetta", "40000", "Mont-de-Marsan"),
    ("5 quai Richelieu", "33000", "Bordeaux"),
]
# Postcodes of the demo's towns, for the customers with a town and no zip.
CITY_ZIPS = {
    "Bègles": "33130",
    "Bordeaux": "33000",
    "Cadillac": "33410",
    "Dax": "40100",
    "Hagetmau": "40700",
    "La Réole": "33190",
    "Lacanau": "33680",
    "Langon": "33210",
    "Mérignac": "33700",
    "Mont-de-Marsan": "40000",
    "Rions": "33410",
    "Saint-Sever": "40500",
    "Talence": "33400",
    "Bayonne": "64100",
    "Biarritz": "64200",
    "Anglet": "64600",
}
# Words of a demo customer's name that say it is an organisation.
ORGANISATION_WORDS = (
    "sarl",
    "sas",
    "sa ",
    "eurl",
    "association",
    "mairie",
    "hôtel",
    "atelier",
    "studio",
    "agence",
    "cabinet",
    "société",
    "restaurant",
    "librairie",
    "commune",
    "office",
    "camping",
    "galerie",
    "domaine",
    "château",
    "ets",
    "boutique",
    "coop",
    "lycée",
    "école",
    "centre",
    "conseil",
    "maison",
)


def load(env):
    french = env.ref("base.fr")
    companies = (
        env["res.company"]
        .search([])
        .filtered(lambda company: company.country_id == french)
    )
    domain = [("company_id", "in", companies.ids)]
    moves = env["account.move"].search(
        [*domain, ("move_type", "in", ("out_invoice", "out_refund"))]
    )
    orders = env["sale.order"].search(domain)
    partners = (moves.partner_id | orders.partner_id).commercial_partner_id
    for index, partner in enumerate(partners.sorted("id")):
        partner.write(customer_values(partner, index, french))


def customer_values(partner, index, french):
    vals = {}
    if not partner.country_id:
        vals["country_id"] = french.id
    if not partner.street:
        street, zip_code, city = ADDRESSES[index % len(ADDRESSES)]
        vals["street"] = street
        if not partner.city:
            vals.update(zip=zip_code, city=city)
    if not partner.zip and partner.city in CITY_ZIPS:
        vals["zip"] = CITY_ZIPS[partner.city]
    name = f"{partner.name.lower()} "
    if (partner.is_company or any(w in name for w in ORGANISATION_WORDS)) and (
        partner.country_id or french
    ) == french:
        siren, nic, vat = made_up_ids(partner.id)
        if not partner.siren:
            vals.update(siren=siren, nic=nic, is_company=True)
        if not partner.vat:
            vals["vat"] = vat
    return vals

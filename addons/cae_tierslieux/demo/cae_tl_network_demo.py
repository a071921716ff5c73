# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The structures and places of the demo network.

Called from ``demo/cae_tl_network_demo.xml`` (``load(env, network_id,
company_ids, place_ids)``, through ``ir.module.module._cae_load_demo`` of
cae_base).
"""

from odoo import fields


def load(env, network_id, company_ids, place_ids):
    """The companies as structures of the network, then its places."""
    network = env["cae.tl.network"].browse(network_id)
    companies = env["res.company"].browse(company_ids)
    network.structure_ids = [
        fields.Command.create({"partner_id": company.partner_id.id, "sequence": i})
        for i, company in enumerate(companies)
    ]
    network.place_ids = [fields.Command.set(place_ids)]

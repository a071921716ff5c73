# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Networks of places: the booking, occupancy and place rules (noupdate)
widen to the home structures of the guests and to the places of the
networks."""

from odoo import SUPERUSER_ID, api

RULES = {
    "cae_tierslieux.cae_tl_place_rule_company": (
        "['|', ('company_id', 'in', company_ids), "
        "('network_ids.structure_ids.company_id', 'in', company_ids)]"
    ),
    "cae_tierslieux.cae_tl_booking_rule_company": (
        "['|', ('company_id', 'in', company_ids), "
        "('home_company_id', 'in', company_ids)]"
    ),
    "cae_tierslieux.cae_tl_occupancy_report_rule_company": (
        "['|', ('company_id', 'in', company_ids), "
        "('place_id.network_ids.structure_ids.company_id', 'in', company_ids)]"
    ),
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, domain in RULES.items():
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.domain_force = domain
    # The place rule above is for reading; a new rule (loaded with the
    # module) keeps writes to the company's own places.
    place_rule = env.ref(
        "cae_tierslieux.cae_tl_place_rule_company", raise_if_not_found=False
    )
    if place_rule:
        place_rule.write(
            {"perm_write": False, "perm_create": False, "perm_unlink": False}
        )

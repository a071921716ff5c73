# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Factur-X for the French companies only (see res_company.py)."""
    env["res.company"].search([])._cae_facturx_set_format()

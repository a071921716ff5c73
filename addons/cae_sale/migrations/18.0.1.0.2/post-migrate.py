# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api

from odoo.addons.cae_sale.hooks import load_cae_base_terms


def migrate(cr, version):
    load_cae_base_terms(api.Environment(cr, SUPERUSER_ID, {}))

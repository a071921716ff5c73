# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Rules of noupdate files whose domain changed: dropped here so that the
update creates them again from security/*.xml (Odoo never updates a
noupdate record that exists)."""

from odoo.tools import SQL

CHANGED_RULES = ("res_partner_rule_cae_entrepreneur_read",)


def migrate(cr, version):
    cr.execute(
        SQL(
            "DELETE FROM ir_rule WHERE id IN (SELECT res_id FROM ir_model_data "
            "WHERE module = 'cae_base' AND model = 'ir.rule' AND name IN %s)",
            CHANGED_RULES,
        )
    )
    cr.execute(
        SQL(
            "DELETE FROM ir_model_data WHERE module = 'cae_base' "
            "AND model = 'ir.rule' AND name IN %s",
            CHANGED_RULES,
        )
    )

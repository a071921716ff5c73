# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Québec rule set gets its sourced figures (data/cae_rule_set_data.xml
is noupdate): only where they are still the empty ones of 18.0.1.0.0."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    quebec = env.ref("cae_base.rule_set_quebec", raise_if_not_found=False)
    if (
        not quebec
        or quebec.test_contract_max_months
        or quebec.associate_deadline_months
    ):
        return
    quebec.write(
        {
            "test_contract_name": "Self-employment support (STA)",
            "test_contract_max_months": 12,
            "associate_deadline_months": 18,
            "deadline_alert_parameter_id": env.ref(
                "cae_base.parameter_deadline_alert_months"
            ).id,
        }
    )

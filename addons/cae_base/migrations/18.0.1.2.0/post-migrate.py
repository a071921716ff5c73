# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A CAPE lasts 12 months at most, renewable twice (Code de commerce
L127-2), not one span of 36 months: the rule sets that pointed to the old
36-month parameter now point to the longest term and the renewals.

The associate deadline now runs from the CESA less the earlier contracts
(L7331-3): recompute it, and the alerts, for every entrepreneur."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    old = env.ref("cae_base.parameter_cape_max_months", raise_if_not_found=False)
    term = env.ref("cae_base.parameter_cape_term_max_months")
    renewals = env.ref("cae_base.parameter_cape_renewals_max")
    entrepreneurs = env["cae.entrepreneur"].with_context(active_test=False).search([])
    for fname in ("associate_deadline", "associate_deadline_met", "deadline_alert"):
        env.add_to_compute(entrepreneurs._fields[fname], entrepreneurs)
    entrepreneurs.flush_recordset()
    # Contribution runs are named after their months in the company's
    # language ("Contribution mars 2026"), no longer "Contribution 2026-03".
    runs = env["cae.contribution.run"].search([])
    env.add_to_compute(runs._fields["name"], runs)
    runs.flush_recordset()
    if not old:
        return
    rule_sets = (
        env["cae.rule.set"]
        .with_context(active_test=False)
        .search([("test_contract_max_parameter_id", "=", old.id)])
    )
    for rule_set in rule_sets:
        rule_set.write(
            {
                "test_contract_max_parameter_id": False,
                "test_contract_term_parameter_id": (
                    rule_set.test_contract_term_parameter_id.id or term.id
                ),
                "test_contract_renewals_parameter_id": (
                    rule_set.test_contract_renewals_parameter_id.id or renewals.id
                ),
            }
        )
    old.unlink()

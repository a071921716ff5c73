# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

CAPITAL_RULE_XMLID = "cae_payroll_governance.rule_capital_release"


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _cae_payroll_rules(self):
        return super()._cae_payroll_rules() | self.env.ref(CAPITAL_RULE_XMLID)

    @api.model
    def _cae_payroll_governance_setup_all(self):
        """Add the deduction rule to the CESA structures that exist already."""
        rule = self.env.ref(CAPITAL_RULE_XMLID)
        structures = self.sudo().search([]).cae_payroll_structure_id
        structures.filtered(lambda s: rule not in s.rule_ids).write(
            {"rule_ids": [fields.Command.link(rule.id)]}
        )

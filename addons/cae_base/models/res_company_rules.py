# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """The rules of the cooperative (``cae.rule.set``) a company follows."""

    _inherit = "res.company"

    cae_rule_set_id = fields.Many2one(
        comodel_name="cae.rule.set",
        string="Rules of the cooperative",
        ondelete="restrict",
        domain="['|', ('company_id', '=', False), ('company_id', '=', id)]",
        help="Test contract, associate deadline, follow-ups, admission threshold, "
        "partner invitation and default contribution of the entrepreneurs of "
        "this company. Empty: the French legal parameters.",
    )

    @api.constrains("cae_rule_set_id")
    def _check_cae_rule_set_company(self):
        for company in self:
            owner = company.sudo().cae_rule_set_id.company_id
            if owner and owner != company:
                raise ValidationError(
                    self.env._(
                        "The rules %(rules)s belong to %(owner)s: %(company)s "
                        "cannot follow them.",
                        rules=company.sudo().cae_rule_set_id.name,
                        owner=owner.name,
                        company=company.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies.filtered(lambda c: not c.cae_rule_set_id)._cae_set_default_rules()
        return companies

    def _cae_set_default_rules(self):
        """Give companies the shared rule set of their country, if only one."""
        sets = (
            self.env["cae.rule.set"]
            .sudo()
            .search([("company_id", "=", False), ("country_id", "!=", False)])
        )
        by_country = sets.grouped("country_id")
        for company in self:
            candidates = by_country.get(company.country_id)
            if candidates and len(candidates) == 1:
                company.cae_rule_set_id = candidates

    @api.model
    def _cae_install_rule_sets(self):
        """At installation, existing companies get their country's rules."""
        self.search([("cae_rule_set_id", "=", False)])._cae_set_default_rules()

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cae_base.models.indicator_grid import PrefixError, parse_prefixes


class ResCompany(models.Model):
    _inherit = "res.company"

    cae_cjs_revenue_accounts = fields.Char(
        string="Collective projects: revenue accounts",
        default="7",
        help="Account prefixes counted as revenue in a project's result, "
        "separated by commas; a leading '-' excludes a prefix (e.g. '7,-775').",
    )
    cae_cjs_cost_accounts = fields.Char(
        string="Collective projects: cost accounts",
        default="6",
        help="Account prefixes counted as costs in a project's result, "
        "separated by commas; a leading '-' excludes a prefix (e.g. '6,-641').",
    )
    cae_cjs_reserve_rate = fields.Float(
        string="Collective projects: reserve rate",
        digits=(5, 2),
        default=0.0,
        help="Default share of a project's result (in %) kept for the next "
        "edition; each project may change it.",
    )

    @api.constrains(
        "cae_cjs_revenue_accounts", "cae_cjs_cost_accounts", "cae_cjs_reserve_rate"
    )
    def _check_cae_cjs_settings(self):
        for company in self:
            for spec in (
                company.cae_cjs_revenue_accounts,
                company.cae_cjs_cost_accounts,
            ):
                try:
                    parse_prefixes(spec)
                except PrefixError as error:
                    raise ValidationError(
                        self.env._(
                            "The account selection '%(spec)s' is not valid: give "
                            "account prefixes separated by commas, such as '7' "
                            "or '6,-641'.",
                            spec=spec or "",
                        )
                    ) from error
            if not 0 <= company.cae_cjs_reserve_rate <= 100:
                raise ValidationError(
                    self.env._("The reserve rate must be between 0 and 100 %.")
                )

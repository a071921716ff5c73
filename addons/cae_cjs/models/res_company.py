# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cae_base.tools.indicator_grid import PrefixError, parse_prefixes

# Revenue and cost accounts of a project's result per chart family (cae_base
# chart_defaults), replacing the French defaults when the chart is loaded:
# Belgian PCMN without the appropriation of the result (69, 79); Canadian
# chart of l10n_ca: revenue 4, expenses 5 (6 and 7 are gains, losses, income
# taxes and extraordinary items).
RESULT_ACCOUNTS = {
    "fr": ("7", "6"),
    "be": ("7,-79", "6,-69"),
    "ca_2023": ("4", "5"),
}
# The CJS as practised in Québec, where it was born (readme/CONTEXT.md):
# youths of secondary school age, 12 to 17, where the French cahier des
# charges takes 16 to 18; since 1 June 2023 no employer may have a child
# under 14 work (Loi sur les normes du travail, art. 84.3, Loi sur
# l'encadrement du travail des enfants), and the host employs the youths.
# Companies following the Québec rule set get these dated values of their
# own: (parameter, [(from, value, source)]).
QUEBEC_CJS_AGES = (
    (
        "cae_cjs.parameter_cjs_age_min",
        [
            (date(1988, 6, 1), 12, "CJS in Québec: youths of secondary school age"),
            (date(2023, 6, 1), 14, "Loi sur les normes du travail, art. 84.3 (2023)"),
        ],
    ),
    (
        "cae_cjs.parameter_cjs_age_max",
        [(date(1988, 6, 1), 17, "CJS in Québec: youths of secondary school age")],
    ),
)


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

    def _cae_setup_chart_defaults(self):
        res = super()._cae_setup_chart_defaults()
        self._cae_cjs_set_result_accounts()
        self._cae_cjs_set_quebec_ages()
        return res

    @api.model
    def _cae_cjs_install_chart_defaults(self):
        """At installation, companies whose chart is loaded already."""
        companies = self.sudo().search([("chart_template", "!=", False)])
        companies._cae_cjs_set_result_accounts()
        companies._cae_cjs_set_quebec_ages()

    def _cae_cjs_set_quebec_ages(self):
        """The Québec age range for the companies of the Québec rule set that
        have no age values of their own."""
        quebec = self.env.ref("cae_base.rule_set_quebec", raise_if_not_found=False)
        companies = self.sudo().filtered(
            lambda c: quebec and c.cae_rule_set_id == quebec
        )
        Value = self.env["cae.parameter.value"].sudo()
        for xmlid, values in QUEBEC_CJS_AGES:
            parameter = self.env.ref(xmlid)
            done = Value.search(
                [
                    ("parameter_id", "=", parameter.id),
                    ("company_id", "in", companies.ids),
                ]
            ).company_id
            Value.create(
                [
                    {
                        "parameter_id": parameter.id,
                        "company_id": company.id,
                        "date_from": date_from,
                        "value": age,
                        "note": note,
                    }
                    for company in companies - done
                    for date_from, age, note in values
                ]
            )

    def _cae_cjs_set_result_accounts(self):
        """The result accounts of the chart, where the French ones are left."""
        french = RESULT_ACCOUNTS["fr"]
        for company in self.sudo():
            accounts = RESULT_ACCOUNTS.get(company._cae_chart_family())
            current = (company.cae_cjs_revenue_accounts, company.cae_cjs_cost_accounts)
            if accounts and current == french and accounts != french:
                company.write(
                    {
                        "cae_cjs_revenue_accounts": accounts[0],
                        "cae_cjs_cost_accounts": accounts[1],
                    }
                )

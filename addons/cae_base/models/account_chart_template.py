# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The accounts and settings of the suite, per chart of accounts.

Each chart the suite knows (see ``chart_defaults.CHART_FAMILIES``) gets,
when it is loaded on a company, the few accounts no chart has (expense
claims owed to entrepreneurs, the contribution between activities) and the
company settings pointing to them and to accounts of the chart itself. The
same data fills in what existing companies miss at installation
(``res.company._cae_install_balance``). Sources: readme/CONFIGURE.md.
"""

import logging
from copy import deepcopy

from odoo import models

from odoo.addons.account.models.chart_template import template

from ..tools.chart_defaults import CHART_ACCOUNTS, CHART_SETTINGS

_logger = logging.getLogger(__name__)


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _cae_company_template(self, family):
        return {self.env.company.id: dict(CHART_SETTINGS[family])}

    # French PCG (l10n_fr_account)
    @template("fr", "account.account")
    def _get_fr_account_account_cae(self):
        return deepcopy(CHART_ACCOUNTS["fr"])

    @template("fr", "res.company")
    def _get_fr_res_company_cae(self):
        return self._cae_company_template("fr")

    # Belgian PCMN (l10n_be: be_comp and be_asso inherit from be)
    @template("be", "account.account")
    def _get_be_account_account_cae(self):
        return deepcopy(CHART_ACCOUNTS["be"])

    @template("be", "res.company")
    def _get_be_res_company_cae(self):
        return self._cae_company_template("be")

    # Canadian chart (l10n_ca)
    @template("ca_2023", "account.account")
    def _get_ca_2023_account_account_cae(self):
        return deepcopy(CHART_ACCOUNTS["ca_2023"])

    @template("ca_2023", "res.company")
    def _get_ca_2023_res_company_cae(self):
        return self._cae_company_template("ca_2023")

    def _post_load_data(self, template_code, company, template_data):
        res = super()._post_load_data(template_code, company, template_data)
        company = company or self.env.company
        if not company.parent_id:
            company._cae_setup_chart_defaults()
        return res

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CaeCompanyDemo(models.AbstractModel):
    """The chart of accounts of the demo's second cooperative.

    Called from ``demo/res_company_demo.xml``: the second company gets the
    chart of the main company (the French one in the demo database), as a
    real cooperative would; nothing is done when the main company has none.
    """

    _name = "cae.company.demo"
    _description = "CAE demo: other companies"

    @api.model
    def _load_chart(self, company_ids):
        template = self.env.ref("base.main_company").chart_template
        if not template:
            return
        Chart = self.env["account.chart.template"]
        for company in self.env["res.company"].browse(company_ids):
            if not company.chart_template:
                Chart.try_loading(template, company, install_demo=False)

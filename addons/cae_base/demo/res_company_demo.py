# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The chart of accounts of the demo's second cooperative.

Called from ``demo/res_company_demo.xml`` (``load(env, company_ids)``, through
``ir.module.module._cae_load_demo``): the second company gets the chart of
the main company (the French one in the demo database), as a real
cooperative would; nothing is done when the main company has none.
"""


def load(env, company_ids):
    template = env.ref("base.main_company").chart_template
    if not template:
        return
    Chart = env["account.chart.template"]
    for company in env["res.company"].browse(company_ids):
        if not company.chart_template:
            Chart.try_loading(template, company, install_demo=False)

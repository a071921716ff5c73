# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The partner structure of the demo network.

Called from ``demo/cae_tl_network_demo.xml`` (``load(env, company_id)``,
through ``ir.module.module._cae_load_demo`` of cae_base).
"""


def load(env, company_id):
    """The partner structure of the demo network: a French company of
    the database, with its chart of accounts (and so its settings of
    internal invoices, see ``cae_base``)."""
    company = env["res.company"].browse(company_id)
    company.partner_id.write({"is_company": True, "lang": "fr_FR"})
    env.ref("base.main_company").partner_id.is_company = True
    env["account.chart.template"].try_loading("fr", company=company, install_demo=False)

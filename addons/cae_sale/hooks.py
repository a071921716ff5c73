# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def load_cae_base_terms(env):
    """French labels of the fields cae_base's mixin brings to sale.order.

    The validation states of sale.order ("To validate"...) are records of
    cae_base (the mixin's module), created when this add-on installs: long
    after cae_base's translations were loaded, so they stayed in English on
    the quotation's badge. Load them again, keeping any existing one.
    """
    langs = [code for code, _name in env["res.lang"].get_installed() if code != "en_US"]
    if langs:
        env["ir.module.module"]._load_module_terms(["cae_base"], langs)


def post_init_hook(env):
    load_cae_base_terms(env)

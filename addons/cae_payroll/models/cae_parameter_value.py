# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CaeParameterValue(models.Model):
    _inherit = "cae.parameter.value"

    # Payroll caches the dated values (cae.parameter._cae_parameters_fingerprint).
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env["cae.parameter"]._cae_parameters_changed()
        return records

    def write(self, vals):
        res = super().write(vals)
        self.env["cae.parameter"]._cae_parameters_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["cae.parameter"]._cae_parameters_changed()
        return res

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CaeStageLabelMixin(models.AbstractModel):
    """Show the test contract of the company's rules in place of 'CAPE'.

    The stage keys stay the same everywhere (``cape``); only the label the
    web client gets changes with the current company's rule set, e.g.
    'Candidate entrepreneur' for a Belgian business cooperative.
    """

    _name = "cae.stage.label.mixin"
    _description = "Stage labels from the rules of the cooperative"
    _cae_stage_fields = ("stage",)

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        res = super().fields_get(allfields, attributes)
        for fname in self._cae_stage_fields:
            if "selection" in res.get(fname, {}):
                res[fname]["selection"] = self.env["cae.rule.set"]._stage_labels(
                    res[fname]["selection"]
                )
        return res

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    cae_associate_ids = fields.One2many(
        comodel_name="cae.associate",
        inverse_name="partner_id",
        string="Associate records",
    )
    cae_associate_count = fields.Integer(compute="_compute_cae_associate_count")

    @api.depends("cae_associate_ids")
    def _compute_cae_is_member(self):
        # Associates' personal contacts are seen by the staff and themselves
        # only (cae_base's contact rules).
        res = super()._compute_cae_is_member()
        for partner in self.filtered(lambda p: not p.cae_is_member):
            partner.cae_is_member = bool(
                partner.sudo().with_context(active_test=False).cae_associate_ids
            )
        return res

    def _compute_cae_associate_count(self):
        counts = dict(
            self.env["cae.associate"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.cae_associate_count = counts.get(partner, 0)

    def action_view_cae_associates(self):
        self.ensure_one()
        associates = self.cae_associate_ids
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Associate"),
            "res_model": "cae.associate",
            "context": {"default_partner_id": self.id},
        }
        if len(associates) == 1:
            action.update(view_mode="form", res_id=associates.id)
        else:
            action.update(view_mode="list,form", domain=[("partner_id", "=", self.id)])
        return action

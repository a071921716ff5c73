# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeEntrepreneur(models.Model):
    _inherit = "cae.entrepreneur"

    cae_associate_ids = fields.One2many(
        comodel_name="cae.associate",
        inverse_name="entrepreneur_id",
        string="Associate records",
    )
    share_count = fields.Integer(
        string="Shares", compute="_compute_share_count", compute_sudo=True
    )

    def _compute_share_count(self):
        for entrepreneur in self:
            entrepreneur.share_count = sum(
                entrepreneur.cae_associate_ids.mapped("share_count")
            )

    def action_view_associate(self):
        """Open (or create as a candidate) the entrepreneur's associate record."""
        self.ensure_one()
        associate = self.env["cae.associate"]._ensure_for_partner(
            self.partner_id, self.company_id
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Associate"),
            "res_model": "cae.associate",
            "res_id": associate.id,
            "view_mode": "form",
        }

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    cae_entrepreneur_ids = fields.One2many(
        comodel_name="cae.entrepreneur",
        inverse_name="partner_id",
        string="Entrepreneur",
    )

    cae_activity_ids = fields.Many2many(
        comodel_name="cae.activity",
        relation="cae_activity_res_partner_rel",
        column1="partner_id",
        column2="activity_id",
        string="Cooperative activities",
        default=lambda self: self._default_cae_activity_ids(),
        help="Activities this contact is a customer or supplier of. "
        "Entrepreneurs see and edit the contacts of their own activities, "
        "plus the contacts of no activity (the cooperative, its people).",
    )

    def _default_cae_activity_ids(self):
        """An entrepreneur's new contacts belong to their activities."""
        if not self.env.user._cae_is_entrepreneur_only():
            return False
        activities = self.env.user._cae_own_activities()
        return [fields.Command.set(activities.ids)] if activities else False

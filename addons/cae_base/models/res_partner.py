# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


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

    cae_is_member = fields.Boolean(
        string="Person of the cooperative",
        compute="_compute_cae_is_member",
        store=True,
        index=True,
        help="Personal contact of an entrepreneur (or, with the governance, "
        "of an associate): only the cooperative's staff, the person and the "
        "entrepreneurs sharing their activity see it.",
    )

    @api.depends("cae_entrepreneur_ids")
    def _compute_cae_is_member(self):
        # sudo: whoever reads the contact, the flag says what it is.
        for partner in self:
            partner.cae_is_member = bool(
                partner.sudo().with_context(active_test=False).cae_entrepreneur_ids
            )

    # An entrepreneur's contacts are their cooperative's, not shared with the
    # other companies of the database (Odoo shares contacts without company).
    company_id = fields.Many2one(default=lambda self: self._default_cae_company_id())

    def _default_cae_company_id(self):
        if not self.env.user._cae_is_entrepreneur_only():
            return False
        return self.env.company

    def _default_cae_activity_ids(self):
        """An entrepreneur's new contacts belong to their activities."""
        if not self.env.user._cae_is_entrepreneur_only():
            return False
        activities = self.env.user._cae_own_activities()
        return [fields.Command.set(activities.ids)] if activities else False

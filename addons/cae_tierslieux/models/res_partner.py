# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

PARTNER_CATEGORIES = [
    ("external", "External or remote worker"),
    ("public", "Public"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    cae_tl_category = fields.Selection(
        selection=PARTNER_CATEGORIES,
        string="Third-place rate card",
        default="public",
        help="Rate card of this contact in the third places when they are "
        "neither a CAE entrepreneur nor a member of the place.",
    )
    cae_tl_membership_ids = fields.One2many(
        comodel_name="cae.tl.membership",
        inverse_name="partner_id",
        string="Third-place memberships",
    )
    cae_tl_training_ids = fields.One2many(
        comodel_name="cae.tl.training",
        inverse_name="partner_id",
        string="Machine trainings",
    )

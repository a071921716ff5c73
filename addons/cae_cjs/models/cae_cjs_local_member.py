# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

ORGANISATION_TYPES = [
    ("youth", "Youth organisation"),
    ("business", "Business"),
    ("bank", "Bank"),
    ("authority", "Local authority"),
    ("other", "Other"),
]


class CaeCjsLocalMember(models.Model):
    """An organisation of the local committee that initiates the project.

    Local businesses, youth organisations, banks and authorities back the
    project; their representative may get a user (group *CJS committee
    member*) to follow it, without seeing the participants' personal data.
    """

    _name = "cae.cjs.local.member"
    _inherit = ["cae.cjs.project.mixin"]
    _description = "Local committee member"
    _order = "project_id, organisation_type, id"
    _cjs_frozen_when_closed = False

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Organisation",
        required=True,
        check_company=True,
    )
    organisation_type = fields.Selection(
        selection=ORGANISATION_TYPES,
        required=True,
        default="youth",
    )
    representative_id = fields.Many2one(
        comodel_name="res.partner",
        string="Representative",
        check_company=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="User",
        index=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("cae_cjs.group_cjs_committee").id)
        ],
        help="Login of the representative: they follow the project.",
    )
    role = fields.Char(help="e.g. chair of the local committee, treasurer.")

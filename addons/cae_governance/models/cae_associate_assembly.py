# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeAssociate(models.Model):
    """What the assemblies need to know of an associate: their voting
    college (SCIC) and whether they sit on the board."""

    _inherit = "cae.associate"

    college_id = fields.Many2one(
        comodel_name="cae.assembly.college",
        string="Voting college",
        check_company=True,
        tracking=True,
        help="College the associate votes in, when assemblies vote by colleges.",
    )
    board_member = fields.Boolean(
        tracking=True,
        help="Sits on the board: votes in board meetings. Set when elected "
        "by an assembly.",
    )
    attendance_ids = fields.One2many(
        comodel_name="cae.assembly.attendance",
        inverse_name="associate_id",
        string="Assemblies",
    )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.cae_assembly_ballot import BALLOT_CHOICES


class CaeAssemblyPaperVoteLine(models.TransientModel):
    _name = "cae.assembly.paper.vote.line"
    _description = "Paper ballot"

    wizard_id = fields.Many2one(
        comodel_name="cae.assembly.paper.vote", required=True, ondelete="cascade"
    )
    associate_id = fields.Many2one(
        comodel_name="cae.associate", string="Voter", required=True, readonly=True
    )
    cast_by_id = fields.Many2one(
        comodel_name="cae.associate", string="Cast by", readonly=True
    )
    choice = fields.Selection(selection=BALLOT_CHOICES, string="Vote")
    candidate_ids = fields.Many2many(
        comodel_name="cae.assembly.candidate",
        string="Candidates",
        domain="[('resolution_id', '=', parent.resolution_id)]",
    )
    blank = fields.Boolean(
        string="Blank ballot", help="An election ballot naming nobody."
    )

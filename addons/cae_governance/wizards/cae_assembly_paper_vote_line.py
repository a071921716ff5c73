# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..models.cae_assembly_ballot import BALLOT_CHOICES


class CaeAssemblyPaperVoteLine(models.TransientModel):
    """An associate of the room in the paper-ballot wizard: their vote for
    an open vote; for a secret vote, only whether they took a ballot."""

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
    college_id = fields.Many2one(
        comodel_name="cae.assembly.college", string="College", readonly=True
    )
    voted = fields.Boolean(
        help="Secret vote: the associate put a ballot in the urn (what it "
        "says is counted apart).",
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

    @api.constrains("choice", "candidate_ids", "blank")
    def _check_no_choice_when_secret(self):
        # Not even in a wizard's table: a secret vote is never entered
        # voter by voter.
        for line in self:
            if line.wizard_id.resolution_id.secret and (
                line.choice or line.candidate_ids or line.blank
            ):
                raise ValidationError(
                    self.env._(
                        "A secret ballot is never entered voter by voter: tick who "
                        "voted and enter the count of the urn."
                    )
                )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.cae_assembly_ballot import BALLOT_CHOICES


class CaeAssemblyPaperVoteCount(models.TransientModel):
    """One count of the urn of a secret vote in the paper-ballot wizard:
    how many ballots say ``choice`` (for an election with ``candidate_id``,
    how many name that candidate), in ``college_id`` if the assembly votes
    by colleges."""

    _name = "cae.assembly.paper.vote.count"
    _description = "Count of the paper ballots of a secret vote"
    _order = "id"

    wizard_id = fields.Many2one(
        comodel_name="cae.assembly.paper.vote", required=True, ondelete="cascade"
    )
    college_id = fields.Many2one(
        comodel_name="cae.assembly.college", string="College", readonly=True
    )
    candidate_id = fields.Many2one(
        comodel_name="cae.assembly.candidate", string="Candidate", readonly=True
    )
    choice = fields.Selection(selection=BALLOT_CHOICES, required=True, readonly=True)
    label = fields.Char(string="Ballots", compute="_compute_label")
    count = fields.Integer(string="Number")

    _sql_constraints = [
        ("count_positive", "CHECK(count >= 0)", "A count cannot be negative."),
    ]

    @api.depends("choice", "candidate_id")
    def _compute_label(self):
        choices = dict(self._fields["choice"]._description_selection(self.env))
        for count in self:
            election = count.wizard_id.kind == "election"
            if count.candidate_id:
                count.label = self.env._(
                    "Votes for %(candidate)s", candidate=count.candidate_id.name
                )
            elif election and count.choice == "for":
                count.label = self.env._("Ballots naming candidates")
            elif election:
                count.label = self.env._("Blank ballots")
            else:
                count.label = choices.get(count.choice, "")

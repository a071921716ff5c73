# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..models.cae_assembly_ballot import BALLOT_CHOICES


class CaeAssemblyPaperVote(models.TransientModel):
    """Enter the paper ballots (or show of hands) of the room for one
    resolution.

    Open vote: one line per associate in the room (present, or represented
    by a holder present) who has not voted yet, with their vote.

    Secret vote: never a vote per associate. The lines only say who took a
    ballot (``voted``); the content of the urn is entered apart, as counts
    (``count_ids``: for, against, abstentions; for an election, the ballots
    naming candidates, the blank ballots and each candidate's votes; per
    college when the assembly votes by colleges). Nothing stored here, nor
    after, pairs a voter with a choice.
    """

    _name = "cae.assembly.paper.vote"
    _description = "Paper ballots of a resolution"

    resolution_id = fields.Many2one(
        comodel_name="cae.assembly.resolution", required=True, readonly=True
    )
    kind = fields.Selection(related="resolution_id.kind")
    secret = fields.Boolean(related="resolution_id.secret")
    use_colleges = fields.Boolean(related="resolution_id.assembly_id.use_colleges")
    fill_choice = fields.Selection(
        selection=BALLOT_CHOICES,
        string="Fill the empty lines with",
        help="Sets this vote on every line left empty.",
    )
    line_ids = fields.One2many(
        comodel_name="cae.assembly.paper.vote.line",
        inverse_name="wizard_id",
        string="Ballots",
    )
    count_ids = fields.One2many(
        comodel_name="cae.assembly.paper.vote.count",
        inverse_name="wizard_id",
        string="Count of the urn",
    )
    voter_count = fields.Integer(
        string="Associates who voted", compute="_compute_totals"
    )
    ballot_count = fields.Integer(
        string="Ballots in the urn", compute="_compute_totals"
    )

    @api.depends("line_ids.voted", "count_ids.count")
    def _compute_totals(self):
        for wizard in self:
            wizard.voter_count = len(wizard.line_ids.filtered("voted"))
            wizard.ballot_count = sum(
                wizard.count_ids.filtered(lambda c: not c.candidate_id).mapped("count")
            )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        resolution = self.env["cae.assembly.resolution"].browse(
            values.get("resolution_id")
        )
        if resolution and "line_ids" in fields_list:
            values["line_ids"] = [
                Command.create(line) for line in self._prepare_lines(resolution)
            ]
        if resolution and resolution.secret and "count_ids" in fields_list:
            values["count_ids"] = [
                Command.create(line) for line in self._prepare_counts(resolution)
            ]
        return values

    @api.model
    def _prepare_lines(self, resolution):
        """Those in the room who have not voted: present, or represented by
        a holder who is present."""
        assembly = resolution.assembly_id
        voted = set(
            self.env["cae.assembly.participation"]
            .search([("resolution_id", "=", resolution.id)])
            .associate_id.ids
        )
        present = assembly.attendance_ids.filtered(
            lambda line: line.state == "present"
        ).associate_id
        return [
            {
                "associate_id": line.associate_id.id,
                "cast_by_id": (line.proxy_holder_id or line.associate_id).id,
                "college_id": line.college_id.id if assembly.use_colleges else False,
                "voted": resolution.secret,
            }
            for line in assembly.attendance_ids
            if (
                line.state == "present"
                or (line.state == "represented" and line.proxy_holder_id in present)
            )
            and line.associate_id.id not in voted
        ]

    @api.model
    def _prepare_counts(self, resolution):
        """The counts of a secret vote, all at zero: per college (if any),
        one per choice, or for an election the ballots naming candidates,
        the blank ballots and one per candidate."""
        assembly = resolution.assembly_id
        colleges = (
            assembly.attendance_ids.college_id.sorted(lambda c: (c.sequence, c.id))
            if assembly.use_colleges
            else self.env["cae.assembly.college"]
        )
        if resolution.kind == "election":
            items = [("for", False), ("abstain", False)] + [
                ("for", candidate.id) for candidate in resolution.candidate_ids
            ]
        else:
            items = [(choice, False) for choice, _label in BALLOT_CHOICES]
        return [
            {
                "college_id": college.id,
                "choice": choice,
                "candidate_id": candidate,
                "count": 0,
            }
            for college in (colleges or [colleges])
            for choice, candidate in items
        ]

    @api.onchange("fill_choice")
    def _onchange_fill_choice(self):
        if self.fill_choice and not self.secret:
            for line in self.line_ids.filtered(lambda line: not line.choice):
                line.choice = self.fill_choice

    def action_confirm(self):
        self.ensure_one()
        resolution = self.resolution_id
        if resolution.secret:
            resolution.assembly_id._record_paper_batch(
                resolution,
                self.line_ids.filtered("voted").associate_id,
                [
                    {
                        "choice": count.choice,
                        "count": count.count,
                        "college_id": count.college_id.id,
                        "candidate_id": count.candidate_id.id,
                    }
                    for count in self.count_ids
                ],
            )
            return {"type": "ir.actions.act_window_close"}
        if self.kind == "election":
            choices = {
                line.associate_id.id: line.candidate_ids.ids
                for line in self.line_ids
                if line.candidate_ids or line.blank
            }
        else:
            choices = {
                line.associate_id.id: line.choice
                for line in self.line_ids
                if line.choice
            }
        if not choices:
            raise UserError(self.env._("Enter at least one ballot."))
        resolution._record_paper_votes(choices)
        return {"type": "ir.actions.act_window_close"}

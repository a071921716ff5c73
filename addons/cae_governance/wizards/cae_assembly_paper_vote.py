# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..models.cae_assembly_ballot import BALLOT_CHOICES


class CaeAssemblyPaperVote(models.TransientModel):
    """Enter the paper ballots (or show of hands) of the room for one
    resolution: one line per associate present or represented who has not
    voted yet."""

    _name = "cae.assembly.paper.vote"
    _description = "Paper ballots of a resolution"

    resolution_id = fields.Many2one(
        comodel_name="cae.assembly.resolution", required=True, readonly=True
    )
    kind = fields.Selection(related="resolution_id.kind")
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
        return values

    @api.model
    def _prepare_lines(self, resolution):
        voted = set(
            self.env["cae.assembly.participation"]
            .search([("resolution_id", "=", resolution.id)])
            .associate_id.ids
        )
        return [
            {
                "associate_id": line.associate_id.id,
                "cast_by_id": (line.proxy_holder_id or line.associate_id).id,
            }
            for line in resolution.assembly_id.attendance_ids
            if line.state in ("present", "represented")
            and line.associate_id.id not in voted
        ]

    @api.onchange("fill_choice")
    def _onchange_fill_choice(self):
        if self.fill_choice:
            for line in self.line_ids.filtered(lambda line: not line.choice):
                line.choice = self.fill_choice

    def action_confirm(self):
        self.ensure_one()
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
        self.resolution_id._record_paper_votes(choices)
        return {"type": "ir.actions.act_window_close"}

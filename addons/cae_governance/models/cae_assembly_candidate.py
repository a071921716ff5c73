# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CaeAssemblyCandidate(models.Model):
    """An associate standing in an election of board members."""

    _name = "cae.assembly.candidate"
    _description = "Candidate in an election"
    _order = "resolution_id, sequence, id"
    _check_company_auto = True

    resolution_id = fields.Many2one(
        comodel_name="cae.assembly.resolution",
        string="Election",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="resolution_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    associate_id = fields.Many2one(
        comodel_name="cae.associate",
        string="Associate",
        required=True,
        ondelete="restrict",
        check_company=True,
        domain="[('company_id', '=', company_id), ('state', '=', 'associate')]",
    )
    name = fields.Char(related="associate_id.name")
    statement = fields.Text(
        string="Statement of intent",
        help="Shown to the voters on the portal.",
    )
    vote_count = fields.Integer(string="Votes", compute="_compute_results")
    vote_share = fields.Float(
        string="Share (%)", digits=(5, 2), compute="_compute_results"
    )
    rank = fields.Integer(compute="_compute_results")
    elected = fields.Boolean(compute="_compute_results")
    tie = fields.Boolean(
        compute="_compute_results",
        help="Tied with others for the last seat: the statutes decide.",
    )

    _sql_constraints = [
        (
            "associate_unique",
            "unique(resolution_id, associate_id)",
            "An associate stands once in an election.",
        ),
    ]

    def _compute_results(self):
        tallies = self.resolution_id._get_tally()
        for candidate in self:
            figures = tallies[candidate.resolution_id]["candidates"].get(candidate, {})
            candidate.vote_count = figures.get("votes", 0)
            candidate.vote_share = figures.get("share", 0.0)
            candidate.rank = figures.get("rank", 0)
            candidate.elected = figures.get("elected", False)
            candidate.tie = figures.get("tie", False)

    @api.constrains("associate_id")
    def _check_associate(self):
        for candidate in self:
            if candidate.associate_id.state != "associate":
                raise ValidationError(
                    self.env._(
                        "%(name)s is not an associate: only associates can stand "
                        "for the board.",
                        name=candidate.associate_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        resolutions = self.env["cae.assembly.resolution"].browse(
            {vals["resolution_id"] for vals in vals_list if vals.get("resolution_id")}
        )
        resolutions.assembly_id._check_agenda_editable()
        return super().create(vals_list)

    def write(self, vals):
        if {"resolution_id", "associate_id"} & set(vals):
            self.resolution_id.assembly_id._check_agenda_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_votes_open(self):
        self.resolution_id.assembly_id._check_agenda_editable()

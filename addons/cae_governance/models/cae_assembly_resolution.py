# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import sys

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.vote_rules import MAJORITIES

RESOLUTION_KINDS = [("motion", "Resolution"), ("election", "Election")]
RESULTS = [
    ("adopted", "Adopted"),
    ("rejected", "Rejected"),
    ("elected", "Elected"),
    ("none_elected", "Nobody elected"),
]
# Fields that make the rules of a vote: frozen once the votes open.
RULE_FIELDS = {"kind", "majority", "abstention_counts", "secret", "seats"}


class CaeAssemblyResolution(models.Model):
    """An item of the agenda put to the vote: a resolution (for, against,
    abstention) or an election (each voter picks up to ``seats``
    candidates).

    Its majority, the counting of abstentions and the secrecy of the ballot
    come from the assembly type when the resolution is created and can be
    changed until the votes open. The results are counted from the ballots
    whenever they are read (``cae_assembly_resolution_result.py``), so they
    always match the urn.
    """

    _name = "cae.assembly.resolution"
    _description = "Resolution of an assembly"
    _order = "assembly_id, sequence, id"
    _check_company_auto = True

    assembly_id = fields.Many2one(
        comodel_name="cae.assembly",
        required=True,
        ondelete="cascade",
        index=True,
    )
    assembly_state = fields.Selection(related="assembly_id.state")
    company_id = fields.Many2one(
        related="assembly_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    number = fields.Integer(compute="_compute_number")
    name = fields.Char(string="Title", required=True)
    description = fields.Html(string="Text of the resolution")
    kind = fields.Selection(selection=RESOLUTION_KINDS, required=True, default="motion")
    majority = fields.Selection(
        selection=MAJORITIES,
        compute="_compute_rules",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    abstention_counts = fields.Boolean(
        string="Abstentions count as votes cast",
        compute="_compute_rules",
        store=True,
        readonly=False,
        precompute=True,
    )
    secret = fields.Boolean(
        string="Secret ballot",
        compute="_compute_rules",
        store=True,
        readonly=False,
        precompute=True,
        help="Who voted is recorded apart from what was voted: the ballots of "
        "a secret vote keep no link to the voters.",
    )
    seats = fields.Integer(
        default=1, help="Seats to fill: each voter picks up to this many candidates."
    )
    candidate_ids = fields.One2many(
        comodel_name="cae.assembly.candidate",
        inverse_name="resolution_id",
        string="Candidates",
        copy=True,
    )
    attachment_ids = fields.Many2many(
        comodel_name="ir.attachment",
        relation="cae_assembly_resolution_attachment_rel",
        column1="resolution_id",
        column2="attachment_id",
        string="Documents",
        copy=True,
        help="Documents sent with the convocation and shown to associates on "
        "the portal (accounts, reports, draft statutes...).",
    )

    _sql_constraints = [
        (
            "seats_positive",
            "CHECK(seats > 0)",
            "An election fills at least one seat.",
        ),
    ]

    @api.depends("sequence", "assembly_id.resolution_ids")
    def _compute_number(self):
        # Only the records being computed are assigned: assigning the others
        # of the agenda would write them (refused to those who only read).
        numbers = {}
        for assembly in self.assembly_id:
            # Lines not saved yet (NewId, no order between them) come after
            # the saved ones of their sequence, in the order of the agenda.
            ordered = sorted(
                assembly.resolution_ids,
                key=lambda r: (r.sequence, r._origin.id or sys.maxsize),
            )
            numbers.update(
                {resolution: index for index, resolution in enumerate(ordered, 1)}
            )
        for resolution in self:
            resolution.number = numbers.get(resolution, 0)

    @api.depends("kind", "assembly_id.type_id")
    def _compute_rules(self):
        # Copied from the type once: editing the type later changes nothing
        # to the assemblies already planned.
        for resolution in self:
            assembly_type = resolution.assembly_id.type_id
            election = resolution.kind == "election"
            resolution.majority = (
                assembly_type.election_majority if election else assembly_type.majority
            ) or "simple"
            resolution.abstention_counts = assembly_type.abstention_counts
            resolution.secret = election or assembly_type.secret_default

    @api.constrains("kind", "majority")
    def _check_majority(self):
        for resolution in self:
            if resolution.kind == "motion" and resolution.majority == "relative":
                raise ValidationError(
                    self.env._(
                        "%(name)s: 'Most votes' only ranks the candidates of an "
                        "election; a resolution needs a majority of the votes cast.",
                        name=resolution.name,
                    )
                )

    @api.constrains("candidate_ids", "kind")
    def _check_candidates(self):
        for resolution in self:
            if resolution.kind == "motion" and resolution.candidate_ids:
                raise ValidationError(
                    self.env._(
                        "%(name)s is not an election: it has no candidates.",
                        name=resolution.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        assemblies = self.env["cae.assembly"].browse(
            {vals["assembly_id"] for vals in vals_list if vals.get("assembly_id")}
        )
        assemblies._check_agenda_editable()
        return super().create(vals_list)

    def write(self, vals):
        if RULE_FIELDS & set(vals) or "assembly_id" in vals:
            self.assembly_id._check_agenda_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_votes_open(self):
        self.assembly_id._check_agenda_editable()

    def _check_ready(self):
        """Raise if an election cannot be voted."""
        for resolution in self.filtered(lambda r: r.kind == "election"):
            if not resolution.candidate_ids:
                raise UserError(
                    self.env._(
                        "The election %(name)s has no candidates.",
                        name=resolution.name,
                    )
                )

    def action_record_paper_votes(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Paper ballots"),
            "res_model": "cae.assembly.paper.vote",
            "view_mode": "form",
            "target": "new",
            "context": {"default_resolution_id": self.id},
        }

    def _record_paper_votes(self, choices):
        """Record the paper ballots of the room for this resolution.

        ``choices``: ``{associate_id: choice}`` where choice is ``'for'``,
        ``'against'`` or ``'abstain'`` for a resolution, a list of
        ``cae.assembly.candidate`` ids for an election (empty: blank ballot).
        A represented associate's ballot is cast by their proxy holder.
        """
        self.ensure_one()
        Associate = self.env["cae.associate"]
        votes = []
        for associate_id, choice in choices.items():
            vote = {"resolution": self, "associate": Associate.browse(associate_id)}
            if self.kind == "election":
                vote["candidates"] = self.env["cae.assembly.candidate"].browse(
                    choice or []
                )
            else:
                vote["choice"] = choice
            votes.append(vote)
        return self.assembly_id._record_votes(votes, channel="paper")

    def _record_paper_batch(self, associate_ids, counts):
        """The paper ballots of the room for this secret vote: who voted
        (``associate_ids``) and, apart, the count of the urn (see
        :meth:`cae.assembly._record_paper_batch`); the XML-friendly wrapper
        used by the demo."""
        self.ensure_one()
        return self.assembly_id._record_paper_batch(
            self, self.env["cae.associate"].browse(associate_ids), counts
        )

    def _apply_election_results(self):
        """The elected candidates join the board."""
        for resolution in self.filtered(lambda r: r.kind == "election"):
            elected = resolution.candidate_ids.filtered("elected")
            if not elected:
                continue
            elected.associate_id.sudo().board_member = True
            resolution.assembly_id.message_post(
                body=self.env._(
                    "%(election)s: %(names)s elected to the board.",
                    election=resolution.name,
                    names=", ".join(elected.mapped("name")),
                )
            )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

DECISION_RESULTS = [
    ("pending", "Not voted"),
    ("adopted", "Adopted"),
    ("rejected", "Rejected"),
]


class CaeCjsDecision(models.Model):
    """A decision of the youths' general assembly and its vote tally.

    One person, one vote: the votes cannot outnumber the participants
    present. A decision is adopted when it gets more votes for than against
    (majority of the votes cast; abstentions are not cast).
    """

    _name = "cae.cjs.decision"
    _description = "Decision of the youths' assembly"
    _order = "assembly_id, sequence, id"
    _check_company_auto = True

    assembly_id = fields.Many2one(
        comodel_name="cae.cjs.assembly",
        string="Assembly",
        required=True,
        ondelete="cascade",
        index=True,
    )
    project_id = fields.Many2one(
        related="assembly_id.project_id",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        related="assembly_id.company_id",
        store=True,
        index=True,
    )
    date = fields.Date(related="assembly_id.date", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Decision", required=True)
    description = fields.Text()
    votes_for = fields.Integer(string="For")
    votes_against = fields.Integer(string="Against")
    votes_abstain = fields.Integer(string="Abstentions")
    result = fields.Selection(
        selection=DECISION_RESULTS,
        compute="_compute_result",
        store=True,
    )

    @api.depends("votes_for", "votes_against", "votes_abstain")
    def _compute_result(self):
        for decision in self:
            if not (
                decision.votes_for or decision.votes_against or decision.votes_abstain
            ):
                decision.result = "pending"
            elif decision.votes_for > decision.votes_against:
                decision.result = "adopted"
            else:
                decision.result = "rejected"

    @api.constrains("votes_for", "votes_against", "votes_abstain", "assembly_id")
    def _check_tally(self):
        for decision in self:
            votes = (decision.votes_for, decision.votes_against, decision.votes_abstain)
            if min(votes) < 0:
                raise ValidationError(
                    self.env._("A number of votes cannot be negative.")
                )
            voters = len(decision.assembly_id._get_voters())
            if sum(votes) > voters:
                raise ValidationError(
                    self.env._(
                        "One person, one vote: the decision %(decision)s counts "
                        "%(votes)s votes for %(voters)s participants present.",
                        decision=decision.name,
                        votes=sum(votes),
                        voters=voters,
                    )
                )

    def _set_tally(self, votes_for, votes_against, votes_abstain):
        """Record the result of a vote held elsewhere (e.g. online ballots)."""
        self.write(
            {
                "votes_for": votes_for,
                "votes_against": votes_against,
                "votes_abstain": votes_abstain,
            }
        )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cae_governance.models.cae_assembly import ASSEMBLY_STATES

TALLY_FIELDS = {"votes_for", "votes_against", "votes_abstain"}


class CaeCjsDecision(models.Model):
    """A decision put to the ballots takes its tally from them only."""

    _inherit = "cae.cjs.decision"

    resolution_ids = fields.One2many(
        comodel_name="cae.assembly.resolution",
        inverse_name="cae_cjs_decision_id",
        string="Resolution",
        readonly=True,
    )
    ballot_state = fields.Selection(
        # The assembly's states as a list (a callable selection is never
        # translated): the labels are in this module's catalogue.
        selection=ASSEMBLY_STATES,
        string="Ballots status",
        compute="_compute_ballot_state",
        help="Status of the ballots this decision is put to, if any.",
    )

    @api.depends("resolution_ids.assembly_id.state")
    def _compute_ballot_state(self):
        # Read as superuser: only a status, shown to whoever reads the
        # decision.
        for decision in self:
            decision.ballot_state = decision.sudo().resolution_ids[:1].assembly_id.state

    def write(self, vals):
        if (
            TALLY_FIELDS & set(vals)
            and not self.env.context.get("cae_cjs_ballot_tally")
            and self.sudo().resolution_ids
        ):
            raise UserError(
                self.env._(
                    "%(decision)s is put to the ballots: its tally comes from "
                    "them when they close.",
                    decision=self.filtered(lambda d: d.sudo().resolution_ids)[0].name,
                )
            )
        return super().write(vals)

    def action_record_ballots(self):
        """The paper-ballot wizard of ``cae_governance`` for this decision."""
        self.ensure_one()
        self.check_access("write")
        resolution = self.resolution_ids[:1]
        if not resolution:
            raise UserError(
                self.env._(
                    "%(decision)s is not put to the ballots.", decision=self.name
                )
            )
        resolution.assembly_id._check_cjs_ballots_open()
        return resolution.action_record_paper_votes()

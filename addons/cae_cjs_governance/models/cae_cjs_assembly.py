# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

from odoo.addons.cae_governance.models.cae_assembly import ASSEMBLY_STATES


class CaeCjsAssembly(models.Model):
    """Put the decisions of a youths' assembly to the ballots of
    ``cae_governance``.

    Access: ``cae_governance`` lets only its managers write assemblies, and
    the CJS groups get no write right on its models (an ``ir.rule`` cannot
    narrow a right that another group of the same user widens: an advisor
    who is also a facilitator would write every assembly of the
    cooperative). The steps below therefore check that the user may write
    this youths' assembly (facilitators of its project and the staff, by
    the rules of ``cae_cjs``) and then run the governance steps as superuser,
    on the linked assembly only. The CJS groups read the linked records
    through the rules of this module and enter the paper ballots with the
    wizard of ``cae_governance``, which records them through
    ``cae.assembly._record_votes`` and its checks.
    """

    _inherit = "cae.cjs.assembly"

    ballot_assembly_ids = fields.One2many(
        comodel_name="cae.assembly",
        inverse_name="cae_cjs_assembly_id",
        string="Ballot assemblies",
        readonly=True,
    )
    ballot_assembly_id = fields.Many2one(
        comodel_name="cae.assembly",
        string="Ballots",
        compute="_compute_ballot_assembly_id",
    )
    ballot_state = fields.Selection(
        # The assembly's states as a list (a callable selection is never
        # translated): the labels are in this module's catalogue.
        selection=ASSEMBLY_STATES,
        string="Ballots status",
        compute="_compute_ballot_assembly_id",
    )

    @api.depends("ballot_assembly_ids.state")
    def _compute_ballot_assembly_id(self):
        for assembly in self:
            ballots = assembly.ballot_assembly_ids[:1]
            assembly.ballot_assembly_id = ballots
            assembly.ballot_state = ballots.state

    def write(self, vals):
        with_ballots = "present_ids" in vals and self.sudo().filtered(
            "ballot_assembly_ids"
        )
        if with_ballots:
            raise UserError(
                self.env._(
                    "The decisions of %(assembly)s are put to the ballots: the "
                    "participants present can no longer change.",
                    assembly=with_ballots[0].name,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_ballots(self):
        with_ballots = self.sudo().filtered("ballot_assembly_ids")
        if with_ballots:
            raise UserError(
                self.env._(
                    "%(assembly)s has ballots: it belongs to the records of the "
                    "votes and cannot be deleted.",
                    assembly=with_ballots[0].name,
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_vote_with_ballots(self):
        """Hold the ballots of the decisions not voted yet: a governance
        assembly with the youths present as electorate, one resolution per
        decision (simple majority of the votes cast, abstentions not cast,
        as ``cae.cjs.decision`` counts), its votes open."""
        self.ensure_one()
        self.check_access("write")
        assembly_type = self._check_can_vote_with_ballots()
        ballots = (
            self.env["cae.assembly"]
            .sudo()
            .create(self._prepare_ballot_assembly(assembly_type))
        )
        ballots.action_convene()
        # Everyone on the register is present: the voters are the youths
        # present (no proxies: an absent youth does not vote).
        ballots.attendance_ids.write({"state": "present"})
        ballots.action_open_votes()
        self.message_post(
            body=Markup(self.env._("Decisions put to the ballots: %(link)s"))
            % {"link": ballots._get_html_link()}
        )
        return True

    def _check_can_vote_with_ballots(self):
        """Raise before anything is written; return the assembly type."""
        self.ensure_one()
        if self.sudo().ballot_assembly_ids:
            raise UserError(
                self.env._(
                    "The decisions of %(assembly)s are already put to the ballots.",
                    assembly=self.name,
                )
            )
        if not self._get_voters():
            raise UserError(
                self.env._(
                    "Nobody is present at %(assembly)s: record the participants "
                    "present before the ballots.",
                    assembly=self.name,
                )
            )
        if not self._get_decisions_to_vote():
            raise UserError(
                self.env._(
                    "%(assembly)s has no decision left to vote: add the decisions "
                    "before the ballots.",
                    assembly=self.name,
                )
            )
        assembly_type = (
            self.env["cae.assembly.type"]
            .sudo()
            .search(
                [("company_id", "=", self.company_id.id), ("kind", "=", "ordinary")],
                limit=1,
            )
        )
        if not assembly_type:
            raise UserError(
                self.env._(
                    "%(company)s has no type of ordinary general assembly: create "
                    "one in Cooperative > Configuration before the ballots.",
                    company=self.company_id.name,
                )
            )
        return assembly_type

    def _get_decisions_to_vote(self):
        self.ensure_one()
        return self.decision_ids.filtered(lambda d: d.result == "pending")

    def _prepare_ballot_assembly(self, assembly_type):
        self.ensure_one()
        return {
            "name": f"{self.project_id.name} - {self.name}",
            "type_id": assembly_type.id,
            "company_id": self.company_id.id,
            "date": fields.Datetime.to_datetime(self.date),
            "cae_cjs_assembly_id": self.id,
            "use_colleges": False,
            "resolution_ids": [
                Command.create(
                    {
                        "sequence": decision.sequence,
                        "name": decision.name,
                        "description": plaintext2html(decision.description or ""),
                        "kind": "motion",
                        "majority": "simple",
                        "abstention_counts": False,
                        "cae_cjs_decision_id": decision.id,
                    }
                )
                for decision in self._get_decisions_to_vote()
            ],
        }

    def action_close_ballots(self):
        self.ensure_one()
        self.check_access("write")
        ballots = self.sudo().ballot_assembly_id
        ballots._check_cjs_ballots_open()
        ballots.action_close()
        return True

    def action_view_ballots(self):
        self.ensure_one()
        return self.ballot_assembly_id._get_records_action()

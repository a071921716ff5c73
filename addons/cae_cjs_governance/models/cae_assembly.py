# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CaeAssembly(models.Model):
    """A governance assembly holding the ballots of a youths' assembly.

    Linked to a ``cae.cjs.assembly``, it keeps every rule of
    ``cae_governance`` (register, one vote per person, secret ballots,
    closing) but its electorate is the youths present at that assembly
    (``cae.cjs.assembly._get_voters``), through their voter records (see
    ``cae.associate.cjs_participant_id``). The cooperative's own assemblies
    never count those voter records. On closing, each resolution's result
    is written back to its decision (``cae.cjs.decision._set_tally``).
    """

    _inherit = "cae.assembly"

    cae_cjs_assembly_id = fields.Many2one(
        comodel_name="cae.cjs.assembly",
        string="Youths' assembly",
        readonly=True,
        copy=False,
        ondelete="restrict",
        index="btree_not_null",
        check_company=True,
        help="The youths' general assembly of a collective project whose "
        "decisions these ballots vote on.",
    )
    cae_cjs_project_id = fields.Many2one(
        related="cae_cjs_assembly_id.project_id", string="Collective project"
    )

    _sql_constraints = [
        (
            "cae_cjs_assembly_unique",
            "unique(cae_cjs_assembly_id)",
            "A youths' assembly holds its ballots in one assembly only.",
        ),
    ]

    def _get_electorate_domain(self):
        self.ensure_one()
        if not self.cae_cjs_assembly_id:
            # The cooperative's own assemblies: never the youths' voters.
            return super()._get_electorate_domain() + [
                ("cjs_participant_id", "=", False)
            ]
        # Voter records are archived: callers search with active_test=False
        # (see action_update_register).
        voters = self.cae_cjs_assembly_id.sudo()._get_voters()
        return [
            ("company_id", "=", self.company_id.id),
            ("cjs_participant_id", "in", voters.ids),
        ]

    def action_update_register(self):
        linked = self.filtered("cae_cjs_assembly_id")
        for assembly in linked:
            assembly._check_register_editable()
            # Technical records (name only), created whoever runs the update.
            self.env["cae.associate"].sudo()._ensure_for_cjs_participants(
                assembly.cae_cjs_assembly_id.sudo()._get_voters()
            )
        if linked:
            super(
                CaeAssembly, linked.with_context(active_test=False)
            ).action_update_register()
        if self - linked:
            super(CaeAssembly, self - linked).action_update_register()
        return True

    def action_send_convocation(self):
        # The youths are convened by their facilitators and vote in the
        # room: their voter records have no e-mail address.
        return super(
            CaeAssembly, self - self.filtered("cae_cjs_assembly_id")
        ).action_send_convocation()

    def action_close(self):
        result = super().action_close()
        self.filtered(
            lambda a: a.cae_cjs_assembly_id and a.votes_opened_at
        )._report_cjs_tallies()
        return result

    def _report_cjs_tallies(self):
        """Write each resolution's count back to its decision."""
        resolutions = self.resolution_ids.filtered("cae_cjs_decision_id")
        tallies = resolutions._get_tally()
        for resolution in resolutions:
            tally = tallies[resolution]
            # The closing is the authorised step; the decision follows it
            # whoever closed (a manager in the back office or a facilitator
            # through the youths' assembly).
            resolution.cae_cjs_decision_id.sudo().with_context(
                cae_cjs_ballot_tally=True
            )._set_tally(
                tally["count_for"], tally["count_against"], tally["count_abstain"]
            )
        for assembly in self:
            assembly.cae_cjs_assembly_id.sudo().message_post(
                body=self.env._(
                    "Ballots closed: the results of %(assembly)s are recorded on "
                    "the decisions.",
                    assembly=assembly.name,
                )
            )

    def _check_cjs_ballots_open(self):
        for assembly in self:
            if assembly.state != "open":
                raise UserError(
                    self.env._(
                        "The ballots of %(assembly)s are not open.",
                        assembly=assembly.name,
                    )
                )

    def action_view_cjs_assembly(self):
        self.ensure_one()
        return self.cae_cjs_assembly_id._get_records_action()

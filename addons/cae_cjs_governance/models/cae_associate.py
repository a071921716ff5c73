# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CaeAssociate(models.Model):
    """Voters of the youths' assemblies.

    The ballots of ``cae_governance`` are keyed on ``cae.associate``. A
    participant of a collective project who votes with them gets an
    associate record of their own, linked to the participant: without
    shares (a *candidate* forever: share operations are refused), on an
    archived contact holding only their name, and itself archived, so that
    searches leave them out by default. They are therefore absent from the
    associates' lists, the share register, the electorate of the
    cooperative's own assemblies (which also excludes them explicitly), the
    proxy holders proposed there and the portal.
    """

    _inherit = "cae.associate"

    cjs_participant_id = fields.Many2one(
        comodel_name="cae.cjs.participant",
        string="Youth of a collective project",
        readonly=True,
        ondelete="restrict",
        index="btree_not_null",
        check_company=True,
        help="Participant of a CJS or Flashcoop voting at the youths' "
        "assemblies: not an associate of the cooperative.",
    )

    _sql_constraints = [
        (
            "cjs_participant_unique",
            "unique(cjs_participant_id)",
            "A participant has one voter record only.",
        ),
    ]

    @api.model
    def _ensure_for_cjs_participants(self, participants):
        """The voter records of ``participants``, created when missing.

        Run as superuser by the callers: the contact and the voter record
        are technical (name only, archived), whoever puts the decisions to
        the ballots.
        """
        Associate = self.with_context(active_test=False)
        existing = Associate.search([("cjs_participant_id", "in", participants.ids)])
        missing = participants - existing.cjs_participant_id
        partners = self.env["res.partner"].create(
            [
                {
                    "name": participant.name,
                    "company_id": participant.company_id.id,
                    "active": False,
                }
                for participant in missing
            ]
        )
        created = Associate.create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": participant.company_id.id,
                    "cjs_participant_id": participant.id,
                    "active": False,
                }
                for participant, partner in zip(missing, partners, strict=True)
            ]
        )
        return existing | created

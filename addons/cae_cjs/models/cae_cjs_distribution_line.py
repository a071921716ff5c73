# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeCjsDistributionLine(models.Model):
    """A participant's share of the project's result.

    Written by the project (preview, then closing); frozen once it is closed.
    The amounts add up to the amount distributed to the cent.
    """

    _name = "cae.cjs.distribution.line"
    _inherit = ["cae.cjs.project.mixin"]
    _description = "Share of the result"
    _order = "project_id, participant_name, participant_id"

    participant_id = fields.Many2one(
        comodel_name="cae.cjs.participant",
        string="Participant",
        required=True,
        ondelete="cascade",
        index=True,
    )
    participant_name = fields.Char(related="participant_id.name", store=True)
    hours = fields.Float(digits=(16, 2))
    weight = fields.Float(
        string="Share (%)",
        digits=(7, 4),
        help="Part of the amount distributed that goes to the participant.",
    )
    amount = fields.Monetary()

    _sql_constraints = [
        (
            "participant_unique",
            "unique(project_id, participant_id)",
            "A participant has one share of the result.",
        ),
    ]

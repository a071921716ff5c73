# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

SPONSOR_KINDS = [
    ("grant", "Grant"),
    ("sponsorship", "Sponsorship"),
    ("in_kind", "Contribution in kind"),
]


class CaeCjsSponsor(models.Model):
    """A sponsor or a grant of the project, with its amount.

    The amounts count as resources of the financing plan; the accountant
    records the money received on the project's activity like any revenue.
    """

    _name = "cae.cjs.sponsor"
    _inherit = ["cae.cjs.project.mixin"]
    _description = "Sponsor or grant"
    _order = "project_id, date, id"
    _cjs_frozen_when_closed = False

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Sponsor",
        required=True,
        check_company=True,
    )
    kind = fields.Selection(selection=SPONSOR_KINDS, required=True, default="grant")
    amount = fields.Monetary(required=True)
    date = fields.Date(default=fields.Date.context_today)
    received = fields.Boolean()
    note = fields.Char()

    @api.constrains("amount")
    def _check_amount(self):
        if any(sponsor.amount <= 0 for sponsor in self):
            raise ValidationError(
                self.env._("The amount of a sponsor or grant must be positive.")
            )

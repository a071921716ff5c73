# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

FOLLOWUP_KINDS = [
    ("individual", "Individual meeting"),
    ("phone", "Phone or video call"),
    ("visit", "Visit on site"),
    ("collective", "Collective workshop"),
]


class CaeFollowup(models.Model):
    """A follow-up meeting between an advisor and an entrepreneur.

    Décret 2015-1363 requires at least two individual follow-ups a year;
    only the kinds flagged as individual count towards that minimum.
    """

    _name = "cae.followup"
    _description = "Follow-up meeting"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    entrepreneur_id = fields.Many2one(
        comodel_name="cae.entrepreneur",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="entrepreneur_id.company_id",
        store=True,
        index=True,
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    advisor_id = fields.Many2one(
        comodel_name="res.users",
        string="Advisor",
        default=lambda self: self.env.user,
        tracking=True,
    )
    kind = fields.Selection(
        selection=FOLLOWUP_KINDS,
        required=True,
        default="individual",
    )
    subject = fields.Char(required=True)
    notes = fields.Html()
    next_steps = fields.Text()

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

COMMITTEE_KINDS = [
    ("finance", "Finance"),
    ("marketing", "Marketing"),
    ("hr", "Human resources"),
    ("other", "Other"),
]


class CaeCjsCommittee(models.Model):
    """A working committee of the youths (finance, marketing, HR...)."""

    _name = "cae.cjs.committee"
    _inherit = ["cae.cjs.project.mixin"]
    _description = "Youth committee"
    _order = "project_id, kind, id"
    _cjs_frozen_when_closed = False

    name = fields.Char(required=True)
    kind = fields.Selection(selection=COMMITTEE_KINDS, required=True, default="other")
    member_ids = fields.Many2many(
        comodel_name="cae.cjs.participant",
        relation="cae_cjs_committee_participant_rel",
        column1="committee_id",
        column2="participant_id",
        string="Members",
        domain="[('project_id', '=', project_id)]",
    )
    mission = fields.Text()

    @api.constrains("member_ids", "project_id")
    def _check_members_project(self):
        for committee in self:
            if committee.member_ids.project_id - committee.project_id:
                raise ValidationError(
                    self.env._(
                        "The members of the committee %(committee)s must take "
                        "part in its project.",
                        committee=committee.name,
                    )
                )

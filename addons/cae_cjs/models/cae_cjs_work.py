# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cae_cjs_participant import age_on


class CaeCjsWork(models.Model):
    """Hours a participant worked, on a contract or for the group.

    Like a timesheet line: the hours key of the distribution reads them.
    Minors may not work more hours a day than the labour code allows
    (dated legal parameter, Code du travail L3162-1).
    """

    _name = "cae.cjs.work"
    _inherit = ["cae.cjs.project.mixin"]
    _description = "Hours worked"
    _order = "date desc, id desc"

    date = fields.Date(required=True, default=fields.Date.context_today)
    participant_id = fields.Many2one(
        comodel_name="cae.cjs.participant",
        string="Participant",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('project_id', '=', project_id)]",
    )
    contract_id = fields.Many2one(
        comodel_name="cae.cjs.contract",
        string="Contract",
        ondelete="restrict",
        index="btree_not_null",
        domain="[('project_id', '=', project_id)]",
        help="Leave empty for work for the group itself (committees, "
        "production, sales event...).",
    )
    name = fields.Char(string="Task")
    hours = fields.Float(required=True, digits=(16, 2))

    @api.constrains("hours", "date", "participant_id", "contract_id", "project_id")
    def _check_work(self):
        for work in self:
            project = work.project_id
            if work.hours <= 0:
                raise ValidationError(self.env._("The hours worked must be positive."))
            if work.participant_id.project_id != project or (
                work.contract_id and work.contract_id.project_id != project
            ):
                raise ValidationError(
                    self.env._(
                        "Hours of %(project)s can only be recorded for its own "
                        "participants and contracts.",
                        project=project.display_name,
                    )
                )
            if not project.date_start <= work.date <= project.date_end:
                raise ValidationError(
                    self.env._(
                        "The hours of %(name)s on %(date)s fall outside the dates "
                        "of the project.",
                        name=work.participant_id.name,
                        date=fields.Date.to_string(work.date),
                    )
                )
        self._check_minors_daily_hours()

    def _check_minors_daily_hours(self):
        """A minor's hours of one day stay within the legal maximum."""
        # sudo: the check reads birth dates, restricted to facilitators/staff.
        works = self.sudo()
        groups = works._read_group(
            [
                ("participant_id", "in", works.participant_id.ids),
                ("date", "in", list(set(works.mapped("date")))),
            ],
            ["participant_id", "date:day"],
            ["hours:sum"],
        )
        for participant, day, hours in groups:
            project = participant.project_id
            if not participant.birth_date:
                continue
            majority = project._get_parameter("cae_cjs_majority_age")
            if age_on(participant.birth_date, day) >= majority:
                continue
            maximum = self.env["cae.parameter"]._get_value(
                "cae_minor_max_daily_hours", day, project.company_id
            )
            if hours > maximum:
                raise ValidationError(
                    self.env._(
                        "%(name)s is a minor and cannot work %(hours)s hours on "
                        "%(date)s: the labour code allows %(maximum)s hours a day.",
                        name=participant.name,
                        hours=hours,
                        date=fields.Date.to_string(day),
                        maximum=maximum,
                    )
                )

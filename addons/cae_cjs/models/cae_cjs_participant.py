# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

BOARD_ROLES = [
    ("president", "President"),
    ("secretary", "Secretary"),
    ("treasurer", "Treasurer"),
]
# Personal data of (mostly minor) participants: facilitators and the staff
# of the cooperative only. Never tracked in the chatter, never printed.
PRIVATE_GROUPS = "cae_cjs.group_cjs_facilitator,cae_base.group_cae_advisor"


def age_on(birth_date, day):
    """Age in full years on ``day``.

    A birthday is reached on its day; someone born on 29 February is a year
    older on 1 March in common years (French practice).
    """
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


class CaeCjsParticipant(models.Model):
    """A youth (CJS) or a person (Flashcoop) taking part in a project.

    The CAE employs the participants for the project. The birth date decides
    who may join a CJS (age rule on the start date, dated legal parameters)
    and who is a minor, for whom a guardian must consent. These personal
    fields are restricted to the facilitators and the staff by ``groups``;
    record rules restrict the participants themselves to the projects one
    works on.
    """

    _name = "cae.cjs.participant"
    _inherit = ["cae.cjs.project.mixin"]
    _description = "Participant"
    _order = "name, id"

    name = fields.Char(required=True)
    email = fields.Char()
    phone = fields.Char()
    birth_date = fields.Date(groups=PRIVATE_GROUPS)
    age = fields.Integer(
        string="Age at start",
        compute="_compute_age",
        groups=PRIVATE_GROUPS,
    )
    is_minor = fields.Boolean(
        string="Minor",
        compute="_compute_age",
        groups=PRIVATE_GROUPS,
        help="Under the age of majority on the project's start date.",
    )
    guardian_name = fields.Char(string="Legal guardian", groups=PRIVATE_GROUPS)
    guardian_phone = fields.Char(groups=PRIVATE_GROUPS)
    guardian_consent = fields.Boolean(
        string="Guardian's consent",
        groups=PRIVATE_GROUPS,
        help="The legal guardian signed the consent for the project.",
    )
    guardian_consent_date = fields.Date(
        string="Consent date",
        groups=PRIVATE_GROUPS,
    )
    board_role = fields.Selection(
        selection=BOARD_ROLES,
        help="Role on the board elected by the youths' general assembly.",
    )
    committee_ids = fields.Many2many(
        comodel_name="cae.cjs.committee",
        relation="cae_cjs_committee_participant_rel",
        column1="participant_id",
        column2="committee_id",
        string="Committees",
    )
    work_ids = fields.One2many(
        comodel_name="cae.cjs.work",
        inverse_name="participant_id",
        string="Hours worked",
    )
    hours_total = fields.Float(
        string="Hours",
        compute="_compute_hours_total",
        digits=(16, 2),
    )
    distribution_line_ids = fields.One2many(
        comodel_name="cae.cjs.distribution.line",
        inverse_name="participant_id",
        string="Distribution",
    )
    distributed_amount = fields.Monetary(
        string="Share",
        compute="_compute_distributed_amount",
    )

    _sql_constraints = [
        (
            "board_role_unique",
            "unique(project_id, board_role)",
            "Each role of the board is held by one participant only.",
        ),
    ]

    @api.depends("birth_date", "project_id.date_start", "project_id.company_id")
    def _compute_age(self):
        for participant in self:
            start = participant.project_id.date_start
            if not (participant.birth_date and start):
                participant.age = 0
                participant.is_minor = False
                continue
            participant.age = age_on(participant.birth_date, start)
            participant.is_minor = participant.age < participant._get_parameter(
                "cae_cjs_majority_age"
            )

    @api.depends("work_ids.hours")
    def _compute_hours_total(self):
        groups = (
            self.env["cae.cjs.work"]
            .sudo()
            ._read_group(
                [("participant_id", "in", self.ids)], ["participant_id"], ["hours:sum"]
            )
        )
        hours = {participant.id: total for participant, total in groups}
        for participant in self:
            participant.hours_total = hours.get(participant.id, 0.0)

    @api.depends("distribution_line_ids.amount")
    def _compute_distributed_amount(self):
        for participant in self:
            participant.distributed_amount = sum(
                participant.distribution_line_ids.mapped("amount")
            )

    @api.constrains("birth_date", "project_id")
    def _check_age_rule(self):
        """A CJS takes youths within the ages of the legal parameters.

        The age is taken on the project's start date: a youth whose 16th
        birthday is the start date may join, one whose 19th birthday is the
        start date may not (with the 16-18 rule).
        """
        for participant in self:
            project = participant.project_id
            if project.kind != "cjs" or not participant.birth_date:
                continue
            low = int(participant._get_parameter("cae_cjs_age_min"))
            high = int(participant._get_parameter("cae_cjs_age_max"))
            age = age_on(participant.birth_date, project.date_start)
            if not low <= age <= high:
                raise ValidationError(
                    self.env._(
                        "%(name)s will be %(age)s on the start date of "
                        "%(project)s; a youth service cooperative takes youths "
                        "aged %(low)s to %(high)s.",
                        name=participant.name,
                        age=age,
                        project=project.display_name,
                        low=low,
                        high=high,
                    )
                )

    def _get_parameter(self, code):
        self.ensure_one()
        return self.project_id._get_parameter(code)

    def _check_ready_to_start(self):
        """Every participant has a birth date; every minor, a consent."""
        missing_birth = self.filtered(lambda p: not p.birth_date)
        if missing_birth:
            raise UserError(
                self.env._(
                    "Give the birth date of %(names)s before starting the project.",
                    names=", ".join(missing_birth.mapped("name")),
                )
            )
        no_consent = self.filtered(
            lambda p: p.is_minor and not (p.guardian_name and p.guardian_consent)
        )
        if no_consent:
            raise UserError(
                self.env._(
                    "%(names)s are minors: record their legal guardian and the "
                    "guardian's consent before starting the project.",
                    names=", ".join(no_consent.mapped("name")),
                )
            )

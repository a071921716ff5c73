# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter
from datetime import timedelta
from fractions import Fraction

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.vote_rules import (
    parse_fraction,
    proxy_limit,
    quorum_reached,
    quorum_required,
)
from .cae_assembly_attendance import ATTENDING

ASSEMBLY_STATES = [
    ("draft", "Draft"),
    ("convened", "Convened"),
    ("open", "Votes open"),
    ("closed", "Closed"),
]
CALLS = [("first", "First call"), ("second", "Second call")]
# Days between an assembly without quorum and its second call, proposed.
SECOND_CALL_DELAY_DAYS = 15


class CaeAssembly(models.Model):
    """A general assembly (or a board meeting) of the cooperative.

    Life cycle: *draft* (agenda being written) → *convened*
    (:meth:`action_convene` builds the attendance register from the
    associates and e-mails the convocation with the agenda) → *votes open*
    (:meth:`action_open_votes`, refused below the quorum) → *closed*
    (:meth:`action_close`). An assembly closed without reaching its quorum
    can be convened again at second call (:meth:`action_second_call`), with
    the quorum of the second call.

    Votes: ``cae_assembly_vote.py``; results: ``cae.assembly.resolution``.
    """

    _name = "cae.assembly"
    _description = "General assembly"
    _inherit = [
        "cae.workflow.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    # Workflow guard (cae_base's cae.workflow.mixin): convened, opened and
    # closed by the steps; a closed assembly keeps its minutes.
    _cae_workflow_fields = frozenset(
        {"convocation_date", "votes_opened_at", "votes_closed_at"}
    )
    _cae_workflow_open_states = frozenset({"draft", "convened", "open"})
    _cae_workflow_writable = {"closed": ("minutes_note",)}
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    type_id = fields.Many2one(
        comodel_name="cae.assembly.type",
        required=True,
        check_company=True,
        tracking=True,
        ondelete="restrict",
    )
    kind = fields.Selection(related="type_id.kind", store=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    state = fields.Selection(
        selection=ASSEMBLY_STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    date = fields.Datetime(required=True, tracking=True)
    date_end = fields.Datetime(
        string="Ends at",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        precompute=True,
        copy=False,
        tracking=True,
        help="Expected end of the meeting: the start plus the usual duration "
        "of the assembly type.",
    )
    place = fields.Char(tracking=True)
    video_url = fields.Char(string="Video link", tracking=True)
    call_number = fields.Selection(
        selection=CALLS, string="Call", required=True, default="first", copy=False
    )
    first_call_id = fields.Many2one(
        comodel_name="cae.assembly",
        string="First call",
        readonly=True,
        copy=False,
        check_company=True,
        help="The assembly which did not reach its quorum and this one "
        "convenes again.",
    )
    second_call_ids = fields.One2many(
        comodel_name="cae.assembly", inverse_name="first_call_id", readonly=True
    )
    chair_id = fields.Many2one(
        comodel_name="res.partner",
        string="Chair",
        help="Who chairs the meeting (signs the minutes).",
    )
    secretary_id = fields.Many2one(
        comodel_name="res.partner",
        string="Secretary",
        help="Who keeps the minutes (signs them).",
    )
    description = fields.Html(
        string="Convocation note",
        help="Text sent with the convocation, before the agenda.",
    )
    minutes_note = fields.Html(
        string="Proceedings",
        help="Summary of the debates, printed in the minutes.",
    )
    quorum = fields.Char(
        compute="_compute_rules",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        copy=False,
        help="Part of the electorate that must be present, remote or "
        "represented for the votes to open (from the assembly type and "
        "call).",
    )
    use_colleges = fields.Boolean(
        string="Vote by colleges",
        compute="_compute_rules",
        store=True,
        readonly=False,
        precompute=True,
        copy=False,
    )
    online_vote_end = fields.Datetime(
        string="Online votes close at",
        compute="_compute_online_vote_end",
        store=True,
        readonly=False,
        precompute=True,
        copy=False,
        help="Online votes are refused after this time, even if the votes are "
        "still open in the room: by default the end of the meeting. Empty: "
        "until the votes close.",
    )
    votes_opened_at = fields.Datetime(readonly=True, copy=False)
    votes_closed_at = fields.Datetime(readonly=True, copy=False)
    convocation_date = fields.Datetime(
        string="Convocation sent on", readonly=True, copy=False
    )

    resolution_ids = fields.One2many(
        comodel_name="cae.assembly.resolution",
        inverse_name="assembly_id",
        string="Agenda",
        copy=True,
    )
    attendance_ids = fields.One2many(
        comodel_name="cae.assembly.attendance",
        inverse_name="assembly_id",
        string="Attendance register",
    )
    college_line_ids = fields.One2many(
        comodel_name="cae.assembly.college.line",
        inverse_name="assembly_id",
        string="Colleges",
    )

    # Live quorum (never stored: the register changes while people arrive).
    electorate_count = fields.Integer(
        string="Electorate", compute="_compute_quorum_figures"
    )
    present_count = fields.Integer(string="Present", compute="_compute_quorum_figures")
    remote_count = fields.Integer(string="Remote", compute="_compute_quorum_figures")
    represented_count = fields.Integer(
        string="Represented",
        compute="_compute_quorum_figures",
        help="Associates represented by a holder who takes part in the "
        "meeting (present or remote).",
    )
    absent_count = fields.Integer(string="Absent", compute="_compute_quorum_figures")
    void_proxy_count = fields.Integer(
        string="Proxies not counted",
        compute="_compute_quorum_figures",
        help="Associates represented by a holder who is neither present nor "
        "remote: their proxy counts neither for the quorum nor for the vote "
        "until the holder takes part.",
    )
    participant_count = fields.Integer(
        string="Present, remote or represented",
        compute="_compute_quorum_figures",
    )
    quorum_required_count = fields.Integer(
        string="Needed for the quorum", compute="_compute_quorum_figures"
    )
    quorum_reached = fields.Boolean(compute="_compute_quorum_figures")
    participation_rate = fields.Float(
        string="Participation (%)", compute="_compute_quorum_figures"
    )
    proxy_limit = fields.Integer(
        string="Proxies per associate",
        compute="_compute_quorum_figures",
        help="Most proxies one associate may hold: one under 20 associates, "
        "a twentieth of the associates (rounded down) from 20 on "
        "(loi 78-763 on SCOP; Cooperative > Configuration > Legal "
        "parameters).",
    )
    resolution_count = fields.Integer(compute="_compute_resolution_count")

    @api.depends("type_id", "call_number")
    def _compute_rules(self):
        # Copied once: editing the type later leaves held assemblies alone.
        for assembly in self:
            assembly_type = assembly.type_id
            assembly.quorum = (
                assembly_type.quorum_second
                if assembly.call_number == "second"
                else assembly_type.quorum_first
            ) or "0"
            assembly.use_colleges = assembly_type.use_colleges

    @api.depends("date", "type_id")
    def _compute_date_end(self):
        for assembly in self:
            hours = assembly.type_id.duration
            assembly.date_end = (
                assembly.date + timedelta(hours=hours)
                if assembly.date and hours
                else assembly.date
            )

    @api.depends("date_end")
    def _compute_online_vote_end(self):
        for assembly in self:
            assembly.online_vote_end = assembly.date_end

    @api.depends(
        "attendance_ids.state",
        "attendance_ids.proxy_holder_id",
        "quorum",
        "date",
    )
    def _compute_quorum_figures(self):
        # From the lines themselves (one prefetch for all assemblies), so
        # that the figures follow the register while it is edited in the
        # form, before it is saved.
        for assembly in self:
            lines = assembly.attendance_ids
            attending = lines.filtered(
                lambda line: line.state in ATTENDING
            ).associate_id
            by_state = dict.fromkeys(("present", "remote", "represented", "absent"), 0)
            void_proxies = 0
            for line in lines:
                by_state[line.state] += 1
                if (
                    line.state == "represented"
                    and line.proxy_holder_id not in attending
                ):
                    void_proxies += 1
            electorate = len(lines)
            # A proxy counts only when its holder takes part (present or
            # remote): an absent holder carries nothing.
            participants = (
                by_state["present"]
                + by_state["remote"]
                + by_state["represented"]
                - void_proxies
            )
            fraction = assembly._get_quorum_fraction()
            assembly.present_count = by_state["present"]
            assembly.remote_count = by_state["remote"]
            assembly.represented_count = by_state["represented"] - void_proxies
            assembly.void_proxy_count = void_proxies
            assembly.absent_count = by_state["absent"]
            assembly.electorate_count = electorate
            assembly.participant_count = participants
            assembly.quorum_required_count = quorum_required(electorate, fraction)
            assembly.quorum_reached = quorum_reached(participants, electorate, fraction)
            assembly.participation_rate = (
                100.0 * participants / electorate if electorate else 0.0
            )
            assembly.proxy_limit = assembly._get_proxy_limit(electorate)

    def _compute_resolution_count(self):
        for assembly in self:
            assembly.resolution_count = len(assembly.resolution_ids)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for assembly in self:
            assembly.access_url = f"/my/assemblies/{assembly.id}"
        return result

    @api.constrains("quorum")
    def _check_quorum(self):
        for assembly in self:
            try:
                parse_fraction(assembly.quorum)
            except (ValueError, ZeroDivisionError) as error:
                raise ValidationError(
                    self.env._(
                        "The quorum of %(assembly)s must be a fraction between 0 "
                        "and 1, such as 1/4, 0.25 or 25%%.",
                        assembly=assembly.name,
                    )
                ) from error

    @api.constrains("date", "date_end", "online_vote_end")
    def _check_dates(self):
        for assembly in self:
            if assembly.date_end and assembly.date_end < assembly.date:
                raise ValidationError(
                    self.env._(
                        "%(assembly)s cannot end before it starts.",
                        assembly=assembly.name,
                    )
                )
            if assembly.online_vote_end and assembly.online_vote_end < assembly.date:
                raise ValidationError(
                    self.env._(
                        "The online votes of %(assembly)s cannot close before the "
                        "meeting starts.",
                        assembly=assembly.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_convened(self):
        if any(assembly.state != "draft" for assembly in self):
            raise UserError(
                self.env._(
                    "Only a draft assembly can be deleted: the others belong to "
                    "the cooperative's records."
                )
            )

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------
    def _get_quorum_fraction(self):
        self.ensure_one()
        try:
            return parse_fraction(self.quorum)
        except (ValueError, ZeroDivisionError):
            return Fraction(0)

    def _get_proxy_limit(self, electorate=None):
        """Most proxies one associate may hold in this assembly, from the
        dated parameters in force on its date."""
        self.ensure_one()
        if electorate is None:
            electorate = len(self.attendance_ids)
        Parameter = self.env["cae.parameter"]
        day = fields.Date.to_date(self.date) if self.date else fields.Date.today()
        company = self.company_id
        return proxy_limit(
            electorate,
            threshold=int(
                Parameter._get_value("cae_assembly_proxy_threshold", day, company)
            ),
            below=int(
                Parameter._get_value("cae_assembly_proxy_max_below", day, company)
            ),
            ratio=Fraction(
                str(Parameter._get_value("cae_assembly_proxy_ratio", day, company))
            ),
        )

    def _check_proxy_limit(self):
        for assembly in self:
            limit = assembly._get_proxy_limit()
            held = {}
            for line in assembly.attendance_ids.filtered(
                lambda line: line.state == "represented"
            ):
                held.setdefault(line.proxy_holder_id, []).append(line.name)
            for holder, names in held.items():
                if len(names) > limit:
                    raise ValidationError(
                        self.env._(
                            "%(holder)s would hold %(count)s proxies (%(names)s): "
                            "with %(electorate)s associates, an associate may hold "
                            "at most %(limit)s.",
                            holder=holder.name,
                            count=len(names),
                            names=", ".join(sorted(names)),
                            electorate=len(assembly.attendance_ids),
                            limit=limit,
                        )
                    )

    def _get_electorate_domain(self):
        """Who votes: the company's associates admitted by the day of the
        assembly; for a board meeting, its board members."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "associate"),
            ("admission_date", "<=", fields.Date.to_date(self.date)),
        ]
        if self.kind == "board":
            domain.append(("board_member", "=", True))
        return domain

    def _check_register_editable(self):
        for assembly in self:
            if assembly.state in ("open", "closed"):
                raise UserError(
                    self.env._(
                        "The votes of %(assembly)s are open or closed: associates "
                        "can no longer be added to or removed from its register.",
                        assembly=assembly.name,
                    )
                )

    def _check_agenda_editable(self):
        for assembly in self:
            if assembly.state in ("open", "closed"):
                raise UserError(
                    self.env._(
                        "The votes of %(assembly)s are open or closed: its agenda, "
                        "candidates and voting rules can no longer change.",
                        assembly=assembly.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_update_register(self):
        """Add the associates missing from the attendance register, remove
        the lines of those who are no longer in the electorate."""
        self._check_register_editable()
        Associate = self.env["cae.associate"]
        Attendance = self.env["cae.assembly.attendance"]
        for assembly in self:
            electorate = Associate.search(assembly._get_electorate_domain())
            lines = assembly.attendance_ids
            lines.filtered(
                lambda line, e=electorate: line.associate_id not in e
                and line.state == "absent"
            ).unlink()
            Attendance.create(
                [
                    {
                        "assembly_id": assembly.id,
                        "associate_id": associate.id,
                        "college_id": associate.college_id.id,
                    }
                    for associate in electorate - lines.associate_id
                ]
            )
            if assembly.use_colleges:
                assembly._update_college_lines()
        return True

    def _update_college_lines(self):
        self.ensure_one()
        colleges = self.env["cae.assembly.college"].search(
            [("company_id", "=", self.company_id.id)]
        )
        self.env["cae.assembly.college.line"].create(
            [
                {
                    "assembly_id": self.id,
                    "college_id": college.id,
                    "weight": college.weight,
                }
                for college in colleges - self.college_line_ids.college_id
            ]
        )

    def action_convene(self):
        for assembly in self:
            assembly._check_can_convene()
        self.action_update_register()
        self.write({"state": "convened"})
        self.action_send_convocation()
        return True

    def _check_can_convene(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._("%(assembly)s is already convened.", assembly=self.name)
            )
        if not self.resolution_ids:
            raise UserError(
                self.env._(
                    "%(assembly)s has no agenda: add its resolutions before "
                    "convening it.",
                    assembly=self.name,
                )
            )
        self.resolution_ids._check_ready()

    def action_send_convocation(self):
        """E-mail the convocation, with the agenda and its documents, to every
        associate of the register who has an e-mail address."""
        template = self.env.ref("cae_governance.mail_template_assembly_convocation")
        for assembly in self:
            lines = assembly.attendance_ids.filtered(lambda line: line.partner_id.email)
            attachments = assembly.resolution_ids.attachment_ids
            template.send_mail_batch(
                lines.ids,
                email_values={"attachment_ids": [(4, a.id) for a in attachments]},
            )
            assembly.convocation_date = fields.Datetime.now()
            assembly.message_post(
                body=self.env._(
                    "Convocation sent to %(count)s associates (%(missing)s without "
                    "an e-mail address).",
                    count=len(lines),
                    missing=len(assembly.attendance_ids) - len(lines),
                )
            )
        return True

    def action_open_votes(self):
        for assembly in self:
            assembly._check_can_open()
        self.write({"state": "open", "votes_opened_at": fields.Datetime.now()})
        return True

    def _check_can_open(self):
        self.ensure_one()
        if self.state != "convened":
            raise UserError(
                self.env._(
                    "Only a convened assembly can open its votes (%(assembly)s).",
                    assembly=self.name,
                )
            )
        if not self.quorum_reached:
            raise UserError(
                self.env._(
                    "The quorum of %(assembly)s is not reached: %(participants)s "
                    "associates present, remote or represented out of "
                    "%(electorate)s, %(required)s needed (%(quorum)s at %(call)s). "
                    "Close the assembly and convene it again at second call.",
                    assembly=self.name,
                    participants=self.participant_count,
                    electorate=self.electorate_count,
                    required=self.quorum_required_count,
                    quorum=self.quorum,
                    call=dict(
                        self._fields["call_number"]._description_selection(self.env)
                    )[self.call_number].lower(),
                )
            )
        if self.use_colleges:
            self._check_colleges()
        if self.use_colleges and any(self.resolution_ids.mapped("secret")):
            self._check_secret_colleges()

    def _check_colleges(self):
        self.ensure_one()
        without = self.attendance_ids.filtered(lambda line: not line.college_id)
        if without:
            raise UserError(
                self.env._(
                    "%(assembly)s votes by colleges: %(names)s belong to no college.",
                    assembly=self.name,
                    names=", ".join(without.mapped("name")),
                )
            )
        missing = self.attendance_ids.college_id - self.college_line_ids.college_id
        if missing:
            raise UserError(
                self.env._(
                    "%(assembly)s has no weight for the colleges %(colleges)s.",
                    assembly=self.name,
                    colleges=", ".join(missing.mapped("name")),
                )
            )
        total = sum(self.college_line_ids.mapped("weight"))
        if round(total, 2) != 100:
            raise UserError(
                self.env._(
                    "The weights of the colleges of %(assembly)s add up to "
                    "%(total)s %%, not 100 %%.",
                    assembly=self.name,
                    total=round(total, 2),
                )
            )

    def _check_secret_colleges(self):
        """A college too small would tell how its members voted: refuse the
        secret votes of an assembly voting by colleges when a college has
        fewer associates on the register than the dated minimum."""
        self.ensure_one()
        minimum = int(
            self.env["cae.parameter"]._get_value(
                "cae_assembly_secret_college_min",
                fields.Date.to_date(self.date),
                self.company_id,
            )
        )
        sizes = Counter(line.college_id for line in self.attendance_ids)
        small = [college for college in sizes if college and sizes[college] < minimum]
        if small:
            raise UserError(
                self.env._(
                    "%(assembly)s votes by colleges and has secret ballots: the "
                    "college %(college)s has %(count)s associate(s) on the "
                    "register, fewer than the %(minimum)s a secret vote needs "
                    "(its result would tell how they voted). Vote openly on "
                    "those resolutions or regroup the colleges.",
                    assembly=self.name,
                    college=small[0].name,
                    count=sizes[small[0]],
                    minimum=minimum,
                )
            )

    def action_close(self):
        """Close the votes (or an assembly that could not open them)."""
        for assembly in self:
            if assembly.state not in ("convened", "open"):
                raise UserError(
                    self.env._(
                        "Only a convened assembly or one with open votes can be "
                        "closed (%(assembly)s).",
                        assembly=assembly.name,
                    )
                )
        now = fields.Datetime.now()
        opened = self.filtered(lambda a: a.state == "open")
        # Locks the rows: a vote in progress finishes first, later ones see
        # the assembly closed (see _lock_for_vote).
        opened.write({"state": "closed", "votes_closed_at": now})
        (self - opened).write({"state": "closed"})
        # The count of the secret ballots (see _count_ballot_boxes).
        opened._count_ballot_boxes()
        opened.resolution_ids._apply_election_results()
        return True

    def action_second_call(self):
        """Convene again, at second call, an assembly closed without its
        quorum: a new draft with the same agenda and documents."""
        self.ensure_one()
        if (
            self.state != "closed"
            or self.votes_opened_at
            or self.call_number != "first"
            or self.second_call_ids
        ):
            raise UserError(
                self.env._(
                    "Only an assembly at first call closed without votes (its "
                    "quorum not reached) can be convened at second call."
                )
            )
        second = self.copy(
            {
                "name": self.env._("%(name)s (second call)", name=self.name),
                "call_number": "second",
                "first_call_id": self.id,
                "date": self.date + timedelta(days=SECOND_CALL_DELAY_DAYS),
            }
        )
        self.message_post(
            body=self.env._(
                "Convened again at second call: %(link)s",
                link=second._get_html_link(),
            )
        )
        return second._get_records_action()

    def action_draft(self):
        for assembly in self:
            if assembly.state != "convened":
                raise UserError(
                    self.env._(
                        "Only a convened assembly whose votes never opened goes "
                        "back to draft."
                    )
                )
        self.write({"state": "draft"})
        return True

    def action_print_minutes(self):
        return self.env.ref(
            "cae_governance.action_report_assembly_minutes"
        ).report_action(self)

    def action_view_resolutions(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_governance.cae_assembly_resolution_action"
        )
        action["domain"] = [("assembly_id", "in", self.ids)]
        action["context"] = {"default_assembly_id": self.id}
        return action

    def _get_report_base_filename(self):
        self.ensure_one()
        return f"Proces-verbal - {self.name}"

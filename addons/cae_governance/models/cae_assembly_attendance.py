# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

ATTENDANCE_STATES = [
    ("absent", "Absent"),
    ("present", "Present"),
    ("remote", "Remote"),
    ("represented", "Represented"),
]
# Those who take part in the meeting: only their proxies count.
ATTENDING = ("present", "remote")
# The mandate of a legal entity's representative.
MANDATE_FIELDS = {
    "representative_id",
    "mandate_date",
    "mandate_document",
    "mandate_filename",
}
# Once the votes are open, only a latecomer may still be registered.
LATE_ARRIVALS = ("present", "remote")


class CaeAssemblyAttendance(models.Model):
    """One line of the attendance register of an assembly: an associate of
    the electorate, present (in the room), remote (by video or online
    vote), represented by another associate holding their proxy, or absent.

    The register is built when the assembly is convened. Proxies are checked
    here: the holder must be an associate on the same register, not
    represented themselves, and hold no more proxies than the law allows
    (:meth:`cae.assembly._get_proxy_limit`), even when two users give
    proxies at once (:meth:`_lock_holder_lines`). A proxy counts only while
    its holder takes part (present or remote).

    A legal entity acts only through the representative designated by its
    mandate for this assembly (``representative_id``, ``mandate_date``):
    it cannot be present or remote without one, and none of its other
    contacts votes for it.
    """

    _name = "cae.assembly.attendance"
    _description = "Attendance at an assembly"
    _order = "assembly_id, name, id"
    _check_company_auto = True

    assembly_id = fields.Many2one(
        comodel_name="cae.assembly",
        required=True,
        ondelete="cascade",
        index=True,
    )
    assembly_state = fields.Selection(related="assembly_id.state")
    company_id = fields.Many2one(
        related="assembly_id.company_id", store=True, index=True
    )
    associate_id = fields.Many2one(
        comodel_name="cae.associate",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    name = fields.Char(related="associate_id.name", store=True)
    partner_id = fields.Many2one(related="associate_id.partner_id")
    college_id = fields.Many2one(
        comodel_name="cae.assembly.college",
        check_company=True,
        help="College the associate votes in, copied from the associate when "
        "the register is built.",
    )
    state = fields.Selection(
        selection=ATTENDANCE_STATES,
        string="Attendance",
        required=True,
        default="absent",
        index=True,
    )
    proxy_holder_id = fields.Many2one(
        comodel_name="cae.associate",
        string="Represented by",
        ondelete="restrict",
        index="btree_not_null",
        check_company=True,
        domain="[('company_id', '=', company_id), ('state', '=', 'associate'), "
        "('id', '!=', associate_id)]",
        help="The associate holding this associate's proxy: only another "
        "associate may represent an associate.",
    )
    associate_kind = fields.Selection(related="associate_id.kind")
    representative_id = fields.Many2one(
        comodel_name="res.partner",
        string="Representative",
        ondelete="restrict",
        index="btree_not_null",
        domain="[('is_company', '=', False)]",
        help="For a legal entity: the person its mandate designates to attend, "
        "vote and hold its proxies at this assembly. Nobody else acts for it, "
        "not even its other contacts.",
    )
    mandate_date = fields.Date(
        string="Date of the mandate",
        help="Date of the mandate by which the legal entity designates its "
        "representative for this assembly.",
    )
    mandate_document = fields.Binary(
        string="Mandate",
        attachment=True,
        help="The signed mandate (power of attorney) of the representative.",
    )
    mandate_filename = fields.Char(string="Mandate file name")
    proxy_count = fields.Integer(string="Proxies held", compute="_compute_proxy_count")
    has_voted = fields.Boolean(compute="_compute_has_voted")

    _sql_constraints = [
        (
            "associate_unique",
            "unique(assembly_id, associate_id)",
            "An associate appears once on the attendance register.",
        ),
        (
            "proxy_only_when_represented",
            "CHECK((state = 'represented') = (proxy_holder_id IS NOT NULL))",
            "An associate is represented if and only if someone holds their " "proxy.",
        ),
    ]

    def _compute_proxy_count(self):
        counts = {
            (assembly, holder): count
            for assembly, holder, count in self._read_group(
                [
                    ("assembly_id", "in", self.assembly_id.ids),
                    ("state", "=", "represented"),
                ],
                ["assembly_id", "proxy_holder_id"],
                ["__count"],
            )
        }
        for line in self:
            line.proxy_count = counts.get((line.assembly_id, line.associate_id), 0)

    def _compute_has_voted(self):
        voters = {
            (assembly, associate)
            for assembly, associate in self.env[
                "cae.assembly.participation"
            ]._read_group(
                [("assembly_id", "in", self.assembly_id.ids)],
                ["assembly_id", "associate_id"],
            )
        }
        for line in self:
            line.has_voted = (line.assembly_id, line.associate_id) in voters

    @api.onchange("state")
    def _onchange_state(self):
        if self.state != "represented":
            self.proxy_holder_id = False

    @api.onchange("proxy_holder_id")
    def _onchange_proxy_holder_id(self):
        if self.proxy_holder_id:
            self.state = "represented"

    @api.constrains("state", "proxy_holder_id")
    def _check_proxy(self):
        represented = self.filtered(lambda line: line.state == "represented")
        represented._lock_holder_lines()
        for line in represented:
            line._check_proxy_holder()
            line._check_holds_no_proxy()
        for assembly in represented.assembly_id:
            assembly._check_proxy_limit()

    def _lock_holder_lines(self):
        """Update the lines of the proxy holders of ``self`` (a real update,
        not a mere lock) before counting their proxies.

        Two transactions giving proxies to the same holder at once then
        write the same row: the second waits for the first and, in
        PostgreSQL's repeatable read, fails and is retried on fresh data,
        where it counts the first one's proxy. A limit checked on each
        transaction's own snapshot only would let both through."""
        pairs = {
            (line.assembly_id.id, line.proxy_holder_id.id)
            for line in self
            if line.proxy_holder_id
        }
        if not pairs:
            return
        self.env.cr.execute(
            SQL(
                "UPDATE cae_assembly_attendance SET write_date = write_date "
                "WHERE (assembly_id, associate_id) IN %s",
                tuple(pairs),
            )
        )

    def _check_holds_no_proxy(self):
        self.ensure_one()
        held = self.assembly_id.attendance_ids.filtered(
            lambda line: line.state == "represented"
            and line.proxy_holder_id == self.associate_id
        )
        if held:
            raise ValidationError(
                self.env._(
                    "%(name)s holds the proxy of %(names)s: they cannot be "
                    "represented themselves.",
                    name=self.name,
                    names=", ".join(held.mapped("name")),
                )
            )

    @api.constrains("state", "representative_id", "mandate_date", "associate_id")
    def _check_representative(self):
        for line in self:
            legal_entity = line.associate_id.kind == "legal_entity"
            if not legal_entity and line.representative_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s is not a legal entity: they attend and vote "
                        "themselves, without a representative.",
                        name=line.name,
                    )
                )
            if line.representative_id.is_company:
                raise ValidationError(
                    self.env._(
                        "The representative of %(name)s must be a person.",
                        name=line.name,
                    )
                )
            if (
                legal_entity
                and line.state in ATTENDING
                and not (line.representative_id and line.mandate_date)
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s is a legal entity: it attends only through the "
                        "representative its mandate designates. Enter the "
                        "representative and the date of the mandate first.",
                        name=line.name,
                    )
                )

    def _check_proxy_holder(self):
        self.ensure_one()
        holder = self.proxy_holder_id
        if not holder:
            raise ValidationError(
                self.env._(
                    "Choose the associate who holds the proxy of %(name)s.",
                    name=self.name,
                )
            )
        if holder == self.associate_id:
            raise ValidationError(
                self.env._("%(name)s cannot hold their own proxy.", name=self.name)
            )
        if holder.state != "associate" or holder.company_id != self.company_id:
            raise ValidationError(
                self.env._(
                    "%(holder)s is not an associate of %(company)s: only another "
                    "associate may represent %(name)s.",
                    holder=holder.name,
                    company=self.company_id.name,
                    name=self.name,
                )
            )
        holder_line = self.assembly_id.attendance_ids.filtered(
            lambda line: line.associate_id == holder
        )
        if not holder_line:
            raise ValidationError(
                self.env._(
                    "%(holder)s is not on the attendance register of %(assembly)s: "
                    "they cannot represent %(name)s.",
                    holder=holder.name,
                    assembly=self.assembly_id.name,
                    name=self.name,
                )
            )
        if holder_line.state == "represented":
            raise ValidationError(
                self.env._(
                    "%(holder)s is represented themselves: they cannot hold the "
                    "proxy of %(name)s.",
                    holder=holder.name,
                    name=self.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        assemblies = self.env["cae.assembly"].browse(
            {vals["assembly_id"] for vals in vals_list if vals.get("assembly_id")}
        )
        assemblies._check_register_editable()
        return super().create(vals_list)

    def write(self, vals):
        if {"assembly_id", "associate_id"} & set(vals):
            self.assembly_id._check_register_editable()
        if {"state", "proxy_holder_id"} & set(vals):
            self._check_attendance_editable(vals)
        if MANDATE_FIELDS & set(vals):
            self._check_mandate_editable(vals)
        return super().write(vals)

    def _check_mandate_editable(self, vals):
        """Once the votes are open, a representative can only be designated
        for a legal entity that has none yet (arriving late); once closed,
        never."""
        for line in self:
            state = line.assembly_id.state
            if state in ("draft", "convened"):
                continue
            if state == "open" and not line.representative_id:
                continue
            if vals.get("representative_id", line.representative_id.id) != (
                line.representative_id.id
            ) or set(vals) & (MANDATE_FIELDS - {"representative_id"}):
                raise UserError(
                    self.env._(
                        "The votes of %(assembly)s are open or closed: the "
                        "representative of %(name)s can no longer change.",
                        assembly=line.assembly_id.name,
                        name=line.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_votes_open(self):
        self.assembly_id._check_register_editable()

    def _check_attendance_editable(self, vals):
        """Once the votes are open, the register only takes latecomers
        (absent to present or remote); once closed, nothing."""
        for line in self:
            state = line.assembly_id.state
            if state in ("draft", "convened"):
                continue
            late_arrival = (
                state == "open"
                and line.state == "absent"
                and vals.get("state", line.state) in LATE_ARRIVALS
                and not vals.get("proxy_holder_id")
            )
            if not late_arrival and (
                vals.get("state", line.state) != line.state
                or vals.get("proxy_holder_id", line.proxy_holder_id.id)
                != line.proxy_holder_id.id
            ):
                raise UserError(
                    self.env._(
                        "The votes of %(assembly)s are open or closed: the "
                        "attendance of %(name)s can no longer change (only an "
                        "absent associate arriving late can be marked present "
                        "or remote).",
                        assembly=line.assembly_id.name,
                        name=line.name,
                    )
                )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeAssemblyCollegeLine(models.Model):
    """The weight of a college in one assembly, copied from the college when
    the assembly is convened and editable until the votes open."""

    _name = "cae.assembly.college.line"
    _description = "College weight in an assembly"
    _order = "assembly_id, sequence, id"
    _check_company_auto = True

    assembly_id = fields.Many2one(
        comodel_name="cae.assembly",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="assembly_id.company_id", store=True)
    college_id = fields.Many2one(
        comodel_name="cae.assembly.college",
        required=True,
        ondelete="restrict",
        check_company=True,
    )
    sequence = fields.Integer(related="college_id.sequence")
    weight = fields.Float(string="Weight (%)", digits=(5, 2), required=True)
    electorate_count = fields.Integer(
        string="Voters",
        compute="_compute_electorate_count",
        help="Associates of this college on the attendance list.",
    )

    _sql_constraints = [
        (
            "college_unique",
            "unique(assembly_id, college_id)",
            "A college is listed once per assembly.",
        ),
        (
            "weight_positive",
            "CHECK(weight > 0 AND weight <= 100)",
            "The weight of a college is a percentage above 0 and at most 100.",
        ),
    ]

    def _compute_electorate_count(self):
        counts = {
            (assembly, college): count
            for assembly, college, count in self.env[
                "cae.assembly.attendance"
            ]._read_group(
                [("assembly_id", "in", self.assembly_id.ids)],
                ["assembly_id", "college_id"],
                ["__count"],
            )
        }
        for line in self:
            line.electorate_count = counts.get((line.assembly_id, line.college_id), 0)

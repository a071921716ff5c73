# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeAssemblyCollege(models.Model):
    """A voting college (SCIC): a group of associates whose votes are counted
    together and weighted (loi 47-1775, art. 19 octies; the statutes give
    each college its weight).

    The weight here is the default of the company's assemblies; each assembly
    voting by colleges keeps its own copy (:class:`CaeAssemblyCollegeLine`),
    so that changing a weight never changes past results.
    """

    _name = "cae.assembly.college"
    _description = "Voting college"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    weight = fields.Float(
        string="Weight (%)",
        digits=(5, 2),
        required=True,
        help="Share of the votes of the assembly this college holds, in "
        "percent; the weights of the colleges add up to 100.",
    )
    description = fields.Text(translate=True)
    associate_ids = fields.One2many(
        comodel_name="cae.associate",
        inverse_name="college_id",
        string="Associates",
    )
    associate_count = fields.Integer(compute="_compute_associate_count")

    _sql_constraints = [
        (
            "weight_positive",
            "CHECK(weight > 0 AND weight <= 100)",
            "The weight of a college is a percentage above 0 and at most 100.",
        ),
    ]

    def _compute_associate_count(self):
        counts = dict(
            self.env["cae.associate"]._read_group(
                [("college_id", "in", self.ids), ("state", "=", "associate")],
                ["college_id"],
                ["__count"],
            )
        )
        for college in self:
            college.associate_count = counts.get(college, 0)

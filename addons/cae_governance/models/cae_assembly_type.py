# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.vote_rules import MAJORITIES, parse_fraction

ASSEMBLY_KINDS = [
    ("ordinary", "Ordinary general assembly"),
    ("extraordinary", "Extraordinary general assembly"),
    ("board", "Board meeting"),
]


class CaeAssemblyType(models.Model):
    """The rules of one kind of assembly, as the company's statutes set them.

    Each company has its own types (created from the defaults of
    ``data/cae_assembly_type_data.xml`` for every company), so that the
    quorum and majorities follow its statutes. An assembly copies the rules
    it needs when it is created: editing a type later does not change the
    assemblies already held.
    """

    _name = "cae.assembly.type"
    _description = "Assembly type"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        selection=ASSEMBLY_KINDS,
        required=True,
        default="ordinary",
        help="Board meetings gather the board members only; general "
        "assemblies gather every associate.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    quorum_first = fields.Char(
        string="Quorum at first call",
        default="1/4",
        required=True,
        help="Part of the associates (or board members) who must be present, "
        "remote or represented for the votes to open: a fraction such as 1/4, "
        "a decimal (0.25) or a percentage (25%); 0 for no quorum.",
    )
    quorum_second = fields.Char(
        string="Quorum at second call",
        default="0",
        required=True,
        help="Quorum of an assembly convened again because the first one did "
        "not reach its quorum; 0 for no quorum.",
    )
    majority = fields.Selection(
        selection=[m for m in MAJORITIES if m[0] != "relative"],
        string="Majority of resolutions",
        required=True,
        default="simple",
        help="Share of the votes cast a resolution needs to be adopted.",
    )
    election_majority = fields.Selection(
        selection=MAJORITIES,
        string="Majority of elections",
        required=True,
        default="simple",
        help="Share of the votes cast a candidate needs to be elected; "
        "'Most votes' elects the best placed candidates whatever their share.",
    )
    abstention_counts = fields.Boolean(
        string="Abstentions count as votes cast",
        help="When ticked an abstention counts in the votes cast, hence "
        "weighs like a vote against; otherwise abstentions (and blank "
        "ballots) are left out of the votes cast.",
    )
    secret_default = fields.Boolean(
        string="Secret ballot by default",
        help="Resolutions of this type are voted by secret ballot unless "
        "changed on the resolution. Elections are always proposed secret.",
    )
    use_colleges = fields.Boolean(
        string="Vote by colleges",
        help="SCIC: each college's result is weighted by the college's weight "
        "(Cooperative > Configuration > Voting colleges).",
    )
    duration = fields.Float(
        string="Usual duration",
        default=3.0,
        help="Hours between the start and the expected end of an assembly of "
        "this type. Online votes close at the end of the meeting by default.",
    )
    statute_reference = fields.Char(
        help="Article of the statutes that sets these rules, printed on the " "minutes."
    )

    _sql_constraints = [
        (
            "duration_positive",
            "CHECK(duration >= 0 AND duration <= 240)",
            "The usual duration of an assembly is between 0 and 240 hours.",
        ),
    ]

    @api.constrains("quorum_first", "quorum_second")
    def _check_quorum(self):
        for assembly_type in self:
            for field_name in ("quorum_first", "quorum_second"):
                try:
                    parse_fraction(assembly_type[field_name])
                except (ValueError, ZeroDivisionError) as error:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(type)s must be a fraction between 0 "
                            "and 1, such as 1/4, 0.25 or 25%%.",
                            field=self._fields[field_name].get_description(self.env)[
                                "string"
                            ],
                            type=assembly_type.name,
                        )
                    ) from error

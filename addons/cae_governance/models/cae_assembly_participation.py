# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

CHANNELS = [("online", "Online"), ("paper", "In the room")]


class CaeAssemblyParticipation(models.Model):
    """Who voted on a resolution: one line per associate and resolution,
    whatever the vote, secret or not.

    The unique index on (resolution, associate) is the database's guarantee
    of one vote per person: two requests voting at once for the same person
    cannot both commit. What was voted lives in ``cae.assembly.ballot``,
    which has no link back to this record (see its docstring).
    """

    _name = "cae.assembly.participation"
    _description = "Participation in a vote"
    _order = "resolution_id, id"
    _check_company_auto = True

    resolution_id = fields.Many2one(
        comodel_name="cae.assembly.resolution",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    assembly_id = fields.Many2one(
        comodel_name="cae.assembly",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, readonly=True
    )
    associate_id = fields.Many2one(
        comodel_name="cae.associate",
        string="Voter",
        required=True,
        ondelete="restrict",
        index=True,
        readonly=True,
        check_company=True,
    )
    cast_by_id = fields.Many2one(
        comodel_name="cae.associate",
        string="Cast by",
        required=True,
        ondelete="restrict",
        readonly=True,
        check_company=True,
        help="The voter, or the associate holding their proxy.",
    )
    channel = fields.Selection(selection=CHANNELS, required=True, readonly=True)

    _sql_constraints = [
        (
            "one_vote_per_person",
            "unique(resolution_id, associate_id)",
            "An associate votes once on each resolution.",
        ),
    ]

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CaeCjsAssembly(models.Model):
    """A general assembly of the youths: one person, one vote.

    The youths elect their board, set up their committees and decide, among
    other things, how the result is shared. Each decision keeps its tally.
    The votes themselves may come from the ballots of ``cae_governance``
    through a bridge module (see ``readme/DEVELOP.md``): :meth:`_get_voters`
    gives who may vote and ``cae.cjs.decision._set_tally`` records a result.
    """

    _name = "cae.cjs.assembly"
    _inherit = ["cae.cjs.project.mixin", "mail.thread"]
    _description = "Youths' general assembly"
    _order = "date desc, id desc"
    _cjs_frozen_when_closed = False

    name = fields.Char(required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    present_ids = fields.Many2many(
        comodel_name="cae.cjs.participant",
        relation="cae_cjs_assembly_participant_rel",
        column1="assembly_id",
        column2="participant_id",
        string="Present",
        domain="[('project_id', '=', project_id)]",
        help="Participants present: each of them has one vote.",
    )
    present_count = fields.Integer(compute="_compute_present_count")
    decision_ids = fields.One2many(
        comodel_name="cae.cjs.decision",
        inverse_name="assembly_id",
        string="Decisions",
    )
    minutes = fields.Html()

    @api.depends("present_ids")
    def _compute_present_count(self):
        for assembly in self:
            assembly.present_count = len(assembly.present_ids)

    @api.constrains("present_ids", "project_id")
    def _check_present_project(self):
        for assembly in self:
            if assembly.present_ids.project_id - assembly.project_id:
                raise ValidationError(
                    self.env._(
                        "Only the participants of the project can attend its "
                        "assembly %(assembly)s.",
                        assembly=assembly.name,
                    )
                )

    def _get_voters(self):
        """Participants who vote at this assembly, one vote each."""
        self.ensure_one()
        return self.present_ids

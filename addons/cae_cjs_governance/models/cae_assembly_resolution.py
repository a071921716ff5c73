# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeAssemblyResolution(models.Model):
    _inherit = "cae.assembly.resolution"

    cae_cjs_decision_id = fields.Many2one(
        comodel_name="cae.cjs.decision",
        string="Youths' decision",
        readonly=True,
        copy=False,
        ondelete="restrict",
        index="btree_not_null",
        check_company=True,
        help="Decision of the youths' assembly put to the vote: it receives "
        "the result when the ballots close.",
    )

    _sql_constraints = [
        (
            "cae_cjs_decision_unique",
            "unique(cae_cjs_decision_id)",
            "A decision of the youths is put to the ballots once.",
        ),
    ]

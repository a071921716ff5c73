# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class CaeShareOperation(models.Model):
    _inherit = "cae.share.operation"

    def _check_can_validate(self):
        """The voter record of a youth never holds shares: the youths vote
        at their own assemblies, not as associates of the cooperative."""
        # Read on each field's own recordset, prefetched with the other
        # operations of a batch (a union would read them one by one).
        youth = self.associate_id.filtered(
            "cjs_participant_id"
        ) or self.associate_to_id.filtered("cjs_participant_id")
        if youth:
            raise UserError(
                self.env._(
                    "%(name)s votes at the assemblies of a collective project: "
                    "they cannot hold shares of the cooperative through this "
                    "record.",
                    name=youth[0].name,
                )
            )
        return super()._check_can_validate()

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .cae_assembly_ballot import BALLOT_CHOICES, BALLOT_COLUMNS, insert_shuffled


class CaeAssemblyBallotBox(models.Model):
    """The sealed ballot box of the secret votes of an assembly while its
    votes are open.

    A secret ballot is written here when it is cast (with the voter's
    participation, in the same transaction, so that no vote can be lost or
    counted twice) and moved into ``cae.assembly.ballot`` when the votes
    close, all the assembly's sealed ballots in one shuffled statement,
    then deleted from here (:meth:`cae.assembly._count_ballot_boxes`).

    Nobody reads this table through the application: no access right
    grants any operation on it (the vote and closing methods use it as
    superuser, and never to count), so that no count of a secret vote can
    be seen before the closing. Rows have random ids, no author or date
    columns and no voter. What the application cannot hide is the
    PostgreSQL transaction id of each row while the votes are open: see
    the readme (what the secret ballot protects and what it does not).
    """

    _name = "cae.assembly.ballot.box"
    _description = "Sealed ballot of a secret vote, until the count"
    _log_access = False
    _order = "id"

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
        comodel_name="res.company", required=True, readonly=True
    )
    candidate_id = fields.Many2one(
        comodel_name="cae.assembly.candidate", ondelete="cascade", readonly=True
    )
    college_id = fields.Many2one(
        comodel_name="cae.assembly.college", ondelete="restrict", readonly=True
    )
    choice = fields.Selection(selection=BALLOT_CHOICES, required=True, readonly=True)
    receipt_code = fields.Char(string="Receipt", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):  # pylint: disable=method-required-super
        """Seal the ballots: random ids, random order, no log columns."""
        self.check_access("create")
        return self.browse(
            insert_shuffled(self.env.cr, self._table, BALLOT_COLUMNS, vals_list)
        )

    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(self.env._("A ballot cannot be changed."))

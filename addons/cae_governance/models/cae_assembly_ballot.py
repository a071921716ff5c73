# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.sql import index_exists

BALLOT_CHOICES = [("for", "For"), ("against", "Against"), ("abstain", "Abstention")]
# Ids are drawn at random in the range of a PostgreSQL integer.
MAX_ID = 2**31 - 1
INSERTED_COLUMNS = (
    "resolution_id",
    "assembly_id",
    "company_id",
    "candidate_id",
    "college_id",
    "associate_id",
    "choice",
)


class CaeAssemblyBallot(models.Model):
    """What was voted: one row per ballot (and, for an election, one row
    per candidate named on it).

    A secret ballot must not be traceable to its voter, through any column
    or through the order of the rows. Hence:

    - the voter (``associate_id``) is kept for open votes only; who voted is
      recorded apart, in ``cae.assembly.participation``, with no column
      pointing from one table to the other;
    - the table has no ``create_uid``/``create_date``/``write_*`` columns
      (``_log_access = False``): nothing tells who wrote a row, or when;
    - ids are drawn at random instead of from the table's sequence, and the
      rows of one request are shuffled before insertion, so that ordering
      ballots by id says nothing of the order of the votes;
    - ballots are only written through :meth:`create` (as superuser, by the
      vote methods) and never changed or deleted.

    What remains is outside the application's reach (physical row order,
    PostgreSQL transaction ids of the rows): see readme/DEVELOP.md.
    """

    _name = "cae.assembly.ballot"
    _description = "Ballot"
    _log_access = False
    _order = "id"
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
        comodel_name="res.company", required=True, readonly=True
    )
    candidate_id = fields.Many2one(
        comodel_name="cae.assembly.candidate",
        ondelete="cascade",
        readonly=True,
        help="For an election, the candidate named on the ballot; empty on "
        "the row of the ballot itself.",
    )
    college_id = fields.Many2one(
        comodel_name="cae.assembly.college",
        ondelete="restrict",
        readonly=True,
        help="College of the voter (assemblies voting by colleges).",
    )
    associate_id = fields.Many2one(
        comodel_name="cae.associate",
        string="Voter",
        ondelete="restrict",
        readonly=True,
        help="Kept for open votes only; always empty for a secret ballot.",
    )
    choice = fields.Selection(selection=BALLOT_CHOICES, required=True, readonly=True)

    def init(self):
        # One ballot per voter and resolution (and candidate) for open
        # votes; for secret ones the participation's unique index does it.
        if not index_exists(self.env.cr, "cae_assembly_ballot_open_vote_unique"):
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX cae_assembly_ballot_open_vote_unique "
                    "ON cae_assembly_ballot "
                    "(resolution_id, associate_id, COALESCE(candidate_id, 0)) "
                    "WHERE associate_id IS NOT NULL"
                )
            )

    @api.model_create_multi
    def create(self, vals_list):  # pylint: disable=method-required-super
        """Insert the ballots with random ids, in random order, instead of
        the ORM's insertion (sequence ids, log columns).

        Values are plain ids (as the vote methods give them)."""
        self.check_access("create")
        rng = random.SystemRandom()
        pending = list(vals_list)
        rng.shuffle(pending)
        inserted_ids = []
        while pending:
            ids = rng.sample(range(1, MAX_ID), len(pending))
            rows = SQL(", ").join(
                SQL(
                    "(%s, %s, %s, %s, %s, %s, %s, %s)",
                    ballot_id,
                    *(vals.get(column) or None for column in INSERTED_COLUMNS),
                )
                for ballot_id, vals in zip(ids, pending, strict=True)
            )
            self.env.cr.execute(
                SQL(
                    "INSERT INTO cae_assembly_ballot (id, %s) VALUES %s "
                    "ON CONFLICT (id) DO NOTHING RETURNING id",
                    SQL(", ").join(SQL.identifier(c) for c in INSERTED_COLUMNS),
                    rows,
                )
            )
            done = {row[0] for row in self.env.cr.fetchall()}
            inserted_ids.extend(done)
            # An id already taken (very rare): draw again for those rows.
            pending = [
                vals
                for ballot_id, vals in zip(ids, pending, strict=True)
                if ballot_id not in done
            ]
        return self.browse(inserted_ids)

    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(self.env._("A ballot cannot be changed."))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A ballot cannot be deleted."))

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random
import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.sql import index_exists

BALLOT_CHOICES = [("for", "For"), ("against", "Against"), ("abstain", "Abstention")]
# Ids are drawn at random in the range of a PostgreSQL integer.
MAX_ID = 2**31 - 1
# Columns written by the vote methods; ballot boxes have all but the voter.
BALLOT_COLUMNS = (
    "resolution_id",
    "assembly_id",
    "company_id",
    "candidate_id",
    "college_id",
    "choice",
    "receipt_code",
)
# Receipt codes: 12 characters of an alphabet without look-alikes (0/O,
# 1/I/L), 60 bits of randomness, printed in groups of four.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RECEIPT_LENGTH = 12


def new_receipt_code():
    """A random receipt code such as ``7KQ2-M9XD-3FHT``."""
    code = "".join(secrets.choice(RECEIPT_ALPHABET) for _i in range(RECEIPT_LENGTH))
    return "-".join(code[i : i + 4] for i in range(0, RECEIPT_LENGTH, 4))


def insert_shuffled(cr, table, columns, vals_list):
    """Insert ``vals_list`` (dicts of ``columns``) into ``table`` in one
    random order and with ids drawn at random; return the ids.

    One statement: every row gets the same transaction id, and their
    physical order in the table is the shuffled one."""
    rng = random.SystemRandom()
    pending = list(vals_list)
    rng.shuffle(pending)
    inserted_ids = []
    while pending:
        ids = rng.sample(range(1, MAX_ID), len(pending))
        rows = SQL(", ").join(
            SQL(
                "(%s)",
                SQL(", ").join(
                    SQL("%s", value)
                    for value in (
                        ballot_id,
                        *(vals.get(column) or None for column in columns),
                    )
                ),
            )
            for ballot_id, vals in zip(ids, pending, strict=True)
        )
        cr.execute(
            SQL(
                "INSERT INTO %s (id, %s) VALUES %s "
                "ON CONFLICT (id) DO NOTHING RETURNING id",
                SQL.identifier(table),
                SQL(", ").join(SQL.identifier(column) for column in columns),
                rows,
            )
        )
        done = {row[0] for row in cr.fetchall()}
        inserted_ids.extend(done)
        # An id already taken (very rare): draw again for those rows.
        pending = [
            vals
            for ballot_id, vals in zip(ids, pending, strict=True)
            if ballot_id not in done
        ]
    return inserted_ids


class CaeAssemblyBallot(models.Model):
    """What was voted: one row per ballot (and, for an election, one row
    per candidate named on it), counted by ``_get_tally``.

    A secret ballot must not be traceable to its voter, through any column
    or through the order of the rows. Hence:

    - the voter (``associate_id``) is kept for open votes only; who voted is
      recorded apart, in ``cae.assembly.participation``, with no column
      pointing from one table to the other;
    - the ballots of a secret vote are not written here when they are cast
      but sealed in ``cae.assembly.ballot.box``, which nobody can read; the
      closing of the votes moves every sealed ballot of the assembly here
      in one shuffled statement (:meth:`cae.assembly._count_ballot_boxes`),
      so that their transaction id, physical order and ids are the same
      for all or random;
    - the table has no ``create_uid``/``create_date``/``write_*`` columns
      (``_log_access = False``): nothing tells who wrote a row, or when;
    - ids are drawn at random instead of from the table's sequence;
    - the ballots of a secret vote keep their college only when the
      assembly votes by colleges, whose electorates are then at least the
      minimum size of a secret vote (``cae_assembly_secret_college_min``);
    - ballots are only written through :meth:`create` (as superuser, by the
      vote methods) and never changed or deleted.

    Online ballots carry a random receipt code, shown once to the voter and
    published with the choice after the closing (see readme/DESCRIPTION.md).
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
    receipt_code = fields.Char(
        string="Receipt",
        readonly=True,
        index="btree_not_null",
        help="Code shown once to the voter of an online ballot; the codes are "
        "published with their choices once the votes are closed. Empty for "
        "paper ballots.",
    )

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
        return self.browse(
            insert_shuffled(
                self.env.cr, self._table, (*BALLOT_COLUMNS, "associate_id"), vals_list
            )
        )

    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(self.env._("A ballot cannot be changed."))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A ballot cannot be deleted."))

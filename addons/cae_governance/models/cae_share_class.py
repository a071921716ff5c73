# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# Who may hold shares: the associate's kind -> the class field allowing it.
HOLDER_FIELDS = {
    "entrepreneur": "allow_entrepreneur",
    "staff": "allow_staff",
    "external": "allow_external",
    "legal_entity": "allow_legal_entity",
}


class CaeShareClass(models.Model):
    """A class of shares of the cooperative's capital.

    Each class has its nominal value, the minimum number of shares an
    associate of the class must hold, and the kinds of associates allowed to
    hold it (the statutes may reserve a class to salaried entrepreneurs, or
    open one to external supporters and legal entities).
    """

    _name = "cae.share.class"
    _description = "Share class"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    code = fields.Char(required=True, help="Short code, e.g. A.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    nominal_value = fields.Monetary(
        required=True,
        help="Value of one share; fixed once shares of the class exist.",
    )
    min_shares = fields.Integer(
        string="Minimum per associate",
        default=1,
        help="An associate of this class holds at least this number of shares "
        "(or none, after leaving).",
    )
    allow_entrepreneur = fields.Boolean(string="Entrepreneurs", default=True)
    allow_staff = fields.Boolean(string="Staff", default=True)
    allow_external = fields.Boolean(string="External associates")
    allow_legal_entity = fields.Boolean(string="Legal entities")
    note = fields.Text()

    _sql_constraints = [
        (
            "nominal_value_positive",
            "CHECK(nominal_value > 0)",
            "The nominal value of a share must be positive.",
        ),
        (
            "min_shares_positive",
            "CHECK(min_shares >= 0)",
            "The minimum number of shares cannot be negative.",
        ),
        (
            "code_company_unique",
            "unique(company_id, code)",
            "A share class code must be unique in the company.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        classes = super().create(vals_list)
        # The register (and its counter row) exists before the first operation.
        for company in classes.company_id:
            self.env["cae.share.register"]._get_for_company(company)
        return classes

    def write(self, vals):
        if "nominal_value" in vals or "company_id" in vals:
            used = self.env["cae.share.operation"].search_count(
                [("share_class_id", "in", self.ids), ("number", "!=", False)],
                limit=1,
            )
            if used:
                raise UserError(
                    self.env._(
                        "Shares of this class are already in the register: "
                        "its nominal value and company cannot change. Create "
                        "a new class instead."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if self.env["cae.share.operation"].search_count(
            [("share_class_id", "in", self.ids)], limit=1
        ):
            raise UserError(
                self.env._(
                    "This share class has operations: archive it instead of "
                    "deleting it."
                )
            )

    def _allows(self, kind):
        """Whether associates of ``kind`` may hold shares of this class."""
        self.ensure_one()
        return bool(kind and self[HOLDER_FIELDS[kind]])

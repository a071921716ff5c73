# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class ResCompany(models.Model):
    _inherit = "res.company"

    cae_validator_id = fields.Many2one(
        comodel_name="res.users",
        string="Validating accountant",
        help="Gets a to-do for each document an entrepreneur submits. Empty: "
        "the accountants find them in Cooperative > Invoicing > To validate.",
    )
    cae_internal_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Internal invoices journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
    )
    cae_internal_expense_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Internal charges account",
        check_company=True,
        help="Charged to the buying activity (613200 in the French chart, as "
        "for the tiers-lieux bookings).",
    )
    cae_internal_income_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Internal income account",
        check_company=True,
        help="Credited to the selling activity (708300 in the French chart).",
    )

    def _cae_internal_invoice_accounts(self):
        """(journal, expense account, income account) of internal invoices."""
        self.ensure_one()
        fnames = (
            "cae_internal_journal_id",
            "cae_internal_expense_account_id",
            "cae_internal_income_account_id",
        )
        missing = [
            self._fields[fname].get_description(self.env)["string"]
            for fname in fnames
            if not self[fname]
        ]
        if missing:
            raise UserError(
                self.env._(
                    "Set up the internal invoices of %(company)s in the settings "
                    "(Cooperative > Configuration > Settings) first: %(missing)s.",
                    company=self.name,
                    missing=", ".join(missing),
                )
            )
        return tuple(self[fname] for fname in fnames)

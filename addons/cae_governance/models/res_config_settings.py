# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cae_capital_accounting = fields.Boolean(
        related="company_id.cae_capital_accounting", readonly=False
    )
    cae_capital_journal_id = fields.Many2one(
        related="company_id.cae_capital_journal_id", readonly=False
    )
    cae_capital_uncalled_account_id = fields.Many2one(
        related="company_id.cae_capital_uncalled_account_id", readonly=False
    )
    cae_capital_called_account_id = fields.Many2one(
        related="company_id.cae_capital_called_account_id", readonly=False
    )
    cae_capital_paid_account_id = fields.Many2one(
        related="company_id.cae_capital_paid_account_id", readonly=False
    )
    cae_associate_subscribed_account_id = fields.Many2one(
        related="company_id.cae_associate_subscribed_account_id", readonly=False
    )
    cae_associate_called_account_id = fields.Many2one(
        related="company_id.cae_associate_called_account_id", readonly=False
    )
    cae_associate_reimburse_account_id = fields.Many2one(
        related="company_id.cae_associate_reimburse_account_id", readonly=False
    )
    cae_capital_loss_account_id = fields.Many2one(
        related="company_id.cae_capital_loss_account_id", readonly=False
    )
    cae_salary_deduction_account_id = fields.Many2one(
        related="company_id.cae_salary_deduction_account_id", readonly=False
    )
    cae_reimbursement_delay_months = fields.Integer(
        related="company_id.cae_reimbursement_delay_months", readonly=False
    )

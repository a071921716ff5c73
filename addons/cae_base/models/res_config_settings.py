# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cae_activity_plan_id = fields.Many2one(
        related="company_id.cae_activity_plan_id",
        readonly=False,
    )
    cae_rule_set_id = fields.Many2one(
        related="company_id.cae_rule_set_id",
        readonly=False,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
    cae_chart_warning = fields.Text(related="company_id.cae_chart_warning")
    cae_expense_claim_account_id = fields.Many2one(
        related="company_id.cae_expense_claim_account_id",
        readonly=False,
    )
    cae_cooperative_activity_id = fields.Many2one(
        related="company_id.cae_cooperative_activity_id",
        readonly=False,
    )
    cae_contribution_journal_id = fields.Many2one(
        related="company_id.cae_contribution_journal_id",
        readonly=False,
    )
    cae_contribution_expense_account_id = fields.Many2one(
        related="company_id.cae_contribution_expense_account_id",
        readonly=False,
    )
    cae_contribution_income_account_id = fields.Many2one(
        related="company_id.cae_contribution_income_account_id",
        readonly=False,
    )
    cae_contribution_transfer_account_id = fields.Many2one(
        related="company_id.cae_contribution_transfer_account_id",
        readonly=False,
    )

    cae_validator_id = fields.Many2one(
        related="company_id.cae_validator_id",
        readonly=False,
    )
    cae_internal_journal_id = fields.Many2one(
        related="company_id.cae_internal_journal_id",
        readonly=False,
    )
    cae_internal_expense_account_id = fields.Many2one(
        related="company_id.cae_internal_expense_account_id",
        readonly=False,
    )
    cae_internal_income_account_id = fields.Many2one(
        related="company_id.cae_internal_income_account_id",
        readonly=False,
    )

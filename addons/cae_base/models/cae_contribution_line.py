# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .cae_contribution_rule import BASE_SELECTION

LIMITS = [
    ("min", "Minimum applied"),
    ("max", "Maximum applied"),
]


class CaeContributionLine(models.Model):
    """One activity's contribution in a run: the base, the rate, the amount.

    Written by ``cae.contribution.run`` only; kept after a reversal as the
    history of what was charged.
    """

    _name = "cae.contribution.line"
    _inherit = ["cae.workflow.mixin"]
    _description = "Contribution of an activity"
    # The lines follow their run: changed while it is a draft only.
    _cae_workflow_parent_field = "run_id"
    _order = "date_to desc, activity_id"
    _check_company_auto = True

    run_id = fields.Many2one(
        comodel_name="cae.contribution.run",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="run_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id", store=True)
    date_from = fields.Date(related="run_id.date_from", store=True)
    date_to = fields.Date(related="run_id.date_to", store=True, index=True)
    state = fields.Selection(related="run_id.state", store=True, index=True)
    activity_id = fields.Many2one(
        comodel_name="cae.activity",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    rule_id = fields.Many2one(
        comodel_name="cae.contribution.rule",
        required=True,
        ondelete="restrict",
        check_company=True,
    )
    base = fields.Selection(
        selection=BASE_SELECTION, string="Kind of base", required=True
    )
    gross_base = fields.Monetary(help="Turnover, margin or invoiced amount.")
    deduction = fields.Monetary(help="Deductible expenses of the period.")
    base_amount = fields.Monetary(string="Base")
    rate = fields.Float(string="Rate (%)", digits=(5, 2))
    invoice_count = fields.Integer(string="Invoices")
    proportional_amount = fields.Monetary(string="Amount at the rate")
    fixed_amount = fields.Monetary()
    limit = fields.Selection(selection=LIMITS)
    yearly_fee = fields.Monetary()
    amount = fields.Monetary(
        help="Rounded once, in company currency: the run's entry moves "
        "exactly this amount.",
    )

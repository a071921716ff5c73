# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrPayslipLine(models.Model):
    """What the clarified payslip prints for a line of the payroll engine.

    The line's own amount is its total (quantity 1, rate 100 %), so that
    OCA payroll and payroll_account add it up as is; the base, the rate and
    the hours the payslip shows are kept here.
    """

    _inherit = "hr.payslip.line"

    # Recomputing a payslip deletes its lines; PostgreSQL then clears the
    # children's parent (ON DELETE SET NULL): without an index, one scan of
    # every payslip line per deleted line (minutes for a batch of 1,000).
    parent_line_id = fields.Many2one(index="btree_not_null")

    cae_base = fields.Monetary(string="Base shown", currency_field="currency_id")
    cae_rate = fields.Float(string="Rate shown (%)", digits=(16, 4))
    cae_quantity = fields.Float(string="Hours", digits=(16, 2))

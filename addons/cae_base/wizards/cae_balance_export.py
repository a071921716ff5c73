# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CaeBalanceExport(models.TransientModel):
    _name = "cae.balance.export"
    _description = "Export the balance grid"
    _check_company_auto = True

    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
        help="Start of the movements (turnover, result); positions are at the "
        "end date.",
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    include_archived = fields.Boolean(string="Archived activities too")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for export in self:
            if export.date_to < export.date_from:
                raise ValidationError(
                    self.env._("The export cannot end before it starts.")
                )

    def _get_activities(self):
        """The activities the user may see, in the company, by code."""
        self.ensure_one()
        return (
            self.env["cae.activity"]
            .with_context(active_test=not self.include_archived)
            .search(
                [("company_id", "=", self.company_id.id)], order="kind desc, code, name"
            )
        )

    def action_export(self):
        self.ensure_one()
        return self.env.ref("cae_base.action_report_balance_grid_xlsx").report_action(
            self
        )

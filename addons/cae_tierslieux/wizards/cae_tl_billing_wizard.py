# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields, models


class CaeTlBillingWizard(models.TransientModel):
    """Run the monthly billing of some places for a month."""

    _name = "cae.tl.billing.wizard"
    _description = "Run the third-place billing"

    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        - relativedelta(months=1),
        help="Any day of the month to bill.",
    )
    place_ids = fields.Many2many(
        comodel_name="cae.tl.place",
        string="Places",
        required=True,
        domain="[('company_id', 'in', allowed_company_ids)]",
        default=lambda self: self.env["cae.tl.place"].search(
            [("company_id", "in", self.env.companies.ids)]
        ),
    )

    def action_run(self):
        self.ensure_one()
        Run = self.env["cae.tl.billing.run"]
        Run._check_can_bill()
        runs = Run._bill_places(self.place_ids, self.month)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_tierslieux.cae_tl_billing_run_action"
        )
        action["domain"] = [("id", "in", runs.ids)]
        return action

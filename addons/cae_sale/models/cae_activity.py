# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import models

from odoo.addons.cae_base.tools.forecast_calc import spread


class CaeActivity(models.Model):
    _inherit = "cae.activity"

    def _get_signed_quotes_to_invoice(self):
        """``[(order, total, untaxed)]`` still to invoice on the signed
        quotes of the activity, incl. and excl. VAT: one grouped query on
        the order lines (the total is the untaxed amount to invoice at each
        order's own tax ratio)."""
        groups = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("order_id.cae_activity_id", "=", self.id),
                    ("state", "=", "sale"),
                    ("display_type", "=", False),
                ],
                ["order_id"],
                [
                    "untaxed_amount_to_invoice:sum",
                    "price_subtotal:sum",
                    "price_total:sum",
                ],
            )
        )
        result = []
        for order, untaxed, subtotal, total in groups:
            if not untaxed:
                continue
            ratio = total / subtotal if subtotal else 1.0
            result.append((order, untaxed * ratio, untaxed))
        return result

    def _get_forecast_quotes(self, months, date):
        """Signed quotes not invoiced yet, in the month of their delivery
        date (commitment date), else next month."""
        result = super()._get_forecast_quotes(months, date)
        default = date.replace(day=1) + relativedelta(months=1)
        quotes = self._get_signed_quotes_to_invoice()
        totals = spread(
            [
                (order.commitment_date.date() if order.commitment_date else default, t)
                for order, t, _u in quotes
            ],
            months,
        )
        untaxed = spread(
            [
                (order.commitment_date.date() if order.commitment_date else default, u)
                for order, _t, u in quotes
            ],
            months,
        )
        for month, total in totals.items():
            previous = result.get(month, (0.0, 0.0))
            result[month] = (previous[0] + total, previous[1] + untaxed[month])
        return result

    def _get_revenue_quotes(self, year_start, date):
        """Signed (still to invoice), sent, and lost (cancelled this year)."""
        result = super()._get_revenue_quotes(year_start, date)
        groups = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [
                    ("cae_activity_id", "=", self.id),
                    "|",
                    ("state", "=", "sent"),
                    "&",
                    ("state", "=", "cancel"),
                    ("date_order", ">=", year_start),
                ],
                ["state"],
                ["amount_total:sum"],
            )
        )
        by_state = dict(groups)
        result.update(
            signed=sum(total for _o, total, _u in self._get_signed_quotes_to_invoice()),
            sent=by_state.get("sent", 0.0),
            lost=by_state.get("cancel", 0.0),
        )
        return result

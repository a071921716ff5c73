# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Signed quotes in the activity's treasury forecast and revenue view."""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.cae_base.tests.common import CaeAccountingCommon


@tagged("post_install", "-at_install")
class TestSaleForecast(CaeAccountingCommon):
    """A quote of 1,000.00 + 20 % VAT signed, delivery in two months; a
    quote of 500.00 sent; one of 200.00 cancelled; the rule: 10 % of the
    turnover.

    Forecast: +1,200.00 in month M+2 (the delivery month), its contribution
    −100.00 in M+3 (10 % of 1,000.00, charged the month after); revenue
    view: signed 1,200.00, sent 500.00, lost 200.00 (no invoice: cashed and
    invoiced 0.00).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["cae.activity"])
        cls.activity = cls.alice.activity_id
        cls.env["cae.contribution.rule"].create(
            {
                "name": "10 % du CA",
                "company_id": cls.company.id,
                "base": "turnover",
                "rate": 10.0,
                "date_from": cls.today - relativedelta(years=1),
            }
        )
        sale_tax = cls.company.account_sale_tax_id
        cls.signed = cls._order(1000.0, sale_tax)
        cls.signed.commitment_date = fields.Datetime.to_datetime(
            cls.today.replace(day=10) + relativedelta(months=2)
        )
        cls.signed.action_cae_submit()
        cls.signed.with_user(cls.accountant).action_confirm()
        cls.sent = cls._order(500.0)
        cls.sent.state = "sent"
        cls.lost = cls._order(200.0)
        cls.lost.state = "cancel"

    @classmethod
    def _order(cls, price, taxes=None):
        return (
            cls.env["sale.order"]
            .with_company(cls.company)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "company_id": cls.company.id,
                    "cae_activity_id": cls.activity.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "price_unit": price,
                                "tax_id": [
                                    Command.set((taxes or cls.env["account.tax"]).ids)
                                ],
                            }
                        )
                    ],
                }
            )
        )

    def test_signed_quote_in_the_forecast(self):
        self.assertEqual(self.signed.state, "sale")
        months = self.activity._get_treasury_forecast()["months"]
        self.assertEqual(
            [month["flows"]["quotes"] for month in months],
            [0.0, 0.0, 1200.0, 0.0, 0.0, 0.0],
        )
        self.assertEqual(
            [month["flows"]["contributions"] for month in months],
            [0.0, 0.0, 0.0, -100.0, 0.0, 0.0],
        )
        self.assertEqual(months[-1]["closing"], 1100.0)

    def test_revenue_view(self):
        revenue = {
            stage["code"]: stage["amount"]
            for stage in self.activity._get_revenue_view()
        }
        self.assertEqual(
            revenue,
            {
                "cashed": 0.0,
                "invoiced": 0.0,
                "signed": 1200.0,
                "sent": 500.0,
                "lost": 200.0,
            },
        )

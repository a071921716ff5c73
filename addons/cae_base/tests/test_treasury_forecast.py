# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The treasury forecast of an activity, in figures, on every screen."""

import doctest
import time

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from ..tools import forecast_calc
from .common import CaeBalanceCommon

# The worked example month by month: (customers, bills, expenses,
# contributions, closing); opening of the first month 620.00.
EXPECTED = [
    (0.0, 0.0, -120.0, 0.0, 500.0),
    (600.0, 0.0, 0.0, -150.0, 950.0),
    (0.0, -250.0, 0.0, 0.0, 700.0),
    (0.0, 0.0, 0.0, 0.0, 700.0),
    (0.0, 0.0, 0.0, 0.0, 700.0),
    (0.0, 0.0, 0.0, 0.0, 700.0),
]


class ForecastExample:
    """The documents of the worked example, dated from ``today``'s month.

    On the first day D of the month (D ≤ today):

    - an invoice of 1,000.00 + 20 % VAT, paid: cash 1,200.00, VAT due −200.00;
    - a supplier bill of 300.00 posted, unpaid: suppliers −300.00;
    - an expense claim of 120.00 incl. 20.00 of VAT, approved and posted:
      the VAT is deductible (VAT due −180.00), the claim is owed (−120.00);
    - an invoice of 500.00 + 20 % VAT, posted, due D + 1 month + 14 days:
      600.00 to collect, its VAT is due already (VAT due −280.00);
    - a supplier bill of 250.00 submitted (draft), due D + 2 months + 9 days;
    - the company's contribution rule: 10 % of the turnover.

    Today's treasury (reference treasury) = cash 1,200.00 + VAT due
    (−200.00 − 100.00 + 20.00 = −280.00) + suppliers −300.00 = 620.00: the
    posted bill and the VAT are in it already, the claim and the 600.00 to
    collect are not.

    ======== ======= ======== ====== ======== ======== =======
    Month    Opening Invoices Bills  Claims   Contrib. Closing
    ======== ======= ======== ====== ======== ======== =======
    M          620.00               −120.00             500.00
    M+1        500.00 +600.00                 −150.00    950.00
    M+2        950.00         −250.00                   700.00
    M+3..M+5   700.00                                   700.00
    ======== ======= ======== ====== ======== ======== =======

    The contribution of month M (turnover 1,000.00 + 500.00 = 1,500.00,
    10 %: 150.00) is charged in M+1; last month's turnover was nil.
    No signed quote, no employment contract: those rows stay at zero.
    """

    @classmethod
    def _create_forecast_example(cls, activity, entrepreneur, today):
        start = today.replace(day=1)
        cls.env["cae.contribution.rule"].create(
            {
                "name": "10 % du CA",
                "company_id": cls.company.id,
                "base": "turnover",
                "rate": 10.0,
                "date_from": start - relativedelta(years=1),
            }
        )
        paid = cls._post_document(activity, "out_invoice", 1000.0, cls.sale_tax, start)
        cls._register_payment(paid, date=start)
        cls._post_document(activity, "in_invoice", 300.0, date=start)
        cls._post_expense_claim(entrepreneur, 120.0, start)
        cls.open_invoice = cls._document(
            activity,
            "out_invoice",
            500.0,
            start,
            start + relativedelta(months=1, days=14),
        )
        cls.open_invoice.action_post()
        cls.draft_bill = cls._document(
            activity,
            "in_invoice",
            250.0,
            start,
            start + relativedelta(months=2, days=9),
        )

    @classmethod
    def _document(cls, activity, move_type, amount, day, due):
        partner = cls.customer if move_type.startswith("out") else cls.supplier
        taxes = cls.sale_tax if move_type == "out_invoice" else cls.env["account.tax"]
        return (
            cls.env["account.move"]
            .with_company(cls.company)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "invoice_date": day,
                    "date": day,
                    "invoice_payment_term_id": False,
                    "invoice_date_due": due,
                    "cae_activity_id": activity.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [Command.set(taxes.ids)],
                            }
                        )
                    ],
                }
            )
        )


@tagged("post_install", "-at_install")
class TestTreasuryForecast(ForecastExample, CaeBalanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["cae.activity"])
        cls.activity = cls.alice.activity_id
        cls._create_forecast_example(cls.activity, cls.alice, cls.today)

    def test_doctests(self):
        result = doctest.testmod(forecast_calc)
        self.assertFalse(result.failed)

    def test_worked_example(self):
        forecast = self.activity._get_treasury_forecast()
        treasury = self.activity._get_treasury()[self.activity.id]
        self.assertEqual(treasury["value"], 620.0)
        self.assertEqual(forecast["treasury"], treasury)
        months = forecast["months"]
        self.assertEqual(
            [month["month"] for month in months],
            [self.today.replace(day=1) + relativedelta(months=i) for i in range(6)],
        )
        self.assertEqual(months[0]["opening"], 620.0)
        for month, expected in zip(months, EXPECTED, strict=True):
            with self.subTest(month=month["label"]):
                flows = month["flows"]
                self.assertEqual(
                    (
                        flows["customers"],
                        flows["bills"],
                        flows["expenses"],
                        flows["contributions"],
                        month["closing"],
                    ),
                    expected,
                )
                self.assertEqual(flows["quotes"], 0.0)
                self.assertEqual(flows["salaries"], 0.0)
        for before, after in zip(months, months[1:], strict=False):
            self.assertEqual(after["opening"], before["closing"])

    def test_revenue_view(self):
        revenue = {
            stage["code"]: stage["amount"]
            for stage in self.activity._get_revenue_view()
        }
        self.assertEqual(revenue["cashed"], 1200.0)
        self.assertEqual(revenue["invoiced"], 600.0)
        for code in ("signed", "sent", "lost"):
            self.assertEqual(revenue.get(code, 0.0), 0.0)

    def test_paid_invoice_leaves_the_forecast(self):
        """Once the 600.00 are collected, they are in today's treasury."""
        self._register_payment(self.open_invoice, date=self.today.replace(day=1))
        forecast = self.activity._get_treasury_forecast()
        self.assertEqual(forecast["treasury"]["value"], 1220.0)
        self.assertEqual(forecast["months"][1]["flows"]["customers"], 0.0)
        self.assertEqual(forecast["months"][-1]["closing"], 700.0)

    def test_back_office_tab(self):
        """The activity's form shows the same figures (same engine)."""
        # Amounts in the database's language: French here (en_US inactive).
        html = str(self.activity.with_user(self.advisor).treasury_forecast_html)
        self.assertIn(">620,00<", html)
        self.assertIn(">950,00<", html)
        self.assertIn("Closing treasury", html)

    def test_queries_do_not_grow_with_documents(self):
        self.activity._get_treasury_forecast()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=60):
            self.activity._get_treasury_forecast()
        for _index in range(10):
            self._document(self.activity, "in_invoice", 10.0, self.today, self.today)
            self._post_document(self.activity, "out_invoice", 10.0, date=self.today)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=60):
            self.activity._get_treasury_forecast()


@tagged("post_install", "-at_install")
class TestTreasuryForecastPortal(ForecastExample, CaeBalanceCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["cae.activity"])
        cls.eve, cls.fred = (
            cls._portal_entrepreneur(login, name, business)
            for login, name, business in (
                ("fc_eve", "Eve Portail", "Eve Céramique"),
                ("fc_fred", "Fred Portail", "Fred Menuiserie"),
            )
        )
        cls._create_forecast_example(cls.eve.activity_id, cls.eve, cls.today)

    @classmethod
    def _portal_entrepreneur(cls, login, name, business):
        user = new_test_user(
            cls.env,
            login=login,
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            name=name,
            lang="en_US",
        )
        return cls.Entrepreneur.create(
            {
                "user_id": user.id,
                "business_name": business,
                "company_id": cls.company.id,
                "advisor_id": cls.advisor.id,
            }
        )

    def _dashboard(self, activity):
        return self.url_open(
            f"/my/activity/{activity.id}/dashboard", allow_redirects=False
        )

    def test_dashboard_figures(self):
        self.authenticate("fc_eve", "fc_eve")
        start = time.perf_counter()
        response = self._dashboard(self.eve.activity_id)
        elapsed = time.perf_counter() - start
        self.assertEqual(response.status_code, 200)
        page = response.text
        # The page speaks French: en_US is not installed in the database.
        activity = self.eve.activity_id.with_context(lang="fr_FR")
        definition = activity._get_treasury()[activity.id]["definition"]
        self.assertIn(">620,00<", page)
        self.assertIn(f'title="{definition}"', page.replace("&#39;", "'"))
        self.assertIn(">950,00<", page)
        self.assertIn("Facturé, non payé", page)
        self.assertLess(elapsed, 5.0)
        # The activity's page links to it.
        self.assertIn(
            f"/my/activity/{self.eve.activity_id.id}/dashboard",
            self.url_open("/my/activity").text,
        )

    def test_dashboard_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.eve.user_id.lang = "fr_FR"
        self.authenticate("fc_eve", "fc_eve")
        page = self._dashboard(self.eve.activity_id).text
        for text in (
            "Trésorerie de référence",
            "Trésorerie d'ouverture",
            "Trésorerie de clôture",
            "Factures clients",
            "Devis signés",
            "Factures fournisseurs",
            "Notes de frais",
            "Salaires",
            "Facturé, non payé",
            "Encaissé",
        ):
            with self.subTest(text=text):
                self.assertIn(text, page.replace("&#39;", "'"))
        self.assertIn("620,00", page)
        self.assertNotIn("Closing treasury", page)

    def test_another_activity_is_refused(self):
        self.authenticate("fc_fred", "fc_fred")
        self.assertIn(self._dashboard(self.eve.activity_id).status_code, (403, 404))
        self.assertEqual(self._dashboard(self.fred.activity_id).status_code, 200)
        self.authenticate(None, None)
        response = self._dashboard(self.eve.activity_id)
        self.assertIn(response.status_code, (302, 303))

    def test_dashboard_tour(self):
        self.start_tour("/my", "cae_treasury_forecast_tour", login="fc_eve")

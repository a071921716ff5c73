# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The same month on the French, Belgian and Canadian charts (issue 20).

Scenario of ``ChartScenarioCommon``: an invoice of 1,000.00, a bill of
400.00 on the default purchase account, 500.00 paid by the customer, an
expense claim of 50.00 excl. VAT, the contribution of March at 10 % of the
gross margin: 10 % × (1,000.00 − 400.00) = 60.00, moved from the activity's
cash by the transfer account. Every chart ends with the same result and
future treasury (490.00): only where the money sits differs.
"""

from datetime import date

from odoo.exceptions import UserError

from odoo.addons.cae_base.tools.chart_defaults import GRID_PREFIXES

from .chart_common import MARCH, ChartScenarioCommon

DEFAULT_CODES = [
    "cash",
    "taxes_due",
    "suppliers",
    "reference_treasury",
    "salaries_to_pay",
    "customers",
    "expense_claims",
    "future_treasury",
    "turnover",
    "resold_purchases",
    "result",
]


class ChartGridCases:
    """Tests shared by the charts; the expected figures are in each class."""

    family = None
    expected = None  # the grid of March, by hand
    accounts = None  # company setting -> account code from the chart
    contribution_accounts = None  # (expense, transfer, income) codes

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._post_scenario()

    def _grid(self):
        return self.env["cae.balance.indicator"].search(
            [("company_id", "=", self.company.id)]
        )

    def test_default_grid_of_the_chart(self):
        """The grid of the company's chart, each leaf selecting accounts."""
        grid = self._grid()
        self.assertEqual(grid.mapped("code"), DEFAULT_CODES)
        leaves = grid.filtered(lambda i: i.kind == "accounts")
        self.assertEqual(
            {leaf.code: leaf.account_prefixes for leaf in leaves},
            GRID_PREFIXES[self.family],
        )
        for leaf in leaves:
            with self.subTest(leaf=leaf.code):
                self.assertGreater(leaf.account_count, 0)
        self.assertEqual(self.company._cae_chart_family(), self.family)
        self.assertFalse(self.company.cae_chart_warning)

    def test_accounts_come_from_the_chart(self):
        """No manual step before the first contribution or internal invoice."""
        self.assertEqual(
            {fname: self.company[fname].code for fname in self.accounts},
            self.accounts,
        )
        for fname in ("cae_contribution_journal_id", "cae_internal_journal_id"):
            self.assertEqual(self.company[fname].type, "general")

    def test_grid_of_the_month(self):
        self.assertEqual(
            self._values(date_from=MARCH[0], date_to=MARCH[1]), self.expected
        )

    def test_contribution_run(self):
        self.assertEqual(self.contribution_run.state, "posted")
        self.assertRecordValues(
            self.contribution_run.line_ids,
            [
                {
                    "activity_id": self.activity.id,
                    "base": "margin",
                    "base_amount": 600.0,
                    "amount": 60.0,
                }
            ],
        )
        expense, transfer, income = self.contribution_accounts
        activity = str(self.activity.analytic_account_id.id)
        self.assertEqual(
            sorted(
                (
                    line.account_id.code,
                    line.debit,
                    line.credit,
                    "activity" if activity in line.analytic_distribution else "coop",
                )
                for line in self.contribution_run.move_id.line_ids
            ),
            sorted(
                [
                    (expense, 60.0, 0.0, "activity"),
                    (transfer, 0.0, 60.0, "activity"),
                    (income, 0.0, 60.0, "coop"),
                    (transfer, 60.0, 0.0, "coop"),
                ]
            ),
        )


class TestFrenchChart(ChartGridCases, ChartScenarioCommon):
    """French PCG, VAT 20 %.

    ====================  ==========================================  ========
    cash                  512002 outstanding 500.00 − 580001 60.00      440.00
    taxes_due             44571 −200.00, 44566 +80.00 + 10.00         −110.00
    suppliers             401100 −480.00                              −480.00
    reference_treasury    440.00 − 110.00 − 480.00                    −150.00
    customers             411100 1,200.00 − 500.00                     700.00
    expense_claims        425100 −60.00                                −60.00
    future_treasury       −150.00 + 700.00 − 60.00                     490.00
    turnover              706/707 1,000.00                           1,000.00
    resold_purchases      607000 (default expense account) 400.00      400.00
    result                1,000 − 400 − 50 (625100) − 60 (658900)      490.00
    ====================  ==========================================  ========
    """

    chart = "fr"
    country = "base.fr"
    family = "fr"
    expense_account = "625100"
    claim_total = 60.0
    expected = {
        "cash": 440.0,
        "taxes_due": -110.0,
        "suppliers": -480.0,
        "reference_treasury": -150.0,
        "salaries_to_pay": 0.0,
        "customers": 700.0,
        "expense_claims": -60.0,
        "future_treasury": 490.0,
        "turnover": 1000.0,
        "resold_purchases": 400.0,
        "result": 490.0,
    }
    accounts = {
        "cae_expense_claim_account_id": "425100",
        "cae_contribution_expense_account_id": "658900",
        "cae_contribution_income_account_id": "758900",
        "cae_contribution_transfer_account_id": "580000",
        "cae_internal_expense_account_id": "613200",
        "cae_internal_income_account_id": "708300",
    }
    contribution_accounts = ("658900", "580000", "758900")


class TestBelgianChart(ChartGridCases, ChartScenarioCommon):
    """Belgian PCMN (be_comp), VAT 21 %.

    ====================  ==========================================  ========
    cash                  550002 outstanding 500.00 − 580000 60.00      440.00
    taxes_due             451 −210.00, 411 +84.00 + 10.50             −115.50
    suppliers             440 −484.00                                 −484.00
    reference_treasury    440.00 − 115.50 − 484.00                    −159.50
    customers             400 1,210.00 − 500.00                        710.00
    expense_claims        489100 −60.50                                −60.50
    future_treasury       −159.50 + 710.00 − 60.50                     490.00
    turnover              7000 1,000.00                              1,000.00
    resold_purchases      600 (default expense account) 400.00        400.00
    result                1,000 − 400 − 50 (61) − 60 (643100)          490.00
    ====================  ==========================================  ========

    Read with the French prefixes, the same month showed the 1,210.00 the
    customer owes as suppliers (40) and the 484.00 owed to the supplier
    nowhere (44 taxes): the report of issue 20.
    """

    chart = "be_comp"
    country = "base.be"
    family = "be"
    expense_account = "610000"
    claim_total = 60.5
    expected = {
        "cash": 440.0,
        "taxes_due": -115.5,
        "suppliers": -484.0,
        "reference_treasury": -159.5,
        "salaries_to_pay": 0.0,
        "customers": 710.0,
        "expense_claims": -60.5,
        "future_treasury": 490.0,
        "turnover": 1000.0,
        "resold_purchases": 400.0,
        "result": 490.0,
    }
    accounts = {
        "cae_expense_claim_account_id": "489100",
        "cae_contribution_expense_account_id": "643100",
        "cae_contribution_income_account_id": "743100",
        "cae_contribution_transfer_account_id": "580000",
        "cae_internal_expense_account_id": "610000",
        "cae_internal_income_account_id": "705000",
    }
    contribution_accounts = ("643100", "580000", "743100")

    def test_french_grid_of_an_older_install_is_replaced(self):
        """A Belgian company that got the French grid before the grids per
        chart gets the Belgian prefixes at the next update; a grid someone
        changed is left alone."""
        leaves = self._grid().filtered(lambda i: i.kind == "accounts")
        for leaf in leaves:
            leaf.account_prefixes = GRID_PREFIXES["fr"][leaf.code]
        self.company._cae_setup_chart_defaults()
        self.assertEqual(
            {leaf.code: leaf.account_prefixes for leaf in leaves},
            GRID_PREFIXES["be"],
        )
        for leaf in leaves:
            leaf.account_prefixes = GRID_PREFIXES["fr"][leaf.code]
        leaves.filtered(lambda i: i.code == "cash").account_prefixes = "55"
        self.company._cae_setup_chart_defaults()
        self.assertEqual(
            leaves.filtered(lambda i: i.code == "customers").account_prefixes, "41"
        )

    def test_invoice_of_the_issue(self):
        """Issue 20: one posted invoice of 1,000 € shows customers 1,000 €."""
        other = self.env["cae.entrepreneur"].create(
            {
                "name": "Bea Chart",
                "company_id": self.company.id,
                "advisor_id": self.advisor.id,
            }
        )
        self._post_document(
            "out_invoice",
            1000.0,
            "2026-04-15",
            taxes=self.env["account.tax"],
            activity=other.activity_id,
        )
        values = other.activity_id._get_indicator_values(
            date_to=date(2026, 4, 30), codes=["customers", "suppliers", "turnover"]
        )[other.activity_id.id]
        self.assertEqual(
            values, {"customers": 1000.0, "suppliers": 0.0, "turnover": 1000.0}
        )


class TestCanadianChart(ChartGridCases, ChartScenarioCommon):
    """Canadian chart of l10n_ca in Québec: GST 5 % and QST 9.975 %.

    The invoice: GST 50.00 + QST 99.75 = 1,149.75; the bill: GST 20.00 + QST
    39.90 = 459.90; the claim of 57.49 taxes included: GST 2.50 + QST 4.99.

    ====================  ==========================================  ========
    cash                  111313 outstanding 500.00 − 111101 60.00      440.00
    taxes_due             231000 −50.00, 232000 −99.75, 118100         −82.36
                          +20.00 + 2.50, 118200 +39.90 + 4.99
    suppliers             221110 −459.90                              −459.90
    reference_treasury    440.00 − 82.36 − 459.90                     −102.26
    customers             112110 1,149.75 − 500.00                     649.75
    expense_claims        221212 −57.49                                −57.49
    future_treasury       −102.26 + 649.75 − 57.49                     490.00
    turnover              411100 1,000.00                            1,000.00
    resold_purchases      511210 (default expense account) 400.00      400.00
    result                1,000 − 400 − 50 (512210) − 60 (512290)      490.00
    ====================  ==========================================  ========
    """

    chart = "ca_2023"
    country = "base.ca"
    state = "base.state_ca_qc"
    family = "ca_2023"
    expense_account = "512210"
    claim_total = 57.49
    expected = {
        "cash": 440.0,
        "taxes_due": -82.36,
        "suppliers": -459.9,
        "reference_treasury": -102.26,
        "salaries_to_pay": 0.0,
        "customers": 649.75,
        "expense_claims": -57.49,
        "future_treasury": 490.0,
        "turnover": 1000.0,
        "resold_purchases": 400.0,
        "result": 490.0,
    }
    accounts = {
        "cae_expense_claim_account_id": "221212",
        "cae_contribution_expense_account_id": "512290",
        "cae_contribution_income_account_id": "413390",
        "cae_contribution_transfer_account_id": "111101",
        "cae_internal_expense_account_id": "512207",
        "cae_internal_income_account_id": "411230",
    }
    contribution_accounts = ("512290", "111101", "413390")

    def test_quebec_taxes(self):
        """A company in Québec invoices GST and QST (14.975 %)."""
        self.assertEqual(self.invoice.amount_tax, 149.75)
        self.assertEqual(
            sorted(
                self.invoice.line_ids.filtered("tax_line_id").mapped(
                    lambda line: (line.account_id.code, line.credit)
                )
            ),
            [("231000", 50.0), ("232000", 99.75)],
        )


class TestOtherChart(ChartScenarioCommon):
    """A chart the suite does not know: a warning and no grid, not a wrong one."""

    chart = "generic_coa"
    country = "base.ch"
    expense_account = "600000"

    def test_no_grid_and_a_warning(self):
        grid = self.env["cae.balance.indicator"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertFalse(grid)
        self.assertFalse(self.company._cae_chart_family())
        self.assertIn("has no default balance grid", self.company.cae_chart_warning)
        french = self.company.with_context(lang="fr_FR")._cae_get_chart_warnings()
        self.assertIn("pas de grille de trésorerie par défaut", french[0])
        self.assertIn("le PCMN belge (l10n_be)", french[0])
        self.assertFalse(self.company.cae_contribution_expense_account_id)

    def test_contribution_refused_with_the_reason(self):
        self.company.write(
            {
                "cae_contribution_journal_id": self.env["account.journal"]
                .search(
                    [("company_id", "=", self.company.id), ("type", "=", "general")],
                    limit=1,
                )
                .id,
                "cae_contribution_expense_account_id": self._account("600000").id,
                "cae_contribution_income_account_id": self._account("400000").id,
            }
        )
        with self.assertRaises(UserError) as catcher:
            self.env["cae.contribution.run"]._run_period(self.company, *MARCH)
        self.assertIn(
            "has no indicator resold_purchases, turnover", str(catcher.exception)
        )

    def test_unmatched_leaf_is_reported(self):
        """A grid made by hand whose leaf selects nothing is named."""
        indicator = self.env["cae.balance.indicator"].create(
            {
                "name": "Cash",
                "code": "cash",
                "company_id": self.company.id,
                "account_prefixes": "0123",
            }
        )
        self.assertEqual(indicator.account_count, 0)
        self.company.invalidate_recordset(["cae_chart_warning"])
        self.assertIn("Cash (0123)", self.company.cae_chart_warning)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import CaeBalanceCommon

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
APRIL = (date(2026, 4, 1), date(2026, 4, 30))


class TestContributionRun(CaeBalanceCommon):
    """Monthly runs against hand-computed amounts.

    In March 2026 Alice invoices 1,000.00 € and 2,345.67 € excl. VAT
    (3,345.67 €), buys 400.00 € of sub-contracting she re-invoices and
    claims a 40.00 € restaurant bill (48.00 € incl. VAT); Bob invoices
    300.00 €; Carla's activity is dormant.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["cae.contribution.rule"]
        cls.Run = cls.env["cae.contribution.run"]
        cls.alice_act = cls.alice.activity_id
        cls.bob_act = cls.bob.activity_id
        cls.carla_act = cls.env["cae.activity"].create(
            {"name": "Carla Couture", "company_id": cls.company.id}
        )
        cls.cooperative = cls.company.cae_cooperative_activity_id
        Account = cls.env["account.account"].with_company(cls.company)
        subcontracting = Account.search(
            [("code", "=", "604000"), *Account._check_company_domain(cls.company)]
        )
        cls.subcontracting = (
            cls.env["product.product"]
            .with_company(cls.company)
            .create(
                {
                    "name": "Sous-traitance",
                    "company_id": cls.company.id,
                    "property_account_expense_id": subcontracting.id,
                }
            )
        )
        cls._post_document(
            cls.alice_act, "out_invoice", 1000.0, cls.sale_tax, "2026-03-10"
        )
        cls._post_document(
            cls.alice_act, "out_invoice", 2345.67, cls.sale_tax, "2026-03-20"
        )
        cls._post_bill(cls.alice_act, cls.subcontracting, 400.0, "2026-03-12")
        cls._post_expense_claim(cls.alice, 48.0, "2026-03-22")
        cls._post_document(
            cls.bob_act, "out_invoice", 300.0, cls.sale_tax, "2026-03-05"
        )

    @classmethod
    def _post_bill(cls, activity, product, amount, day):
        bill = (
            cls.env["account.move"]
            .with_company(cls.company)
            .create(
                {
                    "move_type": "in_invoice",
                    "partner_id": cls.supplier.id,
                    "invoice_date": day,
                    "date": day,
                    "cae_activity_id": activity.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "price_unit": amount,
                                "tax_ids": [],
                            }
                        )
                    ],
                }
            )
        )
        bill.action_post()
        return bill

    def _rule(self, **vals):
        return self.Rule.create(
            {
                "name": "Rule",
                "company_id": self.company.id,
                "date_from": "2026-01-01",
                **vals,
            }
        )

    def _run(self, period=MARCH):
        return self.Run._run_period(self.company, *period)

    def _amounts(self, run):
        return {line.activity_id: line.amount for line in run.line_ids}

    def _indicators(self, activity, codes=("cash", "result")):
        return activity._get_indicator_values(date_to=MARCH[1], codes=list(codes))[
            activity.id
        ]

    # ------------------------------------------------------------------
    # Bases
    # ------------------------------------------------------------------
    def test_turnover_base_and_the_journal_entry(self):
        self._rule(base="turnover", rate=8.5)
        alice_before = self._indicators(self.alice_act)
        run = self._run()
        # 3,345.67 × 8.5 % = 284.38195; 300 × 8.5 % = 25.50
        self.assertEqual(
            self._amounts(run), {self.alice_act: 284.38, self.bob_act: 25.5}
        )
        self.assertEqual(run.state, "posted")
        self.assertEqual(run.amount_total, 309.88)
        line = run.line_ids.filtered(lambda line: line.activity_id == self.alice_act)
        self.assertRecordValues(
            line,
            [{"base": "turnover", "base_amount": 3345.67, "rate": 8.5, "limit": False}],
        )
        move = run.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.date, MARCH[1])
        income = move.line_ids.filtered(
            lambda aml: aml.account_id
            == self.company.cae_contribution_income_account_id
        )
        self.assertEqual(income.credit, 309.88)
        self.assertEqual(
            income.analytic_distribution,
            {str(self.cooperative.analytic_account_id.id): 100},
        )
        # The activity gives, the cooperative gets, in result and in cash.
        alice_after = self._indicators(self.alice_act)
        self.assertEqual(alice_after["result"], alice_before["result"] - 284.38)
        self.assertEqual(alice_after["cash"], alice_before["cash"] - 284.38)
        self.assertEqual(
            self._indicators(self.cooperative), {"cash": 309.88, "result": 309.88}
        )
        self.assertFalse(self.cooperative in run.line_ids.activity_id)

    def test_gross_margin_base(self):
        self._rule(base="turnover", rate=8.5)
        self._rule(base="margin", rate=10.0, activity_id=self.alice_act.id)
        run = self._run()
        # (3,345.67 − 400) × 10 % = 294.567; Bob keeps the default.
        self.assertEqual(
            self._amounts(run), {self.alice_act: 294.57, self.bob_act: 25.5}
        )

    def test_per_invoice_base_with_a_yearly_fee(self):
        """SMart: 6.5 % of each invoice and 25 € a year."""
        self._rule(base="invoice", rate=6.5, yearly_fee=25.0)
        march = self._run()
        # 3,345.67 × 6.5 % + 25 = 242.46855; 300 × 6.5 % + 25 = 44.50
        self.assertEqual(
            self._amounts(march), {self.alice_act: 242.47, self.bob_act: 44.5}
        )
        self.assertEqual(march.line_ids.mapped("invoice_count"), [2, 1])
        self._post_document(self.alice_act, "out_invoice", 1000.0, date="2026-04-02")
        april = self._run(APRIL)
        # The fee was charged in March: 1,000 × 6.5 % only.
        self.assertEqual(self._amounts(april), {self.alice_act: 65.0})

    def test_fixed_amount_over_a_quarter(self):
        self._rule(base="fixed", fixed_amount=150.0, amount_max=140.0)
        self._rule(base="fixed", fixed_amount=20.0, activity_id=self.bob_act.id)
        run = self._run((date(2026, 1, 1), date(2026, 3, 31)))
        # Everyone owes it, even dormant Carla: 3 × 150 capped at 3 × 140.
        self.assertEqual(
            self._amounts(run),
            {self.alice_act: 420.0, self.bob_act: 60.0, self.carla_act: 420.0},
        )

    def test_per_invoice_rounding(self):
        """6.5 % of each of three invoices of 100.10 €: 6.51 each, 19.53 in
        all; 6.5 % of their total (300.30 €) would be 19.52."""
        self._rule(base="invoice", rate=6.5)
        for day in ("2026-04-02", "2026-04-09", "2026-04-16"):
            self._post_document(self.bob_act, "out_invoice", 100.10, date=day)
        self._post_document(self.alice_act, "out_refund", 100.10, date="2026-04-20")
        run = self._run(APRIL)
        # A refund takes its own rounded share back, never below zero.
        self.assertEqual(self._amounts(run), {self.bob_act: 19.53})
        self.assertRecordValues(
            run.line_ids,
            [
                {
                    "activity_id": self.bob_act.id,
                    "gross_base": 300.3,
                    "invoice_count": 3,
                    "proportional_amount": 19.53,
                    "amount": 19.53,
                }
            ],
        )

    def test_minimum_and_maximum_scale_with_the_months(self):
        """Per month, like the fixed amount: a quarter has 3 of each."""
        self._rule(base="turnover", rate=10.0, amount_min=50.0, amount_max=100.0)
        run = self._run((date(2026, 1, 1), date(2026, 3, 31)))
        # Alice 334.567 → 300 (3 × 100), Bob 30 → 150 (3 × 50).
        self.assertEqual(
            self._amounts(run), {self.alice_act: 300.0, self.bob_act: 150.0}
        )

    def test_minimum_and_maximum_per_period(self):
        self._rule(base="turnover", rate=10.0, amount_min=50.0, amount_max=300.0)
        run = self._run()
        # Alice 334.567 → 300 (maximum), Bob 30 → 50 (minimum), Carla nothing.
        self.assertEqual(
            self._amounts(run), {self.alice_act: 300.0, self.bob_act: 50.0}
        )
        self.assertEqual(
            {line.activity_id: line.limit for line in run.line_ids},
            {self.alice_act: "max", self.bob_act: "min"},
        )

    def test_deductible_expense_categories(self):
        self._rule(
            base="turnover",
            rate=10.0,
            deductible_product_ids=[Command.set(self.expense_product.ids)],
        )
        run = self._run()
        # (3,345.67 − 40 restaurant excl. VAT) × 10 % = 330.567
        self.assertEqual(
            self._amounts(run), {self.alice_act: 330.57, self.bob_act: 30.0}
        )
        line = run.line_ids.filtered(lambda line: line.activity_id == self.alice_act)
        self.assertEqual((line.deduction, line.base_amount), (40.0, 3305.67))

    def test_rounding_once_and_lines_sum_to_the_entry(self):
        self._rule(base="turnover", rate=8.5)
        activities = self.env["cae.activity"].create(
            [{"name": f"Atelier {n}", "company_id": self.company.id} for n in range(3)]
        )
        for activity, amount in zip(activities, (100.05, 200.03, 333.33), strict=True):
            self._post_document(activity, "out_invoice", amount, date="2026-03-25")
        run = self._run()
        # 8.50425 → 8.50, 17.00255 → 17.00, 28.33305 → 28.33
        self.assertEqual(
            [self._amounts(run)[a] for a in activities], [8.5, 17.0, 28.33]
        )
        income = run.move_id.line_ids.filtered(
            lambda aml: aml.account_id
            == self.company.cae_contribution_income_account_id
        )
        self.assertEqual(income.credit, 284.38 + 25.5 + 8.5 + 17.0 + 28.33)
        self.assertEqual(income.credit, run.amount_total)
        charged = run.move_id.line_ids.filtered(
            lambda aml: aml.account_id
            == self.company.cae_contribution_expense_account_id
        )
        self.assertEqual(
            round(sum(run.line_ids.mapped("amount")), 2), sum(charged.mapped("debit"))
        )

    # ------------------------------------------------------------------
    # Idempotence, reversal, refusals
    # ------------------------------------------------------------------
    def test_running_a_period_twice_posts_nothing_new(self):
        self._rule(base="turnover", rate=8.5)
        first = self._run()
        moves = self.env["account.move"].search_count([])
        self.assertEqual(self._run(), first)
        with freeze_time("2026-04-03"):
            self.Run.cron_run_previous_month()
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertEqual(
            self.Run.search_count([("company_id", "=", self.company.id)]), 1
        )
        other = self.Run.create(
            {"company_id": self.company.id, "date_from": MARCH[0], "date_to": MARCH[1]}
        )
        with self.assertRaisesText(UserError, "déjà comptabilisée"):
            other.with_context(lang="fr_FR").action_post()
        self.assertEqual(other.state, "draft")

    def test_cron_posts_last_month(self):
        self._rule(base="turnover", rate=8.5)
        with freeze_time("2026-04-03"):
            self.Run.cron_run_previous_month()
        run = self.Run.search([("company_id", "=", self.company.id)])
        self.assertEqual((run.date_from, run.date_to, run.state), (*MARCH, "posted"))
        self.assertEqual(run.amount_total, 309.88)

    def test_cron_leaves_a_draft_run_that_says_why(self):
        self._rule(base="turnover", rate=8.5)
        self._invoice(self.bob_act, amount=999.0).invoice_date = "2026-03-30"
        with freeze_time("2026-04-03"):
            self.Run.cron_run_previous_month()
        run = self.Run.search([("company_id", "=", self.company.id)])
        self.assertEqual(run.state, "draft")
        self.assertFalse(run.move_id)
        self.assertIn("not posted yet", run.message_ids[:1].body)

    def test_reversal_with_a_reason(self):
        self._rule(base="turnover", rate=8.5)
        before = self._indicators(self.alice_act)
        run = self._run()
        wizard = self.env["cae.contribution.reverse"].create(
            {"run_id": run.id, "reason": " ", "date": MARCH[1]}
        )
        with self.assertRaisesText(UserError, "raison"):
            wizard.with_context(lang="fr_FR").action_reverse()
        wizard.reason = "Factures de mars saisies en retard"
        wizard.action_reverse()
        self.assertEqual(run.state, "reversed")
        self.assertEqual(run.reversal_move_id.state, "posted")
        self.assertEqual(run.reversal_reason, "Factures de mars saisies en retard")
        self.assertEqual(self._indicators(self.alice_act), before)
        self.assertEqual(
            self._indicators(self.cooperative), {"cash": 0.0, "result": 0.0}
        )
        # The period can be run again; the lines of the reversed run remain.
        again = self._run()
        self.assertNotEqual(again, run)
        self.assertEqual(again.amount_total, 309.88)
        self.assertEqual(len(run.line_ids), 2)

    def test_period_with_unposted_documents_is_refused(self):
        self._rule(base="turnover", rate=8.5)
        draft = self._invoice(self.bob_act, amount=999.0)
        draft.invoice_date = "2026-03-30"
        run = self.Run.create(
            {"company_id": self.company.id, "date_from": MARCH[0], "date_to": MARCH[1]}
        )
        self.assertEqual(run.unposted_document_count, 1)
        with self.assertRaisesText(UserError, "pas encore comptabilisé"):
            run.with_context(lang="fr_FR").action_post()
        self.assertRecordValues(run, [{"state": "draft", "move_id": False}])
        self.assertFalse(run.line_ids)
        draft.action_post()
        run.action_post()
        self.assertEqual(run.state, "posted")

    def test_missing_settings_and_partial_months(self):
        self._rule(base="turnover", rate=8.5)
        self.company.cae_contribution_journal_id = False
        with self.assertRaisesText(UserError, "Journal des contributions"):
            self.Run.with_context(lang="fr_FR")._run_period(self.company, *MARCH)
        with self.assertRaisesText(ValidationError, "mois entiers"):
            self.Run.with_context(lang="fr_FR").create(
                {
                    "company_id": self.company.id,
                    "date_from": "2026-03-02",
                    "date_to": "2026-03-31",
                }
            )

    # ------------------------------------------------------------------
    # The form (issue 19)
    # ------------------------------------------------------------------
    def test_new_run_for_an_accountant(self):
        """ "New" opened the form with "Expected singleton: res.currency()"
        for a user without the multi-company group: the company field is not
        in their view, so the new run had no currency."""
        self.env.invalidate_all()
        with freeze_time("2026-04-15"):
            run = Form(self.Run.with_user(self.accountant).with_company(self.company))
            self.assertEqual(run.amount_total, 0.0)
            # Nothing posted yet: last month.
            self.assertEqual((run.date_from, run.date_to), MARCH)
            run = run.save()
        self.assertEqual(run.company_id, self.company)

    def test_default_period_is_the_first_month_not_posted(self):
        self._rule(base="turnover", rate=8.5)
        Run = self.Run.with_company(self.company)
        with freeze_time("2026-06-10"):
            self.assertEqual(
                Run._default_period(), (date(2026, 5, 1), date(2026, 5, 31))
            )
            self._run()
            self._run((date(2026, 5, 1), date(2026, 5, 31)))
            # April is missing between the posted March and May.
            self.assertEqual(Run._default_period(), APRIL)
            self._run(APRIL)
            # Everything posted up to last month: the month in progress.
            self.assertEqual(
                Run._default_period(), (date(2026, 6, 1), date(2026, 6, 30))
            )

    def test_a_posted_month_shows_what_was_posted(self):
        """A new run of a posted month computed other amounts (documents
        posted since, the yearly fee already charged by the posted run): it
        is refused, the posted run keeps its lines."""
        self._rule(base="invoice", rate=6.5, yearly_fee=25.0)
        posted = self._run()
        self._post_document(self.bob_act, "out_invoice", 500.0, date="2026-03-28")
        again = self.Run.create(
            {"company_id": self.company.id, "date_from": MARCH[0], "date_to": MARCH[1]}
        )
        with self.assertRaisesText(UserError, posted.display_name):
            again.action_compute()
        self.assertFalse(again.line_ids)
        self.assertEqual(
            self._amounts(posted), {self.alice_act: 242.47, self.bob_act: 44.5}
        )
        self.assertEqual(posted.amount_total, 286.97)

    def test_a_period_not_over_cannot_be_posted(self):
        self._rule(base="turnover", rate=8.5)
        with freeze_time("2026-03-20"):
            run = self.Run.create(
                {
                    "company_id": self.company.id,
                    "date_from": MARCH[0],
                    "date_to": MARCH[1],
                }
            )
            self.assertTrue(run.period_not_over)
            run.action_compute()
            self.assertEqual(run.amount_total, 309.88)
            with self.assertRaisesText(UserError, "before its period is over"):
                run.action_post()
            self.assertEqual(run.state, "draft")

    def test_no_rule_no_contribution(self):
        run = self._run()
        self.assertEqual(run.state, "posted")
        self.assertFalse(run.line_ids)
        self.assertFalse(run.move_id)

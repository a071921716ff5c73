# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import CaePayrollCommon


class TestPosting(CaePayrollCommon):
    """A confirmed payslip is posted on its activity (payroll_account)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_cesa(cls.alice)
        cls.contract = cls._contract(cls.alice, wage=2500.0)
        cls._fund(cls.alice.activity_id, 10000.0)
        cls.payslip = cls._payslip(cls.contract)
        cls.payslip.action_payslip_done()
        cls.move = cls.payslip.move_id

    def _balances(self, lines, amount_field="balance"):
        balances = {}
        for line in lines:
            account = (
                line.account_id
                if amount_field == "balance"
                else line.general_account_id
            )
            # Account codes depend on the company.
            code = account.with_company(self.company).code
            balances[code] = round(balances.get(code, 0.0) + line[amount_field], 2)
        return balances

    def test_move_hits_the_french_payroll_accounts(self):
        self.assertEqual(self.payslip.state, "done")
        self.assertEqual(self.move.state, "posted")
        self.assertEqual(self.move.journal_id, self.journal)
        self.assertEqual(self.move.date, self.date_to)
        self.assertEqual(self.move.cae_activity_id, self.alice.activity_id)
        # One line per account: 641 gross, employer costs by body (6451
        # URSSAF less the general reduction 750.65 − 429.75, 6453 pension,
        # 6454 unemployment, 6333 training, 6318 apprenticeship tax); 421
        # net paid, 431 URSSAF (employee 420.76, employer 750.65 + 106.25 +
        # 13.75 + 17.00, less 429.75), 437 pension (100.25 + 150.25), 4421
        # income tax withheld.
        self.assertEqual(
            self._balances(self.move.line_ids),
            {
                "641100": 2500.0,
                "645100": 320.9,
                "645300": 150.25,
                "645400": 106.25,
                "633300": 13.75,
                "631800": 17.0,
                "421000": -1907.23,
                "431000": -878.66,
                "437000": -250.5,
                "442100": -71.76,
            },
        )
        self.assertEqual(len(self.move.line_ids), 10)

    def test_every_line_is_on_the_activity_analytic_account(self):
        account = self.alice.analytic_account_id
        for line in self.move.line_ids:
            self.assertEqual(line.analytic_distribution, {str(account.id): 100})
        plan = account.root_plan_id
        analytic_lines = self.env["account.analytic.line"].search(
            [("move_line_id", "in", self.move.line_ids.ids)]
        )
        self.assertEqual(len(analytic_lines), len(self.move.line_ids))
        self.assertEqual(analytic_lines[plan._column_name()], account)
        # Analytic amounts are the opposite of the balances: the activity
        # bears the labour cost (3108.15) and owes the net, the
        # contributions and the tax withheld.
        self.assertEqual(
            self._balances(analytic_lines, "amount"),
            {
                "641100": -2500.0,
                "645100": -320.9,
                "645300": -150.25,
                "645400": -106.25,
                "633300": -13.75,
                "631800": -17.0,
                "421000": 1907.23,
                "431000": 878.66,
                "437000": 250.5,
                "442100": 71.76,
            },
        )

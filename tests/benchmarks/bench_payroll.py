# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Monthly CESA payroll at 100 and 1,000 payslips, next to plain OCA payroll.

For each size, on the same employees (one salaried entrepreneur each, with
an activity funded by a paid-in treasury):

- CESA: ``hr.payslip.run._cae_generate_payslips`` (create, compute with the
  CESA structure, check funding against the activities' treasury), then
  confirm and post (``action_payslip_done``, one journal entry per payslip
  on the activity's analytic account).
- OCA: the same number of payslips created the way OCA's batch wizard does
  (minus worked days, which neither side uses), computed with a plain
  structure of as many rules as the CESA one (47: literal percentages of
  the gross and a few lines of Python code, no funding check, no rounding,
  the same accounts), then confirmed and posted by payroll_account.

The CESA structure computes the full French rules (every contribution with
its base and ceiling, the general reduction on the year's figures, the
withholding tax) by the payroll engine; its rules evaluate no Python code.

Printed: wall time and SQL queries of each phase and the CESA/OCA ratio.
Run: ``CAE_BENCH_DB=cae_t_pay_bench setup/bench tests/benchmarks/bench_payroll.py``
"""

import time

from pay_data import (
    PERIOD,
    cesa_contracts,
    payroll_company,
    payslip_run,
    salaried_entrepreneurs,
)

from odoo import Command
from odoo.tests.common import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

SIZES = (100, 1000)


class BenchPayroll(TransactionCase):
    # Outside odoo.addons, Odoo's test metaclass sets no tags: give them.
    test_tags = {"standard", "at_install"}
    test_module = "cae_payroll"
    test_class = "BenchPayroll"
    test_sequence = 0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = payroll_company(cls.env, "CAE Bench Paie")
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        cls.plain_structure = cls._plain_structure()
        cls.results = []

    @classmethod
    def tearDownClass(cls):
        print("\n\nCESA payroll benchmark (wall time, SQL queries)")
        print(
            f"{'payslips':>9} {'phase':<15} {'CESA s':>8} {'CESA q':>8} "
            f"{'OCA s':>8} {'OCA q':>8} {'ratio s':>8} {'ratio q':>8}"
        )
        for size, phase, cesa, oca in cls.results:
            print(
                f"{size:>9} {phase:<15} {cesa[0]:>8.2f} {cesa[1]:>8} "
                f"{oca[0]:>8.2f} {oca[1]:>8} {cesa[0] / oca[0]:>8.2f} "
                f"{cesa[1] / oca[1]:>8.2f}"
            )
        super().tearDownClass()

    # ------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------
    @classmethod
    def _plain_structure(cls):
        """A plain OCA structure with as many rules as the CESA one.

        The CESA structure's rules read the French payroll engine; here each
        line is written the plain OCA way: a percentage of the gross pay
        (literal rate) or a line of Python code, with the same accounts.
        """
        Category = cls.env["hr.salary.rule.category"]
        categories = {
            code: Category.create({"name": code, "code": code})
            for code in ("PBASIC", "PGROSS", "PDED", "PNET", "PCOMP", "PCOST")
        }
        cesa_rules = cls.company.cae_payroll_structure_id.rule_ids.with_company(
            cls.company
        ).sorted("sequence")

        def code(expression):
            return {"amount_select": "code", "amount_python_compute": expression}

        def percent(rate):
            return {
                "amount_select": "percentage",
                "amount_percentage": rate,
                "amount_percentage_base": "categories.PGROSS",
            }

        vals_list = []
        for index, rule in enumerate(cesa_rules):
            category = rule.category_id.code
            if category in ("CAE_BASE", "CAE_VAR"):
                vals = code(
                    "result = contract.wage"
                    if category == "CAE_BASE"
                    else "result = 0.0"
                )
                plain_category = "PBASIC"
            elif category == "CAE_GROSS":
                vals, plain_category = code("result = categories.PBASIC"), "PGROSS"
            elif category in ("CAE_EE", "CAE_PAS"):
                vals, plain_category = percent(-1.0), "PDED"
            elif category in ("CAE_ER", "CAE_RED"):
                vals, plain_category = percent(2.0), "PCOMP"
            elif category == "CAE_COST":
                vals = code("result = categories.PGROSS + categories.PCOMP")
                plain_category = "PCOST"
            else:
                vals = code("result = categories.PGROSS + categories.PDED")
                plain_category = "PNET"
            vals_list.append(
                {
                    "name": f"P{index:02d}",
                    "code": f"P{index:02d}",
                    "sequence": rule.sequence,
                    "category_id": categories[plain_category].id,
                    "condition_select": "none",
                    **vals,
                }
            )
        rules = cls.env["hr.salary.rule"].create(vals_list)
        # Same accounts as the CESA rules, so both post the same accounts.
        for plain, cesa in zip(
            rules.with_company(cls.company), cesa_rules, strict=True
        ):
            if cesa.account_debit or cesa.account_credit:
                plain.write(
                    {
                        "account_debit": cesa.account_debit.id,
                        "account_credit": cesa.account_credit.id,
                    }
                )
        return cls.env["hr.payroll.structure"].create(
            {
                "name": "Plain",
                "code": "PLAIN",
                "company_id": cls.company.id,
                "parent_id": False,
                "rule_ids": [Command.set(rules.ids)],
            }
        )

    # ------------------------------------------------------------------
    # Measures
    # ------------------------------------------------------------------
    def _measure(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        queries = self.env.cr.sql_log_count
        start = time.perf_counter()
        result = function()
        self.env.flush_all()
        return result, (
            time.perf_counter() - start,
            self.env.cr.sql_log_count - queries,
        )

    def _oca_compute(self, run, contracts):
        # What OCA's hr.payslip.employees wizard does, minus worked days.
        payslips = (
            self.env["hr.payslip"]
            .with_company(self.company)
            .create(
                [
                    {
                        "employee_id": contract.employee_id.id,
                        "contract_id": contract.id,
                        "struct_id": contract.struct_id.id,
                        "payslip_run_id": run.id,
                        "date_from": PERIOD[0],
                        "date_to": PERIOD[1],
                        "company_id": self.company.id,
                    }
                    for contract in contracts
                ]
            )
        )
        payslips._compute_name()
        payslips.compute_sheet()
        return payslips

    def _bench(self, size):
        entrepreneurs = salaried_entrepreneurs(self.env, self.company, size)
        cesa_contracts(self.env, self.company, entrepreneurs)
        plain_contracts = cesa_contracts(
            self.env, self.company, entrepreneurs, structure=self.plain_structure
        )

        cesa_run = payslip_run(self.env, self.company, f"CESA {size}")
        payslips, cesa_compute = self._measure(cesa_run._cae_generate_payslips)
        self.assertEqual(len(payslips), size)
        self.assertEqual(set(payslips.mapped("cae_funding_state")), {"funded"})
        _result, cesa_post = self._measure(
            payslips.with_context(without_compute_sheet=True).action_payslip_done
        )
        self.assertEqual(len(payslips.move_id), size)

        oca_run = payslip_run(self.env, self.company, f"OCA {size}")
        oca_payslips, oca_compute = self._measure(
            lambda: self._oca_compute(oca_run, plain_contracts)
        )
        _result, oca_post = self._measure(
            oca_payslips.with_context(without_compute_sheet=True).action_payslip_done
        )
        self.assertEqual(len(oca_payslips.move_id), size)
        self.assertEqual(set(payslips.move_id.mapped("state")), {"posted"})
        self.assertEqual(set(oca_payslips.move_id.mapped("state")), {"posted"})
        self.results.append((size, "compute", cesa_compute, oca_compute))
        self.results.append((size, "confirm+post", cesa_post, oca_post))

    def test_bench_100(self):
        self._bench(SIZES[0])

    def test_bench_1000(self):
        self._bench(SIZES[1])

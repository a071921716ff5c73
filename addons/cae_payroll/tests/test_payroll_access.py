# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form

from .common import CaePayrollCommon


class TestPayrollAccess(CaePayrollCommon):
    """Who may see the pay of whom, and who may be paid at all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_cesa(cls.alice)
        cls.contract = cls._contract(cls.alice, wage=2500.0)
        cls._fund(cls.alice.activity_id, 9000.0)

    def test_simulation_for_a_followed_entrepreneur(self):
        wizard = (
            self.env["cae.salary.simulation"]
            .with_user(self.advisor)
            .create({"entrepreneur_id": self.alice.id, "date": date(2026, 3, 31)})
        )
        self.assertEqual(wizard.fundable, 9000.0)

    def test_simulation_refused_to_an_advisor_who_does_not_follow(self):
        """Issue 13: the wizard read the treasury as superuser for anyone.
        Bob's advisor does not follow Alice: nothing is created or shown."""
        Simulation = self.env["cae.salary.simulation"].with_user(self.other_advisor)
        with self.assertRaises(AccessError):
            Simulation.create({"entrepreneur_id": self.alice.id})
        with self.assertRaises(AccessError):
            Form(Simulation.with_context(default_entrepreneur_id=self.alice.id))
        with self.assertRaises(AccessError):
            self.alice.with_user(self.other_advisor)._cae_salary_budget()
        self.assertFalse(
            self.env["cae.salary.simulation"].search(
                [("entrepreneur_id", "=", self.alice.id)]
            )
        )

    def test_no_payslip_for_an_exited_entrepreneur(self):
        """Issue 13: a payslip could be computed and confirmed for an
        entrepreneur who had left. Alice leaves on 28 February 2026."""
        self.alice._do_transition(
            "exit",
            date(2026, 2, 28),
            exit_reason=self.env.ref("cae_base.exit_reason_salaried_job"),
        )
        payslip = (
            self.env["hr.payslip"]
            .with_company(self.company)
            .create(
                {
                    "employee_id": self.contract.employee_id.id,
                    "contract_id": self.contract.id,
                    "struct_id": self.contract.struct_id.id,
                    "date_from": self.date_from,
                    "date_to": self.date_to,
                    "company_id": self.company.id,
                }
            )
        )
        with self.assertRaisesRegex(UserError, "n'est pas entrepreneur salarié"):
            payslip.with_context(lang="fr_FR").compute_sheet()
        with self.assertRaisesRegex(UserError, "is not a salaried entrepreneur"):
            payslip.action_payslip_done()
        self.assertEqual(payslip.state, "draft")
        self.assertFalse(payslip.line_ids)
        self.assertFalse(payslip.move_id)
        # February, when she was still employed, can be paid.
        february = self._payslip(
            self.contract, date_from=date(2026, 2, 1), date_to=date(2026, 2, 28)
        )
        self.assertEqual(february.cae_gross, 2500.0)

    def test_funding_dialog_shows_the_missing_amount(self):
        """Issue 19: the dialog said "Missing 0.00" while its line said the
        amount missing."""
        payslip = self._payslip(self.contract, variable=6000.0)
        self.assertEqual(payslip.cae_funding_state, "unfunded")
        self.assertGreater(payslip.cae_missing_amount, 0.0)
        action = payslip.with_user(self.accountant).action_cae_open_funding()
        dialog = Form(
            self.env[action["res_model"]]
            .with_user(self.accountant)
            .with_context(**action["context"])
        )
        self.assertEqual(dialog.missing_amount, payslip.cae_missing_amount)
        self.assertEqual(dialog.currency_id, self.company.currency_id)

    def test_accountant_runs_the_monthly_batches(self):
        """Issue 19: the accountant could not open the monthly batches."""
        menu = self.env.ref("cae_payroll.hr_payslip_run_menu_cae")
        visible = self.env["ir.ui.menu"].with_user(self.accountant)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        Run = self.env["hr.payslip.run"].with_user(self.accountant)
        run = Run.with_company(self.company).create(
            {
                "name": "Mars 2026",
                "date_start": self.date_from,
                "date_end": self.date_to,
                "company_id": self.company.id,
                "journal_id": self.journal.id,
            }
        )
        run.action_cae_generate_payslips()
        self.assertEqual(run.slip_ids.employee_id, self.alice.employee_id)
        self.assertEqual(run.slip_ids.state, "verify")
        self.assertTrue(Run.search([("id", "=", run.id)]))

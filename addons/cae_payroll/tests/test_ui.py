# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPayrollUi(HttpCase):
    """The accountant's month, in French, in the browser (issue 19)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create(
            {"name": "CAE Tournée Paie", "country_id": cls.env.ref("base.fr").id}
        )
        cls.env["account.chart.template"].try_loading(
            "fr", company=cls.company, install_demo=False
        )
        cls.company._cae_payroll_setup()
        cls.company.cae_payroll_headcount = 20
        cls.accountant = new_test_user(
            cls.env,
            login="tour_payroll_accountant",
            groups="base.group_user,cae_base.group_cae_accountant",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            lang="fr_FR",
            tz="Europe/Paris",
        )
        Entrepreneur = cls.env["cae.entrepreneur"].with_company(cls.company)
        cls.funded, cls.unfunded = Entrepreneur.create(
            [
                {
                    "name": name,
                    "company_id": cls.company.id,
                    "info_meeting_date": date(2024, 1, 10),
                    "path_step_ids": [
                        Command.create(
                            {
                                "stage": "candidate",
                                "date_start": date(2024, 1, 10),
                                "date_end": date(2024, 12, 31),
                            }
                        ),
                        Command.create(
                            {"stage": "cesa", "date_start": date(2025, 1, 1)}
                        ),
                    ],
                }
                for name in ("Tour Financé", "Tour Sans Trésorerie")
            ]
        )
        (cls.funded | cls.unfunded)._ensure_employee()
        Contract = cls.env["hr.contract"].with_company(cls.company)
        for entrepreneur in cls.funded | cls.unfunded:
            Contract.create(
                {
                    "name": f"CESA {entrepreneur.name}",
                    "employee_id": entrepreneur.employee_id.id,
                    "cae_is_cesa": True,
                    "date_start": date(2025, 1, 1),
                    "state": "open",
                    "wage": 2000.0,
                }
            )
        cls._cash(cls.funded.activity_id, 10000.0)
        cls._cash(cls.unfunded.activity_id, 500.0)
        cls.batch = (
            cls.env["hr.payslip.run"]
            .with_company(cls.company)
            .create(
                {
                    "name": "Paie de mars 2026",
                    "date_start": date(2026, 3, 1),
                    "date_end": date(2026, 3, 31),
                    "company_id": cls.company.id,
                    "journal_id": cls.company.cae_payroll_journal_id.id,
                }
            )
        )

    @classmethod
    def _cash(cls, activity, amount):
        bank = cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "bank")], limit=1
        )
        income = (
            cls.env["account.chart.template"].with_company(cls.company).ref("pcg_706")
        )
        move = (
            cls.env["account.move"]
            .with_company(cls.company)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": bank.id,
                    "date": date(2026, 2, 15),
                    "line_ids": [
                        Command.create(
                            {
                                "account_id": bank.default_account_id.id,
                                "debit": amount,
                                "analytic_distribution": {
                                    str(activity.analytic_account_id.id): 100
                                },
                            }
                        ),
                        Command.create({"account_id": income.id, "credit": amount}),
                    ],
                }
            )
        )
        move.action_post()

    def test_accountant_runs_the_month(self):
        self.start_tour(
            "/odoo/action-payroll.hr_payslip_run_action",
            "cae_payroll_batch_tour",
            login="tour_payroll_accountant",
        )
        payslips = self.batch.slip_ids
        self.assertEqual(len(payslips), 2)
        self.assertEqual(set(payslips.mapped("state")), {"done"})
        self.assertEqual(set(payslips.move_id.mapped("state")), {"posted"})
        unfunded = payslips.filtered(lambda p: p.cae_entrepreneur_id == self.unfunded)
        self.assertEqual(unfunded.cae_funding_state, "accepted")
        self.assertIn("10 avril", unfunded.cae_funding_reason)
        self._check_printed_payslip(unfunded)

    def _check_printed_payslip(self, payslip):
        """The payslip the accountant prints is the clarified one, alone in
        the Print menu (its PDF text: test_reports)."""
        report = self.env.ref("cae_payroll.cae_payslip_report_action")
        self.assertEqual(
            report.binding_model_id, self.env.ref("payroll.model_hr_payslip")
        )
        self.assertFalse(self.env.ref("payroll.action_report_payslip").binding_model_id)
        self.assertFalse(
            self.env.ref("payroll.payslip_details_report").binding_model_id
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.accountant)
            .with_company(self.company)
            ._render_qweb_html(report.report_name, payslip.ids)[0]
            .decode()
            .replace("\xa0", " ")
        )
        for expected in (
            "Tour Sans Trésorerie",
            "Net à payer avant impôt sur le revenu",
            "1 583,20",
        ):
            self.assertIn(expected, html)

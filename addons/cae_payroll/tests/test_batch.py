# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError

from .common import CaePayrollCommon


class TestBatch(CaePayrollCommon):
    """The monthly batch pays employed entrepreneurs only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Entrepreneur = cls.env["cae.entrepreneur"]
        exit_reason = cls.env.ref("cae_base.exit_reason_own_company")

        def person(name):
            return Entrepreneur.create(
                {
                    "name": name,
                    "company_id": cls.company.id,
                    "info_meeting_date": date(2024, 1, 10),
                }
            )

        # Employed all March: a CESA and an associate.
        cls._make_cesa(cls.alice)
        cls.contract_alice = cls._contract(cls.alice, wage=2000.0)
        cls.dora = cls._make_cesa(person("Dora Associée"))
        cls.dora._do_transition("associate", date(2026, 1, 15))
        cls.contract_dora = cls._contract(cls.dora, wage=1900.0)
        # Leaves on 15 March: still paid for March.
        cls.emile = cls._make_cesa(person("Émile Sortant"))
        cls.contract_emile = cls._contract(cls.emile, wage=1850.0)
        cls.emile._do_transition("exit", date(2026, 3, 15), exit_reason=exit_reason)
        # Left in February, contract forgotten open: not paid.
        cls._make_cesa(cls.bob)
        cls.contract_bob = cls._contract(cls.bob, wage=2100.0)
        cls.bob._do_transition("exit", date(2026, 2, 1), exit_reason=exit_reason)
        # Under a CAPE (support, not employment) with a CESA prepared ahead.
        cls.fanny = person("Fanny Cape")
        cls.fanny._do_transition(
            "cape", date(2026, 1, 5), cape_date_end=date(2026, 6, 30)
        )
        cls.fanny.action_create_employee()
        cls.contract_fanny = cls._contract(
            cls.fanny, wage=1900.0, date_start=date(2026, 1, 5)
        )
        # A CESA contract still in draft: not running, not paid.
        cls.gaston = cls._make_cesa(person("Gaston Brouillon"))
        cls.contract_gaston = cls._contract(cls.gaston, wage=1900.0, state="draft")

    def test_batch_pays_employed_entrepreneurs_only(self):
        run = self._run()
        payslips = run._cae_generate_payslips()
        self.assertEqual(
            payslips.contract_id,
            self.contract_alice | self.contract_dora | self.contract_emile,
        )
        self.assertEqual(run.slip_ids, payslips)
        self.assertEqual(set(payslips.mapped("state")), {"verify"})
        self.assertEqual(
            payslips.sorted("cae_gross").mapped("cae_gross"),
            [1850.0, 1900.0, 2000.0],
        )
        # Staff are told who was left out and why.
        message = run.message_ids[:1].body
        self.assertIn("Bob Test", message)
        self.assertIn("Fanny Cape", message)
        self.assertNotIn("Gaston", message)

    def test_payslip_names_in_the_employee_language(self):
        self.alice.employee_id.work_contact_id.lang = "fr_FR"
        self.dora.employee_id.work_contact_id.lang = "en_US"
        payslips = self._run()._cae_generate_payslips()
        alice = payslips.filtered(lambda p: p.contract_id == self.contract_alice)
        self.assertEqual(alice.name, "Bulletin de paie : Alice Test, mars 2026")
        dora = payslips.filtered(lambda p: p.contract_id == self.contract_dora)
        self.assertEqual(dora.name, "Payslip of Dora Associée, March 2026")

    def test_batch_can_be_completed_but_not_duplicated(self):
        run = self._run()
        run._cae_generate_payslips()
        with self.assertRaises(UserError):
            run._cae_generate_payslips()
        self.assertEqual(len(run.slip_ids), 3)
        # A contract opened later is added by pressing the button again.
        self.contract_gaston.state = "open"
        added = run._cae_generate_payslips()
        self.assertEqual(added.contract_id, self.contract_gaston)
        self.assertEqual(len(run.slip_ids), 4)

    def test_batch_stays_in_its_company(self):
        carla = self.carla_b.with_company(self.company_b)
        carla._do_transition("cape", date(2025, 1, 6), cape_date_end=date(2025, 8, 31))
        carla._do_transition(
            "cesa",
            date(2025, 9, 1),
            cape_date_end=date(2025, 8, 31),
        )
        self.company_b._cae_payroll_setup()
        self.env["hr.contract"].with_company(self.company_b).create(
            {
                "name": "CESA Carla",
                "employee_id": carla.employee_id.id,
                "cae_is_cesa": True,
                "date_start": date(2025, 9, 1),
                "state": "open",
                "wage": 2000.0,
            }
        )
        payslips = self._run()._cae_generate_payslips()
        self.assertNotIn(carla.employee_id, payslips.employee_id)

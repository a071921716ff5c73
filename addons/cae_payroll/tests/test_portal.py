# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CaePayrollCommon


@tagged("post_install", "-at_install")
class TestPortal(HttpCase, CaePayrollCommon):
    """Entrepreneurs see their own payslips on the portal, nobody else's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bob_user = new_test_user(
            cls.env,
            login="portal_bob",
            password="portal_bob",
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.bob.user_id = cls.bob_user
        cls.stranger = new_test_user(
            cls.env,
            login="portal_stranger",
            password="portal_stranger",
            groups="base.group_portal",
        )
        cls.entrepreneur_user.password = "entrepreneur_a"
        cls._make_cesa(cls.alice)
        cls._make_cesa(cls.bob)
        cls._contract_for(cls.alice)
        cls._contract_for(cls.bob)
        cls._fund(cls.alice.activity_id, 10000.0)
        cls._fund(cls.bob.activity_id, 10000.0)
        payslips = cls._run()._cae_generate_payslips()
        cls.payslip_alice = payslips.filtered(
            lambda p: p.employee_id == cls.alice.employee_id
        )
        cls.payslip_bob = payslips - cls.payslip_alice
        payslips.action_payslip_done()
        # Next month's payslip of Bob, not confirmed yet: not on the portal.
        cls.draft_bob = cls._payslip(
            cls.payslip_bob.contract_id,
            date_from=cls.date_from.replace(month=4),
            date_to=cls.date_to.replace(month=4, day=30),
        )

    @classmethod
    def _contract_for(cls, entrepreneur):
        return cls._contract(entrepreneur, wage=2000.0)

    def test_entrepreneur_lists_only_their_payslips(self):
        self.authenticate("portal_bob", "portal_bob")
        response = self.url_open("/my/payslips")
        self.assertEqual(response.status_code, 200)
        self.assertIn(f'href="/my/payslips/{self.payslip_bob.id}"', response.text)
        self.assertNotIn(f'href="/my/payslips/{self.payslip_alice.id}"', response.text)
        self.assertNotIn(f'href="/my/payslips/{self.draft_bob.id}"', response.text)
        self.assertIn("o_cae_salary_budget", response.text)

    def test_entrepreneur_opens_their_payslip_not_others(self):
        self.authenticate("portal_bob", "portal_bob")
        own = self.url_open(f"/my/payslips/{self.payslip_bob.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn("application/pdf", own.headers["Content-Type"])
        other = self.url_open(f"/my/payslips/{self.payslip_alice.id}")
        self.assertEqual(other.status_code, 404)
        draft = self.url_open(f"/my/payslips/{self.draft_bob.id}")
        self.assertEqual(draft.status_code, 404)

    def test_internal_entrepreneur_sees_only_theirs(self):
        self.authenticate("entrepreneur_a", "entrepreneur_a")
        response = self.url_open("/my/payslips")
        self.assertIn(f'href="/my/payslips/{self.payslip_alice.id}"', response.text)
        self.assertNotIn(f'href="/my/payslips/{self.payslip_bob.id}"', response.text)
        other = self.url_open(f"/my/payslips/{self.payslip_bob.id}")
        self.assertEqual(other.status_code, 404)

    def test_stranger_sees_no_payslip(self):
        self.authenticate("portal_stranger", "portal_stranger")
        response = self.url_open("/my/payslips")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("/my/payslips/", response.text)
        for payslip in self.payslip_alice | self.payslip_bob:
            self.assertEqual(
                self.url_open(f"/my/payslips/{payslip.id}").status_code, 404
            )

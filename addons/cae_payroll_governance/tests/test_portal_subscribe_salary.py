# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shares subscribed on the portal, paid by salary deduction.

Offered to associates who are employees (Alice, CESA); the request only
says so; registering the subscription sets Alice to pay by deduction, and
her payslips then deduct the calls as they fall due.
"""

import re

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.cae_governance.tests.common import CaeGovernanceCommon


@tagged("post_install", "-at_install")
class TestPortalSubscribeSalary(CaeGovernanceCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entrepreneur_user.lang = "fr_FR"
        cls.login = cls.entrepreneur_user.login

    def _post(self, values):
        form = self.url_open("/my/shares/subscribe")
        self.assertEqual(form.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        return self.url_open(
            "/my/shares/subscribe",
            data={**values, "csrf_token": token},
            allow_redirects=False,
        )

    def test_salary_deduction_requested_then_set_at_registration(self):
        self.assertTrue(self.assoc_alice.employee_id, "Alice is a salaried CESA")
        self.authenticate(self.login, self.login)
        self.assertIn(
            "Par retenue sur salaire", self.url_open("/my/shares/subscribe").text
        )
        response = self._post(
            {
                "holder": f"associate-{self.assoc_alice.id}",
                "quantity": "8",
                "payment_method": "salary",
            }
        )
        self.assertEqual(response.status_code, 303)
        request = self.Operation.search([("requested_online", "=", True)])
        self.assertTrue(request.salary_deduction_requested)
        # A request changes nothing of how Alice pays.
        self.assertFalse(self.assoc_alice.salary_deduction)

        request.with_user(self.accountant).action_validate()
        self.assertTrue(self.assoc_alice.salary_deduction)
        # Her payslips deduct the call of 150.00 when it falls due.
        due = fields.Date.context_today(request) + relativedelta(months=12)
        deductions = self.Associate._get_salary_deductions(
            self.alice.partner_id, due.replace(day=1), due, company=self.company
        )
        self.assertEqual(deductions[self.alice.partner_id.id], 150.0)

    def test_not_offered_to_who_is_no_employee(self):
        Operation = self.Operation.with_context(lang="fr_FR")
        methods = dict(Operation._portal_payment_methods(self.assoc_martin))
        self.assertEqual(list(methods), ["transfer"])
        with self.assertRaisesText(ValidationError, "Choisissez comment"):
            Operation._portal_parse_subscription(
                self.assoc_martin, {"quantity": "2", "payment_method": "salary"}
            )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import CaeAccountingCommon


class TestWorkflowGuard(CaeAccountingCommon):
    """States and the fields steps set change through the steps only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = cls.entrepreneur_user
        cls.activity = cls.alice.activity_id
        cls.sale_tax = cls.company.account_sale_tax_id
        cls.draft = cls._invoice(cls.activity)
        cls.draft.invoice_line_ids.tax_ids = cls.sale_tax

    def assertGuarded(self, text=""):
        """The guard's refusal (rolled back, like assertRaises)."""
        return self.assertRaisesText(UserError, text or "workflow")

    def _as(self, user, records):
        return records.with_user(user).with_context(
            allowed_company_ids=user.company_ids.ids
        )

    # ------------------------------------------------------------------
    # Every entry point
    # ------------------------------------------------------------------
    def test_entrepreneur_cannot_post_through_write_or_save(self):
        move = self._as(self.user, self.draft)
        with self.assertGuarded("Status of Journal Entry change only through"):
            move.write({"state": "posted"})
        with self.assertGuarded():
            move.web_save({"state": "posted"}, {})
        with self.assertGuarded():
            move.write({"auto_post": "at_date"})  # the cron would post it
        with self.assertGuarded():
            move.write({"name": "FAC/2026/00042"})
        self.assertRecordValues(
            self.draft, [{"state": "draft", "auto_post": "no", "name": False}]
        )
        # What is not a workflow field stays editable on the draft.
        move.write({"ref": "Commande 12"})
        self.assertEqual(self.draft.ref, "Commande 12")

    def test_entrepreneur_cannot_create_or_copy_a_posted_document(self):
        Move = self._as(self.user, self.env["account.move"])
        vals = {
            "move_type": "out_invoice",
            "partner_id": self.customer.id,
            "invoice_line_ids": [Command.create({"name": "Séance", "price_unit": 80})],
        }
        with self.assertGuarded():
            Move.create({**vals, "state": "posted"})
        with self.assertGuarded():
            Move.with_context(default_state="posted").create(vals)
        with self.assertGuarded():
            self._as(self.user, self.draft).copy({"state": "posted"})
        # An import reports the refusal instead of raising it.
        result = Move.load(["move_type", "state"], [["out_invoice", "posted"]])
        self.assertFalse(result["ids"])
        self.assertIn("workflow", result["messages"][0]["message"])
        self.assertFalse(
            self.env["account.move"].search(
                [("cae_activity_id", "=", self.activity.id), ("state", "=", "posted")]
            )
        )

    def test_a_function_named_like_a_step_is_not_a_step(self):
        """The guard recognises the steps' code, not their names nor a
        context key that JSON-RPC could send."""

        def action_post(moves):
            moves.write({"state": "posted"})

        move = self._as(self.user, self.draft).with_context(
            skip_validation_check=True, cae_workflow_step=True
        )
        with self.assertGuarded():
            action_post(move)
        self.assertEqual(self.draft.state, "draft")

    def test_submitted_and_posted_lines_are_locked(self):
        move = self._as(self.user, self.draft)
        move.action_cae_submit()
        line = move.invoice_line_ids
        with self.assertGuarded("waiting for validation"):
            line.write({"price_unit": 1.0})
        with self.assertGuarded("waiting for validation"):
            self._as(self.user, self.env["account.move.line"]).create(
                {"move_id": move.id, "name": "Remise", "price_unit": -50.0}
            )
        with self.assertGuarded("waiting for validation"):
            line.unlink()
        self.draft.with_user(self.accountant).action_post()
        self.assertEqual(self.draft.state, "posted")
        receivable = self._as(self.user, self.draft.line_ids).filtered(
            lambda aml: aml.account_id.account_type == "asset_receivable"
        )
        # A posted invoice marked paid by its residual: refused to anyone but
        # the reconciliation.
        with self.assertGuarded():
            receivable.write({"amount_residual": 0.0})
        with self.assertGuarded():
            receivable.with_user(self.accountant).write({"amount_residual": 0.0})
        self.assertEqual(self.draft.payment_state, "not_paid")

    def test_entrepreneur_cannot_reopen_a_posted_invoice(self):
        self.draft.action_post()
        with self.assertRaisesText(AccessError, "accountants reset or cancel"):
            self._as(self.user, self.draft).button_draft()
        with self.assertRaises(AccessError):
            self._as(self.user, self.draft).button_cancel()
        self.assertEqual(self.draft.state, "posted")

    # ------------------------------------------------------------------
    # Who is guarded
    # ------------------------------------------------------------------
    def test_accountant_posts_through_the_button_only(self):
        move = self._as(self.accountant, self.draft)
        with self.assertGuarded():
            move.write({"state": "posted"})
        move.action_post()
        self.assertRecordValues(self.draft, [{"state": "posted"}])
        self.assertNotEqual(self.draft.name, "/")

    def test_manager_and_users_outside_the_cooperative_as_in_odoo(self):
        """Managers correct; Odoo's own invoicing users keep Odoo's rules."""
        billing = new_test_user(
            self.env,
            login="odoo_billing",
            groups="base.group_user,account.group_account_invoice",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        other = self._invoice(self.bob.activity_id)
        self._as(billing, other).write({"state": "posted"})
        self.assertEqual(other.state, "posted")
        self._as(self.manager, self.draft).write({"state": "posted"})
        self.assertEqual(self.draft.state, "posted")

    def test_internal_invoice_moves_through_its_steps(self):
        invoice = self._as(self.user, self.env["cae.internal.invoice"]).create(
            {
                "buyer_activity_id": self.bob.activity_id.id,
                "line_ids": [Command.create({"name": "Photos", "price_unit": 90})],
            }
        )
        with self.assertGuarded():
            invoice.write({"state": "posted"})
        with self.assertGuarded():
            invoice.write({"name": "INT/1999/0001"})
        invoice.action_submit()
        self.company._cae_internal_invoice_accounts()
        self._as(self.accountant, invoice).action_validate()
        self.assertEqual(invoice.state, "posted")
        self.assertTrue(invoice.move_id)

    # ------------------------------------------------------------------
    # Submission
    # ------------------------------------------------------------------
    def test_submission_needs_product_description_and_tax(self):
        move = self._as(self.user, self.draft).with_context(lang="fr_FR")
        line = move.invoice_line_ids
        line.tax_ids = False
        with self.assertRaisesText(UserError, "n'a pas de taxe"):
            move.action_cae_submit()
        line.tax_ids = self.sale_tax
        line.name = " "
        with self.assertRaisesText(UserError, "n'a pas de description"):
            move.action_cae_submit()
        line.write({"product_id": False, "name": "Retouches"})
        with self.assertRaisesText(UserError, "n'a pas de produit"):
            move.action_cae_submit()
        self.assertFalse(self.draft.cae_validation_state)
        line.product_id = self.product
        move.action_cae_submit()
        self.assertEqual(self.draft.cae_validation_state, "to_validate")

    # ------------------------------------------------------------------
    # Links that give access
    # ------------------------------------------------------------------
    def test_advisor_links_entrepreneurs_to_followed_activities_only(self):
        Entrepreneur = self._as(self.advisor, self.env["cae.entrepreneur"])
        with self.assertRaises(AccessError):
            Entrepreneur.create(
                {"name": "Associée de Bob", "activity_id": self.bob.activity_id.id}
            )
        self.bob._ensure_employee()
        with self.assertRaises(AccessError):
            self._as(self.advisor, self.alice).write(
                {"employee_id": self.bob.employee_id.id}
            )
        # Her own follower: a second entrepreneur on Alice's activity.
        partner = Entrepreneur.create(
            {"name": "Associée d'Alice", "activity_id": self.activity.id}
        )
        self.assertEqual(partner.activity_id, self.activity)
        with self.assertRaises(AccessError):
            self._as(self.advisor, self.bob.activity_id).read(["name"])


class TestContactsAndExpenses(CaeAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dan = cls.Entrepreneur.create(
            {
                "name": "Dan Associé",
                "company_id": cls.company.id,
                "advisor_id": cls.advisor.id,
                "activity_id": cls.alice.activity_id.id,
            }
        )
        cls.bob_customer = cls.env["res.partner"].create(
            {
                "name": "Client de Bob",
                "is_company": True,
                "cae_activity_ids": [Command.set(cls.bob.activity_id.ids)],
                "child_ids": [Command.create({"name": "Comptable du client"})],
            }
        )

    def test_entrepreneurs_see_the_contacts_they_need(self):
        Partner = self.env["res.partner"].with_user(self.entrepreneur_user)
        visible = Partner.search(
            [
                (
                    "id",
                    "in",
                    (
                        self.alice.partner_id
                        | self.dan.partner_id
                        | self.bob.partner_id
                        | self.bob_customer
                        | self.bob_customer.child_ids
                        | self.customer
                        | self.company.partner_id
                        | self.accountant.partner_id
                    ).ids,
                )
            ]
        )
        self.assertEqual(
            visible,
            self.alice.partner_id
            | self.dan.partner_id
            | self.customer
            | self.company.partner_id
            | self.accountant.partner_id,
        )
        with self.assertRaises(AccessError):
            self.bob.partner_id.with_user(self.entrepreneur_user).read(["phone"])
        new = Partner.create({"name": "Nouveau client"})
        self.assertEqual(new.company_id, self.company)
        self.assertEqual(new.cae_activity_ids, self.alice.activity_id)

    def test_expense_charged_to_one_own_activity(self):
        self.alice._ensure_employee()
        Expense = self.env["hr.expense"].with_user(self.entrepreneur_user)
        product = self.env["product.product"].create(
            {"name": "Train", "can_be_expensed": True, "company_id": self.company.id}
        )
        vals = {
            "name": "Train",
            "employee_id": self.alice.employee_id.id,
            "product_id": product.id,
            "total_amount_currency": 60.0,
            "company_id": self.company.id,
        }
        bob_account = str(self.bob.activity_id.analytic_account_id.id)
        with self.assertRaises(AccessError):
            Expense.create({**vals, "cae_activity_id": self.bob.activity_id.id})
        with self.assertRaises(AccessError):
            Expense.create({**vals, "analytic_distribution": {bob_account: 100}})
        expense = Expense.create(vals)
        own = str(self.alice.activity_id.analytic_account_id.id)
        self.assertEqual(expense.analytic_distribution, {own: 100})
        # Staff move it: charged 100 % to the new activity, not to both.
        expense.sudo().cae_activity_id = self.bob.activity_id
        self.assertEqual(expense.sudo().analytic_distribution, {bob_account: 100})

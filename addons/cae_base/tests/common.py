# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager
from datetime import date

from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class CaeCommon(TransactionCase):
    """Two companies, their staff and entrepreneurs, for every CAE test.

    Other add-ons of the suite reuse it: ``from odoo.addons.cae_base.tests
    .common import CaeCommon``.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, lang="en_US", **DISABLED_MAIL_CONTEXT)
        )
        cls.company = cls.env["res.company"].create(
            {"name": "CAE Test A", "country_id": cls.env.ref("base.fr").id}
        )
        cls.company_b = cls.env["res.company"].create(
            {"name": "CAE Test B", "country_id": cls.env.ref("base.fr").id}
        )
        cls.Entrepreneur = cls.env["cae.entrepreneur"]
        cls.advisor = cls._new_user("advisor_a", "cae_base.group_cae_advisor")
        cls.other_advisor = cls._new_user("advisor_a2", "cae_base.group_cae_advisor")
        cls.accountant = cls._new_user("accountant_a", "cae_base.group_cae_accountant")
        cls.manager = cls._new_user("manager_a", "cae_base.group_cae_manager")
        cls.entrepreneur_user = cls._new_user(
            "entrepreneur_a", "cae_base.group_cae_entrepreneur"
        )
        cls.advisor_b = cls._new_user(
            "advisor_b", "cae_base.group_cae_manager", company=cls.company_b
        )
        cls.trade = cls.env.ref("cae_base.trade_photographer")
        cls.alice = cls.Entrepreneur.create(
            {
                "name": "Alice Test",
                "business_name": "Alice Photographie",
                "company_id": cls.company.id,
                "advisor_id": cls.advisor.id,
                "user_id": cls.entrepreneur_user.id,
                "trade_id": cls.trade.id,
                "info_meeting_date": date(2024, 1, 10),
            }
        )
        cls.bob = cls.Entrepreneur.create(
            {
                "name": "Bob Test",
                "company_id": cls.company.id,
                "advisor_id": cls.other_advisor.id,
                "info_meeting_date": date(2024, 1, 10),
            }
        )
        cls.carla_b = cls.Entrepreneur.with_company(cls.company_b).create(
            {
                "name": "Carla Company B",
                "company_id": cls.company_b.id,
                "advisor_id": cls.advisor_b.id,
                "info_meeting_date": date(2024, 1, 10),
            }
        )

    @contextmanager
    def assertRaisesText(self, exception, text):
        """Like ``assertRaises`` (which rolls back what was written), and the
        message contains ``text`` (e.g. in French)."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertIn(text, str(catcher.exception))

    @classmethod
    def _new_user(cls, login, group, company=None):
        company = company or cls.company
        return new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,{group}",
            company_id=company.id,
            company_ids=[company.id],
            lang="en_US",
        )


class CaeAccountingCommon(CaeCommon):
    """CaeCommon with the French chart of accounts on company A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["account.chart.template"].try_loading(
            "fr", company=cls.company, install_demo=False
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Customer SARL", "company_id": cls.company.id}
        )
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Supplier SAS", "company_id": cls.company.id}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Photo shoot", "list_price": 500.0, "company_id": cls.company.id}
        )

    @classmethod
    def _invoice(cls, activity, move_type="out_invoice", amount=100.0, partner=None):
        partner = partner or (
            cls.customer if move_type.startswith("out") else cls.supplier
        )
        return (
            cls.env["account.move"]
            .with_company(cls.company)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "invoice_date": "2026-03-15",
                    "cae_activity_id": activity.id,
                    "invoice_line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": cls.product.id,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [(5, 0, 0)],
                            },
                        )
                    ],
                }
            )
        )


class CaeBalanceCommon(CaeAccountingCommon):
    """CaeAccountingCommon with helpers that post an activity's documents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sale_tax = cls.company.account_sale_tax_id  # TVA collectée 20 %
        cls.purchase_tax = cls.company.account_purchase_tax_id  # déductible 20 %
        Account = cls.env["account.account"].with_company(cls.company)
        cls.expense_product = (
            cls.env["product.product"]
            .with_company(cls.company)
            .create(
                {
                    "name": "Restaurant",
                    "can_be_expensed": True,
                    "standard_price": 0.0,
                    "supplier_taxes_id": [Command.set(cls.purchase_tax.ids)],
                    "company_id": cls.company.id,
                    # 6257 Réceptions (the category default would be 607).
                    "property_account_expense_id": Account.search(
                        [
                            ("code", "=", "625700"),
                            *Account._check_company_domain(cls.company),
                        ]
                    ).id,
                }
            )
        )

    @classmethod
    def _post_document(cls, activity, move_type, amount, taxes=None, date="2026-03-15"):
        """Post an invoice or bill of ``amount`` excl. taxes on ``date``."""
        partner = cls.customer if move_type.startswith("out") else cls.supplier
        move = (
            cls.env["account.move"]
            .with_company(cls.company)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "invoice_date": date,
                    "date": date,
                    "cae_activity_id": activity.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [
                                    Command.set((taxes or cls.env["account.tax"]).ids)
                                ],
                            }
                        )
                    ],
                }
            )
        )
        move.action_post()
        return move

    @classmethod
    def _register_payment(cls, moves, amount=None, date="2026-03-20"):
        """Pay ``moves`` through the wizard users click (partly if ``amount``)."""
        vals = {"payment_date": date}
        if amount is not None:
            vals["amount"] = amount
        wizard = (
            cls.env["account.payment.register"]
            .with_company(cls.company)
            .with_context(active_model="account.move", active_ids=moves.ids)
            .create(vals)
        )
        return wizard._create_payments()

    @classmethod
    def _post_expense_claim(cls, entrepreneur, amount, date="2026-03-22"):
        """An expense claim of ``amount`` incl. 20 % VAT, approved and posted."""
        entrepreneur._ensure_employee()
        sheet = (
            cls.env["hr.expense.sheet"]
            .with_company(cls.company)
            .create(
                {
                    "name": "Frais de mars",
                    "employee_id": entrepreneur.employee_id.id,
                    "company_id": cls.company.id,
                    "accounting_date": date,
                    "expense_line_ids": [
                        Command.create(
                            {
                                "name": "Repas client",
                                "employee_id": entrepreneur.employee_id.id,
                                "product_id": cls.expense_product.id,
                                "total_amount_currency": amount,
                                "tax_ids": [Command.set(cls.purchase_tax.ids)],
                                "date": date,
                                "company_id": cls.company.id,
                            }
                        )
                    ],
                }
            )
        )
        sheet.action_submit_sheet()
        sheet._do_approve()
        sheet.action_sheet_move_post()
        return sheet

    def _portal_claims(self, entrepreneur):
        """The expense claims sent from the portal for the entrepreneur's
        activity (the demo data has claims of its own)."""
        return self.env["hr.expense"].search(
            [
                ("cae_from_portal", "=", True),
                ("cae_activity_id", "=", entrepreneur.activity_id.id),
            ]
        )

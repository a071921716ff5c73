# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


class ChartScenarioCommon(TransactionCase):
    """One month of an activity on a company of a given chart of accounts.

    Subclasses set ``chart`` (Odoo's template code), ``country`` and
    ``state`` (xmlids) and ``expense_account`` (the code the expense
    category books on). The scenario, the same on every chart, posted as
    users do it:

    - 15 March: a customer invoice of 1,000.00 excl. VAT (the company's
      default sale tax);
    - 18 March: a vendor bill of 400.00 excl. VAT (the default purchase tax)
      on the default expense account of products;
    - 20 March: the customer pays 500.00 through the payment wizard;
    - 22 March: an expense claim of 50.00 excl. VAT (taxes included in the
      amount claimed), approved and posted;
    - the contribution run of March, 10 % of the gross margin.

    Nothing is set by hand: journals and accounts come from the chart.
    """

    chart = None
    country = None
    state = None
    expense_account = None
    claim_total = None  # 50.00 plus the purchase tax of the chart

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, lang="en_US", **DISABLED_MAIL_CONTEXT)
        )
        cls.company = cls.env["res.company"].create(
            {
                "name": f"CAE on {cls.chart}",
                "country_id": cls.env.ref(cls.country).id,
                "state_id": cls.state and cls.env.ref(cls.state).id,
            }
        )
        cls.env.user.company_ids = [Command.link(cls.company.id)]
        cls.env["account.chart.template"].try_loading(
            cls.chart, company=cls.company, install_demo=False
        )
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.company.ids)
        )
        cls.company = cls.company.with_env(cls.env)
        cls.advisor = new_test_user(
            cls.env,
            login=f"advisor_{cls.chart}",
            groups="base.group_user,cae_base.group_cae_advisor",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )
        cls.entrepreneur = cls.env["cae.entrepreneur"].create(
            {
                "name": "Ada Chart",
                "business_name": "Ada Conseil",
                "company_id": cls.company.id,
                "advisor_id": cls.advisor.id,
                "info_meeting_date": date(2026, 1, 10),
            }
        )
        cls.activity = cls.entrepreneur.activity_id
        cls.customer, cls.supplier = cls.env["res.partner"].create(
            [
                {"name": name, "company_id": cls.company.id}
                for name in ("Customer", "Supplier")
            ]
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Consulting day", "company_id": cls.company.id}
        )
        Account = cls.env["account.account"]
        cls.expense_product = cls.env["product.product"].create(
            {
                "name": "Train ticket",
                "can_be_expensed": True,
                "company_id": cls.company.id,
                "supplier_taxes_id": [
                    Command.set(cls.company.account_purchase_tax_id.ids)
                ],
                "property_account_expense_id": Account.search(
                    [
                        ("code", "=", cls.expense_account),
                        *Account._check_company_domain(cls.company),
                    ]
                ).id,
            }
        )

    @classmethod
    def _account(cls, code):
        Account = cls.env["account.account"]
        return Account.search(
            [("code", "=", code), *Account._check_company_domain(cls.company)]
        )

    @classmethod
    def _post_document(cls, move_type, amount, day, taxes=None, activity=None):
        sale = move_type.startswith("out")
        if taxes is None:
            taxes = (
                cls.company.account_sale_tax_id
                if sale
                else cls.company.account_purchase_tax_id
            )
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": (cls.customer if sale else cls.supplier).id,
                "company_id": cls.company.id,
                "invoice_date": day,
                "date": day,
                "cae_activity_id": (activity or cls.activity).id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.set(taxes.ids)],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @classmethod
    def _register_payment(cls, moves, amount, day):
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=moves.ids)
            .create({"payment_date": day, "amount": amount})
            ._create_payments()
        )

    @classmethod
    def _post_expense_claim(cls, total, day):
        cls.entrepreneur._ensure_employee()
        employee = cls.entrepreneur.employee_id
        sheet = cls.env["hr.expense.sheet"].create(
            {
                "name": "March expenses",
                "employee_id": employee.id,
                "company_id": cls.company.id,
                "accounting_date": day,
                "expense_line_ids": [
                    Command.create(
                        {
                            "name": "Train to a customer",
                            "employee_id": employee.id,
                            "product_id": cls.expense_product.id,
                            "total_amount_currency": total,
                            "tax_ids": [
                                Command.set(cls.company.account_purchase_tax_id.ids)
                            ],
                            "date": day,
                            "company_id": cls.company.id,
                        }
                    )
                ],
            }
        )
        sheet.action_submit_sheet()
        sheet._do_approve()
        sheet.action_sheet_move_post()
        return sheet

    @classmethod
    def _post_scenario(cls):
        """The month of the class docstring, contribution run included."""
        cls.env["cae.contribution.rule"].create(
            {
                "name": "10 % of the gross margin",
                "company_id": cls.company.id,
                "base": "margin",
                "rate": 10.0,
                "date_from": date(2026, 1, 1),
            }
        )
        cls.invoice = cls._post_document("out_invoice", 1000.0, "2026-03-15")
        cls.bill = cls._post_document("in_invoice", 400.0, "2026-03-18")
        cls.payment = cls._register_payment(cls.invoice, 500.0, "2026-03-20")
        cls.sheet = cls._post_expense_claim(cls.claim_total, "2026-03-22")
        cls.contribution_run = cls.env["cae.contribution.run"]._run_period(
            cls.company, *MARCH
        )

    def _values(self, **kwargs):
        return self.activity._get_indicator_values(**kwargs)[self.activity.id]

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrExpense(models.Model):
    _inherit = "hr.expense"

    cae_activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity",
        compute="_compute_cae_activity_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
        help="The entrepreneur's activity, whose analytic account the expense "
        "is charged to.",
    )

    cae_from_portal = fields.Boolean(
        string="Submitted from the portal",
        readonly=True,
        copy=False,
        help="Claimed by the entrepreneur on the portal: check the receipts, "
        "then report and approve it.",
    )

    @api.depends("employee_id")
    def _compute_cae_activity_id(self):
        for expense in self:
            entrepreneur = expense.employee_id.cae_entrepreneur_ids[:1]
            expense.cae_activity_id = (
                entrepreneur.activity_id or expense.cae_activity_id
            )

    @api.depends("cae_activity_id")
    def _compute_analytic_distribution(self):
        res = super()._compute_analytic_distribution()
        for expense in self:
            account = expense.cae_activity_id.analytic_account_id
            if account:
                expense.analytic_distribution = {
                    **(expense.analytic_distribution or {}),
                    str(account.id): 100,
                }
        return res

    def _prepare_payments_vals(self):
        # Expenses paid with the company's card: the payment's entry belongs
        # to the activity as well.
        move_vals, payment_vals = super()._prepare_payments_vals()
        if self.cae_activity_id:
            move_vals["cae_activity_id"] = self.cae_activity_id.id
            payment_vals["cae_activity_id"] = self.cae_activity_id.id
        return move_vals, payment_vals

    # ------------------------------------------------------------------
    # Expense claims from the portal
    # ------------------------------------------------------------------
    @api.model
    def _cae_prepare_portal_expense_vals(
        self, entrepreneur, activity, post, categories
    ):
        """Check what an entrepreneur typed on the portal; raise in their language.

        :return: values of the draft expense (without employee).
        """
        _ = self.env._
        name = (post.get("name") or "").strip()
        if not name:
            raise ValidationError(_("Describe the expense."))
        try:
            product_id = int(post.get("product_id") or 0)
        except ValueError:
            product_id = 0
        product = categories.filtered(lambda p: p.id == product_id)
        if not product:
            raise ValidationError(_("Choose the category of the expense."))
        try:
            expense_date = fields.Date.to_date(post.get("date"))
        except ValueError:
            expense_date = None
        if not expense_date:
            raise ValidationError(_("Give the date of the expense."))
        if expense_date > fields.Date.context_today(self):
            raise ValidationError(_("The expense cannot be dated in the future."))
        raw_amount = (post.get("amount") or "").replace(" ", "").replace(",", ".")
        try:
            amount = float(raw_amount)
        except ValueError:
            amount = 0.0
        if amount <= 0:
            raise ValidationError(
                _("Give the amount of the expense, taxes included, e.g. 42.50.")
            )
        if not entrepreneur:
            raise ValidationError(_("You are not an entrepreneur of this activity."))
        return {
            "name": name,
            "product_id": product.id,
            "date": expense_date,
            "total_amount_currency": activity.company_id.currency_id.round(amount),
            "cae_activity_id": activity.id,
            "company_id": activity.company_id.id,
            "description": (post.get("description") or "").strip() or False,
            "cae_from_portal": True,
        }

    @api.model
    def _cae_create_portal_expense(self, entrepreneur, values, receipts):
        """Create the draft expense with its receipts and tell the accountants."""
        entrepreneur._ensure_employee()
        company = entrepreneur.company_id
        expense = self.with_company(company).create(
            {**values, "employee_id": entrepreneur.employee_id.id}
        )
        attachments = self.env["ir.attachment"].create(
            [
                {
                    "name": filename,
                    "mimetype": mimetype,
                    "raw": data,
                    "res_model": self._name,
                    "res_id": expense.id,
                }
                for filename, mimetype, data in receipts
            ]
        )
        expense.message_post(
            body=self.env._(
                "Expense claim submitted from the portal by %(name)s.",
                name=entrepreneur.name,
            ),
            attachment_ids=attachments.ids,
        )
        return expense

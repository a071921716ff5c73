# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import format_amount, format_date

# What the entrepreneur's portal accepts; larger or older claims go to the
# accountant by hand. Not legal figures: limits of a web form.
PORTAL_NAME_MAX = 200
PORTAL_NOTES_MAX = 2000
PORTAL_AMOUNT_MAX = 100_000.0
PORTAL_MAX_AGE_MONTHS = 24
# The claim as the entrepreneur follows it on the portal.
PORTAL_STATES = [
    ("draft", "Not sent"),
    ("submitted", "Sent to the accountant"),
    ("approved", "Approved"),
    ("posted", "Approved, to be refunded"),
    ("paid", "Refunded"),
    ("refused", "Refused"),
]


class HrExpense(models.Model):
    _name = "hr.expense"
    _inherit = ["hr.expense", "cae.workflow.mixin"]
    # Workflow guard (cae.workflow.mixin), for the cooperative's people: the
    # state of an expense follows its report's steps only.
    _cae_workflow_cooperative_only = True
    _cae_workflow_state_field = None
    _cae_workflow_fields = frozenset({"state"})
    _cae_workflow_steps = ()
    _cae_workflow_step_models = ("hr.expense.sheet",)

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
        "then approve, post and pay its expense report.",
    )
    cae_portal_state = fields.Selection(
        selection=PORTAL_STATES,
        string="Claim status",
        compute="_compute_cae_portal_state",
        help="Where the claim stands, as the entrepreneur sees it on the portal.",
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
        on_plan = self._cae_activity_plan_keys()
        for expense in self:
            account = expense.cae_activity_id.analytic_account_id
            if account:
                # The activity replaces any other account of the activities
                # plan: an expense is charged to one activity, never twice.
                distribution = {
                    key: value
                    for key, value in (expense.analytic_distribution or {}).items()
                    if key not in on_plan
                }
                expense.analytic_distribution = {**distribution, str(account.id): 100}
        return res

    def _cae_activity_plan_keys(self):
        """Keys of the expenses' distributions naming an activity's account
        (an account of the activities plan), read in one query."""
        keys = {
            key
            for distribution in self.mapped("analytic_distribution")
            if distribution
            for key in distribution
        }
        ids = {int(part) for key in keys for part in key.split(",") if part.isdigit()}
        accounts = self.env["account.analytic.account"].sudo().browse(ids).exists()
        plans = self.company_id.mapped(lambda c: c._get_cae_activity_plan())
        on_plan = {
            str(account.id) for account in accounts if account.root_plan_id in plans
        }
        return {key for key in keys if on_plan.intersection(key.split(","))}

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        expenses = super().create(vals_list)
        expenses._cae_check_entrepreneur_activity()
        return expenses

    def write(self, vals):
        res = super().write(vals)
        if {"cae_activity_id", "analytic_distribution", "employee_id"} & set(vals):
            self._cae_check_entrepreneur_activity()
        return res

    def _cae_check_entrepreneur_activity(self):
        """Entrepreneurs charge their expenses to their own activity only:
        the activity and, on the activities plan, the distribution."""
        if self.env.su or not self.env.user._cae_is_entrepreneur_only():
            return
        own = self.env.user._cae_own_activities()
        expenses = self.sudo()
        on_plan = expenses._cae_activity_plan_keys()
        for expense in expenses:
            activity = expense.cae_activity_id
            if activity and activity not in own:
                raise AccessError(
                    self.env._(
                        "You can only charge your expenses to your own activity."
                    )
                )
            allowed = str(activity.analytic_account_id.id) if activity else None
            if any(
                key in on_plan and key != allowed
                for key in expense.analytic_distribution or {}
            ):
                raise AccessError(
                    self.env._(
                        "The expense belongs to your activity: you cannot charge "
                        "it to another activity."
                    )
                )

    @api.depends("state", "sheet_id.state", "sheet_id.payment_state")
    def _compute_cae_portal_state(self):
        for expense in self:
            sheet = expense.sheet_id
            if expense.state == "refused" or sheet.state == "cancel":
                state = "refused"
            elif sheet.state == "done" or sheet.payment_state in ("paid", "in_payment"):
                state = "paid"
            elif sheet.state == "post":
                state = "posted"
            elif sheet.state == "approve":
                state = "approved"
            elif sheet.state == "submit":
                state = "submitted"
            else:
                state = "draft"
            expense.cae_portal_state = state

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
    def _cae_parse_portal_amount(self, raw):
        """The amount typed on the portal (``42,50``, ``1 234.5``), or ``None``."""
        for space in (" ", "\u00a0", "\u202f"):
            raw = raw.replace(space, "")
        try:
            amount = float(raw.replace(",", "."))
        except ValueError:
            return None
        # float() also reads "nan", "inf" and "1e308".
        return amount if math.isfinite(amount) else None

    @api.model
    def _cae_portal_choice(self, raw, records):
        """The record of ``records`` whose id the form sent, or empty."""
        try:
            record_id = int(raw or 0)
        except ValueError:
            record_id = 0
        return records.filtered(lambda record: record.id == record_id)

    @api.model
    def _cae_portal_messages(self, kind):
        """What is said of a bad date or amount of an expense claim
        (``kind`` "expense") or a supplier bill ("bill") typed on the portal."""
        _ = self.env._
        if kind == "bill":
            return {
                "no_date": _("Give the date of the bill."),
                "future": _("The bill cannot be dated in the future."),
                "too_old": _(
                    "The bill is dated %(date)s: bills older than %(months)s "
                    "months (before %(oldest)s) go to the accountant directly."
                ),
                "too_large": _(
                    "A bill on the portal is at most %(max)s: give larger bills "
                    "to the accountant directly."
                ),
                "no_amount": _(
                    "Give the amount of the bill, VAT included, e.g. 120.00."
                ),
            }
        return {
            "no_date": _("Give the date of the expense."),
            "future": _("The expense cannot be dated in the future."),
            "too_old": _(
                "The expense is dated %(date)s: claims older than %(months)s "
                "months (before %(oldest)s) go to the accountant directly."
            ),
            "too_large": _(
                "An expense claim on the portal is at most %(max)s: give "
                "larger expenses to the accountant directly."
            ),
            "no_amount": _(
                "Give the amount of the expense, taxes included, e.g. 42.50."
            ),
        }

    @api.model
    def _cae_portal_date(self, raw, kind):
        """The document's date typed on the portal: given, not in the future,
        not older than the portal takes."""
        messages = self._cae_portal_messages(kind)
        try:
            value = fields.Date.to_date(raw)
        except ValueError:
            value = None
        if not value:
            raise ValidationError(messages["no_date"])
        today = fields.Date.context_today(self)
        if value > today:
            raise ValidationError(messages["future"])
        oldest = today - relativedelta(months=PORTAL_MAX_AGE_MONTHS)
        if value < oldest:
            raise ValidationError(
                messages["too_old"]
                % {
                    "date": format_date(self.env, value),
                    "months": PORTAL_MAX_AGE_MONTHS,
                    "oldest": format_date(self.env, oldest),
                }
            )
        return value

    @api.model
    def _cae_portal_amount(self, raw, kind, currency):
        """The amount (taxes included) typed on the portal, rounded: positive
        and not larger than the portal takes."""
        messages = self._cae_portal_messages(kind)
        amount = self._cae_parse_portal_amount(raw or "")
        if amount is not None and amount > PORTAL_AMOUNT_MAX:
            raise ValidationError(
                messages["too_large"]
                % {"max": format_amount(self.env, PORTAL_AMOUNT_MAX, currency)}
            )
        # Rounded only once known to be of a sensible size.
        if amount is None or currency.round(amount) <= 0:
            raise ValidationError(messages["no_amount"])
        return currency.round(amount)

    @api.model
    def _cae_prepare_portal_expense_vals(
        self, entrepreneur, activity, post, categories
    ):
        """Check what an entrepreneur typed on the portal; raise in their language.

        :return: values of the draft expense (without employee).
        """
        _ = self.env._
        currency = activity.company_id.currency_id
        name = (post.get("name") or "").strip()
        if not name:
            raise ValidationError(_("Describe the expense."))
        if len(name) > PORTAL_NAME_MAX:
            raise ValidationError(
                _(
                    "Describe the expense in %(max)s characters at most.",
                    max=PORTAL_NAME_MAX,
                )
            )
        description = (post.get("description") or "").strip()
        if len(description) > PORTAL_NOTES_MAX:
            raise ValidationError(
                _(
                    "The notes take %(max)s characters at most.",
                    max=PORTAL_NOTES_MAX,
                )
            )
        product = self._cae_portal_choice(post.get("product_id"), categories)
        if not product:
            raise ValidationError(_("Choose the category of the expense."))
        expense_date = self._cae_portal_date(post.get("date"), "expense")
        amount = self._cae_portal_amount(post.get("amount"), "expense", currency)
        if not entrepreneur:
            raise ValidationError(_("You are not an entrepreneur of this activity."))
        return {
            "name": name,
            "product_id": product.id,
            "date": expense_date,
            "total_amount_currency": amount,
            "cae_activity_id": activity.id,
            "company_id": activity.company_id.id,
            "description": description or False,
            "cae_from_portal": True,
        }

    @api.model
    def _cae_create_portal_expense(self, entrepreneur, values, receipts):
        """Create the expense with its receipts and submit it to the accountants.

        The claim becomes an expense report of one line, submitted: the
        accountants find it among the reports to approve (and the company's
        validating accountant gets the to-do), then approve, post and pay it
        as any other.
        """
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
        expense._cae_submit_portal_claim()
        return expense

    def _cae_submit_portal_claim(self):
        """One submitted expense report for the portal claim ``self``."""
        self.ensure_one()
        company = self.company_id
        Sheet = self.env["hr.expense.sheet"].with_company(company)
        values = self.with_company(company)._get_default_expense_sheet_values()
        sheets = Sheet.create(values)
        validator = company.cae_validator_id
        if validator:
            # The report's approver: the company's validating accountant.
            sheets.user_id = validator
        sheets._do_submit()
        # Without a validator nor a manager, hr_expense gives the approval
        # to-do to whoever submits: never to the entrepreneur on the portal.
        sheets.activity_ids.filtered(lambda a: a.user_id.share).unlink()
        return sheets

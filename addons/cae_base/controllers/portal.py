# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The entrepreneur's "My activity" on the portal.

Every page starts from the activities of the logged-in user's entrepreneur
records (:meth:`CaeActivityPortal._my_activities`); records are then read
with sudo, but only through those activities: any id of another activity,
document or expense answers 404, whatever the URL.
"""

import logging

from dateutil.relativedelta import relativedelta

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.hr_expense import PORTAL_MAX_AGE_MONTHS

_logger = logging.getLogger(__name__)

# Receipts larger than this are refused (bytes), and more than so many.
MAX_RECEIPT_SIZE = 10 * 1024 * 1024
MAX_RECEIPTS = 10
RECEIPT_NAME_MAX = 120
RECEIPT_MIMETYPES = ("application/pdf", "image/jpeg", "image/png", "image/webp")


class CaeActivityPortal(CustomerPortal):
    # ------------------------------------------------------------------
    # Ownership
    # ------------------------------------------------------------------
    def _my_entrepreneurs(self):
        return (
            request.env["cae.entrepreneur"]
            .sudo()
            .search([("user_id", "=", request.env.uid), ("activity_id", "!=", False)])
        )

    def _my_activities(self):
        return self._my_entrepreneurs().activity_id

    def _my_activity(self, activity_id=None):
        """The user's activity (the first, or ``activity_id``), else 404."""
        activities = self._my_activities()
        if activity_id:
            activities = activities.filtered(lambda a: a.id == activity_id)
        if not activities:
            raise request.not_found()
        return activities[:1]

    def _my_document(self, model, record_id, activity_field):
        """A record of one of the user's activities, else 404."""
        record = request.env[model].sudo().browse(record_id).exists()
        if not record or record[activity_field] not in self._my_activities():
            raise request.not_found()
        return record

    # ------------------------------------------------------------------
    # Home
    # ------------------------------------------------------------------
    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        # The home's cards speak of the entrepreneur's activity (qweb).
        response.qcontext["cae_is_entrepreneur"] = bool(self._my_entrepreneurs())
        return response

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "cae_activity_count" in counters:
            values["cae_activity_count"] = len(self._my_activities())
        entrepreneurs = self._my_entrepreneurs() if "bill_count" in counters else None
        if entrepreneurs:
            # Her "bills" card is her expense claims (it links to them).
            values["bill_count"] = (
                request.env["hr.expense"]
                .sudo()
                .search_count(
                    [
                        ("employee_id", "in", entrepreneurs.employee_id.ids),
                        ("cae_activity_id", "in", entrepreneurs.activity_id.ids),
                    ]
                )
            )
        return values

    # ------------------------------------------------------------------
    # My activity
    # ------------------------------------------------------------------
    def _activity_page_values(self, activity, **kwargs):
        env = request.env
        entrepreneurs = self._my_entrepreneurs().filtered(
            lambda e: e.activity_id == activity
        )
        today = fields.Date.context_today(activity)
        summary = activity.with_context(lang=env.lang)._get_balance_summary(today)
        month_grid = activity.with_context(lang=env.lang)._get_balance_grid(
            today.replace(day=1), today
        )[activity.id]
        Move = env["account.move"].sudo()
        documents = Move.search(
            [
                ("cae_activity_id", "=", activity.id),
                ("state", "=", "posted"),
                (
                    "move_type",
                    "in",
                    ("out_invoice", "out_refund", "in_invoice", "in_refund"),
                ),
            ],
            order="invoice_date desc, id desc",
            limit=50,
        )
        expenses = (
            env["hr.expense"]
            .sudo()
            .search(
                [("cae_activity_id", "=", activity.id)],
                order="date desc, id desc",
                limit=50,
            )
        )
        return {
            **self._prepare_portal_layout_values(),
            "page_name": "cae_activity",
            "activity": activity,
            "entrepreneurs": entrepreneurs,
            "summary": summary,
            "month_grid": month_grid,
            "month_start": today.replace(day=1),
            "invoices": documents.filtered(lambda m: m.is_sale_document()),
            # Expense claims are bills to the entrepreneur: listed as claims.
            "bills": documents.filtered(
                lambda m: m.is_purchase_document() and not m.expense_sheet_id
            ),
            "expenses": expenses,
            "followups": entrepreneurs.followup_ids.sorted("date", reverse=True),
            "other_activities": self._my_activities() - activity,
        }

    @http.route(
        ["/my/activity", "/my/activity/<int:activity_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_activity(self, activity_id=None, **kwargs):
        activity = self._my_activity(activity_id)
        return request.render(
            "cae_base.portal_my_activity",
            self._activity_page_values(activity, **kwargs),
        )

    @http.route(
        "/my/activity/<int:activity_id>/dashboard",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_activity_dashboard(self, activity_id, **kwargs):
        """Today's treasury, the 6-month forecast and the revenue view."""
        activity = self._my_activity(activity_id).with_context(lang=request.env.lang)
        return request.render(
            "cae_base.portal_my_activity_dashboard",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "cae_activity_dashboard",
                "activity": activity,
                "forecast": activity._get_treasury_forecast(),
                "revenue": activity._get_revenue_view(),
            },
        )

    @http.route(
        "/my/activity/document/<int:move_id>/pdf",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_activity_document(self, move_id, **kwargs):
        move = self._my_document("account.move", move_id, "cae_activity_id")
        if move.state != "posted":
            raise request.not_found()
        return self._show_report(
            model=move,
            report_type="pdf",
            report_ref="account.account_invoices",
            download=kwargs.get("download") == "1",
        )

    @http.route(
        "/my/activity/expense/<int:expense_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_activity_expense(self, expense_id, **kwargs):
        expense = self._my_document("hr.expense", expense_id, "cae_activity_id")
        attachments = (
            request.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "hr.expense"), ("res_id", "=", expense.id)])
        )
        return request.render(
            "cae_base.portal_my_activity_expense",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "cae_activity_expense",
                "activity": expense.cae_activity_id,
                "expense": expense,
                "attachments": attachments,
                # A flag, never text from the address.
                "expense_sent": kwargs.get("expense_sent") == "1",
            },
        )

    # ------------------------------------------------------------------
    # Expense claims
    # ------------------------------------------------------------------
    def _expense_categories(self, activity):
        return (
            request.env["product.product"]
            .sudo()
            .search(
                [
                    ("can_be_expensed", "=", True),
                    ("company_id", "in", (False, activity.company_id.id)),
                ],
                order="name",
            )
        )

    @http.route(
        "/my/activity/<int:activity_id>/expense/new",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_activity_expense_new(self, activity_id, **post):
        activity = self._my_activity(activity_id)
        today = fields.Date.context_today(activity)
        error = None
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():
                    expense = self._create_portal_expense(activity, post)
            except (UserError, ValidationError) as exc:
                error = exc.args[0]
            else:
                return request.redirect(
                    f"/my/activity/expense/{expense.id}?expense_sent=1"
                )
        return request.render(
            "cae_base.portal_my_activity_expense_form",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "cae_activity_expense_new",
                "activity": activity,
                "categories": self._expense_categories(activity),
                "error": error,
                "values": post,
                "today": today,
                "oldest": today - relativedelta(months=PORTAL_MAX_AGE_MONTHS),
            },
        )

    def _read_receipts(self):
        """``[(name, mimetype, data)]`` of the uploaded receipts, checked.

        The type is read from the file's content, never from what the
        browser claims: an HTML page sent as ``image/png`` is refused.
        """
        _ = request.env._
        receipts = []
        for upload in request.httprequest.files.getlist("receipts"):
            if not upload or not upload.filename:
                continue
            name = upload.filename[-RECEIPT_NAME_MAX:]
            data = upload.read(MAX_RECEIPT_SIZE + 1)
            if len(data) > MAX_RECEIPT_SIZE:
                raise ValidationError(
                    _("The receipt %(name)s is larger than 10 MB.", name=name)
                )
            mimetype = guess_mimetype(data)
            if mimetype not in RECEIPT_MIMETYPES:
                raise ValidationError(
                    _(
                        "The receipt %(name)s must be a PDF or a picture (JPEG, "
                        "PNG, WebP).",
                        name=name,
                    )
                )
            receipts.append((name, mimetype, data))
        if not receipts:
            raise ValidationError(_("Attach the receipt of the expense."))
        if len(receipts) > MAX_RECEIPTS:
            raise ValidationError(
                _("Attach %(max)s receipts at most.", max=MAX_RECEIPTS)
            )
        return receipts

    def _create_portal_expense(self, activity, post):
        """A draft expense for the accountant, with its receipts."""
        entrepreneur = self._my_entrepreneurs().filtered(
            lambda e: e.activity_id == activity
        )[:1]
        # Everything is checked before anything is written.
        values = request.env["hr.expense"]._cae_prepare_portal_expense_vals(
            entrepreneur, activity, post, self._expense_categories(activity)
        )
        receipts = self._read_receipts()
        expense = (
            request.env["hr.expense"]
            .sudo()
            ._cae_create_portal_expense(entrepreneur, values, receipts)
        )
        _logger.info(
            "Expense %s submitted from the portal by user %s",
            expense.id,
            request.env.uid,
        )
        return expense

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Supplier bills the entrepreneur uploads on "My activity".

As the expense claims: the activity is one of the user's before anything is
read with sudo; the form is checked by the model
(``account.move._cae_prepare_portal_bill_vals``) and the bill submitted by
the back office's step, in a savepoint: on any error the form comes back
with a French message and nothing is written.
"""

import logging

from dateutil.relativedelta import relativedelta

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.tools.mimetypes import guess_mimetype

from ..models.hr_expense import PORTAL_MAX_AGE_MONTHS
from .portal import MAX_RECEIPT_SIZE, RECEIPT_NAME_MAX, CaeActivityPortal

_logger = logging.getLogger(__name__)

PURCHASE_TYPES = ("in_invoice", "in_refund")


class CaeBillPortal(CaeActivityPortal):
    def _my_bills(self, activity):
        """The activity's supplier bills the entrepreneur follows: posted,
        or submitted from her side (never the expense claims' entries)."""
        return (
            request.env["account.move"]
            .sudo()
            .search(
                [
                    ("cae_activity_id", "=", activity.id),
                    ("move_type", "in", PURCHASE_TYPES),
                    ("expense_sheet_id", "=", False),
                    "|",
                    ("state", "=", "posted"),
                    "&",
                    ("state", "=", "draft"),
                    ("cae_validation_state", "in", ("to_validate", "sent_back")),
                ],
                order="invoice_date desc, id desc",
                limit=50,
            )
        )

    def _activity_page_values(self, activity, **kwargs):
        values = super()._activity_page_values(activity, **kwargs)
        values["bills"] = self._my_bills(activity)
        return values

    @http.route(
        "/my/activity/bill/<int:bill_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_activity_bill(self, bill_id, **kwargs):
        bill = self._my_document("account.move", bill_id, "cae_activity_id")
        if bill.move_type not in PURCHASE_TYPES or bill.expense_sheet_id:
            raise request.not_found()
        attachments = (
            request.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "account.move"), ("res_id", "=", bill.id)])
        )
        return request.render(
            "cae_base.portal_my_activity_bill",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "cae_activity_bill",
                "activity": bill.cae_activity_id,
                "bill": bill,
                "attachments": attachments,
                # A flag, never text from the address.
                "bill_sent": kwargs.get("bill_sent") == "1",
            },
        )

    @http.route(
        "/my/activity/<int:activity_id>/bill/new",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_activity_bill_new(self, activity_id, **post):
        activity = self._my_activity(activity_id)
        today = fields.Date.context_today(activity)
        error = None
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():
                    bill = self._create_portal_bill(activity, post)
            except (UserError, ValidationError, AccessError) as exc:
                error = exc.args[0]
            else:
                return request.redirect(f"/my/activity/bill/{bill.id}?bill_sent=1")
        Move = request.env["account.move"]
        return request.render(
            "cae_base.portal_my_activity_bill_form",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "cae_activity_bill_new",
                "activity": activity,
                "categories": self._expense_categories(activity),
                "suppliers": Move._cae_portal_bill_suppliers(activity),
                "taxes": Move._cae_portal_bill_taxes(activity.company_id),
                "error": error,
                "values": post,
                "today": today,
                "oldest": today - relativedelta(months=PORTAL_MAX_AGE_MONTHS),
            },
        )

    def _read_bill_pdf(self):
        """``(name, data)`` of the uploaded bill: a PDF, read from its content."""
        _ = request.env._
        uploads = [
            upload
            for upload in request.httprequest.files.getlist("bill_pdf")
            if upload and upload.filename
        ]
        if not uploads:
            raise ValidationError(_("Attach the bill (PDF)."))
        if len(uploads) > 1:
            raise ValidationError(_("Attach one bill at a time."))
        upload = uploads[0]
        name = upload.filename[-RECEIPT_NAME_MAX:]
        data = upload.read(MAX_RECEIPT_SIZE + 1)
        if len(data) > MAX_RECEIPT_SIZE:
            raise ValidationError(
                _("The bill %(name)s is larger than 10 MB.", name=name)
            )
        if guess_mimetype(data) != "application/pdf":
            raise ValidationError(_("The bill %(name)s must be a PDF.", name=name))
        return name, data

    def _create_portal_bill(self, activity, post):
        entrepreneur = self._my_entrepreneurs().filtered(
            lambda e: e.activity_id == activity
        )[:1]
        if not entrepreneur:
            raise ValidationError(
                request.env._("You are not an entrepreneur of this activity.")
            )
        Move = request.env["account.move"]
        # Everything typed is checked before anything is written.
        values, supplier_name = Move._cae_prepare_portal_bill_vals(
            activity, post, self._expense_categories(activity)
        )
        pdf = self._read_bill_pdf()
        bill = Move.sudo()._cae_create_portal_bill(
            entrepreneur, values, supplier_name, pdf
        )
        _logger.info(
            "Supplier bill %s uploaded from the portal by user %s",
            bill.id,
            request.env.uid,
        )
        return bill

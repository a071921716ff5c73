# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customers, quotations and invoices of the entrepreneur's activity.

As every page of "My activity" (``cae_base/controllers/portal.py``): the
record is first checked to belong to one of the user's activities (404
otherwise), then read and written with sudo through the models' methods,
which apply the back office's rules to the portal user (context key
``cae_portal``). Bad input re-renders the form with a French error and
writes nothing. The customer signs the quotation on Odoo's own sale portal
(``/my/orders/<id>?access_token=``).
"""

import logging

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.tools import email_normalize

from odoo.addons.cae_base.controllers.portal import CaeActivityPortal

from ..models.sale_order_portal import parse_number

_logger = logging.getLogger(__name__)

CUSTOMER_FIELDS = ("name", "email", "phone", "street", "zip", "city", "vat")
CUSTOMER_TEXT_MAX = 200
LINE_KEYS = ("product_id", "name", "quantity", "price", "discount", "tax_id")
EMPTY_LINES = 3
INVOICE_TYPES = ("out_invoice", "out_refund")
ERRORS = (UserError, ValidationError, AccessError)


class CaeSalePortal(CaeActivityPortal):
    # ------------------------------------------------------------------
    # Ownership
    # ------------------------------------------------------------------
    def _cae_customers(self, activity):
        """The customers of the activity the entrepreneur may work with."""
        return (
            request.env["res.partner"]
            .sudo()
            .search(
                [
                    ("cae_activity_ids", "in", activity.ids),
                    ("user_ids", "=", False),
                    ("cae_entrepreneur_ids", "=", False),
                    ("cae_is_member", "=", False),
                ],
                order="name",
            )
        )

    def _cae_my_customer(self, partner_id):
        """A customer of one of the user's activities, and that activity."""
        partner = request.env["res.partner"].sudo().browse(partner_id).exists()
        activities = partner.cae_activity_ids & self._my_activities()
        if not activities or partner not in self._cae_customers(activities[:1]):
            raise request.not_found()
        return partner, activities[:1]

    def _cae_my_invoice(self, move_id):
        move = self._my_document("account.move", move_id, "cae_activity_id")
        if move.move_type not in INVOICE_TYPES:
            raise request.not_found()
        return move

    def _cae_render(self, template, activity, page_name, **values):
        return request.render(
            template,
            {
                **self._prepare_portal_layout_values(),
                "page_name": page_name,
                "activity": activity,
                **values,
            },
        )

    # ------------------------------------------------------------------
    # Customers
    # ------------------------------------------------------------------
    @http.route(
        "/my/activity/<int:activity_id>/customers",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_activity_customers(self, activity_id, **kwargs):
        activity = self._my_activity(activity_id)
        return self._cae_render(
            "cae_sale.portal_my_activity_customers",
            activity,
            "cae_activity_customers",
            customers=self._cae_customers(activity),
            saved=kwargs.get("saved") == "1",
        )

    def _cae_customer_vals(self, activity, post):
        _ = request.env._
        values = {
            key: (post.get(key) or "").strip()[:CUSTOMER_TEXT_MAX]
            for key in CUSTOMER_FIELDS
        }
        if not values["name"]:
            raise ValidationError(_("Give the name of the customer."))
        if values["email"] and not email_normalize(values["email"]):
            raise ValidationError(
                _("%(email)s is not an email address.", email=values["email"])
            )
        country = request.env["res.country"].sudo()
        if post.get("country_id"):
            raw = post["country_id"]
            country = country.browse(int(raw) if raw.isdigit() else 0).exists()
            if not country:
                raise ValidationError(_("Choose the country in the list."))
        values = {key: value or False for key, value in values.items()}
        values.update(
            is_company=post.get("is_company") == "1",
            country_id=country.id or activity.company_id.country_id.id,
        )
        return values

    def _cae_customer_form(self, activity, partner, post, error=None):
        return self._cae_render(
            "cae_sale.portal_my_activity_customer_form",
            activity,
            "cae_activity_customer_form",
            partner=partner,
            values=post,
            error=error,
            countries=request.env["res.country"].sudo().search([]),
        )

    @http.route(
        "/my/activity/<int:activity_id>/customer/new",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_activity_customer_new(self, activity_id, **post):
        activity = self._my_activity(activity_id)
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():
                    values = self._cae_customer_vals(activity, post)
                    partner = (
                        request.env["res.partner"]
                        .sudo()
                        .create(
                            dict(
                                values,
                                company_id=activity.company_id.id,
                                cae_activity_ids=[(6, 0, activity.ids)],
                            )
                        )
                    )
            except ERRORS as exc:
                return self._cae_customer_form(activity, None, post, exc.args[0])
            _logger.info(
                "Customer %s created from the portal by user %s",
                partner.id,
                request.env.uid,
            )
            if post.get("next") == "quote":
                return request.redirect(
                    f"/my/activity/{activity.id}/quote/new?partner_id={partner.id}"
                )
            return request.redirect(f"/my/activity/{activity.id}/customers?saved=1")
        values = {"is_company": "1", "next": post.get("next")}
        return self._cae_customer_form(activity, None, values)

    @http.route(
        "/my/activity/customer/<int:partner_id>",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_activity_customer(self, partner_id, **post):
        partner, activity = self._cae_my_customer(partner_id)
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():
                    partner.write(self._cae_customer_vals(activity, post))
            except ERRORS as exc:
                return self._cae_customer_form(activity, partner, post, exc.args[0])
            return request.redirect(f"/my/activity/{activity.id}/customers?saved=1")
        values = {key: partner[key] or "" for key in CUSTOMER_FIELDS}
        values.update(
            is_company="1" if partner.is_company else "0",
            country_id=str(partner.country_id.id),
        )
        return self._cae_customer_form(activity, partner, values)

    # ------------------------------------------------------------------
    # Quotations
    # ------------------------------------------------------------------
    @http.route(
        "/my/activity/<int:activity_id>/quotes",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_activity_quotes(self, activity_id, **kwargs):
        activity = self._my_activity(activity_id)
        Order = request.env["sale.order"].sudo()
        Move = request.env["account.move"].sudo()
        return self._cae_render(
            "cae_sale.portal_my_activity_quotes",
            activity,
            "cae_activity_quotes",
            orders=Order.search(
                [("cae_activity_id", "=", activity.id)],
                order="date_order desc, id desc",
                limit=100,
            ),
            invoices=Move.search(
                [
                    ("cae_activity_id", "=", activity.id),
                    ("move_type", "in", INVOICE_TYPES),
                ],
                order="invoice_date desc, id desc",
                limit=100,
            ),
        )

    def _cae_posted_lines(self):
        form = request.httprequest.form
        columns = {key: form.getlist(f"line_{key}") for key in LINE_KEYS}
        count = max(len(values) for values in columns.values())
        return [
            {
                key: (columns[key][index] if index < len(columns[key]) else "")
                for key in LINE_KEYS
            }
            for index in range(count)
        ]

    def _cae_order_lines(self, order):
        return [
            {
                "product_id": str(line.product_id.id),
                "name": line.name,
                "quantity": f"{line.product_uom_qty:g}",
                "price": f"{line.price_unit:.2f}",
                "discount": f"{line.discount:g}" if line.discount else "",
                "tax_id": str(line.tax_id[:1].id),
            }
            for line in order.order_line.filtered(lambda line: not line.display_type)
        ]

    def _cae_quote_form(self, activity, order, values, lines, error=None):
        Order = request.env["sale.order"]
        taxes = Order._cae_portal_taxes(activity)
        default_tax = activity.company_id.account_sale_tax_id
        empty = {key: "" for key in LINE_KEYS}
        empty["tax_id"] = str(default_tax.id) if default_tax in taxes else ""
        return self._cae_render(
            "cae_sale.portal_my_activity_quote_form",
            activity,
            "cae_activity_quote_form",
            order=order,
            values=values,
            lines=list(lines) + [dict(empty) for _i in range(EMPTY_LINES)],
            customers=self._cae_customers(activity),
            products=Order._cae_portal_products(activity),
            taxes=taxes,
            error=error,
        )

    @http.route(
        "/my/activity/<int:activity_id>/quote/new",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_activity_quote_new(self, activity_id, **post):
        activity = self._my_activity(activity_id)
        if request.httprequest.method == "POST":
            lines = self._cae_posted_lines()
            Order = request.env["sale.order"].sudo().with_company(activity.company_id)
            try:
                with request.env.cr.savepoint():
                    vals = Order._cae_portal_prepare_vals(
                        activity, post, lines, self._cae_customers(activity)
                    )
                    order = Order._cae_portal_create(vals)
            except ERRORS as exc:
                return self._cae_quote_form(activity, None, post, lines, exc.args[0])
            _logger.info(
                "Quotation %s created from the portal by user %s",
                order.id,
                request.env.uid,
            )
            return request.redirect(f"/my/activity/quote/{order.id}?done=saved")
        return self._cae_quote_form(
            activity, None, {"partner_id": post.get("partner_id", "")}, []
        )

    @http.route(
        "/my/activity/quote/<int:order_id>/edit",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_activity_quote_edit(self, order_id, **post):
        order = self._my_document("sale.order", order_id, "cae_activity_id")
        activity = order.cae_activity_id
        if request.httprequest.method == "POST":
            lines = self._cae_posted_lines()
            try:
                with request.env.cr.savepoint():
                    vals = order._cae_portal_prepare_vals(
                        activity, post, lines, self._cae_customers(activity)
                    )
                    order._cae_portal_update(vals)
            except ERRORS as exc:
                return self._cae_quote_form(activity, order, post, lines, exc.args[0])
            return request.redirect(f"/my/activity/quote/{order.id}?done=saved")
        try:
            order._cae_portal_check_editable()
        except ERRORS as exc:
            return self._cae_quote_page(order, error=exc.args[0])
        values = {
            "partner_id": str(order.partner_id.id),
            "validity_date": order.validity_date and str(order.validity_date) or "",
            "note": order.note and order.note.striptags() or "",
        }
        return self._cae_quote_form(
            activity, order, values, self._cae_order_lines(order)
        )

    def _cae_quote_page(self, order, error=None, done=None):
        return self._cae_render(
            "cae_sale.portal_my_activity_quote",
            order.cae_activity_id,
            "cae_activity_quote",
            order=order,
            invoices=order.invoice_ids.sorted("id"),
            customer_url=order.get_base_url() + order.get_portal_url()
            if order.access_token and order.state in ("sent", "sale")
            else False,
            error=error,
            done=done,
        )

    @http.route(
        "/my/activity/quote/<int:order_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_activity_quote(self, order_id, **kwargs):
        order = self._my_document("sale.order", order_id, "cae_activity_id")
        done = kwargs.get("done")
        return self._cae_quote_page(
            order, done=done if done in ("saved", "sent") else None
        )

    @http.route(
        "/my/activity/quote/<int:order_id>/pdf",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_activity_quote_pdf(self, order_id, **kwargs):
        order = self._my_document("sale.order", order_id, "cae_activity_id")
        return self._show_report(
            model=order,
            report_type="pdf",
            report_ref="sale.action_report_saleorder",
            download=kwargs.get("download") == "1",
        )

    @http.route(
        "/my/activity/quote/<int:order_id>/send",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_activity_quote_send(self, order_id, **post):
        order = self._my_document("sale.order", order_id, "cae_activity_id")
        try:
            with request.env.cr.savepoint():
                order._cae_portal_send()
        except ERRORS as exc:
            return self._cae_quote_page(order, error=exc.args[0])
        return request.redirect(f"/my/activity/quote/{order.id}?done=sent")

    @http.route(
        "/my/activity/quote/<int:order_id>/invoice",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_activity_quote_invoice(self, order_id, **post):
        order = self._my_document("sale.order", order_id, "cae_activity_id")
        method = post.get("method") or ""
        amount = parse_number(post.get("amount") or "")
        try:
            with request.env.cr.savepoint():
                invoices = order._cae_portal_invoice(method, amount)
        except ERRORS as exc:
            return self._cae_quote_page(order, error=exc.args[0])
        return request.redirect(f"/my/activity/invoice/{invoices[:1].id}?done=created")

    # ------------------------------------------------------------------
    # Invoices
    # ------------------------------------------------------------------
    def _cae_invoice_page(self, move, error=None, done=None):
        return self._cae_render(
            "cae_sale.portal_my_activity_invoice",
            move.cae_activity_id,
            "cae_activity_invoice",
            invoice=move,
            orders=move.line_ids.sale_line_ids.order_id,
            error=error,
            done=done,
        )

    @http.route(
        "/my/activity/invoice/<int:move_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_activity_invoice(self, move_id, **kwargs):
        move = self._cae_my_invoice(move_id)
        done = kwargs.get("done")
        return self._cae_invoice_page(
            move,
            done=done if done in ("created", "submitted", "sent", "refund") else None,
        )

    @http.route(
        "/my/activity/invoice/<int:move_id>/pdf",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_activity_invoice_pdf(self, move_id, **kwargs):
        """The invoice's PDF, also as a preview while in draft."""
        move = self._cae_my_invoice(move_id)
        return self._show_report(
            model=move,
            report_type="pdf",
            report_ref="account.account_invoices",
            download=kwargs.get("download") == "1",
        )

    def _cae_invoice_step(self, move_id, step, done, *args):
        move = self._cae_my_invoice(move_id)
        try:
            with request.env.cr.savepoint():
                getattr(move, step)(*args)
        except ERRORS as exc:
            return self._cae_invoice_page(move, error=exc.args[0])
        return request.redirect(f"/my/activity/invoice/{move.id}?done={done}")

    @http.route(
        "/my/activity/invoice/<int:move_id>/submit",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_activity_invoice_submit(self, move_id, **post):
        return self._cae_invoice_step(move_id, "_cae_portal_submit", "submitted")

    @http.route(
        "/my/activity/invoice/<int:move_id>/send",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_activity_invoice_send(self, move_id, **post):
        return self._cae_invoice_step(move_id, "_cae_portal_send", "sent")

    @http.route(
        "/my/activity/invoice/<int:move_id>/refund",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_activity_invoice_refund(self, move_id, **post):
        return self._cae_invoice_step(
            move_id, "_cae_portal_request_refund", "refund", post.get("reason")
        )

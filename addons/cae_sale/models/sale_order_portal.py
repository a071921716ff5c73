# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Quotations prepared on the portal by the activity's entrepreneur.

The portal controller checks that the quotation belongs to one of the
user's activities, then calls these methods with ``sudo()`` and the context
key ``cae_portal``: the checks of the back office (``_cae_is_restricted``:
own activity, no confirmation, no sending while waiting for validation)
apply to the portal user as to an entrepreneur of the back office.
"""

import math

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

PORTAL_AMOUNT_MAX = 1_000_000.0
PORTAL_QUANTITY_MAX = 100_000.0
PORTAL_LINES_MAX = 50
PORTAL_TEXT_MAX = 1000
PORTAL_NOTE_MAX = 5000


def parse_number(raw):
    """A number typed on the portal (``42,50``, ``1 234.5``), or ``None``."""
    raw = raw or ""
    for space in (" ", "\u00a0", "\u202f"):
        raw = raw.replace(space, "")
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _cae_is_restricted(self):
        return super()._cae_is_restricted() or bool(self.env.context.get("cae_portal"))

    # ------------------------------------------------------------------
    # Choices of the portal's form
    # ------------------------------------------------------------------
    @api.model
    def _cae_portal_products(self, activity):
        return (
            self.env["product.product"]
            .sudo()
            .search(
                [
                    ("sale_ok", "=", True),
                    ("company_id", "in", (False, activity.company_id.id)),
                ],
                order="name",
            )
        )

    @api.model
    def _cae_portal_taxes(self, activity):
        return (
            self.env["account.tax"]
            .sudo()
            .search(
                [
                    ("type_tax_use", "=", "sale"),
                    ("company_id", "=", activity.company_id.id),
                ],
                order="sequence, amount desc",
            )
        )

    # ------------------------------------------------------------------
    # Checks of what was typed
    # ------------------------------------------------------------------
    @api.model
    def _cae_portal_prepare_vals(self, activity, post, lines, customers):
        """Check what the entrepreneur typed; raise in their language.

        :param post: the form's fields (customer, validity, notes).
        :param lines: ``[dict]`` of the lines typed (product_id, name,
            quantity, price, discount, tax_id), as strings.
        :param customers: the customers the entrepreneur may choose.
        :return: values of the quotation (its lines as commands to append).
        """
        _ = self.env._
        customer = customers.filtered(
            lambda p: str(p.id) == (post.get("partner_id") or "")
        )
        if not customer:
            raise ValidationError(_("Choose the customer of the quotation."))
        products = self._cae_portal_products(activity)
        taxes = self._cae_portal_taxes(activity)
        commands = []
        for number, line in enumerate(lines, start=1):
            # The VAT is preselected on the empty lines: not what was typed.
            if not any(
                (line.get(key) or "").strip() for key in line if key != "tax_id"
            ):
                continue
            commands.append(
                Command.create(
                    self._cae_portal_line_vals(number, line, products, taxes)
                )
            )
        if not commands:
            raise ValidationError(_("Add at least one line to the quotation."))
        if len(commands) > PORTAL_LINES_MAX:
            raise ValidationError(
                _("A quotation has %(max)s lines at most.", max=PORTAL_LINES_MAX)
            )
        validity = post.get("validity_date") or False
        if validity:
            try:
                validity = fields.Date.to_date(validity)
            except ValueError:
                raise ValidationError(_("The validity date is not a date.")) from None
            if validity < fields.Date.context_today(activity):
                raise ValidationError(_("The validity date is already past."))
        note = (post.get("note") or "").strip()
        if len(note) > PORTAL_NOTE_MAX:
            raise ValidationError(
                _("The notes are %(max)s characters at most.", max=PORTAL_NOTE_MAX)
            )
        values = {
            "partner_id": customer.id,
            "company_id": activity.company_id.id,
            "cae_activity_id": activity.id,
            "validity_date": validity,
            "require_signature": True,
            "order_line": commands,
        }
        if note:
            # Else the company's terms and conditions (the default).
            values["note"] = plaintext2html(note)
        return values

    @api.model
    def _cae_portal_line_vals(self, number, line, products, taxes):
        _ = self.env._
        product = products.filtered(
            lambda p: str(p.id) == (line.get("product_id") or "")
        )
        if not product:
            raise ValidationError(
                _("Line %(number)s: choose what you sell.", number=number)
            )
        name = (line.get("name") or "").strip() or product.display_name
        if len(name) > PORTAL_TEXT_MAX:
            raise ValidationError(
                _(
                    "Line %(number)s: the description is %(max)s characters at most.",
                    number=number,
                    max=PORTAL_TEXT_MAX,
                )
            )
        quantity = parse_number(line.get("quantity") or "1")
        if quantity is None or quantity <= 0 or quantity > PORTAL_QUANTITY_MAX:
            raise ValidationError(
                _(
                    "Line %(number)s: the quantity must be a number greater than "
                    "zero.",
                    number=number,
                )
            )
        raw_price = (line.get("price") or "").strip()
        price = parse_number(raw_price) if raw_price else product.lst_price
        if price is None or price < 0 or price > PORTAL_AMOUNT_MAX:
            raise ValidationError(
                _(
                    "Line %(number)s: the unit price must be a positive amount.",
                    number=number,
                )
            )
        discount = parse_number(line.get("discount") or "0")
        if discount is None or not 0 <= discount <= 100:
            raise ValidationError(
                _(
                    "Line %(number)s: the discount is a percentage between 0 and "
                    "100.",
                    number=number,
                )
            )
        tax = taxes.filtered(lambda t: str(t.id) == (line.get("tax_id") or ""))
        if not tax:
            raise ValidationError(
                _(
                    "Line %(number)s: choose its VAT rate (an exempt rate if the "
                    "sale is exempt).",
                    number=number,
                )
            )
        return {
            "product_id": product.id,
            "name": name,
            "product_uom_qty": quantity,
            "price_unit": price,
            "discount": discount,
            "tax_id": [Command.set(tax.ids)],
        }

    # ------------------------------------------------------------------
    # Steps from the portal (called with sudo, after the ownership check)
    # ------------------------------------------------------------------
    def _cae_portal_check_editable(self):
        """The workflow guard's rule: a quotation, not waiting for validation."""
        self.ensure_one()
        if not self._cae_workflow_is_open(self._cae_workflow_state()):
            raise self._cae_workflow_error(set(), self)

    @api.model
    def _cae_portal_create(self, vals):
        order = self.with_context(cae_portal=True).create(vals)
        return order.with_context(cae_portal=False)

    def _cae_portal_update(self, vals):
        self._cae_portal_check_editable()
        vals = dict(vals, order_line=[Command.clear(), *vals["order_line"]])
        self.with_context(cae_portal=True).write(vals)

    def _cae_portal_send(self):
        """Send the quotation to the customer, who signs it online."""
        self.ensure_one()
        order = self.with_context(cae_portal=True)
        order._cae_portal_check_editable()
        order._cae_check_can_send()
        if not order.order_line.filtered(lambda line: not line.display_type):
            raise UserError(
                self.env._(
                    "Add at least one line to %(document)s before sending it.",
                    document=order.display_name,
                )
            )
        order.require_signature = True
        order._portal_ensure_token()
        template = order._find_mail_template()
        order.with_context(mark_so_as_sent=True).message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            email_layout_xmlid="mail.mail_notification_layout_with_responsible_signature",
        )
        return True

    def _cae_portal_invoice(self, method, amount=None):
        """The invoice of the signed order, or a down payment, in draft."""
        self.ensure_one()
        _ = self.env._
        if self.state != "sale":
            raise UserError(
                _("The customer has not signed %(document)s yet.", document=self.name)
            )
        values = {"advance_payment_method": method, "sale_order_ids": self.ids}
        if method == "percentage":
            if amount is None or not 0 < amount < 100:
                raise ValidationError(
                    _("The down payment is a percentage between 0 and 100.")
                )
            values["amount"] = amount
        elif method == "fixed":
            if amount is None or not 0 < amount < self.amount_total:
                raise ValidationError(
                    _(
                        "The down payment is an amount greater than zero and lower "
                        "than the order's total."
                    )
                )
            values["fixed_amount"] = amount
        elif method != "delivered":
            raise ValidationError(_("Choose what to invoice."))
        if method == "delivered" and self.invoice_status != "to invoice":
            raise UserError(
                _("Nothing is left to invoice on %(document)s.", document=self.name)
            )
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_company(self.company_id)
            .with_context(active_model="sale.order", active_ids=self.ids)
            .create(values)
        )
        invoices = wizard._create_invoices(self)
        return invoices.with_context(cae_portal=False)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Supplier bills the entrepreneur uploads on the portal.

The entrepreneur gives the bill's PDF and what she reads on it (supplier,
date, amount incl. VAT, VAT); the bill becomes a draft vendor bill of her
activity, submitted to the accountants through the same step as in the back
office (:meth:`action_cae_submit`, with its checks), who post it, send it
back or pay it. She follows it on the portal (:attr:`cae_portal_bill_state`).
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, format_amount

from .hr_expense import PORTAL_AMOUNT_MAX, PORTAL_NOTES_MAX

PORTAL_SUPPLIER_MAX = 120
PORTAL_REF_MAX = 64
# The bill as the entrepreneur follows it on the portal.
PORTAL_BILL_STATES = [
    ("draft", "Not sent"),
    ("to_validate", "Submitted to the accountant"),
    ("sent_back", "Sent back to you"),
    ("posted", "Posted, to be paid"),
    ("partial", "Partly paid"),
    ("paid", "Paid in full"),
    ("cancel", "Cancelled by the cooperative"),
]


# One model, split by concern: the portal's bills in their own file.
# pylint: disable=consider-merging-classes-inherited
class AccountMove(models.Model):
    _inherit = "account.move"

    cae_portal_bill_state = fields.Selection(
        selection=PORTAL_BILL_STATES,
        string="Bill status",
        compute="_compute_cae_portal_bill_state",
        help="Where the bill stands, as the entrepreneur sees it on the portal.",
    )

    @api.depends("state", "payment_state", "cae_validation_state")
    def _compute_cae_portal_bill_state(self):
        for move in self:
            if move.state == "cancel":
                state = "cancel"
            elif move.state == "posted":
                if move.payment_state in ("paid", "in_payment", "reversed"):
                    state = "paid"
                elif move.payment_state == "partial":
                    state = "partial"
                else:
                    state = "posted"
            elif move.cae_validation_state in ("to_validate", "sent_back"):
                state = move.cae_validation_state
            else:
                state = "draft"
            move.cae_portal_bill_state = state

    # ------------------------------------------------------------------
    # Supplier bills from the portal
    # ------------------------------------------------------------------
    @api.model
    def _cae_portal_bill_taxes(self, company):
        """The purchase taxes an entrepreneur may choose (percentages)."""
        Tax = self.env["account.tax"].sudo()
        taxes = Tax.search(
            [
                *Tax._check_company_domain(company),
                ("type_tax_use", "=", "purchase"),
                ("amount_type", "=", "percent"),
                ("price_include", "=", False),
            ],
            order="sequence, amount desc, id",
        )
        # Not the reverse charges (due and deducted at once: no VAT paid).
        return taxes.filtered(
            lambda tax: sum(
                tax.invoice_repartition_line_ids.filtered(
                    lambda line: line.repartition_type == "tax"
                ).mapped("factor_percent")
            )
            == 100
        )

    @api.model
    def _cae_portal_bill_suppliers(self, activity):
        """The activity's contacts, among which the supplier is chosen."""
        Partner = self.env["res.partner"].sudo()
        return Partner.search(
            [
                ("cae_activity_ids", "in", activity.ids),
                ("parent_id", "=", False),
                *Partner._check_company_domain(activity.company_id),
            ],
            order="name",
        )

    @api.model
    def _cae_portal_vat_of(self, tax, untaxed, currency):
        """The VAT ``tax`` puts on ``untaxed`` (rounded to the currency)."""
        taxes = tax.compute_all(untaxed, currency=currency)
        return currency.round(taxes["total_included"] - taxes["total_excluded"])

    @api.model
    def _cae_portal_bill_supplier(self, activity, post):
        """``(partner chosen, or empty; name typed)``, checked."""
        _ = self.env._
        supplier_name = " ".join((post.get("supplier_name") or "").split())
        try:
            supplier_id = int(post.get("supplier_id") or 0)
        except ValueError:
            supplier_id = -1
        supplier = self.env["res.partner"]
        if supplier_id:
            supplier = self._cae_portal_bill_suppliers(activity).filtered(
                lambda p: p.id == supplier_id
            )
            if not supplier:
                raise ValidationError(
                    _("Choose the supplier from the list, or type its name.")
                )
        elif not supplier_name:
            raise ValidationError(_("Choose the supplier, or type its name."))
        elif len(supplier_name) > PORTAL_SUPPLIER_MAX:
            raise ValidationError(
                _(
                    "The supplier's name takes %(max)s characters at most.",
                    max=PORTAL_SUPPLIER_MAX,
                )
            )
        return supplier, supplier_name

    @api.model
    def _cae_prepare_portal_bill_vals(self, activity, post, categories):
        """Check what the entrepreneur typed; raise in her language.

        :return: ``(values, supplier_name)``: the values of the draft bill
            and, for a supplier typed rather than chosen, its name.
        """
        _ = self.env._
        company = activity.company_id
        currency = company.currency_id
        supplier, supplier_name = self._cae_portal_bill_supplier(activity, post)
        ref = (post.get("ref") or "").strip()
        if len(ref) > PORTAL_REF_MAX:
            raise ValidationError(
                _(
                    "The bill's number takes %(max)s characters at most.",
                    max=PORTAL_REF_MAX,
                )
            )
        name = (post.get("name") or "").strip()
        if len(name) > PORTAL_NOTES_MAX:
            raise ValidationError(
                _(
                    "The description takes %(max)s characters at most.",
                    max=PORTAL_NOTES_MAX,
                )
            )
        Expense = self.env["hr.expense"]
        product = Expense._cae_portal_choice(post.get("product_id"), categories)
        if not product:
            raise ValidationError(_("Choose the category of the purchase."))
        bill_date = Expense._cae_portal_date(post.get("invoice_date"), "bill")
        total = Expense._cae_portal_amount(post.get("amount_total"), "bill", currency)
        vat = Expense._cae_parse_portal_amount(post.get("amount_tax") or "")
        if vat is None or abs(vat) > PORTAL_AMOUNT_MAX or currency.round(vat) < 0:
            raise ValidationError(
                _("Give the VAT of the bill, e.g. 20.00 (0 if there is none).")
            )
        vat = currency.round(vat)
        if float_compare(vat, total, precision_rounding=currency.rounding) >= 0:
            raise ValidationError(
                _(
                    "The VAT (%(vat)s) must be less than the amount VAT included "
                    "(%(total)s).",
                    vat=format_amount(self.env, vat, currency),
                    total=format_amount(self.env, total, currency),
                )
            )
        untaxed = currency.round(total - vat)
        taxes = self._cae_portal_bill_taxes(company)
        tax = self._cae_portal_bill_tax(post, taxes, untaxed, vat, currency)
        return (
            {
                "move_type": "in_invoice",
                "company_id": company.id,
                "cae_activity_id": activity.id,
                "partner_id": supplier.id or False,
                "ref": ref or False,
                "invoice_date": bill_date,
                "invoice_line_ids": [
                    fields.Command.create(
                        {
                            "product_id": product.id,
                            "name": name or product.display_name,
                            "quantity": 1,
                            "price_unit": untaxed,
                            "tax_ids": [fields.Command.set(tax.ids)],
                        }
                    )
                ],
            },
            supplier_name if not supplier else None,
        )

    @api.model
    def _cae_portal_bill_tax(self, post, taxes, untaxed, vat, currency):
        """The tax chosen, or the one the amounts give; it must give ``vat``."""
        _ = self.env._
        try:
            tax_id = int(post.get("tax_id") or 0)
        except ValueError:
            tax_id = -1
        if tax_id:
            tax = taxes.filtered(lambda t: t.id == tax_id)
            if not tax:
                raise ValidationError(_("Choose the VAT rate from the list."))
            expected = self._cae_portal_vat_of(tax, untaxed, currency)
            if float_compare(expected, vat, precision_rounding=currency.rounding):
                raise ValidationError(
                    _(
                        "The VAT of %(vat)s does not match the rate “%(tax)s” on "
                        "%(untaxed)s excluding VAT (%(expected)s): check the "
                        "amounts or the rate.",
                        vat=format_amount(self.env, vat, currency),
                        tax=tax.name,
                        untaxed=format_amount(self.env, untaxed, currency),
                        expected=format_amount(self.env, expected, currency),
                    )
                )
            return tax
        matching = taxes.filtered(
            lambda t: not float_compare(
                self._cae_portal_vat_of(t, untaxed, currency),
                vat,
                precision_rounding=currency.rounding,
            )
        )
        default = matching & taxes.company_id.account_purchase_tax_id
        if default or matching:
            return (default or matching)[:1]
        raise ValidationError(
            _(
                "No VAT rate of the cooperative gives %(vat)s on %(untaxed)s "
                "excluding VAT: check the amounts, or choose the rate.",
                vat=format_amount(self.env, vat, currency),
                untaxed=format_amount(self.env, untaxed, currency),
            )
        )

    @api.model
    def _cae_create_portal_bill(self, entrepreneur, values, supplier_name, pdf):
        """Create the draft bill with its PDF and submit it to the accountants.

        ``pdf`` is ``(filename, data)``; the caller runs this in a savepoint,
        so that a refused submission leaves nothing behind.
        """
        company = self.env["res.company"].browse(values["company_id"])
        activity = self.env["cae.activity"].browse(values["cae_activity_id"])
        if supplier_name:
            supplier = self._cae_portal_bill_suppliers(activity).filtered(
                lambda p: p.name.casefold() == supplier_name.casefold()
            )[:1]
            if not supplier:
                supplier = (
                    self.env["res.partner"]
                    .with_company(company)
                    .create(
                        {
                            "name": supplier_name,
                            "is_company": True,
                            "company_id": company.id,
                        }
                    )
                )
            values = {**values, "partner_id": supplier.id}
        bill = self.with_company(company).create(values)
        filename, data = pdf
        attachment = self.env["ir.attachment"].create(
            {
                "name": filename,
                "mimetype": "application/pdf",
                "raw": data,
                "res_model": self._name,
                "res_id": bill.id,
            }
        )
        bill.message_main_attachment_id = attachment
        bill.message_post(
            body=self.env._(
                "Supplier bill uploaded from the portal by %(name)s.",
                name=entrepreneur.name,
            ),
            attachment_ids=attachment.ids,
        )
        # The back office's step, with its checks.
        bill.action_cae_submit()
        return bill

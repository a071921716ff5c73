# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The invoices of the portal's quotations: submitted, sent, followed.

Called by the portal controller with ``sudo()`` after its ownership check,
with the context key ``cae_portal``: the back office's rules for the
entrepreneurs (``_cae_is_restricted``) apply.
"""

from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

REFUND_REASON_MAX = 1000
# A customer gets at most one reminder a week from the portal: enough to
# follow an unpaid invoice, too few to be harassment in the cooperative's name.
REMINDER_MIN_INTERVAL = timedelta(days=7)


class AccountMove(models.Model):
    _inherit = "account.move"

    cae_refund_requested = fields.Boolean(
        string="Credit note requested",
        copy=False,
        readonly=True,
        help="The entrepreneur asked the accountant for a credit note.",
    )
    cae_last_sent = fields.Datetime(
        string="Last sent from the portal",
        copy=False,
        readonly=True,
        help="When the entrepreneur last sent the invoice or a reminder to the "
        "customer; a reminder waits a week after it.",
    )

    def _cae_is_restricted(self):
        return super()._cae_is_restricted() or bool(self.env.context.get("cae_portal"))

    def _cae_check_lines_submittable(self, lines, taxes_field):
        """A down payment line has no product: its label says what it is
        (“Down payment of 30%”), its VAT is the order's."""
        down_payments = lines.filtered(
            lambda line: not line.product_id
            and line.sale_line_ids
            and all(line.sale_line_ids.mapped("is_downpayment"))
        )
        for line in down_payments:
            if not (line.name or "").strip() or not line[taxes_field]:
                raise UserError(
                    self.env._(
                        "The down payment line of %(document)s needs its "
                        "description and its VAT rate.",
                        document=self.display_name,
                    )
                )
        return super()._cae_check_lines_submittable(lines - down_payments, taxes_field)

    # ------------------------------------------------------------------
    # Steps from the portal
    # ------------------------------------------------------------------
    def _cae_portal_submit(self):
        return self.with_context(cae_portal=True)._cae_submit()

    def _cae_portal_send(self):
        """Send the posted invoice to the customer, with its PDF; once sent
        and while unpaid, a reminder, at most one a week."""
        self.ensure_one()
        move = self.with_context(cae_portal=True)
        if move.state != "posted" or not move.is_sale_document():
            raise UserError(
                self.env._(
                    "%(document)s can be sent once the accountant has posted it.",
                    document=move.display_name,
                )
            )
        if move._cae_is_reminder():
            move._cae_check_can_remind()
            template = self.env.ref("cae_sale.email_template_invoice_reminder")
            subtype = "cae_sale.mt_invoice_reminder"
        else:
            template = self.env.ref("account.email_template_edi_invoice")
            subtype = "mail.mt_comment"
        move._portal_ensure_token()
        move.message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid=subtype,
            email_layout_xmlid="mail.mail_notification_layout_with_responsible_signature",
        )
        move.write({"is_move_sent": True, "cae_last_sent": fields.Datetime.now()})
        return True

    def _cae_is_reminder(self):
        """Sending again an invoice sent and not paid reminds the customer."""
        return (
            self.is_move_sent
            and self.move_type == "out_invoice"
            and self.payment_state not in ("paid", "in_payment", "reversed")
        )

    def _cae_check_can_remind(self):
        last = self.cae_last_sent
        if last and fields.Datetime.now() < last + REMINDER_MIN_INTERVAL:
            raise UserError(
                self.env._(
                    "The customer was last written to on %(date)s: the next "
                    "reminder can be sent from %(next)s.",
                    date=format_date(self.env, last),
                    next=format_date(self.env, last + REMINDER_MIN_INTERVAL),
                )
            )

    def _cae_reminders(self):
        """The reminders sent to the customer, newest first."""
        subtype = self.env.ref("cae_sale.mt_invoice_reminder")
        return (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("subtype_id", "=", subtype.id),
                ],
                order="date desc, id desc",
            )
        )

    def _cae_portal_request_refund(self, reason):
        """The entrepreneur drafts the credit note of the whole invoice and
        submits it: the accountant checks it (or changes its amount) and
        posts it, with the reason in front of her."""
        self.ensure_one()
        _ = self.env._
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(_("Say why the credit note is needed."))
        if len(reason) > REFUND_REASON_MAX:
            raise ValidationError(
                _("The reason is %(max)s characters at most.", max=REFUND_REASON_MAX)
            )
        if self.state != "posted" or self.move_type != "out_invoice":
            raise UserError(
                _(
                    "A credit note is asked for a posted invoice: %(document)s.",
                    document=self.display_name,
                )
            )
        if self.cae_refund_requested or self.reversal_move_ids:
            raise UserError(
                _(
                    "A credit note of %(document)s already exists.",
                    document=self.display_name,
                )
            )
        credit_note = self.with_context(cae_portal=True)._reverse_moves(
            [
                {
                    "ref": _(
                        "Reversal of: %(invoice)s, %(reason)s",
                        invoice=self.name,
                        reason=reason,
                    ),
                    "invoice_date": fields.Date.context_today(self),
                }
            ],
            cancel=False,
        )
        self.cae_refund_requested = True
        body = _("Credit note requested: %(reason)s", reason=reason)
        self.message_post(body=body)
        credit_note.message_post(body=body)
        # Submitted as any document: the validating accountant gets its
        # to-do; the reason is in its reference and its chatter.
        credit_note._cae_portal_submit()
        return credit_note

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The invoices of the portal's quotations: submitted, sent, followed.

Called by the portal controller with ``sudo()`` after its ownership check,
with the context key ``cae_portal``: the back office's rules for the
entrepreneurs (``_cae_is_restricted``) apply.
"""

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError

REFUND_REASON_MAX = 1000


class AccountMove(models.Model):
    _inherit = "account.move"

    cae_refund_requested = fields.Boolean(
        string="Credit note requested",
        copy=False,
        readonly=True,
        help="The entrepreneur asked the accountant for a credit note.",
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
        """Send the posted invoice to the customer, with its PDF."""
        self.ensure_one()
        move = self.with_context(cae_portal=True)
        if move.state != "posted" or not move.is_sale_document():
            raise UserError(
                self.env._(
                    "%(document)s can be sent once the accountant has posted it.",
                    document=move.display_name,
                )
            )
        move._portal_ensure_token()
        template = self.env.ref("account.email_template_edi_invoice")
        move.message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            email_layout_xmlid="mail.mail_notification_layout_with_responsible_signature",
        )
        move.is_move_sent = True
        return True

    def _cae_portal_request_refund(self, reason):
        """Ask the accountant for a credit note: a to-do with the reason."""
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
        self.cae_refund_requested = True
        self.message_post(
            body=_("Credit note requested: %(reason)s", reason=reason),
        )
        validator = self.company_id.cae_validator_id
        if validator:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=validator.id,
                summary=_("Credit note requested"),
                note=reason,
            )
        return True

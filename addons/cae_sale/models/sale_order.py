# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class SaleOrder(models.Model):
    """Quotations of an activity, prepared by its entrepreneur.

    An entrepreneur without accounting rights prepares and submits the
    quotations of their own activity; the cooperative's accountants confirm
    them (the validation) or send them back (``cae.validation.mixin``). The
    invoices of the order belong to the same activity.
    """

    _name = "sale.order"
    _inherit = ["sale.order", "cae.validation.mixin"]
    _cae_workflow_fields = frozenset(
        {"cae_validation_state", "locked", "signature", "signed_by", "signed_on"}
    )
    # ... and for the entrepreneurs: the order's number.
    _cae_entrepreneur_workflow_fields = frozenset({"name"})
    _cae_workflow_open_states = frozenset({"draft", "sent"})
    _cae_workflow_steps = (
        "action_confirm",
        "_action_confirm",
        "action_cancel",
        "_action_cancel",
        "action_draft",
        "action_quotation_sent",
        "action_lock",
        "action_unlock",
        "_create_invoices",
        "_cae_submit",
        "_cae_mark_validated",
        "_cae_send_back",
    )

    cae_activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity",
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self._cae_default_activity(),
        help="Activity of the cooperative this order belongs to; its invoices "
        "and their analytic account follow.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders._cae_after_create()
        return orders

    def write(self, vals):
        res = super().write(vals)
        self._cae_after_write(vals)
        return res

    def _cae_workflow_guarded_fields(self):
        fields = super()._cae_workflow_guarded_fields()
        if self.env.user._cae_is_entrepreneur_only():
            fields |= self._cae_entrepreneur_workflow_fields
        return fields

    # Counters other add-ons put on the order form from models entrepreneurs
    # cannot read (event_sale: registrations). Their totals concern the
    # order only, which the entrepreneur may read.
    CAE_SUDO_COUNTERS = ("attendee_count",)

    def _compute_field_value(self, field):
        if field.name in self.CAE_SUDO_COUNTERS and self._cae_is_restricted():
            return super(SaleOrder, self.sudo())._compute_field_value(field)
        return super()._compute_field_value(field)

    def action_confirm(self):
        self._cae_check_can_confirm()
        res = super().action_confirm()
        self._cae_mark_validated()
        return res

    def _cae_check_can_confirm(self):
        if self._cae_is_restricted():
            raise AccessError(
                self.env._(
                    "Only the cooperative's accountants confirm orders: submit "
                    "the quotation for validation instead."
                )
            )

    # ------------------------------------------------------------------
    # Sending the quotation
    # ------------------------------------------------------------------
    def action_quotation_send(self):
        self._cae_check_can_send()
        return super().action_quotation_send()

    def action_quotation_sent(self):
        self._cae_check_can_send()
        return super().action_quotation_sent()

    def message_post(self, **kwargs):
        if self.env.context.get("mark_so_as_sent") or self._cae_to_customer(
            kwargs.get("partner_ids")
        ):
            self._cae_check_can_send()
        return super().message_post(**kwargs)

    def _cae_to_customer(self, partner_ids):
        """Whether a message goes to the customer of the orders."""
        if not partner_ids:
            return False
        partners = self.env["res.partner"].sudo().browse(partner_ids)
        customers = self.sudo().partner_id.commercial_partner_id
        return bool(partners.commercial_partner_id & customers)

    def _cae_check_can_send(self):
        """A quotation waiting for validation stays in the cooperative."""
        if not self._cae_is_restricted():
            return
        waiting = self.filtered(lambda o: o.cae_validation_state == "to_validate")
        if waiting:
            raise UserError(
                self.env._(
                    "%(document)s is waiting for validation: it can be sent to "
                    "the customer once the accountant has validated it.",
                    document=waiting[0].display_name,
                )
            )

    def action_cae_submit(self):
        return self._cae_submit()

    def _cae_check_submittable(self):
        res = super()._cae_check_submittable()
        for order in self:
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "Only quotations can be submitted: %(document)s.",
                        document=order.display_name,
                    )
                )
            lines = order.order_line.filtered(lambda line: not line.display_type)
            if not lines:
                raise UserError(
                    self.env._(
                        "Add at least one line to %(document)s before "
                        "submitting it.",
                        document=order.display_name,
                    )
                )
            order._cae_check_lines_submittable(lines, "tax_id")
        return res

    def _cae_send_back(self, reason):
        if any(order.state not in ("draft", "sent") for order in self):
            raise UserError(self.env._("Only quotations can be sent back."))
        return super()._cae_send_back(reason)

    def _prepare_invoice(self):
        values = super()._prepare_invoice()
        if self.cae_activity_id:
            values["cae_activity_id"] = self.cae_activity_id.id
        return values

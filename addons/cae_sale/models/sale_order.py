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
    # Fields an entrepreneur may not change once submitted.
    _cae_locked_when_submitted = frozenset(
        {
            "partner_id",
            "order_line",
            "pricelist_id",
            "currency_id",
            "cae_activity_id",
            "validity_date",
        }
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
        restricted = self._cae_before_write(vals)
        res = super().write(vals)
        self._cae_after_write(vals, restricted)
        return res

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
            if not order.order_line.filtered(lambda line: not line.display_type):
                raise UserError(
                    self.env._(
                        "Add at least one line to %(document)s before "
                        "submitting it.",
                        document=order.display_name,
                    )
                )
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

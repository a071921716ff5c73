# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

CALL_STATES = [("planned", "Planned"), ("called", "Called")]


class CaeShareCall(models.Model):
    """One payment of a subscription's schedule.

    The first lines (due on the subscription date) are paid at subscription;
    the others are *planned* until their due date, when the daily scheduled
    action calls them (journal entry 4562 / 4561). What is paid settles the
    calls in due-date order (``amount_paid`` and ``payment_state``).
    """

    _name = "cae.share.call"
    _inherit = ["cae.workflow.mixin"]
    # Workflow guard (cae_base's cae.workflow.mixin): called by the steps of
    # the call and of its subscription only.
    _cae_workflow_fields = frozenset({"call_date"})
    _cae_workflow_open_states = frozenset({"planned"})
    _cae_workflow_step_models = ("cae.share.operation",)
    _description = "Call of subscribed capital"
    _order = "due_date, sequence, id"

    subscription_id = fields.Many2one(
        comodel_name="cae.share.operation",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="subscription_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="subscription_id.currency_id")
    associate_id = fields.Many2one(
        related="subscription_id.associate_id", store=True, index=True
    )
    share_class_id = fields.Many2one(related="subscription_id.share_class_id")
    subscription_state = fields.Selection(
        related="subscription_id.state", string="Subscription status"
    )
    due_date = fields.Date(required=True)
    amount = fields.Monetary(required=True)
    state = fields.Selection(
        selection=CALL_STATES, default="planned", required=True, readonly=True
    )
    call_date = fields.Date(readonly=True)
    move_id = fields.Many2one(
        comodel_name="account.move", string="Call entry", readonly=True
    )
    amount_paid = fields.Monetary(string="Paid", compute="_compute_amount_paid")
    amount_unpaid = fields.Monetary(string="To pay", compute="_compute_amount_paid")
    payment_state = fields.Selection(
        selection=[
            ("not_paid", "Not paid"),
            ("partial", "Partly paid"),
            ("paid", "Paid"),
        ],
        compute="_compute_amount_paid",
    )
    is_overdue = fields.Boolean(compute="_compute_amount_paid")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A call is a positive amount."),
    ]

    @api.depends(
        "amount",
        "subscription_id.amount_paid",
        "subscription_id.call_ids.amount",
        "subscription_id.call_ids.due_date",
        "subscription_id.call_ids.state",
        "subscription_id.call_ids.call_date",
    )
    def _compute_amount_paid(self):
        today = fields.Date.context_today(self)
        for subscription in self.subscription_id:
            # The paid amount settles the calls in due-date order, then in
            # the order they were called (the called part of a split
            # instalment before its planned rest).
            left = subscription.amount_paid
            currency = subscription.currency_id
            for call in subscription.call_ids.sorted(
                lambda c: (
                    c.due_date,
                    c.state != "called",
                    c.call_date or c.due_date,
                    c.sequence,
                    c.id,
                )
            ):
                paid = min(call.amount, max(left, 0.0))
                left -= paid
                if call not in self:
                    continue
                call.amount_paid = paid
                call.amount_unpaid = currency.round(call.amount - paid)
                if currency.compare_amounts(paid, call.amount) >= 0:
                    call.payment_state = "paid"
                elif paid:
                    call.payment_state = "partial"
                else:
                    call.payment_state = "not_paid"
                call.is_overdue = call.payment_state != "paid" and call.due_date < today
        for call in self.filtered(lambda c: not c.subscription_id):
            call.amount_paid = call.amount_unpaid = 0.0
            call.payment_state = "not_paid"
            call.is_overdue = False

    def write(self, vals):
        if {"amount", "due_date"} & set(vals) and not self.env.context.get(
            "cae_call_split"
        ):
            for call in self:
                if call.subscription_id.number:
                    raise UserError(
                        self.env._(
                            "The schedule of a registered subscription cannot be "
                            "changed."
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered(self):
        if any(call.subscription_id.number for call in self):
            raise UserError(
                self.env._(
                    "The schedule of a registered subscription cannot be changed."
                )
            )

    def _split(self, amount):
        """Keep ``amount`` on a new planned line due the same day and leave
        the rest here; return the new line."""
        self.ensure_one()
        self.with_context(cae_call_split=True).amount = self.currency_id.round(
            self.amount - amount
        )
        return self.create(
            {
                "subscription_id": self.subscription_id.id,
                "sequence": self.sequence,
                "due_date": self.due_date,
                "amount": amount,
            }
        )

    def action_call_now(self):
        """Call these planned lines today, before their due date."""
        self.subscription_id._check_access_capital()
        today = fields.Date.context_today(self)
        for subscription, calls in self.grouped("subscription_id").items():
            subscription._call_lines(calls, today)
        return True

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round

PAYMENT_STATES = [
    ("not_paid", "Not paid"),
    ("partial", "Partly paid"),
    ("paid", "Paid"),
]


# One model, one register: each kind of operation lives in its own file.
# pylint: disable=consider-merging-classes-inherited
class CaeShareOperation(models.Model):
    """Subscriptions: shares bought from the cooperative, and their calls.

    Loi 47-1775, art. 12: at least a quarter of each share is paid at
    subscription, the rest is called within five years (both figures are
    dated ``cae.parameter`` values). The schedule of payments ``call_ids``
    starts with what is paid at subscription, then the later calls; it is
    proposed from *initial payment*, *further calls* and *months between
    calls* and can be edited while the subscription is a draft.
    """

    _inherit = "cae.share.operation"

    initial_payment = fields.Monetary(
        string="Paid at subscription",
        compute="_compute_initial_payment",
        store=True,
        readonly=False,
        precompute=True,
        help="Paid when subscribing: at least the legal share of the nominal "
        "value (a quarter).",
    )
    call_count = fields.Integer(
        string="Further calls",
        default=1,
        help="Number of calls for the rest of the subscription.",
    )
    call_interval_months = fields.Integer(
        string="Months between calls",
        default=12,
    )
    call_ids = fields.One2many(
        comodel_name="cae.share.call",
        inverse_name="subscription_id",
        string="Schedule of payments",
        compute="_compute_call_ids",
        store=True,
        readonly=False,
        precompute=True,
    )
    payment_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Payment journal",
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
        check_company=True,
        compute="_compute_payment_journal_id",
        store=True,
        readonly=False,
        precompute=True,
        help="Bank or cash journal through which the associate pays.",
    )
    release_ids = fields.One2many(
        comodel_name="cae.share.operation",
        inverse_name="subscription_id",
        string="Releases",
    )
    amount_called = fields.Monetary(
        string="Called", compute="_compute_amount_called", store=True
    )
    amount_paid = fields.Monetary(
        string="Paid", compute="_compute_amount_paid", store=True
    )
    amount_due = fields.Monetary(
        string="Called, not paid",
        compute="_compute_amount_paid",
        store=True,
        aggregator="sum",
    )
    amount_remaining = fields.Monetary(
        string="Still to pay", compute="_compute_amount_paid", store=True
    )
    payment_state = fields.Selection(
        selection=PAYMENT_STATES,
        compute="_compute_amount_paid",
        store=True,
    )
    min_initial_payment = fields.Monetary(
        string="Minimum at subscription", compute="_compute_min_initial_payment"
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("operation_type", "quantity", "unit_value", "date", "company_id")
    def _compute_initial_payment(self):
        for operation in self:
            if operation.state == "draft":
                operation.initial_payment = operation._get_min_initial_payment()
            else:
                operation.initial_payment = operation.initial_payment

    @api.depends("operation_type", "quantity", "unit_value", "date", "company_id")
    def _compute_min_initial_payment(self):
        for operation in self:
            operation.min_initial_payment = operation._get_min_initial_payment()

    @api.depends(
        "operation_type",
        "amount",
        "date",
        "initial_payment",
        "call_count",
        "call_interval_months",
    )
    def _compute_call_ids(self):
        for operation in self:
            if operation.operation_type != "subscription" or operation.state != "draft":
                operation.call_ids = operation.call_ids
                continue
            operation.call_ids = [Command.clear()] + [
                Command.create({"sequence": index, "due_date": due, "amount": amount})
                for index, (due, amount) in enumerate(operation._prepare_schedule())
            ]

    @api.depends("company_id", "operation_type")
    def _compute_payment_journal_id(self):
        for operation in self:
            if operation.payment_journal_id.company_id == operation.company_id or (
                operation.operation_type not in ("subscription", "release")
            ):
                operation.payment_journal_id = operation.payment_journal_id
                continue
            operation.payment_journal_id = self.env["account.journal"].search(
                [("type", "=", "bank"), ("company_id", "=", operation.company_id.id)],
                limit=1,
            )

    @api.depends("call_ids.state", "call_ids.amount")
    def _compute_amount_called(self):
        for operation in self:
            operation.amount_called = sum(
                operation.call_ids.filtered(lambda c: c.state == "called").mapped(
                    "amount"
                )
            )

    @api.depends("amount", "amount_called", "release_ids.state", "release_ids.amount")
    def _compute_amount_paid(self):
        for operation in self:
            paid = sum(
                operation.release_ids.filtered(lambda r: r.state == "done").mapped(
                    "amount"
                )
            )
            currency = operation.currency_id
            operation.amount_paid = paid
            operation.amount_due = max(operation.amount_called - paid, 0.0)
            operation.amount_remaining = operation.amount - paid
            if operation.operation_type != "subscription" or not paid:
                operation.payment_state = "not_paid"
            elif currency.compare_amounts(paid, operation.amount) >= 0:
                operation.payment_state = "paid"
            else:
                operation.payment_state = "partial"

    # ------------------------------------------------------------------
    # Schedule
    # ------------------------------------------------------------------
    def _get_min_paid_ratio(self):
        return self._get_parameter_value("cae_share_min_paid_ratio")

    def _get_min_initial_payment(self):
        """The legal part of the nominal value paid at subscription, rounded
        up to the cent so that every share is paid at least that much."""
        self.ensure_one()
        if self.operation_type != "subscription" or not self.date or not self.amount:
            return 0.0
        return float_round(
            self.amount * self._get_min_paid_ratio(),
            precision_rounding=self.currency_id.rounding or 0.01,
            rounding_method="UP",
        )

    def _prepare_schedule(self):
        """``[(due date, amount)]``: the initial payment, then the rest in
        ``call_count`` equal calls every ``call_interval_months``."""
        self.ensure_one()
        currency = self.currency_id
        if not self.date or not self.amount:
            return []
        first = min(self.initial_payment, self.amount)
        schedule = [(self.date, first)] if first > 0 else []
        rest = currency.round(self.amount - first)
        if rest <= 0:
            return schedule
        count = max(self.call_count, 1)
        part = currency.round(rest / count)
        for index in range(1, count + 1):
            due = self.date + relativedelta(
                months=max(self.call_interval_months, 0) * index
            )
            value = part if index < count else currency.round(rest - part * (count - 1))
            schedule.append((due, value))
        return schedule

    # ------------------------------------------------------------------
    # Calls
    # ------------------------------------------------------------------
    def _call_lines(self, calls, date):
        """Call the planned ``calls`` of this subscription on ``date``."""
        self.ensure_one()
        calls = calls.filtered(lambda c: c.state == "planned")
        if not calls:
            return
        calls.write({"state": "called", "call_date": date})
        self._post_call_move(calls, date)

    def _call_up_to(self, target, date):
        """Call planned lines, in order, until ``target`` is called (the last
        line is split when only part of it is needed)."""
        self.ensure_one()
        currency = self.currency_id
        missing = currency.round(target - self.amount_called)
        to_call = self.env["cae.share.call"]
        for call in self.call_ids.filtered(lambda c: c.state == "planned").sorted(
            lambda c: (c.due_date, c.sequence, c.id)
        ):
            if currency.compare_amounts(missing, 0) <= 0:
                break
            if currency.compare_amounts(call.amount, missing) > 0:
                call = call._split(missing)
            to_call |= call
            missing = currency.round(missing - call.amount)
        self._call_lines(to_call, date)

    @api.model
    def cron_call_due_capital(self):
        """Call the capital whose due date has come (daily), in batch: one
        write per due date, the entries created and posted together."""
        calls = self.env["cae.share.call"].search(
            [
                ("state", "=", "planned"),
                ("due_date", "<=", fields.Date.context_today(self)),
                ("subscription_id.state", "=", "done"),
            ]
        )
        for due_date, lines in calls.grouped("due_date").items():
            lines.write({"state": "called", "call_date": due_date})
        self._post_pending_moves(
            [
                (
                    subscription._prepare_move_vals(
                        *subscription._prepare_call_move_args(
                            sum(lines.mapped("amount")), due_date
                        )
                    ),
                    lines,
                )
                for (subscription, due_date), lines in calls.grouped(
                    lambda c: (c.subscription_id, c.due_date)
                ).items()
                if subscription._uses_accounting()
            ]
        )

    # ------------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------------
    def _check_subscription(self):
        _ = self.env._
        associate = self.associate_id
        currency = self.currency_id
        self._check_holder_allowed(associate)
        self._check_min_shares(
            associate, self._get_holding(associate)[0] + self.quantity
        )
        calls = self.call_ids
        if not calls:
            raise UserError(_("Give the schedule of payments of the subscription."))
        total = sum(calls.mapped("amount"))
        if currency.compare_amounts(total, self.amount):
            raise UserError(
                _(
                    "The schedule of payments adds up to %(total)s, but the "
                    "subscription amounts to %(amount)s.",
                    total=self._format_amount(total),
                    amount=self._format_amount(self.amount),
                )
            )
        months = int(self._get_parameter_value("cae_share_call_max_months"))
        limit = self.date + relativedelta(months=months)
        for call in calls:
            if call.due_date < self.date or call.due_date > limit:
                raise UserError(
                    _(
                        "Every payment falls due between the subscription "
                        "(%(date)s) and %(months)s months later (%(limit)s, "
                        "loi 47-1775, art. 12); one is due on %(due)s.",
                        date=fields.Date.to_string(self.date),
                        months=months,
                        limit=fields.Date.to_string(limit),
                        due=fields.Date.to_string(call.due_date),
                    )
                )
        initial = sum(
            calls.filtered(lambda c: c.due_date <= self.date).mapped("amount")
        )
        minimum = self._get_min_initial_payment()
        if currency.compare_amounts(initial, minimum) < 0:
            raise UserError(
                _(
                    "At least %(ratio)s of each share is paid at subscription "
                    "(loi 47-1775, art. 12): %(minimum)s for %(quantity)s "
                    "share(s) of %(nominal)s, but only %(initial)s is paid on "
                    "%(date)s.",
                    ratio=self._format_ratio(self._get_min_paid_ratio()),
                    minimum=self._format_amount(minimum),
                    quantity=self.quantity,
                    nominal=self._format_amount(self.unit_value),
                    initial=self._format_amount(initial),
                    date=fields.Date.to_string(self.date),
                )
            )
        if initial and self._uses_accounting() and not self.payment_journal_id:
            raise UserError(
                _("Choose the journal of the payment made at subscription.")
            )
        self._check_accounting(
            [
                "cae_associate_subscribed_account_id",
                "cae_associate_called_account_id",
                "cae_capital_uncalled_account_id",
                "cae_capital_called_account_id",
                "cae_capital_paid_account_id",
            ]
        )
        memo = self.env.context.get("cae_register_memo")
        if memo is None or associate.id not in memo["promoted"]:
            # Within a batch, the path moves with the associate's first
            # subscription only (as when registered one after another).
            associate._check_can_promote(self.date)
        if memo is not None:
            memo["promoted"].add(associate.id)
            self._memo_add_holding(associate, self.quantity, self.amount, initial)

    def _initial_calls(self):
        """The calls of the schedule paid at subscription."""
        self.ensure_one()
        return self.call_ids.filtered(lambda c: c.due_date <= self.date)

    def _initial_payment_due(self):
        """What is paid at subscription (its release, when not zero)."""
        self.ensure_one()
        return sum(self._initial_calls().mapped("amount"))

    def _validate_subscriptions(self, register):
        """Check and register the draft subscriptions ``self``, in register
        order, as one batch.

        The register ends exactly as if they were registered one after
        another (numbers: each subscription, then the payment made at
        subscription; associate numbers in the same order; each one
        checked against the holdings the ones before it leave), but what
        is read is read once for the batch (:meth:`_register_memo`) and
        what is written is written together: ledger lines and payments in
        one ``create`` each, the numbers in one update of the register,
        the notes in one insert, the entries created and posted with those
        of the whole validation (:meth:`_post_pending_moves`).
        """
        subscriptions = self.with_context(cae_register_memo=self._register_memo())
        for subscription in subscriptions:
            subscription._check_can_validate()
        subscriptions._register_subscriptions(register)

    def _register_subscriptions(self, register):
        """Register the checked subscriptions ``self`` (register order)."""
        initial_calls = {sub: sub._initial_calls() for sub in self}
        initial = {
            sub: sum(calls.mapped("amount")) for sub, calls in initial_calls.items()
        }
        number = register._take_numbers(
            len(self) + len([a for a in initial.values() if a])
        )
        release_numbers = {}
        for sub in self:
            sub.write({"number": number, "state": "done"})
            number += 1
            if initial[sub]:
                release_numbers[sub] = number
                number += 1
        # In the order of their first subscription of the batch.
        new_associates = self.associate_id.filtered(lambda a: not a.number)
        associate_number = register._take_numbers(
            len(new_associates), "next_associate_number"
        )
        for associate in new_associates:
            associate.number = associate_number
            associate_number += 1
        paid = self.filtered(lambda sub: initial[sub])
        releases = self.create(
            [sub._prepare_initial_release_vals(initial[sub]) for sub in paid]
        )
        release_of = dict(zip(paid, releases, strict=True))
        for sub, release in release_of.items():
            release.write({"number": release_numbers[sub], "state": "done"})
        line_vals = []
        for sub in self:
            line_vals.append(
                sub._prepare_line_vals(sub.associate_id, sub.quantity, sub.amount, 0.0)
            )
            if sub in release_of:
                release = release_of[sub]
                line_vals.append(
                    release._prepare_line_vals(
                        release.associate_id, 0, 0.0, release.amount
                    )
                )
        self.env["cae.share.line"].create(line_vals)
        for (due_date, _state), calls in (
            self.env["cae.share.call"]
            .union(*initial_calls.values())
            .grouped(lambda c: (c.subscription_id.date, c.state))
            .items()
        ):
            if _state == "planned":
                calls.write({"state": "called", "call_date": due_date})
        # Entries in the order of one registration after another.
        for sub in self:
            sub._post_subscription_move()
            if initial_calls[sub]:
                sub._post_call_move(initial_calls[sub], sub.date)
            if sub in release_of:
                release_of[sub]._post_release_move()
        (self | releases)._log_registered()
        promoted = self.env["cae.associate"]
        for sub in self:
            if sub.associate_id not in promoted:
                promoted |= sub.associate_id
                sub.associate_id._promote_entrepreneur(sub.date)

    def _prepare_initial_release_vals(self, amount):
        return {
            "operation_type": "release",
            "subscription_id": self.id,
            "associate_id": self.associate_id.id,
            "company_id": self.company_id.id,
            "date": self.date,
            "amount": amount,
            "payment_method": "bank",
            "payment_journal_id": self.payment_journal_id.id,
            "reference": self.env._("Paid at subscription"),
        }

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date, formatLang

OPERATION_TYPES = [
    ("subscription", "Subscription"),
    ("release", "Release"),
    ("transfer", "Transfer"),
    ("withdrawal", "Withdrawal"),
]
OPERATION_STATES = [
    ("draft", "Draft"),
    ("to_reimburse", "To reimburse"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
# Once an operation is in the register, these fields tell what happened and
# never change; mistakes are corrected by a new operation.
# Written only by the decision of a manager (_decide_early_reimbursement).
EARLY_REIMBURSEMENT_FIELDS = {
    "early_reimbursement_reason",
    "early_reimbursement_user_id",
    "early_reimbursement_decision_date",
}
FROZEN_FIELDS = {
    "operation_type",
    "company_id",
    "date",
    "associate_id",
    "share_class_id",
    "quantity",
    "unit_value",
    "amount",
    "subscription_id",
    "partner_to_id",
    "loss_per_share",
    "call_ids",
    "payment_method",
}


class CaeShareOperation(models.Model):
    """An operation on the share capital, numbered in the register.

    One model for the four kinds of operations, so that they share one
    register and one gapless numbering (see ``cae.share.register``):
    subscription, release (payment), transfer and withdrawal. Each kind adds
    its fields and its ``_check_<kind>`` / ``_do_<kind>`` methods in its own
    file (``cae_share_operation_<kind>.py``); the accounting entries are built
    in ``cae_share_operation_accounting.py``.

    Life cycle: a draft is checked and registered by :meth:`action_validate`
    (it then gets its number and writes its share ledger lines and journal
    entries), or cancelled. A withdrawal stays *to reimburse* until
    :meth:`action_reimburse` pays the associate back.
    """

    _name = "cae.share.operation"
    _description = "Share capital operation"
    _inherit = ["cae.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    # Workflow guard (cae_base's cae.workflow.mixin): numbered and set done
    # by the validation only; a registered operation keeps its note, and
    # its reimbursement details until reimbursed.
    _cae_workflow_fields = frozenset({"number"})
    _cae_workflow_writable = {
        "to_reimburse": ("reimbursement_journal_id", "reimbursement_date"),
        None: ("note",),
    }
    _order = "date desc, number desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, index=True)
    number = fields.Integer(
        readonly=True,
        copy=False,
        index=True,
        aggregator=None,
        help="Number in the register, given at validation; numbers follow "
        "each other without gaps.",
    )
    operation_type = fields.Selection(
        selection=OPERATION_TYPES,
        string="Operation",
        required=True,
        readonly=True,
        index=True,
    )
    state = fields.Selection(
        selection=OPERATION_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    associate_id = fields.Many2one(
        comodel_name="cae.associate",
        string="Associate",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="associate_id.partner_id", store=True, index=True
    )
    share_class_id = fields.Many2one(
        comodel_name="cae.share.class",
        string="Share class",
        compute="_compute_share_class_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    quantity = fields.Integer(
        string="Shares",
        tracking=True,
        help="Number of shares; a whole positive number.",
    )
    unit_value = fields.Monetary(
        string="Nominal value",
        compute="_compute_unit_value",
        store=True,
        precompute=True,
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Nominal value of the shares; for a release, the amount paid.",
    )
    note = fields.Text()
    line_ids = fields.One2many(
        comodel_name="cae.share.line",
        inverse_name="operation_id",
        string="Share ledger lines",
    )
    move_ids = fields.One2many(
        comodel_name="account.move",
        inverse_name="cae_share_operation_id",
        string="Journal entries",
    )
    move_count = fields.Integer(compute="_compute_move_count")

    _sql_constraints = [
        (
            "number_company_unique",
            "unique(company_id, number)",
            "A register number is used once per company.",
        ),
        (
            "registered_has_number",
            "CHECK(state IN ('draft', 'cancel') OR number IS NOT NULL)",
            "A registered operation has a register number.",
        ),
        ("quantity_positive", "CHECK(quantity >= 0)", "Shares cannot be negative."),
        ("amount_positive", "CHECK(amount >= 0)", "Amounts cannot be negative."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("number")
    def _compute_name(self):
        for operation in self:
            operation.name = f"{operation.number:05d}" if operation.number else "/"

    @api.depends("operation_type", "name", "associate_id.name")
    def _compute_display_name(self):
        labels = dict(self._fields["operation_type"]._description_selection(self.env))
        for operation in self:
            label = labels.get(operation.operation_type, "")
            if operation.number:
                operation.display_name = self.env._(
                    "%(operation)s %(number)s (%(associate)s)",
                    operation=label,
                    number=operation.name,
                    associate=operation.associate_id.name or "",
                )
            else:
                operation.display_name = self.env._(
                    "Draft %(operation)s (%(associate)s)",
                    operation=label.lower(),
                    associate=operation.associate_id.name or "",
                )

    @api.depends("subscription_id", "associate_id", "operation_type")
    def _compute_share_class_id(self):
        for operation in self:
            if operation.subscription_id:
                operation.share_class_id = operation.subscription_id.share_class_id
            elif operation.share_class_id or not operation.associate_id:
                operation.share_class_id = operation.share_class_id
            else:
                operation.share_class_id = operation._default_share_class()

    def _default_share_class(self):
        """The class the associate holds (to hand over), else the first one
        open to them (to subscribe)."""
        self.ensure_one()
        associate = self.associate_id
        if self.operation_type in ("transfer", "withdrawal"):
            held = [
                share_class
                for (_holder, share_class), (quantity, _s, _p) in (
                    associate._origin._get_holdings().items()
                    if associate._origin
                    else []
                )
                if quantity > 0
            ]
            return held[0] if held else self.env["cae.share.class"]
        classes = self.env["cae.share.class"].search(
            [("company_id", "=", (self.company_id or associate.company_id).id)]
        )
        return classes.filtered(lambda c: c._allows(associate.kind))[:1]

    @api.depends("share_class_id")
    def _compute_unit_value(self):
        # The class's nominal value is frozen once used (see cae.share.class).
        for operation in self:
            operation.unit_value = operation.share_class_id.nominal_value

    @api.depends("quantity", "unit_value", "operation_type")
    def _compute_amount(self):
        for operation in self:
            if operation.operation_type == "release":
                operation.amount = operation.amount
            else:
                operation.amount = operation.currency_id.round(
                    operation.quantity * operation.unit_value
                )

    def _compute_move_count(self):
        for operation in self:
            operation.move_count = len(operation.move_ids)

    # ------------------------------------------------------------------
    # Constraints (checked on drafts too: bad input is refused at once)
    # ------------------------------------------------------------------
    @api.constrains("quantity", "amount", "operation_type")
    def _check_quantity_amount(self):
        for operation in self:
            if operation.operation_type == "release":
                if operation.amount <= 0:
                    raise ValidationError(
                        self.env._("A release must be a positive amount.")
                    )
            elif operation.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "The number of shares must be a positive whole "
                        "number, not %(quantity)s.",
                        quantity=operation.quantity,
                    )
                )

    @api.model
    def _check_input_vals(self, vals):
        """Refuse fractional or negative shares and negative amounts before
        anything is written (an integer field would truncate 4.5 to 4)."""
        quantity = vals.get("quantity")
        if quantity not in (None, False) and (
            float(quantity) != int(float(quantity)) or float(quantity) < 0
        ):
            raise ValidationError(
                self.env._(
                    "The number of shares must be a positive whole number, "
                    "not %(quantity)s.",
                    quantity=quantity,
                )
            )
        if float(vals.get("amount") or 0.0) < 0:
            raise ValidationError(self.env._("Amounts cannot be negative."))

    # ------------------------------------------------------------------
    # ORM overrides
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_input_vals(vals)
            if EARLY_REIMBURSEMENT_FIELDS.intersection(vals):
                raise UserError(
                    self.env._(
                        "An early reimbursement is recorded only through the "
                        "decision of a manager (Early reimbursement button)."
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        self._check_input_vals(vals)
        if EARLY_REIMBURSEMENT_FIELDS.intersection(vals) and not (
            self.env.context.get("cae_early_reimbursement_decision")
        ):
            raise UserError(
                self.env._(
                    "An early reimbursement is recorded only through the "
                    "decision of a manager (Early reimbursement button)."
                )
            )
        if FROZEN_FIELDS.intersection(vals):
            for operation in self.filtered("number"):
                raise UserError(
                    self.env._(
                        "%(operation)s is in the register and cannot be "
                        "changed: register a new operation to correct it.",
                        operation=operation.display_name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered(self):
        for operation in self:
            if operation.number:
                raise UserError(
                    self.env._(
                        "%(operation)s is in the register and cannot be deleted.",
                        operation=operation.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_validate(self):
        """Check and register the draft operations, in date order."""
        self._check_access_capital()
        if "cae_pending_moves" in self.env.context:
            # Registered within another validation (the payment made at
            # subscription): its entries join those of the outer one.
            self._validate_in_order()
            return True
        pending = []
        self.with_context(cae_pending_moves=pending)._validate_in_order()
        if pending:
            self._post_pending_moves(pending)
        return True

    def _validate_in_order(self):
        for company, operations in self.grouped("company_id").items():
            register = self.env["cae.share.register"]._get_for_company(company)
            # First of all, so that every check below reads data no other
            # validation of this company can change before we commit.
            register._lock()
            for batch in operations.sorted(lambda o: (o.date, o.id))._register_runs():
                if batch[:1].operation_type == "subscription":
                    batch._validate_subscriptions(register)
                else:
                    batch._check_can_validate()
                    batch._do_validate(register)

    def _register_runs(self):
        """``self`` (in register order) cut into what is registered together:
        each run of subscriptions following each other in one batch
        (:meth:`_validate_subscriptions`), every other operation alone."""
        runs = []
        for operation in self:
            if (
                operation.operation_type == "subscription"
                and runs
                and runs[-1][-1].operation_type == "subscription"
            ):
                runs[-1].append(operation)
            else:
                runs.append([operation])
        return [self.browse([o.id for o in run]) for run in runs]

    def action_cancel(self):
        for operation in self:
            if operation.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft can be cancelled; %(operation)s is in the "
                        "register.",
                        operation=operation.display_name,
                    )
                )
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        self.filtered(lambda o: o.state == "cancel").write({"state": "draft"})
        return True

    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_journal_line"
        )
        action.update(
            domain=[("id", "in", self.move_ids.ids)],
            context={"create": False},
        )
        return action

    # ------------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------------
    def _check_access_capital(self):
        if not self.env.user.has_group("cae_base.group_cae_accountant"):
            raise UserError(
                self.env._(
                    "Only the cooperative's accountants and managers register "
                    "share capital operations."
                )
            )

    def _check_can_validate(self):
        """Raise a clear error if the operation cannot be registered.

        Nothing is written here, so that a refused operation leaves the
        register, the ledger and the books exactly as they were.
        """
        self.ensure_one()
        _ = self.env._
        if self.state != "draft":
            raise UserError(
                _(
                    "%(operation)s is not a draft: it cannot be registered " "again.",
                    operation=self.display_name,
                )
            )
        today = fields.Date.context_today(self)
        if self.date > today:
            raise UserError(
                _(
                    "%(operation)s is dated %(date)s: an operation cannot be "
                    "registered before it happens.",
                    operation=self.display_name,
                    date=format_date(self.env, self.date),
                )
            )
        self._type_steps()[self.operation_type][0]()

    def _type_steps(self):
        """``{operation type: (check, register)}``: for each type, the method
        that refuses an operation the law or the statutes forbid and the one
        that writes it in the register (in the file of that type)."""
        return {
            # Subscriptions are registered in batch (_validate_subscriptions).
            "subscription": (self._check_subscription, None),
            "release": (self._check_release, self._do_release),
            "transfer": (self._check_transfer, self._do_transfer),
            "withdrawal": (self._check_withdrawal, self._do_withdrawal),
        }

    def _do_validate(self, register):
        self.ensure_one()
        self.write(
            {
                "number": register._next_number(),
                "state": "to_reimburse"
                if self.operation_type == "withdrawal"
                else "done",
            }
        )
        self._type_steps()[self.operation_type][1](register)
        self._log_registered()

    def _log_registered(self):
        """Tell in the chatter of each operation its number and date (one
        insert for the batch; the same note as a message_post)."""
        self._message_log_batch(
            {
                operation.id: Markup("<p>%s</p>")
                % self.env._(
                    "Registered under number %(number)s on %(date)s.",
                    number=operation.name,
                    date=format_date(self.env, operation.date),
                )
                for operation in self
            }
        )

    def _prepare_line_vals(self, associate, quantity, subscribed, paid):
        """Values of a share ledger line of this operation."""
        self.ensure_one()
        return {
            "operation_id": self.id,
            "associate_id": associate.id,
            "share_class_id": self.share_class_id.id,
            "company_id": self.company_id.id,
            "date": self.date,
            "quantity": quantity,
            "amount_subscribed": subscribed,
            "amount_paid": paid,
        }

    def _format_amount(self, amount):
        return formatLang(self.env, amount, currency_obj=self.currency_id)

    @staticmethod
    def _format_ratio(ratio):
        """0.25 -> '25 %' (kept out of the translated calls: the extraction
        of terms skips calls holding f-strings)."""
        return f"{ratio * 100:g} %"

    def _get_holding(self, associate):
        """``(shares, subscribed, paid)`` of ``associate`` in this class now
        (within a batch, as the operations checked before it left it)."""
        self.ensure_one()
        memo = self.env.context.get("cae_register_memo")
        if memo is not None and associate.id in memo["associate_ids"]:
            return memo["holdings"].get(
                (associate.id, self.share_class_id.id), (0, 0.0, 0.0)
            )
        return associate._get_holdings(share_class=self.share_class_id).get(
            (associate, self.share_class_id), (0, 0.0, 0.0)
        )

    def _register_memo(self):
        """What the checks of a batch read once for all its operations:
        the holdings of their associates (updated as each operation is
        checked, so that each one is checked as if those before it were
        registered), the legal parameters and the accounts."""
        holdings = {
            (associate.id, share_class.id): figures
            for (associate, share_class), figures in (
                self.associate_id._get_holdings().items()
            )
        }
        return {
            "associate_ids": set(self.associate_id.ids),
            "holdings": holdings,
            "parameters": {},
            "accounts": {},
            "promoted": set(),
        }

    def _memo_add_holding(self, associate, quantity, subscribed, paid):
        memo = self.env.context.get("cae_register_memo")
        if memo is None:
            return
        key = (associate.id, self.share_class_id.id)
        held = memo["holdings"].get(key, (0, 0.0, 0.0))
        memo["holdings"][key] = (
            held[0] + quantity,
            held[1] + subscribed,
            held[2] + paid,
        )

    def _get_parameter_value(self, code):
        """The legal parameter ``code`` on the operation's date (read once
        per batch)."""
        self.ensure_one()
        Parameter = self.env["cae.parameter"]
        memo = self.env.context.get("cae_register_memo")
        if memo is None:
            return Parameter._get_value(code, self.date, self.company_id)
        key = (code, self.company_id.id)
        if key not in memo["parameters"]:
            memo["parameters"][key] = Parameter._get_parameter(code)._dated_values(
                self.company_id
            )
        value = Parameter._value_at(memo["parameters"][key], self.date)
        if value is None:
            # The clear error of the parameter without value on that date.
            return Parameter._get_value(code, self.date, self.company_id)
        return value

    def _check_holder_allowed(self, associate, kind=None):
        """The class must be open to the associate's kind."""
        self.ensure_one()
        kind = kind or associate.kind
        if not self.share_class_id._allows(kind):
            labels = dict(
                self.env["cae.associate"]
                ._fields["kind"]
                ._description_selection(self.env)
            )
            raise UserError(
                self.env._(
                    "Shares of class %(share_class)s cannot be held by %(name)s "
                    "(%(kind)s).",
                    share_class=self.share_class_id.name,
                    name=associate.partner_id.name,
                    kind=labels.get(kind, kind),
                )
            )

    def _check_min_shares(self, associate, remaining):
        """After the operation, an associate holds none or at least the
        class minimum."""
        self.ensure_one()
        minimum = self.share_class_id.min_shares
        if 0 < remaining < minimum:
            raise UserError(
                self.env._(
                    "%(name)s would hold %(remaining)s share(s) of class "
                    "%(share_class)s, below the minimum of %(minimum)s per "
                    "associate.",
                    name=associate.partner_id.name,
                    remaining=remaining,
                    share_class=self.share_class_id.name,
                    minimum=minimum,
                )
            )

    def _check_shares_held(self):
        """Transfers and withdrawals hand over fully paid shares held."""
        self.ensure_one()
        held, subscribed, paid = self._get_holding(self.associate_id)
        if self.quantity > held:
            raise UserError(
                self.env._(
                    "%(name)s holds %(held)s share(s) of class %(share_class)s "
                    "and cannot hand over %(quantity)s.",
                    name=self.associate_id.name,
                    held=held,
                    share_class=self.share_class_id.name,
                    quantity=self.quantity,
                )
            )
        if self.currency_id.compare_amounts(subscribed, paid) > 0:
            raise UserError(
                self.env._(
                    "Only fully paid shares can be handed over: %(name)s still "
                    "owes %(amount)s on class %(share_class)s.",
                    name=self.associate_id.name,
                    amount=self._format_amount(subscribed - paid),
                    share_class=self.share_class_id.name,
                )
            )
        self._check_min_shares(self.associate_id, held - self.quantity)

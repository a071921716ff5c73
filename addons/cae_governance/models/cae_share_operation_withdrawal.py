# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date


# One model, one register: each kind of operation lives in its own file.
# pylint: disable=consider-merging-classes-inherited
class CaeShareOperation(models.Model):
    """Withdrawals: shares given back to the cooperative and reimbursed.

    Registering the withdrawal reduces the capital at once and makes the
    reimbursement a debt to the associate: their shares at nominal value
    less the losses charged to them (loi 47-1775, art. 18), due after the
    delay of the statutes (company setting). The capital may never fall
    below a quarter of the highest capital ever reached (art. 13; the ratio
    is a dated ``cae.parameter``).
    """

    _inherit = "cae.share.operation"

    loss_per_share = fields.Monetary(
        string="Losses per share",
        help="Share of the losses charged to each withdrawn share and deducted "
        "from its reimbursement.",
    )
    amount_reimbursable = fields.Monetary(
        string="To reimburse",
        compute="_compute_amount_reimbursable",
        store=True,
    )
    reimbursement_due_date = fields.Date(
        compute="_compute_amount_reimbursable",
        store=True,
        help="Withdrawal date plus the reimbursement delay of the statutes.",
    )
    reimbursement_journal_id = fields.Many2one(
        comodel_name="account.journal",
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
        check_company=True,
    )
    reimbursement_date = fields.Date(copy=False, tracking=True)
    early_reimbursement_reason = fields.Text(
        string="Reason of the early reimbursement",
        readonly=True,
        copy=False,
        tracking=True,
        help="Why a manager decided to reimburse before the delay of the " "statutes.",
    )
    early_reimbursement_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Early reimbursement decided by",
        readonly=True,
        copy=False,
    )
    early_reimbursement_decision_date = fields.Date(
        string="Early reimbursement decided on", readonly=True, copy=False
    )

    @api.depends(
        "quantity",
        "unit_value",
        "loss_per_share",
        "date",
        "company_id.cae_reimbursement_delay_months",
    )
    def _compute_amount_reimbursable(self):
        for operation in self:
            if operation.operation_type != "withdrawal":
                operation.amount_reimbursable = 0.0
                operation.reimbursement_due_date = False
                continue
            operation.amount_reimbursable = operation.currency_id.round(
                operation.quantity * (operation.unit_value - operation.loss_per_share)
            )
            operation.reimbursement_due_date = operation.date and (
                operation.date
                + relativedelta(
                    months=operation.company_id.cae_reimbursement_delay_months
                )
            )

    def _check_withdrawal(self):
        _ = self.env._
        self._check_shares_held()
        if self.loss_per_share < 0 or (
            self.currency_id.compare_amounts(self.loss_per_share, self.unit_value) > 0
        ):
            raise UserError(
                _(
                    "The losses charged per share lie between zero and the "
                    "nominal value (%(nominal)s).",
                    nominal=self._format_amount(self.unit_value),
                )
            )
        self._check_capital_floor()
        self._check_accounting(
            [
                "cae_capital_paid_account_id",
                "cae_associate_reimburse_account_id",
                "cae_capital_loss_account_id",
            ]
        )

    def _check_capital_floor(self):
        """Loi 47-1775, art. 13: refuse a withdrawal that brings the capital
        below the floor, with the figures."""
        register = self.env["cae.share.register"]._get_for_company(self.company_id)
        capital = self.env["cae.share.line"]._read_group(
            [("company_id", "=", self.company_id.id)], [], ["amount_subscribed:sum"]
        )[0][0]
        highest = max(register._get_capital_max(), capital)
        ratio = self.env["cae.parameter"]._get_value(
            "cae_capital_floor_ratio", self.date, self.company_id
        )
        floor = self.currency_id.round(highest * ratio)
        after = self.currency_id.round(capital - self.amount)
        if self.currency_id.compare_amounts(after, floor) < 0:
            raise UserError(
                self.env._(
                    "Refused: this withdrawal would bring the share capital from "
                    "%(capital)s down to %(after)s, below %(floor)s, which is "
                    "%(ratio)s of the highest capital ever reached (%(highest)s; "
                    "loi 47-1775, art. 13).",
                    capital=self._format_amount(capital),
                    after=self._format_amount(after),
                    floor=self._format_amount(floor),
                    ratio=self._format_ratio(ratio),
                    highest=self._format_amount(highest),
                )
            )

    def _do_withdrawal(self, register):
        self.env["cae.share.line"].create(
            self._prepare_line_vals(
                self.associate_id, -self.quantity, -self.amount, -self.amount
            )
        )
        self._post_withdrawal_move()

    def action_reimburse(self):
        """Pay the associate back (on the reimbursement date, default today)."""
        self._check_access_capital()
        for operation in self:
            operation._check_can_reimburse()
        for operation in self:
            if not operation.reimbursement_date:
                operation.reimbursement_date = fields.Date.context_today(self)
            operation._post_reimbursement_move()
            operation.state = "done"
            operation.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "%(amount)s reimbursed on %(date)s.",
                    amount=operation._format_amount(operation.amount_reimbursable),
                    date=format_date(self.env, operation.reimbursement_date),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_decide_early_reimbursement(self):
        """The wizard recording a manager's decision to reimburse early."""
        self.ensure_one()
        self._check_can_decide_early_reimbursement()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Early reimbursement"),
            "res_model": "cae.share.early.reimbursement",
            "view_mode": "form",
            "target": "new",
            "context": {"default_operation_id": self.id},
        }

    def _check_can_decide_early_reimbursement(self):
        self.ensure_one()
        _ = self.env._
        if not self.env.user.has_group("cae_base.group_cae_manager"):
            raise UserError(
                _(
                    "Only a manager of the cooperative decides to reimburse an "
                    "associate before the delay of the statutes."
                )
            )
        if self.operation_type != "withdrawal" or self.state != "to_reimburse":
            raise UserError(
                _(
                    "%(operation)s is not a withdrawal waiting for its "
                    "reimbursement.",
                    operation=self.display_name,
                )
            )
        if self.early_reimbursement_user_id:
            raise UserError(
                _(
                    "The early reimbursement of %(operation)s is already decided.",
                    operation=self.display_name,
                )
            )
        today = fields.Date.context_today(self)
        if not self.reimbursement_due_date or self.reimbursement_due_date <= today:
            raise UserError(
                _(
                    "%(operation)s is already due: no decision is needed to "
                    "reimburse it.",
                    operation=self.display_name,
                )
            )

    def _decide_early_reimbursement(self, reason):
        """Record the manager's decision (who, when, why) on the withdrawal
        and in its chatter."""
        self.ensure_one()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason of the early reimbursement."))
        self._check_can_decide_early_reimbursement()
        today = fields.Date.context_today(self)
        self.with_context(cae_early_reimbursement_decision=True).write(
            {
                "early_reimbursement_reason": reason,
                "early_reimbursement_user_id": self.env.user.id,
                "early_reimbursement_decision_date": today,
            }
        )
        self.message_post(
            body=Markup("<p>%s</p><p>%s</p>")
            % (
                self.env._(
                    "Early reimbursement decided by %(user)s on %(date)s, before "
                    "the due date %(due)s.",
                    user=self.env.user.name,
                    date=format_date(self.env, today),
                    due=format_date(self.env, self.reimbursement_due_date),
                ),
                reason,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _check_can_reimburse(self):
        self.ensure_one()
        _ = self.env._
        if self.state != "to_reimburse":
            raise UserError(
                _(
                    "%(operation)s is not waiting for its reimbursement.",
                    operation=self.display_name,
                )
            )
        date = self.reimbursement_date or fields.Date.context_today(self)
        if (
            self.reimbursement_due_date
            and date < self.reimbursement_due_date
            and not self.early_reimbursement_user_id
        ):
            raise UserError(
                _(
                    "%(operation)s can be reimbursed from %(due)s, after the delay "
                    "of the statutes (%(months)s months). Before that, a manager "
                    "must record an early-reimbursement decision with its "
                    "reason.",
                    operation=self.display_name,
                    due=format_date(self.env, self.reimbursement_due_date),
                    months=self.company_id.cae_reimbursement_delay_months,
                )
            )
        if date < self.date:
            raise UserError(
                _(
                    "The reimbursement cannot be dated before the withdrawal "
                    "(%(date)s).",
                    date=fields.Date.to_string(self.date),
                )
            )
        if self._uses_accounting():
            if not self.reimbursement_journal_id:
                raise UserError(
                    _("Choose the bank or cash journal of the reimbursement.")
                )
            self._check_accounting(["cae_associate_reimburse_account_id"])

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models
from odoo.exceptions import AccessError


class AccountMoveLine(models.Model):
    _name = "account.move.line"
    _inherit = ["account.move.line", "cae.workflow.mixin"]
    # The lines follow their document (cae.validation.mixin): entrepreneurs
    # do not change them once it is submitted or posted; and the residual
    # amounts come from the reconciliation only.
    _cae_workflow_parent_field = "move_id"
    _cae_workflow_cooperative_only = True
    _cae_workflow_fields = frozenset(
        {"reconciled", "amount_residual", "amount_residual_currency"}
    )

    @api.model
    def _cae_misc_line_vals(
        self, journal, name, account, debit=0.0, credit=0.0, **extra
    ):
        """Values of a line of a miscellaneous entry of ``journal``, in its
        company's currency, without product nor tax.

        They hold what Odoo would precompute for such a line (currency,
        balance, display type, quantity, no tax...): the ORM then skips 15
        computations per line, about a sixth of the time of the contribution
        entry of 1,000 activities (on the share register's small entries the
        gain measured is within the noise). ``extra``: further values
        (``partner_id``, ``analytic_distribution``).
        """
        company = journal.company_id
        return {
            "company_id": company.id,
            "company_currency_id": company.currency_id.id,
            "currency_id": company.currency_id.id,
            "journal_id": journal.id,
            "display_type": "product",
            "partner_id": False,
            "product_uom_id": False,
            "quantity": 1.0,
            "price_unit": 0.0,
            "sequence": 100,
            "tax_ids": [],
            "tax_line_id": False,
            "tax_group_id": False,
            "name": name,
            "account_id": account.id,
            "debit": debit,
            "credit": credit,
            "balance": debit - credit,
            "amount_currency": debit - credit,
            **extra,
        }

    @api.depends("move_id.cae_activity_id")
    def _compute_analytic_distribution(self):
        return super()._compute_analytic_distribution()

    def _related_analytic_distribution(self):
        """The activity of the document gives its lines' analytic account."""
        distribution = super()._related_analytic_distribution()
        account = self.move_id.cae_activity_id.analytic_account_id
        if account:
            distribution = {**distribution, str(account.id): 100}
        return distribution

    def _create_analytic_lines(self):
        """Check and read the analytic accounts of all the lines at once.

        Odoo checks the accounts of each journal item's distribution with one
        query per item (``exists()``) and reads each account alone: a
        contribution entry of thousands of lines would cost thousands of
        queries. The accounts are checked and read here in one go, and the
        context tells ``account.analytic.account.exists`` they exist.
        """
        account_ids = self._cae_distribution_account_ids()
        if len(account_ids) < 2:
            return super()._create_analytic_lines()
        # sudo: a prefetch only; accountants may not read analytic plans.
        accounts = (
            self.env["account.analytic.account"].sudo().browse(account_ids).exists()
        )
        accounts.fetch(["plan_id", "root_plan_id"])
        (accounts.plan_id | accounts.root_plan_id).fetch(["root_id"])
        return super(
            AccountMoveLine,
            self.with_context(
                cae_existing_analytic_account_ids=frozenset(accounts.ids)
            ),
        )._create_analytic_lines()

    def _add_cae_activity_distribution(self):
        """Add the move's activity to posted lines without an activity account.

        Odoo puts an invoice's analytic distribution on its product lines
        only: without this, the receivable or payable line, the tax lines
        and the payment's bank line of an activity would have no analytic
        line, and its cash, customers, suppliers and taxes indicators would
        stay empty. Called once the documents are posted: writing the
        distribution of posted lines makes Odoo create their analytic lines
        (``_inverse_analytic_distribution``) without re-synchronising the
        taxes and terms of a draft invoice. Lines already split on accounts
        of the activities plan (e.g. shared between two activities) are left
        as they are.
        """
        lines = self.filtered(
            lambda line: line.move_id.cae_activity_id
            and line.parent_state == "posted"
            and line.display_type not in ("line_section", "line_note")
        )
        # The root plan of every account in the distributions, read at once.
        root_plans = {
            account.id: account.root_plan_id
            for account in self.env["account.analytic.account"]
            .browse(lines._cae_distribution_account_ids())
            .exists()
        }
        to_write = defaultdict(lambda: self.browse())
        for line in lines:
            activity = line.move_id.cae_activity_id
            plan = activity.company_id._get_cae_activity_plan()
            distribution = line.analytic_distribution or {}
            accounts = line._cae_distribution_account_ids()
            if any(root_plans.get(account_id) == plan for account_id in accounts):
                continue
            new = {**distribution, str(activity.analytic_account_id.id): 100}
            to_write[tuple(sorted(new.items()))] |= line
        for items, batch in to_write.items():
            batch.with_context(skip_account_move_synchronization=True).write(
                {"analytic_distribution": dict(items)}
            )

    def _cae_distribution_account_ids(self):
        """Ids of the analytic accounts in the lines' distributions."""
        return {
            int(account_id)
            for distribution in self.mapped("analytic_distribution")
            if distribution
            for key in distribution
            for account_id in key.split(",")
            if account_id.isdigit()
        }

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if any("analytic_distribution" in vals for vals in vals_list):
            lines._cae_check_entrepreneur_distribution()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if "analytic_distribution" in vals:
            self._cae_check_entrepreneur_distribution()
        return res

    def _cae_check_entrepreneur_distribution(self):
        """Entrepreneurs cannot move a line to another activity.

        On the activities plan, a line of an entrepreneur's document may only
        carry the document's own activity; other plans stay free.
        """
        if self.env.su or not self.env.user._cae_is_entrepreneur_only():
            return
        lines = self.sudo()
        accounts = (
            self.env["account.analytic.account"]
            .sudo()
            .browse(lines._cae_distribution_account_ids())
            .exists()
        )
        for line in lines:
            ids = line._cae_distribution_account_ids()
            plan = line.company_id._get_cae_activity_plan()
            own = line.move_id.cae_activity_id.analytic_account_id
            others = accounts.filtered(
                lambda a, ids=ids, plan=plan, own=own: a.id in ids
                and a.root_plan_id == plan
                and a != own
            )
            if others:
                raise AccessError(
                    self.env._(
                        "The lines of your documents belong to your activity: "
                        "you cannot charge them to %(account)s.",
                        account=others[0].display_name,
                    )
                )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

_logger = logging.getLogger(__name__)

STATES = [
    ("draft", "Draft"),
    ("posted", "Posted"),
    ("reversed", "Reversed"),
]
# How many unposted documents an error message names.
SHOWN_DOCUMENTS = 5
# First key of the PostgreSQL advisory lock taken while posting a run (the
# second is the company): any constant shared by every worker.
ADVISORY_LOCK_KEY = 7433201


class CaeContributionRun(models.Model):
    """The cooperative's contribution of every activity, for whole months.

    How to use: create a run for a company and a period (the previous month
    by default), *Compute* to preview the per-activity lines, *Post* to
    write them and one journal entry moving each amount from the activity's
    analytic account to the cooperative's. The scheduled action does the
    same each month (:meth:`cron_run_previous_month`).

    Guarantees:

    - idempotent: a period has at most one posted run per company (a
      partial unique index), :meth:`_run_period` returns it instead of
      posting again, and overlapping periods are refused;
    - a period with documents of the activities still to post is refused;
    - amounts are rounded once per activity, the entry moves exactly the
      sum of the lines;
    - reversible with a reason: the entry is reversed, the lines stay as
      history, and the period can be run again;
    - a bounded number of queries whatever the number of activities (the
      figures come from grouped queries, lines are created in one batch).
    """

    _name = "cae.contribution.run"
    _description = "Contribution run"
    _inherit = ["cae.workflow.mixin", "mail.thread", "cae.job.progress.mixin"]
    # Workflow guard (cae.workflow.mixin): posted and reversed runs are
    # history; their entries come from the steps.
    _cae_workflow_fields = frozenset({"move_id", "reversal_move_id", "reversal_reason"})
    _cae_workflow_extra_steps = (
        "_post",
        "_reverse",
        "_run_period",
        "cae_job_compute_lines",
        "_cae_job_finished",
    )
    # Background jobs (cae.job.progress.mixin): activities per job.
    _cae_job_chunk_param = "cae_base.contribution_job_chunk_size"
    _cae_job_chunk_default = 500
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: self._default_period()[0],
        tracking=True,
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: self._default_period()[1],
        tracking=True,
    )
    state = fields.Selection(
        selection=STATES, required=True, default="draft", tracking=True, index=True
    )
    line_ids = fields.One2many(
        comodel_name="cae.contribution.line",
        inverse_name="run_id",
        string="Contributions",
    )
    line_count = fields.Integer(compute="_compute_amount_total", store=True)
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True)
    move_id = fields.Many2one(
        comodel_name="account.move",
        string="Journal entry",
        readonly=True,
        copy=False,
        check_company=True,
    )
    reversal_move_id = fields.Many2one(
        comodel_name="account.move",
        string="Reversal entry",
        readonly=True,
        copy=False,
        check_company=True,
    )
    reversal_reason = fields.Text(readonly=True, copy=False)
    period_not_over = fields.Boolean(
        compute="_compute_period_not_over",
        help="The period ends today or later: it cannot be posted yet.",
    )
    unposted_document_count = fields.Integer(
        compute="_compute_unposted_document_count",
        help="Documents of the activities dated in the period and still in "
        "draft: the run cannot be posted until they are posted or cancelled.",
    )

    # ------------------------------------------------------------------
    # Defaults, database
    # ------------------------------------------------------------------
    @api.model
    def _default_period(self):
        """The first month of the current company not posted yet.

        Last month when nothing is posted; else, from the first posted run
        on, the first month no posted run covers (a month left out, or the
        one after the last posted). One query.
        """
        today = fields.Date.context_today(self)
        last_month = today.replace(day=1) - relativedelta(months=1)
        posted = self.sudo().search_fetch(
            [("company_id", "=", self.env.company.id), ("state", "=", "posted")],
            ["date_from", "date_to"],
            order="date_from",
        )
        month = posted[:1].date_from or last_month
        covered = [(run.date_from, run.date_to) for run in posted]
        while any(start <= month <= end for start, end in covered):
            month += relativedelta(months=1)
        return month, month + relativedelta(day=31)

    def init(self):
        # Concurrency guard: two posted runs of the same period cannot exist
        # even if two users (or the cron) post at the same time.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s "
                "(company_id, date_from, date_to) WHERE state = 'posted'",
                SQL.identifier("cae_contribution_run_posted_period_uniq"),
                SQL.identifier(self._table),
            )
        )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("date_from", "date_to", "company_id")
    def _compute_name(self):
        # In the company's language ("Contribution mars 2026"): the name is
        # stored, and shown in entries, messages and errors.
        for run in self:
            if not (run.date_from and run.date_to):
                run.name = False
                continue
            env = run.with_context(lang=run.company_id.partner_id.lang).env
            period = format_date(env, run.date_from, date_format="MMMM y")
            if (run.date_from.year, run.date_from.month) != (
                run.date_to.year,
                run.date_to.month,
            ):
                end = format_date(env, run.date_to, date_format="MMMM y")
                period = f"{period} → {end}"
            run.name = env._("Contribution %(period)s", period=period)

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for run in self:
            # A new run in a form without the company field (single-company
            # users) has no currency yet: the current company's.
            currency = run.currency_id or self.env.company.currency_id
            run.line_count = len(run.line_ids)
            run.amount_total = currency.round(sum(run.line_ids.mapped("amount")))

    @api.depends("date_to", "state")
    def _compute_period_not_over(self):
        today = fields.Date.context_today(self)
        for run in self:
            run.period_not_over = bool(
                run.state == "draft" and run.date_to and run.date_to >= today
            )

    @api.depends("date_from", "date_to", "company_id", "state")
    def _compute_unposted_document_count(self):
        for run in self:
            run.unposted_document_count = (
                len(run._unposted_documents()) if run.state == "draft" else 0
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("date_from", "date_to")
    def _check_whole_months(self):
        for run in self:
            last_day = run.date_to + relativedelta(day=31)
            if run.date_from.day != 1 or run.date_to != last_day:
                raise ValidationError(
                    self.env._(
                        "A contribution run covers whole months: from the first "
                        "day of a month to the last day of a month (%(start)s → "
                        "%(end)s given).",
                        start=format_date(self.env, run.date_from),
                        end=format_date(self.env, run.date_to),
                    )
                )
            if run.date_to < run.date_from:
                raise ValidationError(
                    self.env._("A contribution run cannot end before it starts.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(run.state != "draft" for run in self):
            raise UserError(
                self.env._(
                    "A posted or reversed contribution run is kept as history: "
                    "reverse it instead of deleting it."
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_compute(self):
        """Preview: (re)compute the lines of draft runs, nothing posted.

        Refused for a period already posted: the posted run shows what was
        posted, a new computation of the same month would not (documents
        posted since, yearly fee already charged).
        """
        self._cae_job_check_not_running()
        for run in self:
            run._check_is_draft()
            run.company_id._cae_check_contribution_setup()
            run._check_not_posted_yet()
            vals_list = run._prepare_line_vals()
            run.line_ids.unlink()
            self.env["cae.contribution.line"].create(vals_list)
        return True

    def action_post(self):
        """Post at once, or by background jobs above one chunk of activities."""
        self._cae_job_check_not_running()
        for run in self:
            run._post_or_enqueue()
        return True

    def action_open_reverse_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reverse the contribution"),
            "res_model": "cae.contribution.reverse",
            "view_mode": "form",
            "target": "new",
            "context": {"default_run_id": self.id},
        }

    def action_view_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "form",
            "res_id": self.move_id.id,
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _run_period(self, company, date_from, date_to):
        """Post the contribution of ``company`` for the period, once.

        Idempotent: if the period is already posted, return that run and
        post nothing.
        """
        domain = [
            ("company_id", "=", company.id),
            ("date_from", "=", date_from),
            ("date_to", "=", date_to),
        ]
        posted = self.search([*domain, ("state", "=", "posted")], limit=1)
        if posted:
            return posted
        run = self.search([*domain, ("state", "=", "draft")], limit=1) or self.create(
            {"company_id": company.id, "date_from": date_from, "date_to": date_to}
        )
        if run.job_state != "running":
            run._post_or_enqueue()
        return run

    @api.model
    def cron_run_previous_month(self):
        """Post last month's contribution of every configured company.

        A company whose period cannot be posted (documents to post, missing
        settings) keeps a draft run that says why in its chatter.
        """
        date_to = fields.Date.context_today(self).replace(day=1) - timedelta(days=1)
        date_from = date_to.replace(day=1)
        companies = self.env["cae.contribution.rule"].sudo().search([]).company_id
        for company in companies:
            run = self.with_company(company)
            try:
                with self.env.cr.savepoint():
                    run._run_period(company, date_from, date_to)
            except UserError as error:
                _logger.info("Contribution of %s not posted: %s", company.name, error)
                draft = run.search(
                    [
                        ("company_id", "=", company.id),
                        ("date_from", "=", date_from),
                        ("date_to", "=", date_to),
                        ("state", "=", "draft"),
                    ],
                    limit=1,
                ) or run.create(
                    {
                        "company_id": company.id,
                        "date_from": date_from,
                        "date_to": date_to,
                    }
                )
                draft.message_post(body=str(error))

    def _check_is_draft(self):
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "%(run)s is already posted or reversed.", run=self.display_name
                )
            )

    def _lock_company(self):
        # Serialise the posting of runs of one company (two users, or a user
        # and the cron): the overlap check below then sees committed runs.
        self.env.cr.execute(
            SQL(
                "SELECT pg_advisory_xact_lock(%s, %s)",
                ADVISORY_LOCK_KEY,
                self.company_id.id,
            )
        )

    def _check_not_posted_yet(self):
        """Refuse a run whose period overlaps a posted run."""
        self.ensure_one()
        self.flush_model()
        overlapping = self.search(
            [
                ("id", "!=", self.id),
                ("company_id", "=", self.company_id.id),
                ("state", "=", "posted"),
                ("date_from", "<=", self.date_to),
                ("date_to", ">=", self.date_from),
            ],
            limit=1,
        )
        if overlapping:
            raise UserError(
                self.env._(
                    "The contribution of this period is already posted: "
                    "%(run)s. Reverse it first to run the period again.",
                    run=overlapping.display_name,
                )
            )

    def _check_can_post(self):
        """Everything that can refuse the run, before anything is written."""
        self.ensure_one()
        _ = self.env._
        self._check_is_draft()
        self.company_id._cae_check_contribution_setup()
        if self.date_to >= fields.Date.context_today(self):
            raise UserError(
                _(
                    "%(run)s cannot be posted before its period is over: "
                    "documents may still come until %(end)s.",
                    run=self.display_name,
                    end=format_date(self.env, self.date_to),
                )
            )
        self._check_not_posted_yet()
        self._check_documents_posted()

    def _check_documents_posted(self, activities=None):
        """Refuse while documents of the period (of ``activities``) are draft."""
        _ = self.env._
        documents = self._unposted_documents(activities)
        if documents:
            names = [d.display_name for d in documents[:SHOWN_DOCUMENTS]]
            more = len(documents) - len(names)
            raise UserError(
                _(
                    "%(run)s cannot be posted: %(count)s document(s) of the "
                    "activities dated in the period are not posted yet "
                    "(%(names)s%(more)s). Post or cancel them first, so that "
                    "the contribution uses every figure of the period.",
                    run=self.display_name,
                    count=len(documents),
                    names=", ".join(names),
                    more=_(" and %(more)s more", more=more) if more else "",
                )
            )

    def _unposted_documents(self, activities=None):
        """Draft invoices, bills, entries and expense reports of the period
        (of ``activities`` only, when given)."""
        self.ensure_one()
        if not (self.date_from and self.date_to and self.company_id):
            return []
        period = (self.date_from, self.date_to)
        move_domain = sheet_domain = []
        if activities is not None:
            move_domain = [("cae_activity_id", "in", activities.ids)]
            sheet_domain = [("expense_line_ids.cae_activity_id", "in", activities.ids)]
        moves = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    *move_domain,
                    ("company_id", "=", self.company_id.id),
                    ("state", "=", "draft"),
                    ("cae_activity_id.kind", "=", "entrepreneur"),
                    "|",
                    "&",
                    ("date", ">=", period[0]),
                    ("date", "<=", period[1]),
                    "&",
                    ("invoice_date", ">=", period[0]),
                    ("invoice_date", "<=", period[1]),
                ]
            )
        )
        sheets = (
            self.env["hr.expense.sheet"]
            .sudo()
            .search(
                [
                    *sheet_domain,
                    ("company_id", "=", self.company_id.id),
                    ("state", "in", ("submit", "approve")),
                    ("expense_line_ids.cae_activity_id.kind", "=", "entrepreneur"),
                    ("expense_line_ids.date", ">=", period[0]),
                    ("expense_line_ids.date", "<=", period[1]),
                ]
            )
        )
        return list(moves) + list(sheets)

    def _post_or_enqueue(self):
        """Post now when the activities fit in one chunk; else check, then
        compute the lines by background jobs (channel
        ``root.cae.contribution``), the last one posting the entry."""
        self.ensure_one()
        activities = self._get_activities()
        chunks = self._cae_split(activities.ids)
        if len(chunks) <= 1:
            self._post()
            self._cae_job_record_done(len(activities))
            return
        self._lock_company()
        self._check_can_post()
        self.line_ids.unlink()
        self._cae_job_start(len(activities))
        self._cae_job_enqueue(activities.ids)

    def _cae_job_enqueue(self, ids):
        for chunk in self._cae_split(ids):
            self.with_delay(
                description=self.env._(
                    "%(run)s: %(count)s activities",
                    run=self.display_name,
                    count=len(chunk),
                )
            ).cae_job_compute_lines(chunk)

    def cae_job_compute_lines(self, activity_ids):
        """Job: the lines of a chunk of activities.

        Idempotent: activities that already have their line in the run are
        skipped, and a posted run computes nothing.
        """
        self.ensure_one()
        return self._cae_job_run_chunk(
            activity_ids, lambda: self._compute_lines_of(activity_ids)
        )

    def _compute_lines_of(self, activity_ids):
        if self.state != "draft":
            return
        activities = self.env["cae.activity"].sudo().browse(activity_ids).exists()
        activities -= self.line_ids.activity_id
        # A document of these activities left in draft since the start: their
        # figures would be wrong. The chunk fails, and is retried once posted.
        self._check_documents_posted(activities)
        self.env["cae.contribution.line"].create(self._prepare_line_vals(activities))

    def _cae_job_finished(self):
        """Every chunk computed: post the entry, once."""
        if self.state != "draft":
            return
        self._lock_company()
        self._check_can_post()
        self._post_lines(self.line_ids)

    def _cae_job_check_can_retry(self):
        self._check_is_draft()

    def _cae_job_summary_detail(self):
        if self.state != "posted":
            return ""
        return self.env._(
            "%(count)s contribution(s), %(amount)s in total, posted.",
            count=self.line_count,
            amount=self.currency_id.format(self.amount_total),
        )

    def _post(self):
        self.ensure_one()
        self._lock_company()
        self._check_can_post()
        vals_list = self._prepare_line_vals()
        self.line_ids.unlink()
        lines = self.env["cae.contribution.line"].create(vals_list)
        self._post_lines(lines)

    def _post_lines(self, lines):
        """Write the entry of ``lines`` and mark the run posted."""
        move = self.env["account.move"]
        if lines:
            move = (
                self.env["account.move"]
                .sudo()
                .with_company(self.company_id)
                .create(self._prepare_move_vals(lines))
            )
            move.action_post()
        self.write({"state": "posted", "move_id": move.id})
        self.message_post(
            body=self.env._(
                "%(count)s contribution(s), %(amount)s in total, posted.",
                count=len(lines),
                amount=self.currency_id.format(self.amount_total),
            )
        )

    def _reverse(self, reason, date=None):
        """Cancel a posted run with a reversal entry; keep its lines."""
        self.ensure_one()
        if self.state != "posted":
            raise UserError(
                self.env._("Only a posted contribution run can be reversed.")
            )
        if not (reason or "").strip():
            raise UserError(
                self.env._("Give the reason why the contribution is reversed.")
            )
        date = date or fields.Date.context_today(self)
        reversal = self.env["account.move"]
        if self.move_id:
            reversal = self.move_id.sudo()._reverse_moves(
                [
                    {
                        "date": date,
                        "ref": self.env._(
                            "Reversal of %(run)s: %(reason)s",
                            run=self.display_name,
                            reason=reason,
                        ),
                    }
                ],
                cancel=True,
            )
        self.write(
            {
                "state": "reversed",
                "reversal_move_id": reversal.id,
                "reversal_reason": reason,
            }
        )
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "Reversed on %(date)s: %(reason)s",
                date=format_date(self.env, date),
                reason=reason,
            )
        )

    # ------------------------------------------------------------------
    # Posting
    # ------------------------------------------------------------------
    def _prepare_move_vals(self, lines):
        """One entry: each activity gives, the cooperative's activity gets.

        Per activity a debit on the contribution expense account (and, when
        a transfer account is set, a credit on it so that the activity's
        cash goes down); for the cooperative the opposite lines, for the
        total, which is the exact sum of the rounded lines.
        """
        self.ensure_one()
        company = self.company_id
        expense = company.cae_contribution_expense_account_id
        income = company.cae_contribution_income_account_id
        transfer = company.cae_contribution_transfer_account_id
        cooperative = company.cae_cooperative_activity_id.analytic_account_id
        journal = company.cae_contribution_journal_id
        total = company.currency_id.round(sum(lines.mapped("amount")))
        commands = []
        MoveLine = self.env["account.move.line"]

        def line(label, account, analytic, debit=0.0, credit=0.0):
            return Command.create(
                MoveLine._cae_misc_line_vals(
                    journal,
                    label,
                    account,
                    debit=debit,
                    credit=credit,
                    analytic_distribution={str(analytic.id): 100},
                )
            )

        for contribution in lines:
            activity = contribution.activity_id
            label = f"{self.name} - {activity.name}"
            analytic = activity.analytic_account_id
            commands.append(line(label, expense, analytic, debit=contribution.amount))
            if transfer:
                commands.append(
                    line(label, transfer, analytic, credit=contribution.amount)
                )
        commands.append(line(self.name, income, cooperative, credit=total))
        if transfer:
            commands.append(line(self.name, transfer, cooperative, debit=total))
        return {
            "move_type": "entry",
            "company_id": company.id,
            "journal_id": journal.id,
            "date": self.date_to,
            "ref": self.name,
            "line_ids": commands,
        }

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from odoo.addons.queue_job.delay import chain

BATCH_STATES = [
    ("draft", "Draft"),
    ("started", "Started"),
]


class CaeShareBatch(models.Model):
    """Bulk validation of draft subscriptions (an existing register
    entered as drafts, a campaign of subscriptions).

    The subscriptions are those listed, or, when none is, the drafts of the
    company dated on or before the date. They are validated in register
    order (date, then creation) by the register's own batch validation
    (``cae.share.operation._validate_subscriptions``), at once when they
    fit in one chunk, else by background jobs (channel
    ``root.cae.shares``) that run one after the other (a chain), so that
    numbers follow the dates. Progress, errors and the summary come from
    ``cae.job.progress.mixin``.

    A chunk that fails is rolled back and reported, and so are the chunks
    after it (validated after it, they would take numbers before it): *Retry
    the failed part* validates them again, in order, once the cause is
    fixed. A chunk run again skips what is already registered, so that
    nothing is registered twice.
    """

    _name = "cae.share.batch"
    _description = "Bulk validation of subscriptions"
    _inherit = ["cae.workflow.mixin", "mail.thread", "cae.job.progress.mixin"]
    # Workflow guard (cae.workflow.mixin): started by its step only.
    _cae_workflow_extra_steps = ("cae_job_validate",)
    _cae_workflow_writable = {None: ("name",)}
    # Background jobs (cae.job.progress.mixin): subscriptions per job.
    _cae_job_chunk_param = "cae_governance.share_job_chunk_size"
    _cae_job_chunk_default = 200
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        required=True,
        default=lambda self: self.env._("Bulk validation"),
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    date = fields.Date(
        string="Subscriptions dated up to",
        required=True,
        default=fields.Date.context_today,
        help="When no subscription is listed, the draft subscriptions of the "
        "company dated on or before this date are validated.",
    )
    state = fields.Selection(
        selection=BATCH_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    subscription_ids = fields.Many2many(
        comodel_name="cae.share.operation",
        string="Subscriptions",
        domain="[('operation_type', '=', 'subscription'), ('state', '=', 'draft'), "
        "('company_id', '=', company_id)]",
        check_company=True,
        copy=False,
    )
    subscription_count = fields.Integer(
        string="Subscriptions to validate", compute="_compute_counts"
    )
    registered_count = fields.Integer(string="Registered", compute="_compute_counts")

    @api.depends("subscription_ids.state")
    def _compute_counts(self):
        for batch in self:
            batch.subscription_count = len(batch.subscription_ids)
            batch.registered_count = len(
                batch.subscription_ids.filtered(lambda s: s.number)
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_select(self):
        """List the draft subscriptions of the company up to the date."""
        for batch in self:
            batch._check_is_draft()
            batch.subscription_ids = batch._get_drafts()
        return True

    def action_validate(self):
        """Validate the subscriptions, at once or by background jobs."""
        self.ensure_one()
        self._check_can_validate()
        subscriptions = self.subscription_ids or self._get_drafts()
        subscriptions = subscriptions.sorted(lambda s: (s.date, s.id))
        self.write({"state": "started", "subscription_ids": subscriptions.ids})
        if len(self._cae_split(subscriptions.ids)) <= 1:
            subscriptions.action_validate()
            self._cae_job_record_done(len(subscriptions))
            return True
        self._cae_job_start(len(subscriptions))
        self._cae_job_enqueue(subscriptions.ids)
        return True

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _check_is_draft(self):
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "%(batch)s is already started: create a new bulk validation.",
                    batch=self.display_name,
                )
            )

    def _check_can_validate(self):
        """Raise a clear error (and write nothing) if the batch cannot start."""
        self.ensure_one()
        _ = self.env._
        self.env["cae.share.operation"]._check_access_capital()
        self._check_is_draft()
        subscriptions = self.subscription_ids or self._get_drafts()
        if not subscriptions:
            raise UserError(
                _(
                    "No draft subscription of %(company)s is dated on or before "
                    "%(date)s.",
                    company=self.company_id.name,
                    date=format_date(self.env, self.date),
                )
            )
        wrong = subscriptions.filtered(
            lambda s: s.operation_type != "subscription"
            or s.state != "draft"
            or s.company_id != self.company_id
        )
        if wrong:
            raise UserError(
                _(
                    "Only draft subscriptions of %(company)s are validated in "
                    "bulk; %(operation)s is not one.",
                    company=self.company_id.name,
                    operation=wrong[0].display_name,
                )
            )

    def _get_drafts(self):
        self.ensure_one()
        return self.env["cae.share.operation"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("operation_type", "=", "subscription"),
                ("state", "=", "draft"),
                ("date", "<=", self.date),
            ],
            order="date, id",
        )

    # ------------------------------------------------------------------
    # Background jobs (cae.job.progress.mixin)
    # ------------------------------------------------------------------
    def _cae_job_enqueue(self, ids):
        """One job per chunk, in register order, each after the previous."""
        ordered = (
            self.env["cae.share.operation"].browse(ids).sorted(lambda s: (s.date, s.id))
        )
        chunks = self._cae_split(ordered.ids)
        chain(
            *(
                self.delayable(
                    description=self.env._(
                        "%(batch)s: %(count)s subscriptions (part %(part)s of "
                        "%(parts)s)",
                        batch=self.display_name,
                        count=len(chunk),
                        part=index,
                        parts=len(chunks),
                    )
                ).cae_job_validate(chunk)
                for index, chunk in enumerate(chunks, start=1)
            )
        ).delay()

    def cae_job_validate(self, subscription_ids):
        """Job: validate a chunk of subscriptions.

        Idempotent: what is already registered is skipped. After a failed
        chunk of the run, nothing is validated (the chunk is reported too),
        so that the retry validates them all in register order.
        """
        self.ensure_one()
        return self._cae_job_run_chunk(
            subscription_ids, lambda: self._validate_chunk(subscription_ids)
        )

    def _validate_chunk(self, subscription_ids):
        if any(chunk.state == "failed" for chunk in self._cae_job_chunks()):
            raise UserError(
                self.env._(
                    "Not validated: an earlier part of the run failed (the "
                    "retry validates this part after it)."
                )
            )
        subscriptions = (
            self.env["cae.share.operation"]
            .browse(subscription_ids)
            .exists()
            .filtered(lambda s: s.state == "draft")
        )
        subscriptions.action_validate()

    def _cae_job_check_can_retry(self):
        if self.state != "started":
            raise UserError(
                self.env._("%(batch)s is not started.", batch=self.display_name)
            )

    def _cae_job_summary_detail(self):
        registered = self.subscription_ids.filtered("number")
        if not registered:
            return ""
        numbers = registered.mapped("number")
        return self.env._(
            "%(count)s subscription(s) registered (numbers %(first)s to "
            "%(last)s with their payments).",
            count=len(registered),
            first=min(numbers),
            last=max(numbers + registered.release_ids.mapped("number")),
        )

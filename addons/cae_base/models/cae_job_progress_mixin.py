# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Progress of a monthly run split into background jobs (OCA queue_job).

How to use
----------
Inherit ``cae.job.progress.mixin`` on the run record (contribution run,
payroll batch, billing run, share register) and:

- set ``_cae_job_chunk_param`` (the system parameter holding the size of a
  chunk) and ``_cae_job_chunk_default``;
- to start, call :meth:`_cae_job_start` with the number of items, then
  enqueue one job per chunk of ids (``run.with_delay(...).cae_job_x(ids)``)
  whose method calls :meth:`_cae_job_run_chunk` with the ids and a function
  doing the work; bind each job method to its channel with a
  ``queue.job.function`` record (``data/queue_job_function_data.xml``);
- a chunk must be idempotent: run twice, it skips what is already done
  (posted, billed, registered), so that a retry never posts twice;
- override :meth:`_cae_job_finished` for what happens once every chunk is
  counted (post the entry of the run), :meth:`_cae_job_summary_detail`
  for the last sentence of the summary, and :meth:`_cae_job_enqueue` so
  that *Retry the failed part* can enqueue the failed ids again.

How it works
------------
A chunk runs in a savepoint: when it fails, what it wrote is rolled back,
its ids are kept on the run (``job_failed_ids``), counted in
``job_error_count`` with the message, and the job itself ends (retrying a
business error would fail again). Concurrency errors of PostgreSQL are
raised again, so that queue_job retries the whole job later (which is safe,
chunks being idempotent). When done + errors reach the total, the run is
finished: state, end date and the summary the user reads.
"""

from psycopg2 import OperationalError

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

JOB_STATES = [
    ("running", "Running"),
    ("done", "Finished"),
    ("failed", "Finished with errors"),
]
# How many characters of error messages a run keeps.
MAX_ERROR_LENGTH = 4000


class CaeJobProgressMixin(models.AbstractModel):
    _name = "cae.job.progress.mixin"
    _description = "Progress of a run made of background jobs"

    _cae_job_chunk_param = "cae_base.job_chunk_size"
    _cae_job_chunk_default = 100

    job_state = fields.Selection(
        selection=JOB_STATES, string="Background jobs", readonly=True, copy=False
    )
    job_total_count = fields.Integer(string="To process", readonly=True, copy=False)
    job_done_count = fields.Integer(string="Processed", readonly=True, copy=False)
    job_error_count = fields.Integer(string="In error", readonly=True, copy=False)
    job_error_message = fields.Text(string="Errors", readonly=True, copy=False)
    job_done_ids = fields.Json(string="Processed items", readonly=True, copy=False)
    job_failed_ids = fields.Json(string="Failed items", readonly=True, copy=False)
    job_date_start = fields.Datetime(string="Jobs started", readonly=True, copy=False)
    job_date_end = fields.Datetime(string="Jobs finished", readonly=True, copy=False)
    job_summary = fields.Text(string="Summary", readonly=True, copy=False)
    job_progress = fields.Float(string="Progress", compute="_compute_job_progress")

    @api.depends("job_total_count", "job_done_count", "job_error_count")
    def _compute_job_progress(self):
        for run in self:
            total = run.job_total_count
            counted = run.job_done_count + run.job_error_count
            run.job_progress = min(100.0, 100.0 * counted / total) if total else 0.0

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_cae_job_retry(self):
        """Enqueue again the chunks that failed (once their cause is fixed)."""
        for run in self:
            ids = run.job_failed_ids or []
            if run.job_state != "failed":
                raise UserError(
                    self.env._("%(run)s has no failed part.", run=run.display_name)
                )
            run._cae_job_check_can_retry()
            run.sudo().write(
                {
                    "job_state": "running",
                    "job_error_count": 0,
                    "job_error_message": False,
                    "job_failed_ids": [],
                    "job_date_end": False,
                    "job_summary": False,
                }
            )
            if ids:
                run._cae_job_enqueue(ids)
            else:
                # Every chunk was done, the last step failed: run it again.
                run._cae_job_count()
        return True

    def _cae_job_check_not_running(self):
        """Refuse to start a step while the jobs of the last one run."""
        for run in self:
            if run.job_state == "running":
                raise UserError(
                    self.env._(
                        "The background jobs of %(run)s are still running "
                        "(%(done)s of %(total)s processed): wait until they "
                        "are finished.",
                        run=run.display_name,
                        done=run.job_done_count,
                        total=run.job_total_count,
                    )
                )

    def _cae_job_record_done(self, total):
        """A run made at once, without jobs: its progress and summary."""
        self.ensure_one()
        self._cae_job_start(total)
        self.sudo().write(
            {
                "job_state": "done",
                "job_done_count": total,
                "job_date_end": fields.Datetime.now(),
            }
        )
        self.sudo().job_summary = self._cae_job_summary()
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _cae_job_chunk_size(self):
        """Items per background job (system parameter of the model)."""
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(self._cae_job_chunk_param, self._cae_job_chunk_default)
        )
        return max(int(value), 1)

    @api.model
    def _cae_split(self, ids, size=None):
        """``ids`` in lists of ``size`` (the chunk size by default)."""
        size = size or self._cae_job_chunk_size()
        ids = list(ids)
        return [ids[start : start + size] for start in range(0, len(ids), size)]

    def _cae_job_start(self, total):
        """Reset the progress of the run for ``total`` items."""
        self.ensure_one()
        self.sudo().write(
            {
                "job_state": "running",
                "job_total_count": total,
                "job_done_count": 0,
                "job_error_count": 0,
                "job_error_message": False,
                "job_done_ids": [],
                "job_failed_ids": [],
                "job_date_start": fields.Datetime.now(),
                "job_date_end": False,
                "job_summary": False,
            }
        )

    def _cae_job_run_chunk(self, ids, work):
        """Run ``work()`` for the chunk ``ids`` and count it on the run.

        :return: what the job shows as its result.
        """
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                work()
        except OperationalError as error:
            if error.pgcode in PG_CONCURRENCY_ERRORS_TO_RETRY:
                raise  # queue_job retries the job later
            self.env.invalidate_all()
            return self._cae_job_count_error(ids, error)
        except Exception as error:  # noqa: BLE001  pylint: disable=broad-except
            self.env.invalidate_all()
            return self._cae_job_count_error(ids, error)
        self._cae_job_count(done_ids=ids)
        return self.env._("%(count)s processed.", count=len(ids))

    def _cae_job_count_error(self, ids, error):
        message = str(error.args[0] if error.args else error)
        previous = self.job_error_message or ""
        text = f"{previous}\n{message}" if previous else message
        self._cae_job_count(failed_ids=ids, message=text[:MAX_ERROR_LENGTH])
        return message

    def _cae_job_count(self, done_ids=(), failed_ids=(), message=None):
        """Count chunks by their ids: a chunk counted twice (run again)
        counts once. Finish the run when everything is counted."""
        self.ensure_one()
        if self.job_state != "running":
            return
        done = set(self.job_done_ids or []) | set(done_ids)
        failed = (set(self.job_failed_ids or []) | set(failed_ids)) - done
        vals = {
            "job_done_ids": sorted(done),
            "job_failed_ids": sorted(failed),
            "job_done_count": len(done),
            "job_error_count": len(failed),
        }
        if message is not None:
            vals["job_error_message"] = message
        self.sudo().write(vals)
        if self.job_done_count + self.job_error_count >= self.job_total_count:
            if not self.job_error_count:
                self._cae_job_finish()
            self.sudo().write(
                {
                    "job_state": "failed"
                    if self.job_error_count or self.job_error_message
                    else "done",
                    "job_date_end": fields.Datetime.now(),
                }
            )
            self.sudo().job_summary = self._cae_job_summary()

    def _cae_job_finish(self):
        """Run :meth:`_cae_job_finished`; a failure is kept on the run."""
        try:
            with self.env.cr.savepoint():
                self._cae_job_finished()
        except OperationalError as error:
            if error.pgcode in PG_CONCURRENCY_ERRORS_TO_RETRY:
                raise
            self.env.invalidate_all()
            self._cae_job_keep_error(error)
        except Exception as error:  # noqa: BLE001  pylint: disable=broad-except
            self.env.invalidate_all()
            self._cae_job_keep_error(error)

    def _cae_job_keep_error(self, error):
        message = str(error.args[0] if error.args else error)
        self.sudo().write({"job_error_message": message[:MAX_ERROR_LENGTH]})

    def _cae_job_summary(self):
        """What the user reads on the run once its jobs are finished."""
        self.ensure_one()
        _ = self.env._
        if self.job_error_count or self.job_error_message:
            text = _(
                "Finished with errors: %(done)s of %(total)s processed, "
                "%(errors)s in error. Fix the cause, then retry the failed part.",
                done=self.job_done_count,
                total=self.job_total_count,
                errors=self.job_error_count,
            )
        else:
            text = _(
                "Finished: %(done)s of %(total)s processed, no error.",
                done=self.job_done_count,
                total=self.job_total_count,
            )
        detail = self._cae_job_summary_detail()
        return f"{text} {detail}" if detail else text

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    def _cae_job_finished(self):
        """Every chunk is done without error: finish the run (post it)."""

    def _cae_job_summary_detail(self):
        """A sentence on what the run made, after the counts."""
        return ""

    def _cae_job_check_can_retry(self):
        """Refuse a retry (a run closed since)."""

    def _cae_job_enqueue(self, ids):
        """Enqueue the jobs of ``ids`` (for a retry)."""
        raise NotImplementedError()

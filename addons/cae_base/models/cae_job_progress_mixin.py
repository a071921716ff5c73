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
A chunk runs in a savepoint: when it fails, what it wrote is rolled back
and the job itself ends (retrying a business error would fail again).
Each job then writes one ``cae.job.chunk`` row of its own (its ids, done
or failed, the message): jobs never update the run's row, so that two of
them running at once do not make PostgreSQL fail one of them to
serialize (and start its whole chunk again). The counts shown on the run
are read from those rows. Concurrency errors of PostgreSQL are raised
again, so that queue_job retries the whole job later (which is safe,
chunks being idempotent).

The run is concluded (``_cae_job_finished``: post its entry; state, end
date and the summary the user reads) once every item is counted: by the
job that sees it in its own transaction (jobs one after another), or,
when jobs ran at once and none could see the others' rows, by a last
job (``cae_job_conclude``) that the last to commit enqueues after its
commit.
"""

import functools

from psycopg2 import OperationalError

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
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
    # Read from the jobs' own rows (cae.job.chunk), never written by a job.
    job_done_count = fields.Integer(string="Processed", compute="_compute_job_counts")
    job_error_count = fields.Integer(string="In error", compute="_compute_job_counts")
    job_done_ids = fields.Json(string="Processed items", compute="_compute_job_counts")
    job_failed_ids = fields.Json(string="Failed items", compute="_compute_job_counts")
    job_error_message = fields.Text(string="Errors", readonly=True, copy=False)
    job_date_start = fields.Datetime(string="Jobs started", readonly=True, copy=False)
    job_date_end = fields.Datetime(string="Jobs finished", readonly=True, copy=False)
    job_summary = fields.Text(string="Summary", readonly=True, copy=False)
    job_progress = fields.Float(string="Progress", compute="_compute_job_progress")

    @api.depends("job_state", "job_total_count")
    def _compute_job_counts(self):
        # sudo: the rows of the runs the user reads, written by their jobs.
        chunks = self.env["cae.job.chunk"].sudo()._cae_read_runs(self)
        for run in self:
            figures = chunks.get(run.id) or {"done": set(), "failed": set()}
            done, failed = figures["done"], figures["failed"]
            run.job_done_ids = sorted(done)
            run.job_failed_ids = sorted(failed)
            run.job_done_count = len(done)
            run.job_error_count = len(failed)
            if not done and not failed and run.job_state == "done":
                # Made at once, without jobs: everything was processed.
                run.job_done_count = run.job_total_count

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
            run._cae_job_chunks().filtered(lambda c: c.state == "failed").unlink()
            run.sudo().write(
                {
                    "job_state": "running",
                    "job_error_message": False,
                    "job_date_end": False,
                    "job_summary": False,
                }
            )
            if ids:
                run._cae_job_enqueue(ids)
            else:
                # Every chunk was done, the last step failed: run it again.
                run._cae_job_check_finished()
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
        self.sudo().write({"job_state": "done", "job_date_end": fields.Datetime.now()})
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
        self._cae_job_chunks().unlink()
        self.sudo().write(
            {
                "job_state": "running",
                "job_total_count": total,
                "job_error_message": False,
                "job_date_start": fields.Datetime.now(),
                "job_date_end": False,
                "job_summary": False,
            }
        )

    def _cae_job_chunks(self):
        """The rows of this run's jobs (superuser: technical rows)."""
        return (
            self.env["cae.job.chunk"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
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
        self._cae_job_count(failed_ids=ids, message=message[:MAX_ERROR_LENGTH])
        return message

    def _cae_job_count(self, done_ids=(), failed_ids=(), message=None):
        """Write the chunk's own row, then conclude the run if it is the
        last one (a chunk counted twice, run again, counts once)."""
        self.ensure_one()
        if self.job_state != "running":
            return
        self.env["cae.job.chunk"].sudo().create(
            {
                "res_model": self._name,
                "res_id": self.id,
                "item_ids": list(failed_ids or done_ids),
                "state": "failed" if failed_ids else "done",
                "message": message,
            }
        )
        self._cae_job_check_finished()

    def _cae_job_is_complete(self):
        self.ensure_one()
        self.invalidate_recordset(["job_done_count", "job_error_count"])
        return self.job_done_count + self.job_error_count >= self.job_total_count

    def _cae_job_check_finished(self):
        """Conclude the run when this transaction sees every item counted;
        else check again once committed, in case the other jobs, running
        at the same time, are all done by then."""
        self.ensure_one()
        if self.job_state != "running":
            return
        if self._cae_job_is_complete():
            self._cae_job_conclude()
            return
        key = ("cae_job_check", self._name, self.id)
        pending = self.env.cr.postcommit.data.setdefault("cae_job_checks", set())
        if key in pending:
            return
        pending.add(key)
        self.env.cr.postcommit.add(
            functools.partial(
                _enqueue_conclusion_if_complete,
                self.env.cr.dbname,
                self._name,
                self.id,
                self.env.uid,
                {k: v for k, v in self.env.context.items() if k in ("lang", "tz")},
            )
        )

    def cae_job_conclude(self):
        """Job: conclude the run once every chunk is counted (enqueued by
        the last chunk to commit; run twice, the second does nothing)."""
        self.ensure_one()
        if self.job_state == "running" and self._cae_job_is_complete():
            self._cae_job_conclude()
        return True

    def _cae_job_conclude(self):
        """Every item is counted: finish the run, its state and summary."""
        self.ensure_one()
        chunks = self.env["cae.job.chunk"].sudo()._cae_read_runs(self)[self.id]
        message = "\n".join(chunks["messages"])[:MAX_ERROR_LENGTH] or False
        self.sudo().write({"job_error_message": message})
        if not chunks["failed"]:
            self._cae_job_finish()
        self.sudo().write(
            {
                "job_state": "failed"
                if chunks["failed"] or self.job_error_message
                else "done",
                "job_date_end": fields.Datetime.now(),
            }
        )
        self.invalidate_recordset(["job_done_count", "job_error_count"])
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


def _enqueue_conclusion_if_complete(dbname, model, run_id, uid, context):
    """After a chunk's commit: enqueue the run's conclusion when every item
    is counted by now (the jobs that ran at the same time committed)."""
    with Registry(dbname).cursor() as cr:
        env = api.Environment(cr, uid or SUPERUSER_ID, context)
        run = env[model].browse(run_id).exists()
        if run and run.job_state == "running" and run._cae_job_is_complete():
            run.with_delay(
                description=env._("%(run)s: conclusion", run=run.display_name)
            ).cae_job_conclude()

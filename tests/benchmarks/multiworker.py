# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Run job-based runs through a real multi-worker Odoo and its job runner.

How to use (see bench_multiworker.py)::

    with scratch_database(env.cr.dbname) as db:       # a copy, dropped after
        with db_env(db) as env:                         # seed it, committed
            seed(env)
        with OdooServer(db, workers=2, jobs=2):         # prefork + runner
            with db_env(db) as env:
                run = start(env)                        # committed: the
            wait_for_run(db, run._name, run.id)         # runner runs it
        with db_env(db) as env:
            assert collect(env) == reference        # as in one process

The server is a subprocess on a free localhost port (setup/loadtest.py's
``OdooServer``): Odoo's prefork server with ``workers`` HTTP workers, the
queue_job runner (``server_wide_modules`` web,queue_job) and the channels
``root:<jobs>``; each job is run by an HTTP worker, as in production.
"""

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import odoo
from odoo.modules.registry import Registry
from odoo.sql_db import close_db, db_connect
from odoo.tools import SQL, config

SETUP = Path(__file__).resolve().parents[2] / "setup"
if str(SETUP) not in sys.path:
    sys.path.insert(0, str(SETUP))

from loadtest import OdooServer  # noqa: E402

__all__ = ["CpuMeter", "OdooServer", "db_env", "scratch_database", "wait_for_run"]


@contextlib.contextmanager
def scratch_database(source, suffix="_mw"):
    """A copy of ``source`` (``createdb -T``) named ``source + suffix``,
    dropped at the end.

    The pooled connections of this process to ``source`` are closed first:
    PostgreSQL copies a database nobody is connected to.
    """
    target = f"{source}{suffix}"
    close_db(source)
    subprocess.run(["dropdb", "--if-exists", "--force", target], check=True)
    subprocess.run(["createdb", "-T", source, target], check=True)
    try:
        yield target
    finally:
        close_db(target)
        Registry.delete(target)
        subprocess.run(["dropdb", "--if-exists", "--force", target], check=False)


@contextlib.contextmanager
def db_env(db, context=None):
    """A superuser environment on ``db``, committed when the block ends."""
    # Loading the registry of a new database in test mode would look for
    # its at_install tests: load it as a server does.
    test_enable = config["test_enable"]
    config["test_enable"] = False
    try:
        registry = Registry(db)
    finally:
        config["test_enable"] = test_enable
    with registry.cursor() as cr:
        yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, dict(context or {}))


def wait_for_run(db, model, run_id, timeout=1800):
    """Wait until the run (a ``cae.job.progress.mixin`` record) is no longer
    running, and return its ``job_state``.

    The run's jobs are enqueued by its button, its conclusion by its last
    job: the run's state, not the jobs', says when it is finished. A job
    failed for good (queue_job's ``failed``) ends the wait too.
    """
    table = model.replace(".", "_")
    connection = db_connect(db)
    deadline = time.time() + timeout
    while True:
        with connection.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT job_state FROM %s WHERE id = %s",
                    SQL.identifier(table),
                    run_id,
                )
            )
            (state,) = cr.fetchone()
            # On a scratch database, the model's jobs are the run's.
            cr.execute(
                "SELECT count(*) FROM queue_job "
                "WHERE state = 'failed' AND model_name = %s",
                [model],
            )
            (failed,) = cr.fetchone()
        if state in ("done", "failed"):
            return state
        if failed:
            return f"{state}, {failed} job(s) failed"
        if time.time() > deadline:
            raise TimeoutError(f"{model} {run_id} still {state} after {timeout} s")
        time.sleep(0.5)


class CpuMeter:
    """The machine's busy cores while a block runs, from ``/proc/stat``.

    ``with CpuMeter() as cpu: ...`` then ``cpu.cores``: the mean number of
    cores busy (every process: Odoo's workers, the runner, PostgreSQL) and
    ``cpu.total``: the machine's cores. A run that keeps ``c`` cores busy
    with one job cannot finish, with any number of jobs, in less than
    ``c / total`` of its time: the bound of a ratio 2 jobs / 1 job.
    """

    total = os.cpu_count() or 1

    @staticmethod
    def _busy_and_all():
        with open("/proc/stat") as stat:
            ticks = [int(value) for value in stat.readline().split()[1:]]
        # user nice system idle iowait irq softirq steal (guest counted in user)
        idle = ticks[3] + ticks[4]
        everything = sum(ticks[:8])
        return everything - idle, everything

    def __enter__(self):
        self._start = self._busy_and_all()
        self.cores = 0.0
        return self

    def __exit__(self, *_exc):
        busy, everything = self._busy_and_all()
        elapsed = everything - self._start[1]
        if elapsed:
            self.cores = self.total * (busy - self._start[0]) / elapsed

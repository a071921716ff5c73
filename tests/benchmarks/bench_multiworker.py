# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Job-based runs through a real multi-worker Odoo and its job runner, with
the same results as in one process.

Run with ``CAE_BENCH_DB=cae_bench_x setup/bench tests/benchmarks/bench_multiworker.py``.

On a copy of the benchmark database (``<db>_mw``, dropped at the end) with
2,000 activities and a year of entries (bal_data.py), committed:

1. one process: the activities split in chunks of 200, each chunk's
   12-month balance series (``cae.activity._get_monthly_indicator_values``)
   computed in turn;
2. the same chunks enqueued as OCA queue_job jobs, then run by Odoo started
   as a subprocess on a free localhost port in prefork mode (2 HTTP workers,
   the job runner, ``server_wide_modules`` web,queue_job), once with one
   job at a time (``channels root:1``), once with two (``root:2``).

Each job's result (stored by queue_job) must equal the one-process result of
its chunk; printed: the wall time of each way and the ratio 2 jobs / 1 job.
"""

import time
from datetime import date

from bal_data import BalanceDataGenerator
from multiworker import OdooServer, db_env, scratch_database, wait_for_jobs

from odoo.tools import config

ACTIVITIES = 2000
CHUNK = 200
PERIOD = (date(2025, 1, 1), date(2025, 12, 31))


def _chunks(env):
    activities = BalanceDataGenerator(env, env.ref("base.main_company")).activities()
    return [activities[i : i + CHUNK] for i in range(0, len(activities), CHUNK)]


def _run_chunk(chunk):
    return chunk._get_monthly_indicator_values(*PERIOD)


def _seed(env):
    company = env.ref("base.main_company")
    company._cae_check_contribution_setup()
    BalanceDataGenerator(env, company).ensure_activities(ACTIVITIES)


def _one_process(db):
    with db_env(db) as env:
        started = time.perf_counter()
        results = [str(_run_chunk(chunk)) for chunk in _chunks(env)]
        seconds = time.perf_counter() - started
        env.cr.rollback()
    return results, seconds


def _through_runner(db, jobs):
    with OdooServer(db, workers=2, jobs=jobs) as server:
        with db_env(db) as env:
            queued = [
                chunk.with_delay(
                    channel="root", description=f"bench chunk {index}"
                )._get_monthly_indicator_values(*PERIOD)
                for index, chunk in enumerate(_chunks(env))
            ]
            uuids = [job.uuid for job in queued]
        started = time.perf_counter()
        states, span = wait_for_jobs(db, uuids)
        seconds = time.perf_counter() - started
        with db_env(db) as env:
            env.cr.execute(
                "SELECT uuid, result FROM queue_job WHERE uuid = ANY(%s)", [uuids]
            )
            by_uuid = dict(env.cr.fetchall())
            env.cr.execute("DELETE FROM queue_job WHERE uuid = ANY(%s)", [uuids])
        log = server.logfile
    return [by_uuid[uuid] for uuid in uuids], states, seconds, span, log


def test_jobs_through_the_runner_match_one_process():
    with scratch_database(config["db_name"]) as db:
        with db_env(db) as env:
            _seed(env)
        reference, one_s = _one_process(db)
        figures = [("one process, chunks in turn", one_s, None)]
        for jobs in (1, 2):
            results, states, seconds, span, log = _through_runner(db, jobs)
            assert states == {"done": len(reference)}, (states, log)
            assert results == reference, f"{jobs} job(s): results differ ({log})"
            figures.append((f"runner, 2 workers, {jobs} job(s) at once", seconds, span))
    print(f"\n\nJobs through the runner: {len(reference)} chunks of {CHUNK} activities")
    print(f"{'way':<40} {'wall s':>8} {'jobs span s':>12}")
    for label, seconds, span in figures:
        span = "" if span is None else f"{span:.2f}"
        print(f"{label:<40} {seconds:>8.2f} {span:>12}")
    print(f"ratio 2 jobs / 1 job (wall): {figures[2][1] / figures[1][1]:.2f}")

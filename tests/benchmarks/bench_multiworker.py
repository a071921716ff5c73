# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The month's runs through a real multi-worker Odoo and its job runner,
with the same results as in one process.

Run with ``CAE_BENCH_DB=cae_bench_x setup/bench tests/benchmarks/bench_multiworker.py``.

A seed copy of the benchmark database (committed, dropped at the end) holds:

- the main company with 2,000 activities and a year of entries
  (bal_data.py), and a contribution rule (10 % of the turnover);
- a French payroll company with 1,000 salaried entrepreneurs in CESA, their
  contracts and funded activities (pay_data.py).

Each way starts from its own copy of the seed and runs, as the staff do
from the forms: the contribution run of June 2025 (``action_post``), then
the payroll batch of March 2026: payslips created and computed
(``action_cae_generate_payslips``), then confirmed and posted
(``action_cae_confirm_payslips``). Each step is timed from the button to
the run's ``job_state`` "done" (its conclusion included: the contribution
entry, the payroll entries posted in one batch).

1. one process: the jobs run inline (``queue_job__no_delay``);
   (``CAE_BENCH_MW_JOBS=1,2`` leaves it out);
2. Odoo started as a subprocess in prefork mode (2 HTTP workers, the job
   runner, ``server_wide_modules`` web,queue_job), the runs started by a
   client and their jobs run by the runner, one job at a time
   (``channels root:1``);
3. the same with two jobs at a time (``root:2``).

The runs' results (contribution lines and entry; each payslip's lines,
state and entry) must be the same in the three ways. Printed: the seconds
of each step and way, and the ratio 2 jobs / 1 job.
"""

import contextlib
import os
import time
from datetime import date

from bal_data import BalanceDataGenerator
from multiworker import CpuMeter, OdooServer, db_env, scratch_database, wait_for_run
from pay_data import (
    cesa_contracts,
    payroll_company,
    payslip_run,
    salaried_entrepreneurs,
)

from odoo.tools import config

ACTIVITIES = 2000
PAYSLIPS = 1000
MONTH = (date(2025, 6, 1), date(2025, 6, 30))
PAYROLL_COMPANY = "CAE Bench Paie multi"
STEPS = ("contribution run", "payslips computed", "confirmed + posted")
WAYS = (("one process, jobs inline", 0), ("runner, 1 job at once", 1))
WAYS += (("runner, 2 jobs at once", 2),)
# CAE_BENCH_MW_JOBS=1,2: only those ways (0 is the one process), e.g. to
# time the runner again without the slow inline way.
WAYS = tuple(
    (label, jobs)
    for label, jobs in WAYS
    if str(jobs) in os.environ.get("CAE_BENCH_MW_JOBS", "0,1,2").split(",")
)


def _seed(env):
    company = env.ref("base.main_company")
    company._cae_check_contribution_setup()
    env["cae.contribution.rule"].create(
        {
            "name": "Bench: 10 % of the turnover",
            "company_id": company.id,
            "base": "turnover",
            "rate": 10.0,
            "amount_min": 50.0,
            "date_from": "2025-01-01",
        }
    )
    BalanceDataGenerator(env, company).ensure_activities(ACTIVITIES)
    payroll = payroll_company(env, PAYROLL_COMPANY)
    cesa_contracts(env, payroll, salaried_entrepreneurs(env, payroll, PAYSLIPS))


def _payroll(env):
    return env["res.company"].search([("name", "=", PAYROLL_COMPANY)])


def _start(env, step):
    """Press the step's button; return the run to wait for."""
    if step == STEPS[0]:
        company = env.ref("base.main_company")
        run = env["cae.contribution.run"].create(
            {"company_id": company.id, "date_from": MONTH[0], "date_to": MONTH[1]}
        )
        run.action_post()
        return run
    company = _payroll(env)
    env = env(context=dict(env.context, allowed_company_ids=company.ids))
    if step == STEPS[1]:
        run = payslip_run(env, company, "Bench multi-worker")
        run.action_cae_generate_payslips()
        return run
    run = env["hr.payslip.run"].search([("company_id", "=", company.id)])
    run.action_cae_confirm_payslips()
    return run


def _results(env):
    """What the staff see of the runs, without ids of rows created by them."""
    contribution = env["cae.contribution.run"].search([("date_from", "=", MONTH[0])])
    lines = contribution.line_ids.sorted(lambda line: line.activity_id.id)
    payslips = (
        env["hr.payslip"]
        .search([("company_id", "=", _payroll(env).id)])
        .sorted(lambda slip: slip.employee_id.id)
    )
    return {
        "contribution state": contribution.state,
        "contribution lines": [
            (line.activity_id.id, line.base_amount, line.amount) for line in lines
        ],
        "contribution entry": sorted(
            (line.account_id.code, line.debit, line.credit)
            for line in contribution.move_id.line_ids
        ),
        "payslips": [
            (
                slip.employee_id.id,
                slip.state,
                slip.move_id.state,
                slip.move_id.amount_total,
                tuple((line.code, round(line.total, 2)) for line in slip.line_ids),
            )
            for slip in payslips
        ],
    }


def _way(seed, jobs):
    """Seconds of each step and the results, on a copy of the seed."""
    with scratch_database(seed, suffix=f"_w{jobs}") as db:
        server = OdooServer(db, workers=2, jobs=jobs) if jobs else None
        context = {} if jobs else {"queue_job__no_delay": True}
        seconds, cores = {}, {}
        with server or contextlib.nullcontext():
            for step in STEPS:
                started = time.perf_counter()
                with CpuMeter() as cpu:
                    with db_env(db, context) as env:
                        run = _start(env, step)
                        model, run_id = run._name, run.id
                    state = wait_for_run(db, model, run_id)
                seconds[step] = time.perf_counter() - started
                cores[step] = cpu.cores
                assert state == "done", f"{step}: {state} ({server and server.logfile})"
        with db_env(db) as env:
            results = _results(env)
    return seconds, cores, results


def test_runs_through_the_runner_match_one_process():
    with scratch_database(config["db_name"], suffix="_seed") as seed:
        with db_env(seed) as env:
            _seed(env)
        figures = []
        reference = None
        for label, jobs in WAYS:
            seconds, cores, results = _way(seed, jobs)
            assert len(results["payslips"]) == PAYSLIPS, label
            assert {slip[2] for slip in results["payslips"]} == {"posted"}, label
            assert results["contribution state"] == "posted", label
            if reference is None:
                reference = results
            for key, value in reference.items():
                assert results[key] == value, f"{label}: {key} differ"
            figures.append((label, seconds, cores))
    print(
        f"\n\nMonth's runs: {ACTIVITIES} activities, {PAYSLIPS} payslips, "
        "seconds from the button to the run finished"
    )
    print(
        f"{'way':<28}" + "".join(f"{step:>20}" for step in STEPS) + f"{'payroll':>10}"
    )
    for label, seconds, _cores in figures:
        payroll = seconds[STEPS[1]] + seconds[STEPS[2]]
        row = "".join(f"{seconds[step]:>20.1f}" for step in STEPS)
        print(f"{label:<28}{row}{payroll:>10.1f}")
    print(f"\nmean busy cores of the machine ({CpuMeter.total} cores), same steps")
    for label, _seconds, cores in figures:
        print(f"{label:<28}" + "".join(f"{cores[step]:>20.2f}" for step in STEPS))
    ways = zip(WAYS, figures, strict=True)
    by_jobs = {jobs: figure[1:] for (_label, jobs), figure in ways}
    if 1 in by_jobs and 2 in by_jobs:
        (one, one_cores), (two, _two_cores) = by_jobs[1], by_jobs[2]
        payroll = STEPS[1:]
        one_total = sum(one[step] for step in payroll)
        two_total = sum(two[step] for step in payroll)
        print(
            f"payroll batch, ratio 2 jobs / 1 job: {two_total / one_total:.2f} "
            "(target ≤ 0.60)"
        )
        # Core-seconds of the 1-job run spread over every core: no number of
        # jobs can do the same work faster on this machine.
        work = sum(one[step] * one_cores[step] for step in payroll)
        print(
            "payroll batch, best ratio this machine allows (1 job's busy "
            f"core-seconds / {CpuMeter.total} cores): "
            f"{work / CpuMeter.total / one_total:.2f}"
        )
        contribution = two[STEPS[0]] / one[STEPS[0]]
        print(f"contribution run, ratio 2 jobs / 1 job: {contribution:.2f}")

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The load test behind ``setup/load`` (see setup/locustfile.py).

For each worker count: start Odoo on the grown demo database with that many
HTTP workers (and the job runner) on a free localhost port, warm it up, run
locust headless (portal and office users, bounded in time and requests),
stop Odoo, then print

- per page: requests, requests/s, p50/p95/p99 (ms), errors, from locust;
- per page: where the server's time goes, from Odoo's request log (SQL
  queries and SQL time, the rest being Python: ORM, QWeb, JSON).

The target of issue 16: p95 < 1.5 s and no error, for 2 and 4 workers.
"""

import csv
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

import caesetup

LOG_LINE = re.compile(
    r'"(?P<method>GET|POST) (?P<path>\S+) HTTP/[0-9.]+" (?P<status>\d+) - '
    r"(?P<queries>\d+) (?P<sql>[0-9.]+) (?P<other>[0-9.]+)"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OdooServer:
    """An Odoo server in a subprocess on a free localhost port.

    ``with OdooServer(db, workers=2, jobs=2) as server: server.url`` —
    prefork mode with the queue_job runner when ``workers`` > 0. The log
    (with each request's SQL queries and times) is in ``server.logfile``.
    """

    def __init__(self, db, workers=2, jobs=1, crons=0, port=None):
        self.db = db
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.logfile = Path(tempfile.mkstemp(prefix=f"odoo-{db}-", suffix=".log")[1])
        self.config = caesetup.server_config(
            db,
            self.port,
            workers=workers,
            jobs=jobs,
            extra={"max_cron_threads": crons, "logfile": self.logfile},
        )
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            caesetup.server_cmd(self.config),
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Odoo stopped at start, see {self.logfile}")
            try:
                with urllib.request.urlopen(f"{self.url}/web/health", timeout=5):
                    return self
            except OSError:
                time.sleep(1)
        self.__exit__()
        raise RuntimeError(f"Odoo did not answer in 180 s, see {self.logfile}")

    def __exit__(self, *_exc):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def request_log(self):
        """``[(method, path, status, queries, sql seconds, other seconds)]``."""
        rows = []
        for line in self.logfile.read_text(errors="replace").splitlines():
            match = LOG_LINE.search(line)
            if match:
                rows.append(
                    (
                        match["method"],
                        match["path"].split("?")[0],
                        int(match["status"]),
                        int(match["queries"]),
                        float(match["sql"]),
                        float(match["other"]),
                    )
                )
        return rows


def _page_of(method, path):
    path = re.sub(r"/\d+", "/<id>", path)
    if path.startswith("/web/dataset/call_kw/"):
        parts = path.split("/")
        return f"{method} call_kw {parts[-2]}.{parts[-1]}"
    return f"{method} {path}"


def _warm_up(url):
    """Compile the assets and templates once (not measured)."""
    for path in ("/web/login", "/web/assets/web.assets_frontend.min.js"):
        try:
            urllib.request.urlopen(url + path, timeout=120).read()
        except OSError:
            pass


def run_once(db, args, python, workers):
    with OdooServer(db, workers=workers) as server:
        _warm_up(server.url)
        prefix = Path(tempfile.mkdtemp(prefix="cae-load-")) / "run"
        users = args.portal_users + args.office_users
        env = dict(
            os.environ,
            CAE_LOAD_DB=db,
            CAE_LOAD_MAX_REQUESTS=str(args.max_requests),
            CAE_LOAD_PORTAL_USERS=str(args.portal_users),
            CAE_LOAD_OFFICE_USERS=str(args.office_users),
            CAE_LOAD_THINK=args.think,
        )
        started = time.time()
        subprocess.run(
            [
                str(python),
                "-m",
                "locust",
                "-f",
                str(caesetup.REPO / "setup" / "locustfile.py"),
                "--headless",
                "--users",
                str(users),
                "--spawn-rate",
                "2",
                "--run-time",
                f"{args.duration}s",
                "--stop-timeout",
                "10",
                "--host",
                server.url,
                "--csv",
                str(prefix),
                "--only-summary",
                *(["--reset-stats"] if args.steady else []),
                "--loglevel",
                "WARNING",
            ],
            env=env,
            check=False,
        )
        elapsed = time.time() - started
    with open(f"{prefix}_stats.csv", newline="") as stats:
        rows = list(csv.DictReader(stats))
    with open(f"{prefix}_failures.csv", newline="") as failures:
        failed = list(csv.DictReader(failures))
    return rows, failed, server.request_log(), elapsed


def print_failures(failed):
    """What each error was, as locust recorded it."""
    if not failed:
        return
    print("\nerrors (locust's failures)")
    for row in failed:
        print(f"{row['Occurrences']:>6}  {row['Name'][:52]:<52} {row['Error'][:120]}")


def print_stats(workers, rows, log_rows):
    out = [
        "",
        f"=== {workers} workers ===",
        f"{'request':<52} {'count':>6} {'req/s':>6} {'p50':>6} {'p95':>6} "
        f"{'p99':>6} {'errors':>6}",
    ]
    for row in sorted(rows, key=lambda r: (r["Name"] == "Aggregated", r["Name"])):
        out.append(
            f"{row['Name'][:52]:<52} {row['Request Count']:>6} "
            f"{float(row['Requests/s']):>6.1f} {row['50%']:>6} {row['95%']:>6} "
            f"{row['99%']:>6} {row['Failure Count']:>6}"
        )
    by_page = defaultdict(list)
    for method, path, _status, queries, sql, other in log_rows:
        by_page[_page_of(method, path)].append((queries, sql, other))
    out += [
        "",
        "where the server's time goes (Odoo's request log, means per request)",
        f"{'page':<52} {'count':>6} {'queries':>8} {'SQL ms':>7} {'Python ms':>10}",
    ]
    for page, values in sorted(by_page.items(), key=lambda kv: -len(kv[1])):
        if len(values) < 5:
            continue
        n = len(values)
        out.append(
            f"{page[:52]:<52} {n:>6} {sum(v[0] for v in values) / n:>8.0f} "
            f"{1000 * sum(v[1] for v in values) / n:>7.0f} "
            f"{1000 * sum(v[2] for v in values) / n:>10.0f}"
        )
    print("\n".join(out), flush=True)


def main(db, args, python):
    results = {}
    for workers in (int(w) for w in args.workers.split(",")):
        caesetup.say(
            f"Load test: {args.portal_users} portal and {args.office_users} office "
            f"users pausing {args.think} s, {workers} workers, {args.duration} s or "
            f"{args.max_requests} requests at most"
            + (", counted once all are logged in" if args.steady else "")
        )
        rows, failed, log_rows, _elapsed = run_once(db, args, python, workers)
        print_stats(workers, rows, log_rows)
        print_failures(failed)
        results[workers] = next(r for r in rows if r["Name"] == "Aggregated")
    print("\nSummary (all requests)")
    print(f"{'workers':>7} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'errors':>6}")
    failed = False
    for workers, row in results.items():
        print(
            f"{workers:>7} {float(row['Requests/s']):>7.1f} {row['50%']:>6} "
            f"{row['95%']:>6} {row['99%']:>6} {row['Failure Count']:>6}"
        )
        failed |= int(row["Failure Count"]) > 0 or float(row["95%"]) >= 1500
    print("target: p95 < 1500 ms, no error:", "missed" if failed else "met")
    return 0


if __name__ == "__main__":
    sys.exit("Run it with setup/load.")

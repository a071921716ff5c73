#!/usr/bin/env python3
# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Set-up of the CAE suite on a machine where ``import odoo`` gives Odoo 18.0.

Usage (see README.md)::

    setup/demo            # demo database with every cae_* module, then serve it
    setup/test [ARGS]     # fresh test database, then the whole test suite
    setup/bench [ARGS]    # the benchmarks of tests/benchmarks
    setup/payroll-params [--date D]  # yearly update: parameters that
                          # differ from OpenFisca-France on a date
    setup/demo --size 2000 --workers 4   # demo grown to 2,000 activities,
                          # served by 4 HTTP workers and the job runner
    setup/load            # load test (locust) of the grown demo, 2 and 4 workers

How it works:

1. Odoo 18.0 must be importable by this Python, otherwise we stop at once.
2. A PostgreSQL server is started (and installed from Debian's packages when
   absent) and a superuser role is created for the current system user.
3. ``requirements.txt`` is installed with pip, once per content of the file.
4. The slow part, installing Odoo's own modules (accounting with the French,
   Belgian and Canadian charts, expenses, payroll, events...), is done once
   into a *template* database whose name carries a digest of the module
   list. Demo and test databases are copies of it (``createdb -T`` plus the
   filestore), on which only the ``cae_*`` modules are installed or updated.
"""

import argparse
import contextlib
import fcntl
import getpass
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDONS = REPO / "addons"
STATE_DIR = Path(
    os.environ.get("CAE_STATE_DIR")
    or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cae-suite"
)
# Odoo modules installed in every database next to the cae_* ones: the French
# chart of accounts (the main company's), the Belgian and Canadian charts
# (the grids, accounts and demo companies of the other rule sets; each adds
# a demo company of Odoo on its chart), and the optional modules our add-ons
# integrate with when present (sale orders, queued jobs), so that those
# integrations are tested.
EXTRA_MODULES = [
    "account",
    "event",
    "hr_expense",
    "l10n_be",
    "l10n_ca",
    "l10n_fr_account",
    "mail",
    "payroll_account",
    "portal",
    "queue_job",
    "report_xlsx",
    "sale_management",
]
ODOO_REQUIRED = (
    "Odoo 18.0 Community is required: `python3 -c 'import odoo'` must give the "
    "18.0 series for the Python that runs this script ({python}).\n"
    "Install Odoo 18.0 (https://www.odoo.com/documentation/18.0/administration/"
    "on_premise/source.html), for instance `pip install -e <odoo-18.0 source> "
    "--config-settings editable_mode=compat`, then run this command again."
)


def say(message):
    print(f"[cae] {message}", flush=True)


def die(message, code=1):
    print(f"[cae] ERROR: {message}", file=sys.stderr, flush=True)
    sys.exit(code)


def run(cmd, check=True, **kwargs):
    return subprocess.run(cmd, check=check, **kwargs)


# ---------------------------------------------------------------------------
# 1. Odoo
# ---------------------------------------------------------------------------
def require_odoo():
    try:
        import odoo.release as release
    except ImportError:
        die(ODOO_REQUIRED.format(python=sys.executable))
    if tuple(release.version_info[:2]) != (18, 0):
        die(
            ODOO_REQUIRED.format(python=sys.executable)
            + f"\nFound Odoo {release.version} instead."
        )
    return release


def odoo_addons_path(with_project=True):
    """Our addons first, then Odoo's own addons folders."""
    import odoo

    import odoo.addons

    paths = [str(ADDONS)] if with_project else []
    root_addons = Path(odoo.__file__).resolve().parent.parent / "addons"
    if (root_addons / "web" / "__manifest__.py").exists():
        paths.append(str(root_addons))
    for path in odoo.addons.__path__:
        if path not in paths and Path(path).is_dir():
            paths.append(path)
    return ",".join(paths)


def odoo_cmd(*args):
    return [sys.executable, "-c", "import odoo.cli; odoo.cli.main()", *args]


def odoo_data_dir():
    import odoo.tools.appdirs as appdirs

    return Path(appdirs.user_data_dir("Odoo", "Odoo"))


# ---------------------------------------------------------------------------
# 2. PostgreSQL
# ---------------------------------------------------------------------------
def sudo_prefix():
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo"):
        return ["sudo", "-n"]
    die("PostgreSQL must be installed or started, which needs root or sudo.")


def as_postgres(cmd):
    if os.geteuid() == 0:
        return ["su", "postgres", "-c", " ".join(cmd)]
    return [*sudo_prefix(), "-u", "postgres", *cmd]


def pg_answers(user=None):
    cmd = ["psql", "-X", "-q", "-d", "postgres", "-c", "SELECT 1"]
    if user:
        cmd = as_postgres(cmd)
    return (
        shutil.which("psql")
        and run(cmd, check=False, capture_output=True).returncode == 0
    )


def server_running():
    return (
        shutil.which("pg_isready")
        and run(["pg_isready", "-q"], check=False).returncode == 0
    )


def ensure_postgres():
    if not shutil.which("pg_ctlcluster"):
        say("PostgreSQL is not installed: installing Debian's `postgresql` package")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run([*sudo_prefix(), "apt-get", "update", "-q"], env=env)
        run([*sudo_prefix(), "apt-get", "install", "-y", "-q", "postgresql"], env=env)
    if not server_running():
        clusters = run(
            ["pg_lsclusters", "--no-header"], capture_output=True, text=True
        ).stdout.split("\n")
        clusters = [line.split() for line in clusters if line.strip()]
        if not clusters:
            version = sorted(os.listdir("/usr/lib/postgresql"))[-1]
            say(f"Creating PostgreSQL {version} cluster 'main'")
            run([*sudo_prefix(), "pg_createcluster", version, "main"])
            clusters = [[version, "main"]]
        version, name = clusters[0][:2]
        say(f"Starting PostgreSQL {version}/{name}")
        run([*sudo_prefix(), "pg_ctlcluster", version, name, "start"])
        for _i in range(30):
            if server_running():
                break
            time.sleep(1)
        else:
            die("PostgreSQL did not start; see /var/log/postgresql/.")
    if not pg_answers():
        user = getpass.getuser()
        say(f"Creating the PostgreSQL superuser role {user!r} for Odoo")
        run(as_postgres(["createuser", "--superuser", user]))


def database_exists(name):
    out = run(
        [
            "psql",
            "-X",
            "-Atq",
            "-d",
            "postgres",
            "-c",
            f"SELECT 1 FROM pg_database WHERE datname = '{name}'",
        ],
        capture_output=True,
        text=True,
    ).stdout
    return out.strip() == "1"


def drop_database(name):
    run(["dropdb", "--if-exists", "--force", name])
    shutil.rmtree(odoo_data_dir() / "filestore" / name, ignore_errors=True)


def copy_database(source, target):
    drop_database(target)
    run(["createdb", "-T", source, target])
    filestore = odoo_data_dir() / "filestore"
    if (filestore / source).is_dir():
        shutil.copytree(filestore / source, filestore / target)


# ---------------------------------------------------------------------------
# 3. Python requirements
# ---------------------------------------------------------------------------
def digest(*parts):
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode())
    return h.hexdigest()[:12]


def install_requirements():
    requirements = REPO / "requirements.txt"
    stamp = STATE_DIR / f"requirements-{digest(sys.executable)}.sha"
    wanted = digest(requirements.read_bytes())
    if stamp.exists() and stamp.read_text() == wanted:
        return
    say("Installing requirements.txt")
    # The old cbor2 pin of Odoo 18.0 only builds with setuptools<70.
    run(
        [sys.executable, "-m", "pip", "install", "-q", "-r", str(requirements)],
        env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"),
    )
    stamp.write_text(wanted)


def ensure_debian_package(binary_names, package, why):
    if any(shutil.which(name) for name in binary_names):
        return True
    say(f"Installing Debian's `{package}` ({why})")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    result = run(
        [*sudo_prefix(), "apt-get", "install", "-y", "-q", package],
        check=False,
        env=env,
    )
    return result.returncode == 0


# ---------------------------------------------------------------------------
# 3b. OpenFisca-France, the oracle of the payroll tests
# ---------------------------------------------------------------------------
OPENFISCA_REQUIREMENTS = REPO / "setup" / "openfisca-requirements.txt"
OPENFISCA_ORACLE = REPO / "setup" / "openfisca_oracle.py"


def openfisca_python():
    """The Python of the OpenFisca virtualenv, built once per requirements.

    OpenFisca-France pins packages that Odoo 18.0 cannot run with
    (Werkzeug 3...): it lives in a virtualenv of its own under the cache
    directory, never in Odoo's environment. The payroll tests call it as a
    subprocess (setup/openfisca_oracle.py) that answers in JSON.
    """
    wanted = digest(OPENFISCA_REQUIREMENTS.read_bytes(), sys.version)
    venv = STATE_DIR / f"openfisca-{wanted}"
    python = venv / "bin" / "python"
    stamp = venv / "cae-ok"
    if stamp.exists():
        return python
    with locked(f"openfisca-{wanted}"):
        if stamp.exists():
            return python
        say(f"Building the OpenFisca-France virtualenv in {venv}")
        shutil.rmtree(venv, ignore_errors=True)
        run([sys.executable, "-m", "venv", str(venv)])
        run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "-r",
                str(OPENFISCA_REQUIREMENTS),
            ],
            env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"),
        )
        stamp.write_text(wanted)
    return python


def payroll_tools():
    """addons/cae_payroll/tools, imported without Odoo."""
    import importlib.util

    folder = ADDONS / "cae_payroll" / "tools"
    spec = importlib.util.spec_from_file_location(
        "cae_payroll_tools",
        folder / "__init__.py",
        submodule_search_locations=[str(folder)],
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------
# 4. Databases
# ---------------------------------------------------------------------------
def cae_modules():
    return sorted(
        path.name
        for path in ADDONS.iterdir()
        if path.name.startswith("cae_")
        and (path / "__manifest__.py").exists()
        and eval_manifest(path).get("installable", True)
    )


def eval_manifest(path):
    import ast

    return ast.literal_eval((path / "__manifest__.py").read_text())


def template_modules():
    """Every non-cae module our modules depend on, plus the French chart."""
    modules = set(EXTRA_MODULES)
    for name in cae_modules():
        manifest = eval_manifest(ADDONS / name)
        modules.update(
            d for d in manifest.get("depends", []) if not d.startswith("cae_")
        )
    return sorted(modules)


def addons_digest(modules):
    h = hashlib.sha256()
    for name in modules:
        for path in sorted((ADDONS / name).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(ADDONS)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


@contextlib.contextmanager
def locked(name):
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    with open(STATE_DIR / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def odoo_base_args(db, *, with_demo=True, with_project=True):
    args = [
        "--database",
        db,
        "--addons-path",
        odoo_addons_path(with_project),
        "--db-filter",
        f"^{db}$",
        "--log-level",
        "warn",
        "--stop-after-init",
        "--no-http",
    ]
    if not with_demo:
        args.append("--without-demo=all")
    return args


FRENCH_COMPANY = """
company = env.ref('base.main_company')
company.write({
    'country_id': env.ref('base.fr').id,
    'currency_id': env.ref('base.EUR').id,
})
env.ref('base.EUR').active = True
env.ref('base.user_admin').lang = 'fr_FR'
env.ref('base.partner_admin').lang = 'fr_FR'
company.partner_id.lang = 'fr_FR'
env.cr.commit()
"""


def ensure_template(with_demo):
    import odoo.release as release

    modules = template_modules()
    name = "cae_tpl_" + digest(release.version, ",".join(modules), with_demo)
    with locked(name):
        if database_exists(name) and (STATE_DIR / f"{name}.ok").exists():
            return name
        say(f"Building template database {name} with {', '.join(modules)}")
        say("(once per machine and module list: several minutes)")
        drop_database(name)
        base = odoo_base_args(name, with_demo=with_demo, with_project=False)
        run(odoo_cmd(*base, "-i", "base", "--load-language", "fr_FR"))
        # French company, currency and language before the accounting is
        # installed, so that the French chart of accounts is chosen.
        run(
            odoo_cmd(
                "shell",
                "--database",
                name,
                "--addons-path",
                odoo_addons_path(with_project=False),
                "--log-level",
                "warn",
                "--no-http",
            ),
            input=FRENCH_COMPANY,
            text=True,
            stdout=subprocess.DEVNULL,
        )
        run(odoo_cmd(*base, "-i", ",".join(modules)))
        (STATE_DIR / f"{name}.ok").write_text(",".join(modules))
    return name


def install_cae(db, *, with_demo, fresh):
    """Create ``db`` from the template and install, or update, our modules."""
    modules = cae_modules()
    if not modules:
        die(f"No cae_* module found in {ADDONS}.")
    stamp = STATE_DIR / f"db-{db}.sha"
    wanted = addons_digest(modules) + ",".join(modules)
    if fresh or not database_exists(db):
        template = ensure_template(with_demo)
        say(f"Creating database {db} from {template}")
        copy_database(template, db)
        stamp.unlink(missing_ok=True)
        action = "-i"
    elif stamp.exists() and stamp.read_text() == wanted:
        say(f"Database {db} is up to date with addons/")
        return modules
    else:
        action = "-u"
    # Modules added to addons/ since the database was made are installed,
    # the others updated.
    installed = installed_modules(db, modules) if action == "-u" else []
    new = [module for module in modules if module not in installed]
    args = []
    if new:
        args += ["-i", ",".join(new)]
    if installed:
        args += ["-u", ",".join(installed)]
    verb = "Installing" if action == "-i" else "Updating"
    say(f"{verb} {', '.join(modules)} in {db}")
    started = time.time()
    result = run(
        odoo_cmd(*odoo_base_args(db, with_demo=with_demo), *args),
        check=False,
    )
    if result.returncode:
        die(f"{verb} the modules in {db} failed (see the log above).")
    check_installed(db, modules)
    stamp.write_text(wanted)
    say(f"{verb} took {time.time() - started:.0f} s")
    return modules


def installed_modules(db, modules):
    """Those of ``modules`` installed in ``db``."""
    names = ",".join(f"'{m}'" for m in modules)
    return run(
        [
            "psql",
            "-X",
            "-Atq",
            "-d",
            db,
            "-c",
            f"SELECT name FROM ir_module_module WHERE name IN ({names}) "
            "AND state = 'installed'",
        ],
        capture_output=True,
        text=True,
    ).stdout.split()


def check_installed(db, modules):
    """Odoo may log an error and still exit 0: check the modules' state."""
    missing = sorted(set(modules) - set(installed_modules(db, modules)))
    if missing:
        die(f"Not installed in {db}: {', '.join(missing)} (see the log above).")


# ---------------------------------------------------------------------------
# 5. Serving: one threaded process, or workers and the job runner
# ---------------------------------------------------------------------------
def server_config(db, port, workers=0, jobs=1, log_level="info", extra=None):
    """Write the Odoo configuration file of a server on ``db`` and return it.

    ``workers`` = 0: one threaded process (development). ``workers`` > 0:
    Odoo's prefork server with that many HTTP workers, one cron worker, the
    websocket (gevent) worker on ``port + 10000`` and the OCA queue_job
    runner (``server_wide_modules`` web,queue_job) dispatching at most
    ``jobs`` jobs at once, each one run by an HTTP worker (see
    docs/deployment.md for production values).
    """
    options = {
        "db_name": db,
        "dbfilter": f"^{db}$",
        "addons_path": odoo_addons_path(),
        "http_interface": "127.0.0.1",
        "http_port": port,
        "gevent_port": port + 10000,
        "log_level": log_level,
        "workers": workers,
        "max_cron_threads": 1,
        "server_wide_modules": "base,web,queue_job",
        # A month's runs are chunked into jobs of a few seconds each; the
        # limits stop a runaway request, not a job.
        "limit_time_cpu": 600,
        "limit_time_real": 1200,
        "limit_memory_soft": 2 * 1024**3,
        "limit_memory_hard": 3 * 1024**3,
        "limit_request": 8192,
        **(extra or {}),
    }
    lines = ["[options]"]
    lines += [f"{key} = {value}" for key, value in options.items()]
    # Server-wide channels: the root channel caps the jobs run at once, the
    # cae sub-channels share it (see docs/deployment.md).
    lines += ["", "[queue_job]", f"channels = root:{max(jobs, 1)}"]
    path = STATE_DIR / f"odoo-{db}-{port}.conf"
    path.write_text("\n".join(lines) + "\n")
    return path


def server_cmd(config_path):
    return odoo_cmd("--config", str(config_path))


# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------
def prepare():
    require_odoo()
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    ensure_postgres()
    install_requirements()


def cmd_demo(args):
    prepare()
    ensure_debian_package(["wkhtmltopdf"], "wkhtmltopdf", "to print PDF reports")
    db = args.database
    install_cae(db, with_demo=True, fresh=args.fresh)
    if args.size:
        grow_demo(db, args.size)
    login = json.dumps(
        {
            "url": f"http://localhost:{args.port}/web/login?db={db}",
            "manager": "admin / admin",
            "advisor": "claire / claire",
            "accountant": "sophie / sophie",
            "entrepreneur and associate (back office)": "thomas / thomas",
            "entrepreneur (portal)": "lea / lea",
            "youth project facilitator": "manon / manon",
            "CJS local committee": "gerard / gerard",
            "Belgian business cooperative, staff": "nathalie / nathalie",
            "Belgian candidate entrepreneur (portal)": "elise / elise",
        },
        indent=2,
        ensure_ascii=False,
    )
    if args.no_serve:
        return
    config = server_config(db, args.port, workers=args.workers, jobs=args.jobs)
    mode = (
        f"{args.workers} HTTP workers, job runner with {args.jobs} job(s) at once"
        if args.workers
        else "one threaded process"
    )
    say(f"Odoo starts on http://localhost:{args.port} (database {db}, {mode}).")
    say(f"Configuration file: {config}")
    say(f"Logins:\n{login}")
    say("Stop it with Ctrl+C.")
    os.execv(sys.executable, server_cmd(config))


def grow_demo(db, size):
    """Grow the demo of ``db`` to ``size`` activities (setup/datagen.py)."""
    say(f"Growing {db} to {size} activities with a year of documents")
    result = run(
        [sys.executable, str(REPO / "setup" / "datagen.py"), db, str(size)],
        check=False,
    )
    if result.returncode:
        die(f"Growing {db} failed (see the log above).")


def cmd_load(args):
    """Load test of the grown demo (setup/loadtest.py)."""
    prepare()
    db = args.database
    install_cae(db, with_demo=True, fresh=False)
    grow_demo(db, args.size)
    import loadtest

    sys.exit(loadtest.main(db, args, locust_python()))


LOAD_REQUIREMENTS = REPO / "setup" / "load-requirements.txt"


def locust_python():
    """The Python of the locust virtualenv, built once per requirements.

    Locust needs gevent 24+, greenlet 3 and Werkzeug 3, Odoo 18.0 pins
    gevent 22.10, greenlet 2.0 and Werkzeug 2.2: locust lives in a
    virtualenv of its own under the cache directory, never in Odoo's
    environment.
    """
    wanted = digest(LOAD_REQUIREMENTS.read_bytes(), sys.version)
    venv = STATE_DIR / f"locust-{wanted}"
    python = venv / "bin" / "python"
    stamp = venv / "cae-ok"
    if stamp.exists():
        return python
    with locked(f"locust-{wanted}"):
        if stamp.exists():
            return python
        say(f"Building the locust virtualenv in {venv}")
        shutil.rmtree(venv, ignore_errors=True)
        run([sys.executable, "-m", "venv", str(venv)])
        run(
            [str(python), "-m", "pip", "install", "-q", "-r", str(LOAD_REQUIREMENTS)],
            env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"),
        )
        stamp.write_text(wanted)
    return python


def cmd_test(args):
    prepare()
    if not ensure_debian_package(
        ["chromium", "google-chrome", "chromium-browser"],
        "chromium",
        "browser tours run in headless Chromium",
    ):
        die("Chromium is needed for the browser tours.")
    # The crawler (tests/test_crawler.py) prints every report of the suite
    # and reads the PDF files.
    for binaries, package in (
        (["wkhtmltopdf"], "wkhtmltopdf"),
        (["pdftotext"], "poppler-utils"),
    ):
        if not ensure_debian_package(
            binaries, package, "the crawler prints the reports"
        ):
            die(f"Debian's {package} is needed by the crawler test.")
    db = args.database
    install_cae(db, with_demo=True, fresh=not args.reuse)
    os.environ["CAE_OPENFISCA_PYTHON"] = str(openfisca_python())
    pytest_args = args.pytest_args or ["addons", "tests"]
    say(f"Running the tests on {db}: pytest {' '.join(pytest_args)}")
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        f"--odoo-database={db}",
        f"--odoo-addons-path={odoo_addons_path()}",
        "--odoo-http",
        "--odoo-log-level=warn",
        *pytest_args,
    ]
    os.chdir(REPO)
    sys.exit(run(cmd, check=False).returncode)


def cmd_bench(args):
    prepare()
    db = args.database
    install_cae(db, with_demo=False, fresh=not args.reuse)
    bench_args = args.bench_args or ["tests/benchmarks"]
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "-s",
        "-o",
        "python_files=bench_*.py",
        f"--odoo-database={db}",
        f"--odoo-addons-path={odoo_addons_path()}",
        "--odoo-log-level=error",
        *bench_args,
    ]
    os.chdir(REPO)
    sys.exit(run(cmd, check=False).returncode)


def cmd_payroll_params(args):
    """Print the payroll parameters whose OpenFisca-France value differs
    from the suite's dated data on a date (the yearly update)."""
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    tools = payroll_tools()
    on_date = args.date
    data = ADDONS / "cae_payroll" / "data"
    import datetime

    ours = tools.openfisca_map.parameters_from_xml(
        sorted(data.glob("cae_parameter*.xml")), datetime.date.fromisoformat(on_date)
    )
    request = {
        "command": "parameters",
        "date": on_date,
        "parameters": tools.openfisca_map.OPENFISCA,
    }
    answer = json.loads(
        run(
            [str(openfisca_python()), str(OPENFISCA_ORACLE)],
            input=json.dumps(request),
            capture_output=True,
            text=True,
        ).stdout
    )
    changed, unmapped = tools.openfisca_map.changed_parameters(ours, answer)
    print(f"Payroll parameters on {on_date}: the suite's data / OpenFisca-France")
    for code, mine, theirs in changed:
        shown = "missing" if mine is None else f"{mine:g}"
        print(f"  {code:<40} {shown:>12} / {theirs:g}")
    print(
        f"{len(changed)} of {len(answer)} parameters differ; not in OpenFisca-France "
        f"(check their sources by hand): {', '.join(unmapped) or 'none'}."
    )
    print(
        "Review each difference against its legal source, then add the new "
        "values as dated data (addons/cae_payroll/data/cae_parameter*.xml)."
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="demo database, then start Odoo")
    demo.add_argument("--database", default=os.environ.get("CAE_DEMO_DB", "cae_demo"))
    demo.add_argument("--port", type=int, default=int(os.environ.get("CAE_PORT", 8069)))
    demo.add_argument("--fresh", action="store_true", help="recreate the database")
    demo.add_argument(
        "--size",
        type=int,
        default=0,
        help="grow the demo to this many activities with a year of documents",
    )
    demo.add_argument(
        "--workers",
        type=int,
        default=0,
        help="HTTP workers (0: one threaded process); > 0 starts the job runner",
    )
    demo.add_argument(
        "--jobs", type=int, default=1, help="jobs run at once by the job runner"
    )
    demo.add_argument(
        "--no-serve", action="store_true", help="prepare the database, do not serve"
    )
    demo.set_defaults(func=cmd_demo)

    load = sub.add_parser("load", help="load test of the demo grown (locust)")
    load.add_argument("--database", default=os.environ.get("CAE_DEMO_DB", "cae_demo"))
    load.add_argument("--size", type=int, default=2000)
    load.add_argument("--workers", default="2,4", help="worker counts to measure")
    load.add_argument("--portal-users", type=int, default=50)
    load.add_argument("--office-users", type=int, default=10)
    load.add_argument("--duration", type=int, default=90, help="seconds per run")
    load.add_argument(
        "--max-requests", type=int, default=20000, help="requests per run at most"
    )
    load.add_argument(
        "--think",
        default="1,3",
        help="each user's pause between two requests, MIN,MAX seconds "
        "(1,3: a stress test; 5,15: a person reading the page)",
    )
    load.add_argument(
        "--steady",
        action="store_true",
        help="count the requests only once every user has logged in (the "
        "logins' password hashing, at the start, left out)",
    )
    load.set_defaults(func=cmd_load)

    test = sub.add_parser("test", help="fresh test database, then pytest")
    test.add_argument("--database", default=os.environ.get("CAE_TEST_DB", "cae_test"))
    test.add_argument(
        "--reuse",
        action="store_true",
        default=os.environ.get("CAE_REUSE_DB") == "1",
        help="keep the test database, only update changed modules",
    )
    test.add_argument("pytest_args", nargs="*")
    test.set_defaults(func=cmd_test)

    bench = sub.add_parser("bench", help="run tests/benchmarks")
    bench.add_argument(
        "--database", default=os.environ.get("CAE_BENCH_DB", "cae_bench")
    )
    bench.add_argument("--reuse", action="store_true")
    bench.add_argument("bench_args", nargs="*")
    bench.set_defaults(func=cmd_bench)

    params = sub.add_parser(
        "payroll-params",
        help="payroll parameters that differ from OpenFisca-France on a date",
    )
    params.add_argument(
        "--date",
        default=f"{time.localtime().tm_year + 1}-01-01",
        help="date of the comparison (default: next 1 January)",
    )
    params.set_defaults(func=cmd_payroll_params)

    # Options we do not know (``-k``, ``-x``...) go to pytest.
    args, unknown = parser.parse_known_args(argv)
    for attr in ("pytest_args", "bench_args"):
        if hasattr(args, attr):
            setattr(args, attr, unknown + getattr(args, attr))
    args.func(args)


if __name__ == "__main__":
    main()

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Crawler of the suite's screens as one user: does every page open?

A test class per role (see ``tests/test_crawler.py``) derives from
:class:`CaeCrawlerCase`, names the demo user (``login``) and calls
:meth:`CaeCrawlerCase.crawl`. The crawl:

1. in headless Chromium, opens every menu of the suite's apps the user sees,
   every view type of each window action, the form of the action's first
   record, the new-record form when "New" is shown and every tab of those
   forms (``static/tests/crawler/crawler.js``);
2. prints every report of the suite (``ir.actions.report`` of the ``cae_*``
   modules) the user may print, on a record the user can read: a PDF must
   have text (``pdftotext``), an XLSX file must be a non-empty workbook;
3. opens every portal route of the ``cae_*`` controllers, with the ids of
   records of the user (``route_records``), by GET or, for the routes that
   accept only POST (as declared to the routing map), by an empty POST; then
   the GET ones that answered an HTML page, in Chromium, each in a frame
   given ``page_timeout`` seconds to load (a page that does not load is a
   problem, not a crawl that never ends);
4. looks, in the visible text of every page, for the English source strings
   of the suite's French catalogues (``i18n/fr.po``) that show untranslated,
   and for dates written the computer's way (``2026-11-02``).

It fails on any error dialog, RPC error, console error, HTTP status >= 500
(>= 400 for reports and the user's own records), blank PDF, English label,
ISO date,
and, for the user of another company, any record of the first company
(``foreign_company``), with one line per problem: role, page, error.
"""

import io
import json
import logging
import os
import re
import shutil
import subprocess
import threading
import time
import zipfile
from collections import namedtuple
from html import unescape
from pathlib import Path

import polib
from lxml import html as lxml_html

from odoo.modules.module import get_module_path
from odoo.tests import HttpCase

_logger = logging.getLogger(__name__)

JS_MODULE = "@cae_base/../tests/crawler/crawler"
REPORT_PREFIX = "cae-crawler-report "
SUCCESS_SIGNAL = "cae crawler done"
SUITE_PREFIX = "cae_"

Problem = namedtuple("Problem", "where kind message")
# The printed pages of a QWeb report (web.external_layout and al.).
PAGE_XPATH = "//*[contains(concat(' ', @class, ' '), ' page ')]"

# Records of another company that Odoo shows by design: the internal users
# (and their contacts) of every company, whom colleagues can message.
ISOLATION_DOMAINS = {
    "res.partner": [("partner_share", "=", True)],
    "res.users": [("share", "=", True)],
}

# ----------------------------------------------------------------------
# English labels: the suite's French catalogues
# ----------------------------------------------------------------------
# A date written the ISO way, not part of a longer token (a file name, a URL).
ISO_DATE = re.compile(r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/-])")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]|\{\{.*?\}\}|\{\w*\}")
_TAG = re.compile(r"<[^>]+>")


def normalize(text):
    text = unescape(_TAG.sub(" ", text or "")).replace("\u200b", "")
    return " ".join(text.split())


class FrenchCatalog:
    """The English source strings of the suite that must not show in French.

    A string counts when its French translation differs from it, or when the
    module's ``.pot`` has it and ``fr.po`` gives no translation. A visible
    text matches a string when it is equal to it (whitespace and markup
    aside); placeholders (``%s``, ``%(name)s``) match any text.
    """

    _cache = {}

    def __init__(self, modules, french_modules=()):
        self.exact = {}
        self.patterns = []
        entries = [
            (m, msgid, msgstr) for m in modules for msgid, msgstr in self._entries(m)
        ]
        # A French translation somewhere is French ("Entrepreneur" translates
        # "Entrepreneur" in one module and is "Entrepreneur·e" in another),
        # Odoo's own too: its French keeps "Manager" for the expense report's
        # manager, which the suite's groups call "Responsable".
        translations = [msgstr for _m, _i, msgstr in entries]
        translations += [s for m in french_modules for _i, s in self._entries(m)]
        self.french = {normalize(msgstr) for msgstr in translations if msgstr}
        for module, msgid, msgstr in entries:
            key = normalize(msgid)
            if len(key) < 2 or key in self.french:
                continue
            found = (msgid, module, msgstr)
            if _PLACEHOLDER.search(key):
                parts = _PLACEHOLDER.split(key)
                if sum(len(p.strip()) for p in parts) < 4:
                    continue  # only placeholders: matches anything
                regex = ".+?".join(re.escape(p) for p in parts)
                self.patterns.append((re.compile(f"^{regex}$"), found))
            else:
                self.exact.setdefault(key, found)

    @classmethod
    def for_modules(cls, modules, french_modules=()):
        key = (tuple(sorted(modules)), tuple(sorted(french_modules)))
        if key not in cls._cache:
            cls._cache[key] = cls(*key)
        return cls._cache[key]

    @staticmethod
    def _entries(module):
        i18n = Path(get_module_path(module)) / "i18n"
        translations = {}
        if (i18n / "fr.po").exists():
            for entry in polib.pofile(str(i18n / "fr.po")):
                if not entry.obsolete and entry.msgid:
                    translations[entry.msgid] = entry.msgstr
        ids = set(translations)
        if (i18n / f"{module}.pot").exists():
            ids |= {
                e.msgid for e in polib.pofile(str(i18n / f"{module}.pot")) if e.msgid
            }
        return [(msgid, translations.get(msgid)) for msgid in sorted(ids)]

    def english(self, text):
        """``(msgid, module, msgstr)`` when ``text`` is an untranslated string."""
        key = normalize(text)
        if key in self.exact:
            return self.exact[key]
        if key in self.french or not any(c.isalpha() for c in key):
            return None
        for regex, found in self.patterns:
            if regex.match(key):
                return found
        return None


def pdf_text(data):
    """The text of a PDF (``pdftotext``), '' when it has none."""
    result = subprocess.run(
        ["pdftotext", "-q", "-", "-"], input=data, capture_output=True, check=False
    )
    return normalize(result.stdout.decode("utf-8", "replace"))


def pdf_problem(data):
    """Why ``data`` is not a PDF with something printed on it, or None.

    A PDF without text may still show it: wkhtmltopdf built on an unpatched
    Qt (Debian's package) draws the text of web fonts as vector paths, which
    ``pdftotext`` cannot read. The pages are then looked at: a blank PDF has
    no dark pixel at all.
    """
    if not data.startswith(b"%PDF"):
        return "not a PDF file"
    if pdf_text(data):
        return None
    result = subprocess.run(
        ["pdftoppm", "-q", "-r", "20", "-gray"],
        input=data,
        capture_output=True,
        check=False,
    )
    if not any(min(page, default=255) < 128 for page in _pgm_pages(result.stdout)):
        return "the PDF is blank (no text, no ink)"
    return None


def _pgm_pages(data):
    """The pixels of each page of ``pdftoppm -gray`` (binary PGM images)."""
    pos = 0
    while header := re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s", data[pos : pos + 64]):
        start = pos + header.end()
        pos = start + int(header.group(1)) * int(header.group(2))
        yield data[start:pos]


def xlsx_problem(data):
    """Why ``data`` is not a non-empty XLSX workbook, or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
            if not sheets:
                return "XLSX file without worksheet"
            if not any(b"<c " in book.read(name) for name in sheets):
                return "XLSX workbook without any cell"
    except zipfile.BadZipFile:
        return "not an XLSX file"
    return None


def html_texts(content, xpath=None):
    """Visible texts of an HTML page (what a browser would show, roughly),
    or of its elements matching ``xpath``."""
    try:
        tree = lxml_html.fromstring(content)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    roots = tree.xpath(xpath) if xpath else [tree]
    return [t for root in roots for t in (normalize(s) for s in root.itertext()) if t]


class _ReportGrabber(logging.Handler):
    """Catches the crawler's report among the browser's console messages."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.reports = []

    def emit(self, record):
        message = record.getMessage()
        if message.startswith(REPORT_PREFIX):
            self.reports.append(json.loads(message[len(REPORT_PREFIX) :]))


class CaeCrawlerCase(HttpCase):
    """Base class of the crawler tests, one class per role."""

    #: login of the demo user crawled (password = login)
    login = None
    #: name of the role in the failure message
    role = None
    #: ``{route argument: callable(env of the user, url pattern, records of the
    #: arguments before) -> record}``: the ids of the portal routes, records
    #: of the user; a route whose argument gives no record is not opened.
    route_records = {}
    #: ``{report xmlid: callable(env of the user) -> record}``; by default the
    #: first record of the report's model the user can read.
    report_records = {}
    #: ``(company xmlid, [model names])``: the user must see no record of this
    #: company in these models (users of another company).
    foreign_company = None
    #: an action without any record to show is a problem (the demo data must
    #: give each role something to see)
    require_records = True
    #: a file of problems already known and not fixed yet, one per line as
    #: ``login | - [kind] where: message`` (the failure message's lines):
    #: they are logged, not failed on, so that the crawler fails on every new
    #: problem while the known ones wait for their fix; a known problem no
    #: longer seen fails too, until its line is removed.
    known_problems_file = None
    browser_timeout = 900
    #: seconds a portal page has to load in the browser
    page_timeout = 60

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not shutil.which("pdftotext"):
            raise AssertionError(
                "pdftotext (Debian's poppler-utils) is needed to read the PDF reports."
            )
        cls.suite_modules = (
            cls.env["ir.module.module"]
            .search(
                [("name", "=like", f"{SUITE_PREFIX}%"), ("state", "=", "installed")]
            )
            .mapped("name")
        )
        third_party, odoo_own = cls._dependencies()
        cls.catalog = FrenchCatalog.for_modules(
            cls.suite_modules + third_party, french_modules=odoo_own
        )

    @classmethod
    def _dependencies(cls):
        """Modules the suite depends on, from outside Odoo's own source (OCA's
        payroll, queue_job...: their screens are the suite's screens, and
        their French catalogues are not always complete) and Odoo's own."""
        Module = cls.env["ir.module.module"]
        deps = Module.search([("name", "in", cls.suite_modules)])
        seen = Module
        while deps - seen:
            seen |= deps
            deps |= deps.dependencies_id.depend_id
        odoo_root = Path(get_module_path("base")).parents[2]
        names = sorted(m.name for m in seen if not m.name.startswith(SUITE_PREFIX))
        odoo_own = [
            name for name in names if odoo_root in Path(get_module_path(name)).parents
        ]
        return [name for name in names if name not in odoo_own], odoo_own

    # ------------------------------------------------------------------
    # Entry point
    # ------------------------------------------------------------------
    def crawl(self):
        """Crawl everything the user may reach; fail with every problem."""
        user = self.env["res.users"].search([("login", "=", self.login)])
        self.assertTrue(user, f"demo user {self.login} is missing")
        self.assertEqual(user.lang, "fr_FR", f"{self.login} must work in French")
        started = time.time()
        problems, texts, summary = [], {}, {}
        # Reports and portal routes first: after a browser_js call, Odoo
        # refuses the requests without the test cookie, such as those of
        # wkhtmltopdf fetching the style sheets of the PDF reports.
        self.authenticate(self.login, self.login)
        for phase, check in (
            ("reports printed", self._check_reports),
            ("portal pages", self._check_portal),
        ):
            phase_problems, phase_texts, count = check(user)
            problems += phase_problems
            texts.update(phase_texts)
            summary[phase] = count
        if user._is_internal():
            report = self._crawl_back_office(user)
            problems += [
                Problem(p["context"], p["kind"], p["message"])
                for p in report["problems"]
            ]
            if self.require_records:
                problems += [
                    Problem(e["context"], "empty", f"no {e['model']} record to show")
                    for e in report["empty"]
                ]
            texts.update(report["texts"])
            summary["back office pages"] = len(report["pages"])
            summary.update(
                {f"pages of {app}": count for app, count in report["apps"].items()}
            )
        if user.share:
            summary["portal pages in the browser"] = sum(
                page.startswith("portal ") for page in self.portal_pages
            )
        problems += self._english(texts)
        problems += self._iso_dates(texts)
        problems += self._foreign_records(user, texts)
        summary["seconds"] = round(time.time() - started)
        _logger.info("crawler %s (%s): %s", self.role, self.login, summary)
        for page in self.portal_pages:
            _logger.info("crawler %s, portal page: %s", self.login, page)
        self.summary = summary
        if os.environ.get("CAE_CRAWLER_DUMP"):
            # For looking at what was seen: CAE_CRAWLER_DUMP=<folder>.
            folder = Path(os.environ["CAE_CRAWLER_DUMP"])
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{self.login}.json").write_text(
                json.dumps(
                    {
                        "summary": summary,
                        "portal_pages": self.portal_pages,
                        "problems": problems,
                        "texts": texts,
                    },
                    indent=1,
                    ensure_ascii=False,
                )
            )
        lines = [
            f"- [{p.kind}] {p.where}: {p.message}"
            for p in sorted(set(problems), key=lambda p: (p.where, p.kind))
        ]
        known = self._known_problems()
        # A problem is known by the first line of its message.
        is_known = {line: line.splitlines()[0].rstrip() in known for line in lines}
        for line in lines:
            if is_known[line]:
                _logger.warning("crawler %s, known problem: %s", self.login, line)
        # A known problem no longer seen is fixed: its line must go, so that
        # the file lists only what is still to do.
        fixed = known - {line.splitlines()[0].rstrip() for line in lines}
        lines = [line for line in lines if not is_known[line]]
        message = ""
        if lines:
            message += (
                f"The crawler found {len(lines)} problem(s) as {self.role} "
                f"({self.login}):\n" + "\n".join(lines) + "\n"
            )
        if fixed:
            message += (
                f"{len(fixed)} known problem(s) of {self.login} no longer seen: "
                f"remove them from {Path(self.known_problems_file).name}:\n"
                + "\n".join(sorted(fixed))
            )
        if message:
            self.fail(message)

    def _known_problems(self):
        if not self.known_problems_file:
            return set()
        known = set()
        for line in Path(self.known_problems_file).read_text().splitlines():
            login, sep, problem = line.partition(" | ")
            if sep and login == self.login:
                known.add(problem.rstrip())
        return known

    # ------------------------------------------------------------------
    # Back office, in the browser
    # ------------------------------------------------------------------
    def _suite_apps(self):
        """The app menus of the suite's modules, in menu order."""
        data = self.env["ir.model.data"].search(
            [
                ("model", "=", "ir.ui.menu"),
                ("module", "in", self.suite_modules),
            ]
        )
        menus = self.env["ir.ui.menu"].browse(data.mapped("res_id")).exists()
        return [
            m.get_external_id()[m.id] for m in menus.filtered(lambda m: not m.parent_id)
        ]

    def _crawl_back_office(self, user):
        options = {"apps": self._suite_apps()}
        return self._browser_report(
            "/odoo",
            f"odoo.loader.modules.get({JS_MODULE!r}).crawlBackOffice({json.dumps(options)})",
            f"odoo.isReady === true && !!odoo.loader.modules.get({JS_MODULE!r})",
        )

    def _crawl_portal_pages(self, urls):
        args = f"{json.dumps(urls)}, {self.page_timeout * 1000}"
        return self._browser_report(
            "/my",
            f"odoo.loader.modules.get({JS_MODULE!r}).crawlPortal({args})",
            f"!!odoo.loader.modules.get({JS_MODULE!r})",
            # Each page ends by its report or by its timeout.
            timeout=len(urls) * (self.page_timeout + 5) + 60,
        )

    def _browser_report(self, url, code, ready, timeout=None):
        """Run the crawler's ``code`` in Chromium; its report (a dict)."""
        logger = self._logger.getChild("browser")
        grabber = _ReportGrabber()
        level, propagate = logger.level, logger.propagate
        logger.addHandler(grabber)
        logger.setLevel(logging.INFO)
        # The browser's chatter stays out of the test log, unless asked for.
        logger.propagate = bool(os.environ.get("CAE_CRAWLER_VERBOSE"))
        try:
            self.browser_js(
                url,
                code,
                ready=ready,
                login=self.login,
                timeout=timeout or self.browser_timeout,
                success_signal=SUCCESS_SIGNAL,
            )
        finally:
            logger.removeHandler(grabber)
            logger.setLevel(level)
            logger.propagate = propagate
        self.assertEqual(len(grabber.reports), 1, "the crawler sent no report")
        return grabber.reports[0]

    # ------------------------------------------------------------------
    # Reports
    # ------------------------------------------------------------------
    def _suite_reports(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.actions.report"), ("module", "in", self.suite_modules)],
            order="module, name",
        )
        return [
            (f"{d.module}.{d.name}", self.env["ir.actions.report"].browse(d.res_id))
            for d in data
        ]

    def _report_record(self, xmlid, report, user_env):
        if xmlid in self.report_records:
            return self.report_records[xmlid](user_env)
        Model = user_env[report.model]
        if Model._transient:
            return Model.create({})
        return Model.search([], limit=1)

    def _check_reports(self, user):
        """Print each report as the user, as the print menu does (the report
        action's ``/report/download`` renders the same way). Portal users
        have no print menu: their documents are portal routes."""
        problems, texts, printed = [], {}, 0
        if user.share:
            return problems, texts, printed
        user_env = self.env(user=user, context={"lang": user.lang})
        Report = user_env["ir.actions.report"].with_context(force_report_rendering=True)
        for xmlid, report in self._suite_reports():
            if report.groups_id and not (report.groups_id & user.groups_id):
                continue
            if not user_env[report.model].has_access("read"):
                continue  # the user never sees the print menu of these records
            where = f"report {report.name} ({xmlid})"
            record = self._report_record(xmlid, report, user_env)
            if not record:
                continue  # nothing to print it on: the user never sees it
            where = f"{where} on {record.display_name} ({record._name},{record.id})"
            printed += 1
            try:
                with self.env.cr.savepoint():
                    if report.report_type == "xlsx":
                        content, kind = Report._render_xlsx(xmlid, record.ids, None)
                    else:
                        # What the document says (the PDF of wkhtmltopdf may
                        # have no readable text, see pdf_problem).
                        html = Report._render_qweb_html(xmlid, record.ids)[0]
                        content, kind = Report._render(xmlid, record.ids)
            except Exception as error:  # noqa: BLE001 (the problem is the report)
                problems.append(
                    Problem(where, "error", f"{type(error).__name__}: {error}")
                )
                continue
            why = None
            if kind == "xlsx":
                why = xlsx_problem(content)
            else:
                body = html_texts(html, PAGE_XPATH)
                if not body:
                    why = "the document is empty (nothing on its pages)"
                for text in body:
                    texts.setdefault(text, where)
                if kind == "pdf":
                    why = why or pdf_problem(content)
            if why:
                problems.append(Problem(where, "blank", why))
        return problems, texts, printed

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    def _suite_routes(self):
        """``[(url pattern, arguments, methods)]`` of the cae_* controllers."""
        routes = []
        # Odoo builds its routing map for the database of the current thread:
        # the test runner's main thread names none once the map's cache was
        # cleared by an earlier test.
        thread = threading.current_thread()
        if not getattr(thread, "dbname", None):
            thread.dbname = self.env.cr.dbname
        for rule in self.env["ir.http"].routing_map().iter_rules():
            module = rule.endpoint.__module__.split(".")
            if module[:2] != ["odoo", "addons"] or not module[2].startswith(
                SUITE_PREFIX
            ):
                continue
            methods = set(rule.methods or ()) - {"OPTIONS", "HEAD"}
            routes.append((rule.rule, sorted(rule.arguments), methods))
        return sorted(set((r, tuple(a), frozenset(m)) for r, a, m in routes))

    def _route_url(self, pattern, arguments, user_env):
        values = {}
        for name in arguments:
            if name == "page":
                values[name] = 1
                continue
            provider = self.route_records.get(name)
            record = provider(user_env, pattern, values) if provider else None
            if not record:
                return None
            values[name] = record
        return re.sub(
            r"<(?:\w+:)?(\w+)>",
            lambda m: str(
                values[m.group(1)] if m.group(1) == "page" else values[m.group(1)].id
            ),
            pattern,
        )

    def _check_portal(self, user):
        problems, texts, opened = [], {}, 0
        user_env = self.env(user=user, context={"lang": user.lang})
        html_pages = []
        self.portal_pages = []
        for pattern, arguments, methods in self._suite_routes():
            url = self._route_url(pattern, arguments, user_env)
            if url is None:
                continue  # no record of the user for this route
            where = f"portal {url}"
            gettable = not methods or "GET" in methods
            if not gettable:
                # Actions (votes, bookings...): empty input must not break.
                response = self.url_open(
                    url, data={"csrf_token": self._csrf_token()}, allow_redirects=False
                )
            else:
                response = self.url_open(url, timeout=60)
            opened += 1
            self.portal_pages.append(f"{'GET' if gettable else 'POST'} {url}")
            status = response.status_code
            owned = bool(arguments) and gettable
            if status >= 500 or (owned and status >= 400):
                problems.append(
                    Problem(where, "http", f"HTTP {status} {_short(response)}")
                )
                continue
            kind = response.headers.get("Content-Type", "")
            if status == 200 and "pdf" in kind:
                if response.content.startswith(b"%PDF"):
                    why = pdf_problem(response.content)
                else:
                    # In test mode, Odoo answers the HTML of PDF reports
                    # (ir.actions.report._pre_render_qweb_pdf).
                    body = html_texts(response.content, PAGE_XPATH)
                    why = None if body else "the document is empty"
                    for text in body:
                        texts.setdefault(text, where)
                if why:
                    problems.append(Problem(where, "blank", why))
            elif status == 200 and "html" in kind:
                if gettable:
                    # A route that refuses GET answers its 405 page to
                    # the browser: only its POST answer is looked at.
                    html_pages.append(url)
                for text in html_texts(response.content):
                    texts.setdefault(text, where)
        if html_pages and user.share:
            # What the portal user's browser makes of these pages.
            report = self._crawl_portal_pages(html_pages)
            problems += [
                Problem(p["context"], p["kind"], p["message"])
                for p in report["problems"]
            ]
            texts.update(report["texts"])
            self.portal_pages += report["pages"]
        return problems, texts, opened

    def _csrf_token(self):
        response = self.url_open("/my")
        match = re.search(rb'csrf_token: "([^"]+)"', response.content)
        return match.group(1).decode() if match else ""

    # ------------------------------------------------------------------
    # Checks on what was seen
    # ------------------------------------------------------------------
    def _english(self, texts):
        problems = []
        for text, where in texts.items():
            found = self.catalog.english(text)
            if found:
                msgid, module, msgstr = found
                message = (
                    f'English "{text}" ({module}: "{msgstr}")'
                    if msgstr
                    else f'English "{text}" ({module}: no French translation)'
                )
                problems.append(Problem(where, "english", message))
        return problems

    def _iso_dates(self, texts):
        """Dates as ``2026-11-02`` in a French screen (chatter, errors):
        people read ``02/11/2026``."""
        return [
            Problem(where, "iso date", f'ISO date in "{text}"')
            for text, where in texts.items()
            if ISO_DATE.search(text)
        ]

    def _foreign_records(self, user, texts):
        """Records of another company the user could read or saw."""
        if not self.foreign_company:
            return []
        company_xmlid, names = self.foreign_company
        company = self.env.ref(company_xmlid)
        problems = []
        for model in self._company_models(user):
            count = (
                self.env[model]
                .with_user(user)
                .with_context(active_test=False)
                .search_count(
                    [("company_id", "=", company.id), *ISOLATION_DOMAINS.get(model, [])]
                )
            )
            if count:
                problems.append(
                    Problem(model, "isolation", f"{count} record(s) of {company.name}")
                )
        for name in {normalize(name) for name in names(self.env)}:
            if name in texts:
                problems.append(Problem(texts[name], "isolation", f'shows "{name}"'))
        return problems

    def _company_models(self, user):
        models = []
        for name in sorted(self.env.registry):
            Model = self.env[name]
            field = Model._fields.get("company_id")
            if (
                Model._abstract
                or Model._transient
                or not field
                or not field.store
                or field.type != "many2one"
                or not any(
                    f._module and f._module.startswith(SUITE_PREFIX)
                    for f in Model._fields.values()
                )
            ):
                continue
            if Model.with_user(user).has_access("read"):
                models.append(name)
        return models


def _short(response):
    text = response.text if "text" in response.headers.get("Content-Type", "") else ""
    text = normalize(text)[:300]
    return f": {text}" if text else ""

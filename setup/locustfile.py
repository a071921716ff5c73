# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Locust users of the load test (setup/loadtest.py runs them).

Runs in the locust virtualenv, against a server on localhost only.

- ``PortalUser`` (50): an entrepreneur on the portal, logged in as
  ``chargeNN`` (setup/datagen.py): the balance page of their activity, their
  invoices, their third-place bookings, the open assembly and one vote.
- ``OfficeUser`` (10): support staff in the web client (claire, sophie,
  admin, thomas): the lists of the suite (entrepreneurs, activities,
  invoices, bookings, associates, payslips) read as the web client reads
  them (``get_views`` then ``web_search_read`` with the list's fields), and
  the form of a record of each list (``web_read`` with the form's fields);
  each login only the lists its role may read.

Bounded: each run stops after ``CAE_LOAD_MAX_REQUESTS`` requests or the
``--run-time`` given to locust, whichever comes first.
"""

import itertools
import os
import random
import re
from urllib.parse import urlparse

import gevent
import requests
from locust import HttpUser, between, events, task

MAX_REQUESTS = int(os.environ.get("CAE_LOAD_MAX_REQUESTS", "20000"))
DB = os.environ.get("CAE_LOAD_DB", "")
PORTAL_USERS = int(os.environ.get("CAE_LOAD_PORTAL_USERS", "50"))
OFFICE_USERS = int(os.environ.get("CAE_LOAD_OFFICE_USERS", "10"))
OFFICE_LOGINS = ("claire", "sophie", "admin", "thomas", "julien")
CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
ASSEMBLY = re.compile(r'href="/my/assemblies/(\d+)"')
VOTE_FIELD = re.compile(r'name="(vote_\d+_\d+)"')
FIELD = re.compile(r'<field name="([a-z_0-9]+)"([^>]*)>')
HIDDEN = re.compile(r'\b(column_)?invisible="(True|1)"')
THINK = tuple(float(s) for s in os.environ.get("CAE_LOAD_THINK", "1,3").split(","))
# (model, domain) of the back-office lists.
LISTS = (
    ("cae.entrepreneur", []),
    ("cae.activity", []),
    ("account.move", [("move_type", "=", "out_invoice")]),
    ("cae.tl.booking", []),
    ("cae.associate", []),
    ("hr.payslip", []),
)

_sent = itertools.count(1)
_portal_numbers = itertools.count(1)
_office_numbers = itertools.count(0)


@events.init.add_listener
def _only_localhost(environment, **_kwargs):
    host = urlparse(environment.host or "").hostname
    if host not in ("localhost", "127.0.0.1", "::1"):
        raise SystemExit(f"The load test only targets localhost, not {host!r}.")


@events.request.add_listener
def _bounded(**_kwargs):
    if next(_sent) >= MAX_REQUESTS:
        runner = _bounded.environment.runner
        if runner:
            runner.quit()


@events.init.add_listener
def _keep_environment(environment, **_kwargs):
    _bounded.environment = environment


def _login_quietly(user, path, data=None, json=None):
    """Log ``user`` in outside locust's statistics: a login hashes the
    password, slow on purpose (Odoo's request log still shows its cost);
    the session cookie is then handed to locust's client."""
    for attempt in range(10):
        try:
            with requests.Session() as session:
                timeout = (20, 600)
                if data:
                    page = session.get(f"{user.host}/web/login", timeout=timeout)
                    response = session.post(
                        f"{user.host}{path}", data=data(page), timeout=timeout
                    )
                else:
                    response = session.post(
                        f"{user.host}{path}", json=json, timeout=timeout
                    )
                response.raise_for_status()
                user.client.cookies.update(session.cookies)
                return
        except requests.RequestException:
            # Odoo's prefork server accepts few waiting connections (no
            # reverse proxy here to queue them): try again a little later.
            if attempt == 9:
                raise
            gevent.sleep(2 + attempt)


class PortalUser(HttpUser):
    fixed_count = PORTAL_USERS
    wait_time = between(*THINK)

    def on_start(self):
        number = (next(_portal_numbers) - 1) % 50 + 1
        self.login = f"charge{number:02d}"
        _login_quietly(
            self,
            "/web/login",
            data=lambda page: {
                "login": self.login,
                "password": self.login,
                "db": DB,
                "csrf_token": CSRF.search(page.text).group(1),
                "redirect": "/my",
            },
        )
        self.voted = False

    @task(3)
    def balance(self):
        self._page("/my/activity", "portal: balance (/my/activity)")

    @task(2)
    def invoices(self):
        self._page("/my/invoices", "portal: invoices (/my/invoices)")

    @task(2)
    def bookings(self):
        self._page("/my/tierslieux", "portal: bookings (/my/tierslieux)")

    @task(1)
    def assembly(self):
        page = self._page("/my/assemblies", "portal: assemblies (/my/assemblies)")
        found = ASSEMBLY.findall(page.text or "")
        if not found:
            return
        url = f"/my/assemblies/{found[0]}"
        page = self._page(url, "portal: assembly (/my/assemblies/<id>)")
        fields = sorted(set(VOTE_FIELD.findall(page.text or "")))
        token = CSRF.search(page.text or "")
        if self.voted or not fields or not token:
            return
        with self.client.post(
            f"{url}/vote",
            data={"csrf_token": token.group(1), **dict.fromkeys(fields, "for")},
            name="portal: vote (POST /my/assemblies/<id>/vote)",
            catch_response=True,
        ) as response:
            if response.status_code >= 400:
                response.failure(f"HTTP {response.status_code}")
            elif "o_portal" not in response.text:
                response.failure("no portal page after voting")
            else:
                response.success()
        self.voted = True

    def _page(self, url, name):
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code >= 400:
                response.failure(f"HTTP {response.status_code}")
            elif "/web/login" in (response.url or ""):
                response.failure("logged out")
            else:
                response.success()
            return response


class OfficeUser(HttpUser):
    fixed_count = OFFICE_USERS
    wait_time = between(*THINK)

    def on_start(self):
        login = OFFICE_LOGINS[next(_office_numbers) % len(OFFICE_LOGINS)]
        _login_quietly(
            self,
            "/web/session/authenticate",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"db": DB, "login": login, "password": login},
                "id": 1,
            },
        )
        self.views = {}
        # Each login reads the lists its role may read (thomas, an
        # entrepreneur of the back office, has no payslips list).
        self.lists = [
            (model, domain)
            for model, domain in LISTS
            if self._call(
                model,
                "has_access",
                [[], "read"],
                {},
                "office: access rights",
            )
        ]

    def _rpc(self, url, params, name):
        with self.client.post(
            url,
            json={"jsonrpc": "2.0", "method": "call", "params": params, "id": 1},
            name=name,
            catch_response=True,
        ) as response:
            body = response.json() if response.status_code == 200 else {}
            if response.status_code >= 400:
                response.failure(f"HTTP {response.status_code}")
            elif "error" in body:
                response.failure(body["error"].get("data", {}).get("name", "error"))
            else:
                response.success()
            return body.get("result")

    def _call(self, model, method, args, kwargs, name):
        return self._rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
            name,
        )

    def _specs(self, model):
        """``(list spec, form spec)`` from the model's views, once."""
        if model not in self.views:
            result = self._call(
                model,
                "get_views",
                [],
                {"views": [[False, "list"], [False, "form"]], "options": {}},
                f"office: views {model}",
            )
            if not result:
                return None
            fields = result["models"][model]["fields"]
            specs = []
            for kind in ("list", "form"):
                tags = FIELD.findall(result["views"][kind]["arch"])
                names = {name for name, _attrs in tags} & set(fields)
                shown = {name for name, attrs in tags if not HIDDEN.search(attrs)}
                specs.append(
                    {name: self._spec(fields[name], name in shown) for name in names}
                )
            self.views[model] = specs
        return self.views[model]

    @staticmethod
    def _spec(field, shown):
        """What the web client reads of a field: a many2one's name; the
        names of a shown x2many (tags, buttons), the ids of a hidden one."""
        if field["type"] == "many2one" or (
            shown and field["type"] in ("one2many", "many2many")
        ):
            return {"fields": {"display_name": {}}}
        return {}

    @task
    def list_and_form(self):
        if not self.lists:
            return
        model, domain = random.choice(self.lists)
        specs = self._specs(model)
        if not specs:
            return
        result = self._call(
            model,
            "web_search_read",
            [],
            {
                "domain": domain,
                "specification": specs[0],
                "offset": 0,
                "limit": 80,
                "count_limit": 10001,
            },
            f"office: list {model}",
        )
        records = (result or {}).get("records") or []
        if records:
            self._call(
                model,
                "web_read",
                [[random.choice(records)["id"]]],
                {"specification": specs[1]},
                f"office: form {model}",
            )

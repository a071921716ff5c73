# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every model × every role × every operation, as data (access_matrix.csv).

See ``access_matrix.py`` for how the table reads. The whole table runs
through the ORM as each user; a sample of it runs through JSON-RPC over HTTP
(``/web/dataset/call_kw`` as a logged-in user); every portal route of the
suite is opened with another entrepreneur's ids.
"""

import os
import re
from datetime import date, datetime

from access_matrix import (
    OPERATIONS,
    OUTCOMES,
    ROLES,
    SPECS,
    SPECS_BY_KEY,
    AccessMatrixFixture,
    applicable,
    cell_record,
    load_expected,
    run_cell,
    write_table,
)

from odoo.tests import HttpCase
from odoo.tests.common import JsonRpcException

from odoo.addons.cae_cjs.tests.common import CjsMixin
from odoo.addons.cae_governance.tests.common import CaeGovernanceCommon
from odoo.addons.cae_payroll.tests.common import CaePayrollCommon
from odoo.addons.cae_tierslieux.tests.common import CaeTlCommon

# Odoo's models the suite extends with data of the activities.
EXTENDED_MODELS = {
    "account.move",
    "account.move.line",
    "account.payment",
    "account.analytic.account",
    "account.analytic.line",
    "hr.expense",
    "hr.expense.sheet",
    "hr.employee",
    "hr.contract",
    "hr.payslip",
    "hr.payslip.run",
    "hr.salary.rule",
    "sale.order",
    "sale.order.line",
    "res.partner",
}
# Models of the suite without a row, and why.
NOT_IN_TABLE = {
    # Transient lines of a wizard, created with the wizard only.
    "cae.assembly.paper.vote.line",
    # Ballots and participations: the secret-ballot work of issue 13 (gov)
    # rebuilds how they are written; their reading is tested there.
    "cae.assembly.ballot",
    "cae.assembly.participation",
    # Renewals of a current test contract (CAPE): Alice and Bob of the
    # fixture are past it (a step back needs a reason and changes their
    # other rows); rules and ACL rows are the path step's (cae_base).
    "cae.path.renewal",
    # The sealed ballot box of secret votes: no group has any right on it
    # (its ACL row is all zeros), only the code reads it, as superuser, at
    # the closing; tested in cae_governance/tests/test_assembly_secret.py.
    "cae.assembly.ballot.box",
    # The rows of a run's background jobs: no group has any right on them,
    # only the runs' code writes and reads them, as superuser (tested by
    # each run's job tests, e.g. cae_base/tests/test_contribution_jobs.py).
    "cae.job.chunk",
}
# Odoo's account.analytic.line.create has no @api.model_create_multi: over
# JSON-RPC it fails for everyone (TypeError); the ORM run covers the cell.
RPC_BROKEN = {("account.analytic.line", "create")}
RPC_ERRORS = {
    "odoo.exceptions.AccessError": "acl",
    "odoo.exceptions.UserError": "refused",
    "odoo.exceptions.ValidationError": "refused",
}
# Portal routes with ids: how to fill them with another's records.
PORTAL_ROUTES = {
    "/my/activity/<int:activity_id>": ("GET", {"activity_id": "activity"}),
    "/my/activity/<int:activity_id>/dashboard": ("GET", {"activity_id": "activity"}),
    "/my/activity/<int:activity_id>/expense/new": (
        "POST",
        {"activity_id": "activity"},
    ),
    # Customers, quotations and invoices (cae_sale).
    "/my/activity/<int:activity_id>/customers": ("GET", {"activity_id": "activity"}),
    "/my/activity/<int:activity_id>/customer/new": (
        "POST",
        {"activity_id": "activity"},
    ),
    "/my/activity/customer/<int:partner_id>": ("POST", {"partner_id": "partner"}),
    "/my/activity/<int:activity_id>/quotes": ("GET", {"activity_id": "activity"}),
    "/my/activity/<int:activity_id>/quote/new": (
        "POST",
        {"activity_id": "activity"},
    ),
    "/my/activity/quote/<int:order_id>": ("GET", {"order_id": "order"}),
    "/my/activity/quote/<int:order_id>/edit": ("POST", {"order_id": "order"}),
    "/my/activity/quote/<int:order_id>/pdf": ("GET", {"order_id": "order"}),
    "/my/activity/quote/<int:order_id>/send": ("POST", {"order_id": "order"}),
    "/my/activity/quote/<int:order_id>/invoice": ("POST", {"order_id": "order"}),
    "/my/activity/invoice/<int:move_id>": ("GET", {"move_id": "move"}),
    "/my/activity/invoice/<int:move_id>/pdf": ("GET", {"move_id": "move"}),
    "/my/activity/invoice/<int:move_id>/submit": ("POST", {"move_id": "move"}),
    "/my/activity/invoice/<int:move_id>/send": ("POST", {"move_id": "move"}),
    "/my/activity/invoice/<int:move_id>/refund": ("POST", {"move_id": "move"}),
    "/my/activity/<int:activity_id>/bill/new": ("POST", {"activity_id": "activity"}),
    "/my/activity/bill/<int:bill_id>": ("GET", {"bill_id": "move"}),
    "/my/activity/document/<int:move_id>/pdf": ("GET", {"move_id": "move"}),
    "/my/activity/expense/<int:expense_id>": ("GET", {"expense_id": "expense"}),
    "/my/assemblies/<int:assembly_id>": ("GET", {"assembly_id": "assembly"}),
    "/my/assemblies/<int:assembly_id>/document/<int:attachment_id>": (
        "GET",
        {"assembly_id": "assembly", "attachment_id": "attachment"},
    ),
    "/my/assemblies/<int:assembly_id>/minutes": ("GET", {"assembly_id": "assembly"}),
    "/my/assemblies/<int:assembly_id>/vote": ("POST", {"assembly_id": "assembly"}),
    "/my/payslips/<int:payslip_id>": ("GET", {"payslip_id": "payslip"}),
    "/my/payslips/page/<int:page>": None,  # a page number, not an id
    "/my/shares/certificate/<int:associate_id>": (
        "GET",
        {"associate_id": "associate"},
    ),
    "/my/shares/operation/<int:operation_id>": ("GET", {"operation_id": "operation"}),
    "/my/tierslieux/booking/<int:booking_id>/cancel": (
        "POST",
        {"booking_id": "booking"},
    ),
    "/my/tierslieux/resource/<int:resource_id>": ("GET", {"resource_id": "resource"}),
    "/my/tierslieux/resource/<int:resource_id>/confirm": (
        "GET",
        {"resource_id": "resource"},
    ),
    # The feed of the user's own bookings: no id to give.
    "/my/tierslieux/calendar/<string:operation>": None,
    "/my/tierslieux/resource/<int:resource_id>/book": (
        "POST",
        {"resource_id": "resource"},
    ),
}


class TestAccessMatrix(
    AccessMatrixFixture,
    CjsMixin,
    CaeGovernanceCommon,
    CaePayrollCommon,
    CaeTlCommon,
    HttpCase,
):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # cae_cjs names its bank partner as cae_governance its bank journal.
        journal = cls.bank
        cls._setup_cjs()
        cls.bank = journal
        cls._setup_matrix()
        cls.expected = load_expected()

    # ------------------------------------------------------------------
    # The table itself
    # ------------------------------------------------------------------
    def test_table_covers_every_model_and_role(self):
        models = {
            name
            for name, model in self.env.registry.items()
            if name.startswith("cae.") and not model._abstract
        }
        covered = {spec.model for spec in SPECS}
        self.assertEqual(
            models - covered - NOT_IN_TABLE,
            set(),
            "Models of the suite without a row in access_matrix.py",
        )
        self.assertEqual(EXTENDED_MODELS - covered, set())
        rows = {(spec.key, role) for spec in SPECS for role in ROLES}
        self.assertEqual(set(self.expected), rows, "Rows of access_matrix.csv")
        for key, cells in self.expected.items():
            for operation, outcome in cells.items():
                self.assertIn(outcome, OUTCOMES, f"{key} {operation}")
                self.assertEqual(
                    outcome == "-",
                    not applicable(SPECS_BY_KEY[key[0]], key[1], operation),
                    f"{key} {operation}: '-' exactly where the cell has no record",
                )

    def test_fixture_has_every_record(self):
        for spec in SPECS:
            for role in ROLES:
                for operation in OPERATIONS:
                    if operation == "create" or not applicable(spec, role, operation):
                        continue
                    record = cell_record(self, spec, role, operation)
                    self.assertTrue(
                        record and len(record) == 1,
                        f"{spec.key}: no record for {role} {operation}",
                    )

    def test_orm(self):
        """The whole table, through the ORM, as each role's user."""
        observed = {
            (spec.key, role): {
                operation: run_cell(self, spec, role, operation)
                for operation in OPERATIONS
            }
            for spec in SPECS
            for role in ROLES
        }
        record_path = os.environ.get("CAE_ACCESS_MATRIX_RECORD")
        if record_path:
            write_table(record_path, observed)
        wrong = [
            f"{spec} / {role} / {operation}: expected "
            f"{self.expected[spec, role][operation]}, got {outcome}"
            for (spec, role), cells in sorted(observed.items())
            for operation, outcome in cells.items()
            if outcome != self.expected[spec, role][operation]
        ]
        cells = sum(
            outcome != "-" for row in self.expected.values() for outcome in row.values()
        )
        if wrong:
            self.fail(
                f"{len(wrong)} of {cells} cells differ from access_matrix.csv:\n"
                + "\n".join(wrong)
            )

    # ------------------------------------------------------------------
    # A sample over JSON-RPC
    # ------------------------------------------------------------------
    def _rpc_sample(self):
        """Every refused cell of the states, others' records and creations,
        and the reads allowed: what a user can try from a browser's console
        (allowed writes are left to the ORM run: over HTTP they would stay)."""
        for spec in SPECS:
            if spec.transient:
                continue
            for role in ROLES:
                for operation in ("state", "write_other", "create", "read_other"):
                    if (spec.model, operation) in RPC_BROKEN:
                        continue
                    outcome = self.expected[spec.key, role][operation]
                    if outcome in ("acl", "wf", "err"):
                        yield spec, role, operation, outcome
                outcome = self.expected[spec.key, role]["read_own"]
                if outcome == "ok":
                    yield spec, role, "read_own", outcome

    def test_rpc(self):
        wrong = []
        by_role = {}
        for spec, role, operation, outcome in self._rpc_sample():
            by_role.setdefault(role, []).append((spec, operation, outcome))
        count = 0
        for role, cells in by_role.items():
            user = self.users[role]
            self.authenticate(user.login, user.login)
            for spec, operation, outcome in cells:
                count += 1
                got = self._rpc_cell(spec, role, operation)
                expected = "refused" if outcome in ("wf", "err") else outcome
                if got != expected:
                    wrong.append(
                        f"{spec.key} / {role} / {operation}: expected {expected}, "
                        f"got {got}"
                    )
        self.assertGreater(count, 300)
        if wrong:
            self.fail(f"{len(wrong)} of {count} RPC calls:\n" + "\n".join(wrong))

    def _rpc_cell(self, spec, role, operation):
        if operation == "create":
            method, args = "create", [_jsonable(spec.create(self))]
        else:
            record = cell_record(self, spec, role, operation)
            if operation.startswith("read"):
                method, args = "read", [record.ids, list(spec.read or ["display_name"])]
            elif operation == "state":
                method, args = "write", [record.ids, _jsonable(spec.state)]
            else:
                method, args = "write", [record.ids, _jsonable(spec.write)]
        try:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": spec.model, "method": method, "args": args, "kwargs": {}},
            )
        except JsonRpcException as error:
            return RPC_ERRORS.get(error.args[0] if error.args else "", str(error))
        return "ok"

    # ------------------------------------------------------------------
    # Portal routes
    # ------------------------------------------------------------------
    def _others_ids(self):
        """Records of Bob (another activity, another associate)."""
        attachment = self.env["ir.attachment"].create(
            {
                "name": "Rapport.pdf",
                "raw": b"%PDF-1.4 test",
                "res_model": "cae.assembly",
                "res_id": self.assembly.id,
            }
        )
        other_assembly = self.env["cae.assembly"].create(
            {
                "name": "Assemblée d'une autre coopérative",
                "type_id": self.env["cae.assembly.type"]
                .create({"name": "Ordinaire B", "company_id": self.company_b.id})
                .id,
                "company_id": self.company_b.id,
                "date": datetime(2026, 6, 12, 16, 0),
            }
        )
        return {
            "activity": self.activity_b.id,
            "move": self.posted["b"].id,
            "partner": self.records["res.partner@customer"]["b"].id,
            "order": self.records["sale.order"]["b"].id,
            "expense": self.records["hr.expense"]["b"].id,
            "assembly": other_assembly.id,
            "attachment": attachment.id,
            "payslip": self.payslips["b"].id,
            "associate": self.assoc_bob.id,
            "operation": self.registered["bob"].id,
            "booking": self.bookings["b"].id,
            "resource": self._other_company_resource().id,
        }

    def _other_company_resource(self):
        env = self.env
        calendar = env["resource.calendar"].create(
            {"name": "Horaires B", "company_id": self.company_b.id}
        )
        place = env["cae.tl.place"].create(
            {
                "name": "Lieu B",
                "company_id": self.company_b.id,
                "calendar_id": calendar.id,
            }
        )
        return env["cae.tl.resource"].create(
            {
                "name": "Salle B",
                "place_id": place.id,
                "type_id": self.type_room.id,
            }
        )

    def test_portal_routes_refuse_others_records(self):
        IrHttp = self.env["ir.http"]
        routes = {
            url
            for url, endpoint in IrHttp._generate_routing_rules(
                sorted(self.env.registry._init_modules),
                converters=IrHttp._get_converters(),
            )
            if url.startswith("/my/")
            and "<" in url
            and getattr(endpoint, "original_endpoint", endpoint).__module__.startswith(
                "odoo.addons.cae_"
            )
        }
        self.assertEqual(routes - set(PORTAL_ROUTES), set(), "Routes without a case")
        ids = self._others_ids()
        wrong = []
        opened = 0
        for login in ("paula_portal", self.entrepreneur_user.login, "martin_portal"):
            self.authenticate(login, login)
            token = self._csrf_token()
            for route, case in sorted(PORTAL_ROUTES.items()):
                if case is None or route not in routes:
                    continue
                method, converters = case
                url = route
                for name, kind in converters.items():
                    url = re.sub(rf"<int:{name}>", str(ids[kind]), url)
                if method == "GET":
                    response = self.url_open(url, allow_redirects=False)
                else:
                    response = self.url_open(
                        url,
                        data={"csrf_token": token, "choice": "for"},
                        allow_redirects=False,
                    )
                opened += 1
                if response.status_code not in (403, 404):
                    wrong.append(f"{login} {method} {url}: {response.status_code}")
        if wrong:
            self.fail("\n".join(wrong))
        self.assertGreaterEqual(opened, 3 * 14)
        # The same pages open with one's own records.
        for login, url in (
            ("paula_portal", f"/my/activity/{self.activity_a.id}"),
            ("paula_portal", f"/my/activity/{self.activity_a.id}/dashboard"),
            ("paula_portal", f"/my/activity/{self.activity_a.id}/customers"),
            ("paula_portal", f"/my/activity/{self.activity_a.id}/quotes"),
            (
                "paula_portal",
                f"/my/activity/quote/{self.records['sale.order']['a'].id}",
            ),
            (
                "paula_portal",
                "/my/activity/customer/"
                f"{self.records['res.partner@customer']['a'].id}",
            ),
            ("martin_portal", f"/my/shares/operation/{self.registered['martin'].id}"),
        ):
            self.authenticate(login, login)
            self.assertEqual(self.url_open(url).status_code, 200, url)

    def _csrf_token(self):
        html = self.url_open("/my").text
        match = re.search(r'csrf_token: "([0-9a-f]+o?[0-9]*)"', html)
        self.assertTrue(match, "no CSRF token on /my")
        return match.group(1)


def _jsonable(values):
    """Values as JSON-RPC sends them (dates as strings, commands as lists)."""
    result = {}
    for key, value in values.items():
        if isinstance(value, datetime):
            value = value.strftime("%Y-%m-%d %H:%M:%S")
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, list):
            value = [list(command) for command in value]
        result[key] = value
    return result

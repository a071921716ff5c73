# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The access matrix of the suite: data, fixtures and the runner of a cell.

How to read it
--------------
``access_matrix.csv`` holds the expected outcome of every cell: a model of
the suite or an Odoo model it extends (a *spec*, sometimes several per model
for several kinds of records, e.g. ``res.partner@customer``) × a role
(``ROLES``) × an operation (``OPERATIONS``). Outcomes:

- ``ok``: allowed;
- ``acl``: refused by the access rights or record rules (``AccessError``);
- ``wf``: refused by the workflow guard (``cae.workflow.mixin``);
- ``err``: refused by a business rule (another ``UserError`` or
  ``ValidationError``, a database constraint);
- ``-``: not applicable (the role owns no such record, the model has no
  state, a wizard is only created...).

Each spec builds two or three records in the fixture (:class:`AccessMatrix`):
records of *scope A* belong to the people of the roles (the activity of the
back-office entrepreneur Alice and of the portal entrepreneur Paula, followed
by the advisor; the CJS project of the facilitator and of the committee
member; the associates Alice and Martin, the portal associate), records of
*scope B* to nobody of them (Bob's activity, followed by another advisor,
another facilitator's project, the associate Bob). ``FAMILIES`` tells, for
each kind of record and role, which record is the role's own and which is
"another's". The user of another company works in company B: both records of
company A are another's for them.

Operations: ``read_own``/``read_other`` read the record, ``write_own``/
``write_other`` write a harmless field, ``create`` creates a record for
another (scope B, or company A for the other company's user), ``unlink``
deletes the own record, ``state`` writes the state (or a field only a
workflow step sets) on the own record. Every cell runs in a savepoint that is
rolled back.

Recording
---------
``CAE_ACCESS_MATRIX_RECORD=/path/file.csv setup/test tests/test_access_matrix.py``
writes the outcomes observed instead of checking them (to review a new
model's rows: never copy them blindly into the expected table).
"""

import csv
import os
from collections import namedtuple
from datetime import date, datetime, timedelta

import psycopg2

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

ROLES = [
    "manager",
    "advisor",
    "accountant",
    "entrepreneur",
    "facilitator",
    "committee",
    "portal_entrepreneur",
    "portal_associate",
    "other_company",
]
OPERATIONS = [
    "read_own",
    "read_other",
    "write_own",
    "write_other",
    "create",
    "unlink",
    "state",
]
OUTCOMES = {"ok", "acl", "wf", "err", "-"}
EXPECTED_PATH = os.path.join(os.path.dirname(__file__), "access_matrix.csv")

STAFF = ("manager", "advisor", "accountant")
# For each kind of record: role -> (own scope, other's scope).
FAMILIES = {
    # Records of an activity (documents, expenses, contacts of customers...).
    "activity": {
        **{role: ("a", "b") for role in STAFF},
        "entrepreneur": ("a", "b"),
        "portal_entrepreneur": ("a", "b"),
        "facilitator": (None, "b"),
        "committee": (None, "b"),
        "portal_associate": (None, "b"),
        "other_company": (None, "a"),
    },
    # Records of a collective project (CJS, Flashcoop).
    "project": {
        **{role: ("a", "b") for role in STAFF},
        "facilitator": ("a", "b"),
        "committee": ("a", "b"),
        "entrepreneur": (None, "b"),
        "portal_entrepreneur": (None, "b"),
        "portal_associate": (None, "b"),
        "other_company": (None, "a"),
    },
    # Records of an associate (shares, attendance...).
    "associate": {
        **{role: ("alice", "bob") for role in STAFF},
        "entrepreneur": ("alice", "bob"),
        "portal_associate": ("martin", "bob"),
        "portal_entrepreneur": (None, "bob"),
        "facilitator": (None, "bob"),
        "committee": (None, "bob"),
        "other_company": (None, "alice"),
    },
    # Records of the company as a whole (runs, registers, assemblies) and
    # configuration: one record, the company's.
    "company": {
        **{role: ("a", None) for role in ROLES if role != "other_company"},
        "other_company": (None, "a"),
    },
}

Spec = namedtuple(
    "Spec",
    "key model family records read write create state unlink transient",
    defaults=(None, None, None, None, True, False),
)
"""One row group of the matrix.

- ``records(fixture)``: ``{scope: record}``;
- ``read``: fields read (default ``display_name``);
- ``write``: harmless values written (``None``: no write column);
- ``create(fixture)``: values of a record for another (``None``: no create);
- ``state``: values only a workflow step may write (``None``: no state);
- ``unlink``: whether deleting the own record is a cell;
- ``transient``: a wizard, only created.
"""


class Rollback(Exception):
    """Undo what a cell did."""


def outcome_of(function):
    """Run ``function`` and name its outcome."""
    try:
        function()
    except Rollback:
        return "ok"
    except AccessError:
        return "acl"
    except UserError as error:
        return "wf" if getattr(error, "cae_workflow", False) else "err"
    except psycopg2.Error:
        return "err"
    return "ok"


def load_expected(path=EXPECTED_PATH):
    with open(path, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    return {
        (row["spec"], row["role"]): {op: row[op] for op in OPERATIONS} for row in rows
    }


def write_table(path, table):
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["spec", "role", *OPERATIONS])
        for (spec, role), cells in sorted(table.items(), key=_row_order):
            writer.writerow([spec, role, *(cells[op] for op in OPERATIONS)])


def _row_order(item):
    (spec, role), _cells = item
    return spec, ROLES.index(role)


def next_monday(hour):
    """Next Monday (at least 3 days ahead) at ``hour`` UTC, naive."""
    day = fields.Date.today() + timedelta(days=3)
    day += timedelta(days=(7 - day.weekday()) % 7)
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)


class AccessMatrixFixture:
    """Users of every role and records of scopes A and B for every spec.

    Mixed into a test class built on the add-ons' common classes (company A
    with its French chart, advisors, accountant, manager, Alice and Bob).
    """

    @classmethod
    def _setup_matrix(cls):
        cls._setup_matrix_people()
        cls.records = {}
        cls.creates = {}
        for builder in (
            cls._setup_base,
            cls._setup_documents,
            cls._setup_projects,
            cls._setup_governance,
            cls._setup_payroll,
            cls._setup_third_places,
        ):
            builder()
        cls.env.flush_all()

    # ------------------------------------------------------------------
    # People
    # ------------------------------------------------------------------
    @classmethod
    def _setup_matrix_people(cls):
        env = cls.env
        cls.dan = cls.Entrepreneur.create(
            {
                "name": "Dan Troisième",
                "company_id": cls.company.id,
                "advisor_id": cls.other_advisor.id,
                "info_meeting_date": date(2024, 1, 10),
            }
        )
        portal = new_test_user(
            env,
            login="paula_portal",
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            lang="en_US",
        )
        # Paula shares Alice's activity (a written agreement, décret
        # 2015-1363) and uses the portal.
        cls.paula = cls.Entrepreneur.create(
            {
                "name": "Paula Portail",
                "company_id": cls.company.id,
                "advisor_id": cls.advisor.id,
                "user_id": portal.id,
                "activity_id": cls.alice.activity_id.id,
                "info_meeting_date": date(2024, 1, 10),
            }
        )
        cls.martin_user = new_test_user(
            env,
            login="martin_portal",
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            lang="en_US",
        )
        cls.martin = cls.martin_user.partner_id
        cls.martin.write({"name": "Martin Associé", "company_id": cls.company.id})
        cls.users = {
            "manager": cls.manager,
            "advisor": cls.advisor,
            "accountant": cls.accountant,
            "entrepreneur": cls.entrepreneur_user,
            "facilitator": cls.facilitator,
            "committee": cls.committee_user,
            "portal_entrepreneur": portal,
            "portal_associate": cls.martin_user,
            "other_company": cls.advisor_b,
        }

    @classmethod
    def _add(cls, key, records, create=None):
        cls.records[key] = records
        if create is not None:
            cls.creates[key] = create

    # ------------------------------------------------------------------
    # cae_base
    # ------------------------------------------------------------------
    @classmethod
    def _setup_base(cls):
        env = cls.env
        a, b = cls.alice.activity_id, cls.bob.activity_id
        cls.activity_a, cls.activity_b = a, b
        cls._add("cae.activity", {"a": a, "b": b})
        cls._add("cae.entrepreneur", {"a": cls.alice, "b": cls.bob})
        steps = {
            "a": cls.alice.path_step_ids[:1],
            "b": cls.bob.path_step_ids[:1],
        }
        cls._add("cae.path.step", steps)
        # Other contracts of Alice and Bob with the cooperative (L7331-3).
        Prior = env["cae.prior.contract"]
        cls._add(
            "cae.prior.contract",
            {
                scope: Prior.create(
                    {
                        "entrepreneur_id": entrepreneur.id,
                        "name": "CDD de formateur",
                        "date_start": date(2024, 9, 1),
                        "date_end": date(2024, 12, 31),
                    }
                )
                for scope, entrepreneur in (("a", cls.alice), ("b", cls.bob))
            },
        )
        Followup = env["cae.followup"]
        cls._add(
            "cae.followup",
            {
                scope: Followup.create(
                    {
                        "entrepreneur_id": entrepreneur.id,
                        "subject": f"Suivi {scope}",
                        "date": date(2026, 3, 2),
                    }
                )
                for scope, entrepreneur in (("a", cls.alice), ("b", cls.bob))
            },
        )
        Rule = env["cae.contribution.rule"]
        rules = {
            scope: Rule.create(
                {
                    "name": f"Contribution {scope}",
                    "company_id": cls.company.id,
                    "activity_id": activity.id,
                    "base": "turnover",
                    "rate": 12.0,
                    "date_from": date(2026, 1, 1),
                }
            )
            for scope, activity in (("a", a), ("b", b))
        }
        cls._add("cae.contribution.rule", rules)
        run = env["cae.contribution.run"].create(
            {
                "company_id": cls.company.id,
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 1, 31),
            }
        )
        cls.contribution_run = run
        cls._add("cae.contribution.run", {"a": run})
        Line = env["cae.contribution.line"]
        cls._add(
            "cae.contribution.line",
            {
                scope: Line.create(
                    {
                        "run_id": run.id,
                        "activity_id": activity.id,
                        "rule_id": rules[scope].id,
                        "base": "turnover",
                    }
                )
                for scope, activity in (("a", a), ("b", b))
            },
        )
        configuration = {
            "cae.parameter": env.ref("cae_base.param_cape_max_months")
            if env.ref("cae_base.param_cape_max_months", raise_if_not_found=False)
            else env["cae.parameter"].search([], limit=1),
            "cae.trade": cls.trade,
            "cae.exit.reason": env["cae.exit.reason"].search([], limit=1),
            "cae.rule.set": env["cae.rule.set"].search([], limit=1),
            "cae.balance.indicator": env["cae.balance.indicator"].search(
                [("company_id", "=", cls.company.id)], limit=1
            ),
        }
        configuration["cae.parameter.value"] = configuration["cae.parameter"].value_ids[
            :1
        ]
        for key, record in configuration.items():
            cls._add(key, {"a": record})

    # ------------------------------------------------------------------
    # Documents of the activities (cae_base, cae_sale)
    # ------------------------------------------------------------------
    @classmethod
    def _setup_documents(cls):
        env = cls.env
        a, b = cls.activity_a, cls.activity_b
        Partner = env["res.partner"]
        customers = {
            scope: Partner.create(
                {
                    "name": f"Client {scope}",
                    "is_company": True,
                    "company_id": cls.company.id,
                    "cae_activity_ids": [Command.set(activity.ids)],
                }
            )
            for scope, activity in (("a", a), ("b", b))
        }
        cls._add("res.partner@customer", customers)
        cls._add(
            "res.partner@person",
            {"a": cls.alice.partner_id, "b": cls.bob.partner_id},
        )
        cls.sale_tax = cls.company.account_sale_tax_id
        invoices = {}
        posted = {}
        for scope, activity in (("a", a), ("b", b)):
            invoices[scope] = cls._matrix_invoice(activity, customers[scope])
            posted[scope] = cls._matrix_invoice(activity, customers[scope])
            posted[scope].action_post()
        cls.invoices, cls.posted = invoices, posted
        cls._add("account.move", invoices)
        cls._add(
            "account.move.line",
            {scope: move.invoice_line_ids[:1] for scope, move in invoices.items()},
        )
        cls._add(
            "account.analytic.account",
            {"a": a.analytic_account_id, "b": b.analytic_account_id},
        )
        cls._add(
            "account.analytic.line",
            {
                scope: env["account.analytic.line"].search(
                    [("move_line_id.move_id", "=", move.id)], limit=1
                )
                for scope, move in posted.items()
            },
        )
        bank = env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.bank_journal = bank
        cls._add(
            "account.payment",
            {
                scope: env["account.payment"].create(
                    {
                        "payment_type": "inbound",
                        "partner_type": "customer",
                        "partner_id": customers[scope].id,
                        "amount": 50.0,
                        "journal_id": bank.id,
                        "cae_activity_id": activity.id,
                    }
                )
                for scope, activity in (("a", a), ("b", b))
            },
        )
        # Orders (cae_sale).
        orders = {
            scope: env["sale.order"].create(
                {
                    "partner_id": customers[scope].id,
                    "company_id": cls.company.id,
                    "cae_activity_id": activity.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "price_unit": 300.0,
                                "tax_id": [Command.set(cls.sale_tax.ids)],
                            }
                        )
                    ],
                }
            )
            for scope, activity in (("a", a), ("b", b))
        }
        cls._add("sale.order", orders)
        cls._add(
            "sale.order.line",
            {scope: order.order_line[:1] for scope, order in orders.items()},
        )
        # Internal invoices: A sells to B, B sells to Dan's activity.
        Internal = env["cae.internal.invoice"]
        internal = {
            scope: Internal.create(
                {
                    "company_id": cls.company.id,
                    "seller_activity_id": seller.id,
                    "buyer_activity_id": buyer.id,
                    "line_ids": [
                        Command.create({"name": "Prestation", "price_unit": 80.0})
                    ],
                }
            )
            for scope, seller, buyer in (
                ("a", a, b),
                ("b", b, cls.dan.activity_id),
            )
        }
        cls._add("cae.internal.invoice", internal)
        cls._add(
            "cae.internal.invoice.line",
            {scope: invoice.line_ids[:1] for scope, invoice in internal.items()},
        )
        # Expenses.
        cls.expense_product = env["product.product"].create(
            {
                "name": "Repas",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "company_id": cls.company.id,
            }
        )
        employees, expenses, sheets = {}, {}, {}
        for scope, entrepreneur in (("a", cls.alice), ("b", cls.bob)):
            entrepreneur._ensure_employee()
            employees[scope] = entrepreneur.employee_id
            expenses[scope] = env["hr.expense"].create(
                {
                    "name": f"Repas {scope}",
                    "employee_id": entrepreneur.employee_id.id,
                    "product_id": cls.expense_product.id,
                    "total_amount_currency": 24.0,
                    "company_id": cls.company.id,
                    "date": date(2026, 3, 2),
                }
            )
            sheets[scope] = env["hr.expense.sheet"].create(
                {
                    "name": f"Frais {scope}",
                    "employee_id": entrepreneur.employee_id.id,
                    "company_id": cls.company.id,
                    "expense_line_ids": [Command.set(expenses[scope].ids)],
                }
            )
        cls.employees = employees
        cls._add("hr.employee", employees)
        cls._add("hr.expense", expenses)
        cls._add("hr.expense.sheet", sheets)
        # Reports (SQL views) of the posted invoices.
        env.flush_all()
        for key in ("cae.balance.report", "cae.turnover.report"):
            Report = env[key]
            cls._add(
                key,
                {
                    scope: Report.search([("activity_id", "=", activity.id)], limit=1)
                    for scope, activity in (("a", a), ("b", b))
                },
            )

    @classmethod
    def _matrix_invoice(cls, activity, customer):
        return (
            cls.env["account.move"]
            .with_company(cls.company)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": customer.id,
                    "company_id": cls.company.id,
                    "invoice_date": date(2026, 3, 10),
                    "cae_activity_id": activity.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "quantity": 1,
                                "price_unit": 200.0,
                                "tax_ids": [Command.set(cls.sale_tax.ids)],
                            }
                        )
                    ],
                }
            )
        )

    # ------------------------------------------------------------------
    # cae_cjs
    # ------------------------------------------------------------------
    @classmethod
    def _setup_projects(cls):
        env = cls.env
        project_a = cls.cjs
        project_b = cls.Project.create(
            {
                "name": "Flashcoop B",
                "kind": "flashcoop",
                "company_id": cls.company.id,
                "date_start": date(2026, 6, 1),
                "facilitator_ids": [Command.set(cls.other_facilitator.ids)],
            }
        )
        projects = {"a": project_a, "b": project_b}
        cls.projects = projects
        cls._add("cae.cjs.project", projects)
        customer = env["res.partner"].create(
            {"name": "Voisine", "company_id": cls.company.id}
        )
        service = env["product.product"].create(
            {
                "name": "Tonte",
                "type": "service",
                "list_price": 20.0,
                "company_id": cls.company.id,
            }
        )
        per_project = {
            "cae.cjs.participant": [],
            "cae.cjs.local.member": [],
            "cae.cjs.sponsor": [],
            "cae.cjs.financing.line": [],
            "cae.cjs.committee": [],
            "cae.cjs.assembly": [],
            "cae.cjs.decision": [],
            "cae.cjs.price": [],
            "cae.cjs.contract": [],
            "cae.cjs.contract.line": [],
            "cae.cjs.work": [],
            "cae.cjs.event.sale": [],
            "cae.cjs.event.sale.line": [],
            "cae.cjs.distribution.line": [],
        }
        records = {key: {} for key in per_project}
        for scope, project in projects.items():
            vals = {"project_id": project.id}
            participant = env["cae.cjs.participant"].create(
                {**vals, "name": f"Jeune {scope}", "birth_date": date(2009, 5, 5)}
            )
            records["cae.cjs.participant"][scope] = participant
            records["cae.cjs.local.member"][scope] = project.local_member_ids[
                :1
            ] or env["cae.cjs.local.member"].create(
                {**vals, "partner_id": customer.id, "organisation_type": "other"}
            )
            records["cae.cjs.sponsor"][scope] = env["cae.cjs.sponsor"].create(
                {**vals, "partner_id": customer.id, "amount": 500.0}
            )
            records["cae.cjs.financing.line"][scope] = env[
                "cae.cjs.financing.line"
            ].create({**vals, "name": "Outils", "amount": 120.0})
            records["cae.cjs.committee"][scope] = env["cae.cjs.committee"].create(
                {**vals, "name": "Finances"}
            )
            assembly = env["cae.cjs.assembly"].create(
                {**vals, "name": "Assemblée de démarrage", "date": date(2026, 7, 2)}
            )
            records["cae.cjs.assembly"][scope] = assembly
            records["cae.cjs.decision"][scope] = env["cae.cjs.decision"].create(
                {"assembly_id": assembly.id, "name": "Nom de la coopérative"}
            )
            price = env["cae.cjs.price"].create(
                {**vals, "product_id": service.id, "price_unit": 20.0}
            )
            records["cae.cjs.price"][scope] = price
            contract = env["cae.cjs.contract"].create(
                {
                    **vals,
                    "name": "Tonte du jardin",
                    "partner_id": customer.id,
                    "line_ids": [
                        Command.create({"product_id": service.id, "price_unit": 20.0})
                    ],
                }
            )
            records["cae.cjs.contract"][scope] = contract
            records["cae.cjs.contract.line"][scope] = contract.line_ids[:1]
            records["cae.cjs.work"][scope] = env["cae.cjs.work"].create(
                {
                    **vals,
                    "participant_id": participant.id,
                    "date": project.date_start,
                    "hours": 3.0,
                }
            )
            sale = env["cae.cjs.event.sale"].create(
                {
                    **vals,
                    "line_ids": [
                        Command.create({"price_id": price.id, "quantity": 2.0})
                    ],
                }
            )
            records["cae.cjs.event.sale"][scope] = sale
            records["cae.cjs.event.sale.line"][scope] = sale.line_ids[:1]
            records["cae.cjs.distribution.line"][scope] = env[
                "cae.cjs.distribution.line"
            ].create({**vals, "participant_id": participant.id, "amount": 10.0})
        for key, scoped in records.items():
            cls._add(key, scoped)
        cls.cjs_customer, cls.cjs_service = customer, service

    # ------------------------------------------------------------------
    # cae_governance
    # ------------------------------------------------------------------
    @classmethod
    def _setup_governance(cls):
        env = cls.env
        cls.assoc_martin = cls._associate(cls.martin)
        associates = {
            "alice": cls.assoc_alice,
            "martin": cls.assoc_martin,
            "bob": cls.assoc_bob,
        }
        cls._add("cae.associate", associates)
        registered, drafts = {}, {}
        for scope, associate in associates.items():
            # Martin is an external associate: class B, one share of 100.00.
            share_class, quantity = (
                (cls.class_b, 1) if scope == "martin" else (cls.class_a, 4)
            )
            registered[scope] = cls._subscribe(
                associate,
                quantity,
                date(2025, 1, 15),
                share_class,
                initial_payment=100.0,
            )
            drafts[scope] = cls._subscription(
                associate, quantity, date(2025, 6, 1), share_class
            )
        cls.registered, cls.draft_subscriptions = registered, drafts
        cls._add("cae.share.operation", drafts)
        cls._add(
            "cae.share.call",
            {scope: op.call_ids[:1] for scope, op in drafts.items()},
        )
        cls._add(
            "cae.share.line",
            {
                scope: env["cae.share.line"].search(
                    [("operation_id", "=", op.id)], limit=1
                )
                for scope, op in registered.items()
            },
        )
        env.flush_all()
        cls._add(
            "cae.share.holding",
            {
                scope: env["cae.share.holding"].search(
                    [("associate_id", "=", associate.id)], limit=1
                )
                for scope, associate in associates.items()
            },
        )
        cls._add(
            "cae.share.register",
            {"a": env["cae.share.register"]._get_for_company(cls.company)},
        )
        cls._add(
            "cae.share.batch",
            {
                "a": env["cae.share.batch"].create(
                    {"name": "Lot de janvier", "company_id": cls.company.id}
                )
            },
        )
        for key in ("cae.share.class", "cae.assembly.type", "cae.assembly.college"):
            record = env[key].search([("company_id", "in", cls.company.ids)], limit=1)
            if not record and key == "cae.assembly.college":
                record = env[key].create(
                    {"name": "Salariés", "weight": 50.0, "company_id": cls.company.id}
                )
            cls._add(key, {"a": record or cls.class_a})
        assembly = env["cae.assembly"].create(
            {
                "name": "Assemblée ordinaire",
                "type_id": env["cae.assembly.type"]
                .search([("company_id", "=", cls.company.id)], limit=1)
                .id,
                "company_id": cls.company.id,
                "date": datetime(2026, 6, 12, 16, 0),
                "resolution_ids": [
                    Command.create({"name": "Approbation des comptes"}),
                ],
            }
        )
        assembly.action_convene()
        cls.assembly = assembly
        resolution = assembly.resolution_ids[:1]
        cls._add("cae.assembly", {"a": assembly})
        cls._add("cae.assembly.resolution", {"a": resolution})
        cls._add(
            "cae.assembly.attendance",
            {
                scope: assembly.attendance_ids.filtered(
                    lambda line, associate=associate: line.associate_id == associate
                )
                for scope, associate in associates.items()
            },
        )
        cls._add(
            "cae.assembly.college.line",
            {
                "a": env["cae.assembly.college.line"].create(
                    {
                        "assembly_id": assembly.id,
                        "college_id": cls.records["cae.assembly.college"]["a"].id,
                        "weight": 50.0,
                    }
                )
            },
        )
        election = env["cae.assembly.resolution"].create(
            {
                "assembly_id": assembly.id,
                "name": "Élection du conseil",
                "kind": "election",
            }
        )
        cls._add(
            "cae.assembly.candidate",
            {
                scope: env["cae.assembly.candidate"].create(
                    {"resolution_id": election.id, "associate_id": associate.id}
                )
                for scope, associate in associates.items()
            },
        )
        cls.resolution = resolution

    # ------------------------------------------------------------------
    # cae_payroll
    # ------------------------------------------------------------------
    @classmethod
    def _setup_payroll(cls):
        contracts, payslips = {}, {}
        for scope, entrepreneur in (("a", cls.alice), ("b", cls.bob)):
            contract = cls._contract(entrepreneur, wage=2000.0)
            contracts[scope] = contract
            payslips[scope] = cls._payslip(contract)
        cls._add("hr.contract", contracts)
        cls._add("hr.payslip", payslips)
        cls._add("hr.payslip.run", {"a": cls._run()})
        cls._add("hr.salary.rule", {"a": cls.structure.rule_ids[:1]})
        cls.payslips = payslips

    # ------------------------------------------------------------------
    # cae_tierslieux
    # ------------------------------------------------------------------
    @classmethod
    def _setup_third_places(cls):
        env = cls.env
        start = next_monday(9)
        bookings, memberships, trainings = {}, {}, {}
        plan = env["cae.tl.membership.plan"].create(
            {
                "name": "Carnet 10 h",
                "place_id": cls.place.id,
                "kind": "credits",
                "credit_hours": 10.0,
            }
        )
        for index, (scope, entrepreneur) in enumerate(
            (("a", cls.alice), ("b", cls.bob))
        ):
            bookings[scope] = env["cae.tl.booking"].create(
                {
                    "resource_id": cls.room.id,
                    "partner_id": entrepreneur.partner_id.id,
                    "start": start + timedelta(hours=2 * index),
                    "stop": start + timedelta(hours=2 * index + 1),
                }
            )
            memberships[scope] = env["cae.tl.membership"].create(
                {"partner_id": entrepreneur.partner_id.id, "plan_id": plan.id}
            )
            trainings[scope] = env["cae.tl.training"].create(
                {
                    "partner_id": entrepreneur.partner_id.id,
                    "type_id": cls.type_laser.id,
                    "date": date(2026, 3, 2),
                }
            )
        cls.bookings = bookings
        # A confirmed booking, for the network report (confirmed bookings
        # only); the others stay requested for the state cells.
        env["cae.tl.booking"].create(
            {
                "resource_id": cls.room.id,
                "partner_id": cls.alice.partner_id.id,
                "start": start + timedelta(hours=5),
                "stop": start + timedelta(hours=6),
            }
        ).action_confirm()
        cls._add("cae.tl.booking", bookings)
        cls._add("cae.tl.membership", memberships)
        cls._add("cae.tl.training", trainings)
        billing = env["cae.tl.billing.run"].create(
            {"place_id": cls.place.id, "date_from": date(2026, 2, 1)}
        )
        cls._add("cae.tl.billing.run", {"a": billing})
        # A network of company A's place, and its structure.
        network = env["cae.tl.network"].create(
            {
                "name": "Réseau A",
                "place_ids": [Command.set(cls.place.ids)],
                "structure_ids": [
                    Command.create({"partner_id": cls.company.partner_id.id})
                ],
            }
        )
        cls.network = network
        cls._add("cae.tl.network", {"a": network})
        cls._add("cae.tl.network.structure", {"a": network.structure_ids})
        cls.plan_other = env["cae.tl.membership.plan"].create(
            {"name": "Forfait mensuel", "place_id": cls.place.id}
        )
        cls._add(
            "cae.tl.membership.plan.place",
            {
                "a": env["cae.tl.membership.plan.place"].create(
                    {"plan_id": plan.id, "place_id": cls.place.id, "fee": 30.0}
                )
            },
        )
        # Calendar feeds: a member's (the bookings of Alice, of Bob) and a
        # resource's, each with its secret address.
        Feed = env["cae.tl.calendar.feed"]
        cls._add(
            "cae.tl.calendar.feed@member",
            {
                scope: Feed.create({"partner_id": entrepreneur.partner_id.id})
                for scope, entrepreneur in (("a", cls.alice), ("b", cls.bob))
            },
        )
        cls._add(
            "cae.tl.calendar.feed@resource",
            {"a": Feed.create({"resource_id": cls.room.id})},
        )
        env.flush_all()
        for key, record in (
            ("cae.tl.place", cls.place),
            ("cae.tl.resource.type", cls.type_room),
            ("cae.tl.resource", cls.room),
            (
                "cae.tl.price",
                env["cae.tl.price"].search([("place_id", "=", cls.place.id)], limit=1),
            ),
            ("cae.tl.membership.plan", plan),
            (
                "cae.tl.network.report",
                env["cae.tl.network.report"].search(
                    [("place_id", "=", cls.place.id)], limit=1
                ),
            ),
            (
                "cae.tl.occupancy.report",
                env["cae.tl.occupancy.report"].search(
                    [("place_id", "=", cls.place.id)], limit=1
                ),
            ),
        ):
            cls._add(key, {"a": record})


# ----------------------------------------------------------------------
# The specs
# ----------------------------------------------------------------------
def _scoped(key):
    return lambda f: f.records[key]


def _b_activity(f):
    return f.activity_b


SPECS = [
    # cae_base: the activity and the path.
    Spec(
        "cae.activity",
        "cae.activity",
        "activity",
        _scoped("cae.activity"),
        write={"sharing_agreement": "Accord"},
        create=lambda f: {"name": "Activité B2", "company_id": f.company.id},
    ),
    Spec(
        "cae.entrepreneur",
        "cae.entrepreneur",
        "activity",
        _scoped("cae.entrepreneur"),
        write={"note": "<p>Note</p>"},
        # An entrepreneur record linked to another's activity.
        create=lambda f: {
            "name": "Nouvelle personne",
            "company_id": f.company.id,
            "activity_id": f.activity_b.id,
        },
        state={"stage": "associate"},
    ),
    Spec(
        "cae.path.step",
        "cae.path.step",
        "activity",
        _scoped("cae.path.step"),
        write={"reason": "Note"},
        create=lambda f: {
            "entrepreneur_id": f.bob.id,
            "stage": "cesa",
            "date_start": date(2026, 3, 1),
        },
        state={"stage": "associate"},
        unlink=True,
    ),
    Spec(
        "cae.prior.contract",
        "cae.prior.contract",
        "activity",
        _scoped("cae.prior.contract"),
        read=("name", "date_start"),
        write={"name": "CDD de formatrice"},
        create=lambda f: {
            "entrepreneur_id": f.bob.id,
            "name": "Stage",
            "date_start": date(2024, 1, 8),
            "date_end": date(2024, 2, 29),
        },
        unlink=True,
    ),
    Spec(
        "cae.followup",
        "cae.followup",
        "activity",
        _scoped("cae.followup"),
        write={"notes": "<p>Compte rendu</p>"},
        create=lambda f: {"entrepreneur_id": f.bob.id, "subject": "Suivi"},
    ),
    Spec(
        "cae.contribution.rule",
        "cae.contribution.rule",
        "activity",
        _scoped("cae.contribution.rule"),
        write={"rate": 11.0},
        create=lambda f: {
            "name": "Taux réduit",
            "company_id": f.company.id,
            "activity_id": f.activity_b.id,
            "base": "turnover",
            "rate": 5.0,
            "date_from": date(2027, 1, 1),
        },
    ),
    Spec(
        "cae.contribution.line",
        "cae.contribution.line",
        "activity",
        _scoped("cae.contribution.line"),
        write={"amount": 1.0},
        create=lambda f: {
            "run_id": f.contribution_run.id,
            "activity_id": f.activity_b.id,
            "rule_id": f.records["cae.contribution.rule"]["b"].id,
            "base": "turnover",
        },
    ),
    Spec(
        "cae.contribution.run",
        "cae.contribution.run",
        "company",
        _scoped("cae.contribution.run"),
        write={"date_to": date(2026, 1, 31)},
        create=lambda f: {
            "company_id": f.company.id,
            "date_from": date(2026, 2, 1),
            "date_to": date(2026, 2, 28),
        },
        state={"state": "posted"},
    ),
    Spec(
        "cae.balance.report",
        "cae.balance.report",
        "activity",
        _scoped("cae.balance.report"),
        unlink=False,
    ),
    Spec(
        "cae.turnover.report",
        "cae.turnover.report",
        "activity",
        _scoped("cae.turnover.report"),
        unlink=False,
    ),
    Spec(
        "cae.internal.invoice",
        "cae.internal.invoice",
        "activity",
        _scoped("cae.internal.invoice"),
        write={"note": "Note"},
        create=lambda f: {
            "company_id": f.company.id,
            "seller_activity_id": f.activity_b.id,
            "buyer_activity_id": f.dan.activity_id.id,
        },
        state={"state": "posted"},
    ),
    Spec(
        "cae.internal.invoice.line",
        "cae.internal.invoice.line",
        "activity",
        _scoped("cae.internal.invoice.line"),
        write={"price_unit": 90.0},
        create=lambda f: {
            "invoice_id": f.records["cae.internal.invoice"]["b"].id,
            "name": "Ajout",
            "price_unit": 1.0,
        },
    ),
    # Odoo's documents, as the activities use them.
    Spec(
        "account.move",
        "account.move",
        "activity",
        _scoped("account.move"),
        write={"ref": "Réf."},
        create=lambda f: {
            "move_type": "out_invoice",
            "partner_id": f.records["res.partner@customer"]["b"].id,
            "company_id": f.company.id,
            "cae_activity_id": f.activity_b.id,
        },
        state={"state": "posted"},
    ),
    Spec(
        "account.move.line",
        "account.move.line",
        "activity",
        _scoped("account.move.line"),
        write={"name": "Libellé"},
        create=lambda f: {
            "move_id": f.invoices["b"].id,
            "product_id": f.product.id,
            "price_unit": 5.0,
        },
        state={"amount_residual": 123.0},
        unlink=True,
    ),
    Spec(
        "account.payment",
        "account.payment",
        "activity",
        _scoped("account.payment"),
        write={"memo": "Mémo"},
        create=lambda f: {
            "payment_type": "inbound",
            "partner_type": "customer",
            "partner_id": f.records["res.partner@customer"]["b"].id,
            "amount": 10.0,
            "journal_id": f.bank_journal.id,
            "cae_activity_id": f.activity_b.id,
        },
        state={"state": "paid"},
    ),
    Spec(
        "account.analytic.account",
        "account.analytic.account",
        "activity",
        _scoped("account.analytic.account"),
        write={"code": "X1"},
        create=lambda f: {
            "name": "Compte B2",
            "plan_id": f.company._get_cae_activity_plan().id,
            "company_id": f.company.id,
        },
    ),
    Spec(
        "account.analytic.line",
        "account.analytic.line",
        "activity",
        _scoped("account.analytic.line"),
        write={"name": "Libellé"},
        create=lambda f: {
            "name": "Charge",
            "account_id": f.activity_b.analytic_account_id.id,
            "amount": -10.0,
            "company_id": f.company.id,
        },
    ),
    Spec(
        "hr.expense",
        "hr.expense",
        "activity",
        _scoped("hr.expense"),
        write={"description": "Repas client"},
        # Alice's own expense charged to Bob's activity.
        create=lambda f: {
            "name": "Repas",
            "employee_id": f.employees["a"].id,
            "product_id": f.expense_product.id,
            "total_amount_currency": 10.0,
            "company_id": f.company.id,
            "cae_activity_id": f.activity_b.id,
        },
        state={"state": "approved"},
    ),
    Spec(
        "hr.expense.sheet",
        "hr.expense.sheet",
        "activity",
        _scoped("hr.expense.sheet"),
        write={"name": "Frais de mars"},
        create=lambda f: {
            "name": "Frais",
            "employee_id": f.employees["b"].id,
            "company_id": f.company.id,
        },
        state={"approval_state": "approve"},
    ),
    Spec(
        "hr.employee",
        "hr.employee",
        "activity",
        _scoped("hr.employee"),
        read=("name", "private_email"),
        write={"private_city": "Bègles"},
        create=lambda f: {"name": "Employé", "company_id": f.company.id},
        unlink=False,
    ),
    Spec(
        "sale.order",
        "sale.order",
        "activity",
        _scoped("sale.order"),
        write={"client_order_ref": "BC-1"},
        create=lambda f: {
            "partner_id": f.records["res.partner@customer"]["b"].id,
            "company_id": f.company.id,
            "cae_activity_id": f.activity_b.id,
        },
        state={"state": "sale"},
    ),
    Spec(
        "sale.order.line",
        "sale.order.line",
        "activity",
        _scoped("sale.order.line"),
        write={"price_unit": 310.0},
        create=lambda f: {
            "order_id": f.records["sale.order"]["b"].id,
            "product_id": f.product.id,
        },
    ),
    Spec(
        "res.partner@customer",
        "res.partner",
        "activity",
        _scoped("res.partner@customer"),
        read=("name", "email"),
        write={"comment": "<p>Client fidèle</p>"},
        create=lambda f: {
            "name": "Client B2",
            "cae_activity_ids": [Command.set(f.activity_b.ids)],
        },
    ),
    Spec(
        "res.partner@person",
        "res.partner",
        "activity",
        _scoped("res.partner@person"),
        read=("name", "email", "phone"),
        write={"function": "Gérant"},
        unlink=False,
    ),
    # Configuration of cae_base.
    *(
        Spec(key, key, "company", _scoped(key), write=write, create=create)
        for key, write, create in (
            (
                "cae.parameter",
                {"description": "Note"},
                lambda f: {"name": "Paramètre", "code": "cae_matrix_test"},
            ),
            (
                "cae.parameter.value",
                {"note": "Note"},
                lambda f: {
                    "parameter_id": f.records["cae.parameter"]["a"].id,
                    "date_from": date(2031, 1, 1),
                    "value": 1.0,
                    "company_id": f.company.id,
                },
            ),
            ("cae.trade", {"name": "Photographe"}, lambda f: {"name": "Potier"}),
            ("cae.exit.reason", {"name": "Motif"}, lambda f: {"name": "Autre"}),
            ("cae.rule.set", {"note": "Note"}, lambda f: {"name": "Règles"}),
            (
                "cae.balance.indicator",
                {"description": "Note"},
                lambda f: {
                    "name": "Indicateur",
                    "code": "matrix",
                    "company_id": f.company.id,
                    "account_prefixes": "6",
                },
            ),
        )
    ),
    # cae_base wizards: created for another's record.
    Spec(
        "cae.path.transition",
        "cae.path.transition",
        "activity",
        _scoped("cae.entrepreneur"),
        create=lambda f: {"entrepreneur_id": f.bob.id, "stage": "cape"},
        transient=True,
    ),
    Spec(
        "cae.send.back",
        "cae.send.back",
        "activity",
        _scoped("account.move"),
        create=lambda f: {
            "res_model": "account.move",
            "res_ids": str(f.invoices["b"].id),
            "reason": "Erreur",
        },
        transient=True,
    ),
    Spec(
        "cae.balance.export",
        "cae.balance.export",
        "company",
        _scoped("cae.contribution.run"),
        create=lambda f: {"company_id": f.company.id},
        transient=True,
    ),
    Spec(
        "cae.contribution.reverse",
        "cae.contribution.reverse",
        "company",
        _scoped("cae.contribution.run"),
        create=lambda f: {"run_id": f.contribution_run.id, "reason": "Erreur"},
        transient=True,
    ),
    # cae_import: the import wizard, for accountants and managers only.
    Spec(
        "cae.import.wizard",
        "cae.import.wizard",
        "company",
        _scoped("cae.contribution.run"),
        create=lambda f: {"kind": "entrepreneur", "company_id": f.company.id},
        transient=True,
    ),
    # cae_cjs.
    Spec(
        "cae.cjs.project",
        "cae.cjs.project",
        "project",
        _scoped("cae.cjs.project"),
        write={"note": "<p>Note</p>"},
        create=lambda f: {
            "name": "Projet",
            "kind": "flashcoop",
            "company_id": f.company.id,
            "date_start": date(2026, 6, 1),
            "facilitator_ids": [Command.set(f.other_facilitator.ids)],
        },
        state={"state": "closed"},
    ),
    *(
        Spec(key, key, "project", _scoped(key), write=write, create=create)
        for key, write, create in (
            (
                "cae.cjs.participant",
                {"phone": "0600000000"},
                lambda f: {"project_id": f.projects["b"].id, "name": "Jeune"},
            ),
            (
                "cae.cjs.local.member",
                {"role": "Trésorier"},
                lambda f: {
                    "project_id": f.projects["b"].id,
                    "partner_id": f.cjs_customer.id,
                    "organisation_type": "other",
                },
            ),
            (
                "cae.cjs.sponsor",
                {"note": "Note"},
                lambda f: {
                    "project_id": f.projects["b"].id,
                    "partner_id": f.cjs_customer.id,
                    "amount": 10.0,
                },
            ),
            (
                "cae.cjs.financing.line",
                {"name": "Outils"},
                lambda f: {
                    "project_id": f.projects["b"].id,
                    "name": "Ligne",
                    "amount": 5.0,
                },
            ),
            (
                "cae.cjs.committee",
                {"mission": "Mission"},
                lambda f: {"project_id": f.projects["b"].id, "name": "RH"},
            ),
            (
                "cae.cjs.assembly",
                {"minutes": "<p>PV</p>"},
                lambda f: {"project_id": f.projects["b"].id, "name": "AG"},
            ),
            (
                "cae.cjs.decision",
                {"description": "Note"},
                lambda f: {
                    "assembly_id": f.records["cae.cjs.assembly"]["b"].id,
                    "name": "Décision",
                },
            ),
            (
                "cae.cjs.price",
                {"price_unit": 22.0},
                lambda f: {
                    "project_id": f.projects["b"].id,
                    "product_id": f.cjs_service.id,
                    "price_unit": 1.0,
                },
            ),
            (
                "cae.cjs.work",
                {"name": "Tonte"},
                lambda f: {
                    "project_id": f.projects["b"].id,
                    "participant_id": f.records["cae.cjs.participant"]["b"].id,
                    "date": f.projects["b"].date_start,
                    "hours": 1.0,
                },
            ),
            (
                "cae.cjs.distribution.line",
                {"amount": 11.0},
                lambda f: {
                    "project_id": f.projects["b"].id,
                    "participant_id": f.records["cae.cjs.participant"]["b"].id,
                },
            ),
            (
                "cae.cjs.contract.line",
                {"price_unit": 21.0},
                lambda f: {
                    "contract_id": f.records["cae.cjs.contract"]["b"].id,
                    "product_id": f.cjs_service.id,
                },
            ),
            (
                "cae.cjs.event.sale.line",
                {"quantity": 3.0},
                lambda f: {
                    "sale_id": f.records["cae.cjs.event.sale"]["b"].id,
                    "price_id": f.records["cae.cjs.price"]["b"].id,
                },
            ),
        )
    ),
    Spec(
        "cae.cjs.contract",
        "cae.cjs.contract",
        "project",
        _scoped("cae.cjs.contract"),
        write={"name": "Tonte"},
        create=lambda f: {
            "project_id": f.projects["b"].id,
            "name": "Contrat",
            "partner_id": f.cjs_customer.id,
        },
        state={"state": "invoiced"},
    ),
    Spec(
        "cae.cjs.event.sale",
        "cae.cjs.event.sale",
        "project",
        _scoped("cae.cjs.event.sale"),
        write={"date": date(2026, 7, 3)},
        create=lambda f: {"project_id": f.projects["b"].id},
        state={"state": "posted"},
    ),
    # cae_governance.
    Spec(
        "cae.associate",
        "cae.associate",
        "associate",
        _scoped("cae.associate"),
        write={"note": "<p>Note</p>"},
        create=lambda f: {
            "partner_id": f.records["res.partner@customer"]["b"].id,
            "company_id": f.company.id,
        },
        state={"state": "former"},
    ),
    Spec(
        "cae.share.operation",
        "cae.share.operation",
        "associate",
        _scoped("cae.share.operation"),
        write={"note": "Note"},
        create=lambda f: {
            "operation_type": "subscription",
            "associate_id": f.assoc_bob.id,
            "company_id": f.company.id,
            "share_class_id": f.class_a.id,
            "quantity": 4,
            "date": date(2025, 7, 1),
        },
        state={"state": "done"},
    ),
    Spec(
        "cae.share.call",
        "cae.share.call",
        "associate",
        _scoped("cae.share.call"),
        write={"due_date": date(2026, 9, 1)},
        create=lambda f: {
            "subscription_id": f.draft_subscriptions["bob"].id,
            "due_date": date(2027, 1, 1),
            "amount": 1.0,
        },
        state={"state": "called"},
    ),
    Spec(
        "cae.share.line",
        "cae.share.line",
        "associate",
        _scoped("cae.share.line"),
        write={"date": date(2025, 1, 16)},
        unlink=True,
    ),
    Spec(
        "cae.share.holding",
        "cae.share.holding",
        "associate",
        _scoped("cae.share.holding"),
        unlink=False,
    ),
    Spec(
        "cae.assembly.attendance",
        "cae.assembly.attendance",
        "associate",
        _scoped("cae.assembly.attendance"),
        write={"state": "present"},
        unlink=True,
    ),
    Spec(
        "cae.assembly.candidate",
        "cae.assembly.candidate",
        "associate",
        _scoped("cae.assembly.candidate"),
        write={"statement": "Ma candidature"},
    ),
    Spec(
        "cae.share.register",
        "cae.share.register",
        "company",
        _scoped("cae.share.register"),
        unlink=False,
    ),
    Spec(
        "cae.share.batch",
        "cae.share.batch",
        "company",
        _scoped("cae.share.batch"),
        write={"name": "Lot de février"},
        create=lambda f: {"name": "Lot de mars", "company_id": f.company.id},
        state={"state": "started"},
    ),
    Spec(
        "cae.assembly",
        "cae.assembly",
        "company",
        _scoped("cae.assembly"),
        write={"place": "Salle des fêtes"},
        create=lambda f: {
            "name": "Assemblée extraordinaire",
            "type_id": f.records["cae.assembly.type"]["a"].id,
            "company_id": f.company.id,
            "date": datetime(2026, 9, 12, 16, 0),
        },
        state={"state": "closed"},
    ),
    Spec(
        "cae.assembly.resolution",
        "cae.assembly.resolution",
        "company",
        _scoped("cae.assembly.resolution"),
        write={"description": "<p>Texte</p>"},
        create=lambda f: {"assembly_id": f.assembly.id, "name": "Résolution"},
    ),
    Spec(
        "cae.assembly.college.line",
        "cae.assembly.college.line",
        "company",
        _scoped("cae.assembly.college.line"),
        write={"weight": 40.0},
    ),
    *(
        Spec(key, key, "company", _scoped(key), write=write, create=create)
        for key, write, create in (
            (
                "cae.share.class",
                {"note": "Note"},
                lambda f: {
                    "name": "Parts C",
                    "code": "C",
                    "company_id": f.company.id,
                    "nominal_value": 10.0,
                },
            ),
            (
                "cae.assembly.type",
                {"statute_reference": "Art. 12"},
                lambda f: {"name": "Type", "company_id": f.company.id},
            ),
            (
                "cae.assembly.college",
                {"description": "Note"},
                lambda f: {
                    "name": "Collège",
                    "weight": 10.0,
                    "company_id": f.company.id,
                },
            ),
        )
    ),
    Spec(
        "cae.share.register.print",
        "cae.share.register.print",
        "company",
        _scoped("cae.share.register"),
        create=lambda f: {"register_id": f.records["cae.share.register"]["a"].id},
        transient=True,
    ),
    Spec(
        "cae.assembly.paper.vote",
        "cae.assembly.paper.vote",
        "company",
        _scoped("cae.assembly"),
        create=lambda f: {"resolution_id": f.resolution.id},
        transient=True,
    ),
    # A batch count of paper ballots, line of the paper-vote wizard.
    Spec(
        "cae.assembly.paper.vote.count",
        "cae.assembly.paper.vote.count",
        "company",
        _scoped("cae.assembly"),
        create=lambda f: {
            "wizard_id": f.env["cae.assembly.paper.vote"]
            .create({"resolution_id": f.resolution.id})
            .id,
            "choice": "for",
            "count": 1,
        },
        transient=True,
    ),
    # The managers' decision to reimburse a withdrawal before the statutes'
    # delay (Bob's registered subscription: not a withdrawal, refused).
    Spec(
        "cae.share.early.reimbursement",
        "cae.share.early.reimbursement",
        "company",
        _scoped("cae.assembly"),
        create=lambda f: {
            "operation_id": f.registered["bob"].id,
            "reason": "Décision du conseil",
        },
        transient=True,
    ),
    # cae_payroll.
    Spec(
        "hr.contract",
        "hr.contract",
        "activity",
        _scoped("hr.contract"),
        read=("name", "wage"),
        write={"notes": "Note"},
        create=lambda f: {
            "name": "CESA",
            "employee_id": f.employees["b"].id,
            "company_id": f.company.id,
            "wage": 1.0,
            "date_start": date(2027, 1, 1),
        },
        state={"state": "close"},
    ),
    Spec(
        "hr.payslip",
        "hr.payslip",
        "activity",
        _scoped("hr.payslip"),
        read=("name", "cae_net"),
        write={"note": "Note"},
        create=lambda f: {
            "employee_id": f.employees["b"].id,
            "contract_id": f.records["hr.contract"]["b"].id,
            "struct_id": f.records["hr.contract"]["b"].struct_id.id,
            "date_from": date(2026, 4, 1),
            "date_to": date(2026, 4, 30),
            "company_id": f.company.id,
        },
        state={"state": "done"},
    ),
    Spec(
        "hr.payslip.run",
        "hr.payslip.run",
        "company",
        _scoped("hr.payslip.run"),
        write={"name": "Mars"},
        create=lambda f: {
            "name": "Avril",
            "date_start": date(2026, 4, 1),
            "date_end": date(2026, 4, 30),
            "company_id": f.company.id,
        },
        state={"state": "close"},
    ),
    Spec(
        "hr.salary.rule",
        "hr.salary.rule",
        "company",
        _scoped("hr.salary.rule"),
        write={"note": "Note"},
    ),
    Spec(
        "cae.salary.simulation",
        "cae.salary.simulation",
        "activity",
        _scoped("cae.entrepreneur"),
        read=("fundable", "budget_gross"),
        create=lambda f: {"entrepreneur_id": f.bob.id},
        transient=True,
    ),
    Spec(
        "cae.payslip.funding",
        "cae.payslip.funding",
        "activity",
        _scoped("hr.payslip"),
        read=("missing_amount",),
        create=lambda f: {
            "payslip_ids": [Command.set(f.payslips["b"].ids)],
            "decision": "accept",
            "reason": "Avance",
        },
        transient=True,
    ),
    # cae_tierslieux.
    Spec(
        "cae.tl.booking",
        "cae.tl.booking",
        "activity",
        _scoped("cae.tl.booking"),
        write={"note": "Note"},
        create=lambda f: {
            "resource_id": f.desks.id,
            "partner_id": f.bob.partner_id.id,
            "start": next_monday(14),
            "stop": next_monday(15),
        },
        state={"state": "confirmed"},
    ),
    Spec(
        "cae.tl.membership",
        "cae.tl.membership",
        "activity",
        _scoped("cae.tl.membership"),
        write={"date_end": date(2027, 1, 31)},
        create=lambda f: {
            "partner_id": f.bob.partner_id.id,
            "plan_id": f.records["cae.tl.membership.plan"]["a"].id,
        },
    ),
    Spec(
        "cae.tl.training",
        "cae.tl.training",
        "activity",
        _scoped("cae.tl.training"),
        write={"note": "Note"},
        create=lambda f: {
            "partner_id": f.bob.partner_id.id,
            "type_id": f.type_laser.id,
        },
    ),
    Spec(
        "cae.tl.billing.run",
        "cae.tl.billing.run",
        "company",
        _scoped("cae.tl.billing.run"),
        create=lambda f: {"place_id": f.place.id, "date_from": date(2026, 1, 1)},
    ),
    Spec(
        "cae.tl.occupancy.report",
        "cae.tl.occupancy.report",
        "company",
        _scoped("cae.tl.occupancy.report"),
        unlink=False,
    ),
    *(
        Spec(key, key, "company", _scoped(key), write=write, create=create)
        for key, write, create in (
            (
                "cae.tl.place",
                {"description": "<p>Lieu</p>"},
                lambda f: {"name": "Lieu", "company_id": f.company.id},
            ),
            (
                "cae.tl.resource.type",
                {"description": "Note"},
                lambda f: {"name": "Salle"},
            ),
            (
                "cae.tl.resource",
                {"description": "Note"},
                lambda f: {
                    "name": "Salle C",
                    "place_id": f.place.id,
                    "type_id": f.type_room.id,
                },
            ),
            (
                "cae.tl.price",
                {"price_hour": 7.0},
                lambda f: {
                    "place_id": f.place.id,
                    "user_category": "public",
                    "resource_id": f.desks.id,
                    "price_hour": 1.0,
                },
            ),
            (
                "cae.tl.membership.plan",
                {"description": "Note"},
                lambda f: {"name": "Forfait", "place_id": f.place.id},
            ),
        )
    ),
    Spec(
        "cae.tl.network",
        "cae.tl.network",
        "company",
        _scoped("cae.tl.network"),
        write={"description": "<p>Réseau</p>"},
        create=lambda f: {"name": "Réseau C"},
    ),
    Spec(
        "cae.tl.network.structure",
        "cae.tl.network.structure",
        "company",
        _scoped("cae.tl.network.structure"),
        write={"sequence": 5},
        create=lambda f: {
            "network_id": f.network.id,
            "partner_id": f.company_b.partner_id.id,
        },
    ),
    Spec(
        "cae.tl.network.report",
        "cae.tl.network.report",
        "company",
        _scoped("cae.tl.network.report"),
        read=("hours", "amount"),
        unlink=False,
    ),
    Spec(
        "cae.tl.membership.plan.place",
        "cae.tl.membership.plan.place",
        "company",
        _scoped("cae.tl.membership.plan.place"),
        write={"fee": 35.0},
        create=lambda f: {"plan_id": f.plan_other.id, "place_id": f.place.id},
    ),
    # A member's feed: reached by its owner through the portal only (the
    # controller checks who asks); its secret token, by nobody's ORM.
    Spec(
        "cae.tl.calendar.feed@member",
        "cae.tl.calendar.feed",
        "activity",
        _scoped("cae.tl.calendar.feed@member"),
        read=("display_name", "token"),
        write={"active": False},
        create=lambda f: {"partner_id": f.bob.partner_id.id},
    ),
    # A resource's feed: managed by the place's facilitators.
    Spec(
        "cae.tl.calendar.feed@resource",
        "cae.tl.calendar.feed",
        "company",
        _scoped("cae.tl.calendar.feed@resource"),
        read=("display_name", "show_names"),
        write={"show_names": True},
        create=lambda f: {"resource_id": f.desks.id},
    ),
    Spec(
        "cae.tl.billing.wizard",
        "cae.tl.billing.wizard",
        "company",
        _scoped("cae.tl.place"),
        create=lambda f: {"place_ids": [Command.set(f.place.ids)]},
        transient=True,
    ),
]
SPECS_BY_KEY = {spec.key: spec for spec in SPECS}


def applicable(spec, role, operation):
    """Whether a cell exists, and the record it works on (or None)."""
    own, other = FAMILIES[spec.family][role]
    if spec.transient:
        return operation == "create"
    if operation == "create":
        return spec.create is not None
    if operation in ("read_other", "write_other"):
        scope = other
    else:
        scope = own
    if scope is None:
        return False
    if operation.startswith("write") and spec.write is None:
        return False
    if operation == "state" and spec.state is None:
        return False
    if operation == "unlink" and not spec.unlink:
        return False
    return True


def cell_record(fixture, spec, role, operation):
    own, other = FAMILIES[spec.family][role]
    scope = other if operation in ("read_other", "write_other") else own
    return spec.records(fixture).get(scope)


def run_cell(fixture, spec, role, operation):
    """The outcome of one cell, as the role's user, rolled back."""
    if not applicable(spec, role, operation):
        return "-"
    env = fixture.env
    user = fixture.users[role]
    read = list(spec.read or ("display_name",))

    def act():
        with env.cr.savepoint():
            Model = (
                env[spec.model]
                .with_user(user)
                .with_context(allowed_company_ids=user.company_ids.ids)
            )
            if operation == "create":
                record = Model.create(spec.create(fixture))
                if spec.transient:
                    record.read(read)
            else:
                record = cell_record(fixture, spec, role, operation).with_env(Model.env)
                if operation.startswith("read"):
                    record.read(read)
                elif operation.startswith("write"):
                    record.write(dict(spec.write))
                elif operation == "state":
                    record.write(dict(spec.state))
                elif operation == "unlink":
                    record.unlink()
            env.flush_all()
            raise Rollback()

    return outcome_of(act)

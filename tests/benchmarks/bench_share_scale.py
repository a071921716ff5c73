# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Share subscriptions validated in bulk (issue 16): wall time and SQL
queries per subscription, for 100 and 1,000 subscriptions.

Each subscription of the register makes one ledger line, an associate
number, three journal entries (subscription, call of what is paid at
subscription, release) and the release it pays. The baseline, in the same
run, creates and posts the same entries (same journal, accounts and lines)
as plain ``account.move`` records through Odoo, in one ``create`` and one
``action_post``: what Odoo itself costs for the accounting alone.

Target (issue 16): 1,000 subscriptions in 30 s at most, 10 queries each.

Measured on 2026-12-04 on a quiet 2-core machine (database ld_bench):

- one by one (before): 77.7 to 77.9 queries each (100 in 67 s and 1,000
  in 399 s, on a machine shared with other runs);
- in one batch (after), four runs: 100 in 4.2 to 5.2 s, 16.9 queries
  each; 1,000 in 54 to 69 s, 17.0 queries each (121 s in a fifth run
  where the machine was slower: Odoo's baseline too rose to 63 s);
- the same entries as plain account.move, same runs: 100 in 3.6 to 5.3 s,
  13.4 queries each; 1,000 in 43 to 48 s, 16.6 queries each. Ours / Odoo:
  1.0 to 1.2 (100) and 1.25 to 1.45 (1,000; 1.93 in the slow run) in
  time, 1.26 and 1.02 in queries. Ours grows faster than Odoo's from 100
  to 1,000: the profile shows Odoo's create and post of the 3,000 entries
  only, the reason is not found yet.

What is left is Odoo's own creation and posting of three entries per
subscription (sequence number, balance check, analytic and tax syncs): it
alone is above the target of 10 queries and 30 s for 1,000. Meeting it
would need fewer entries per subscription, a change of the register's
accounting (each release links its own entry), not of its speed.

Run with ``CAE_BENCH_DB=<db> setup/bench tests/benchmarks/bench_share_scale.py``.
"""

import time
from datetime import date

from odoo import Command
from odoo.tests.common import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

SIZES = (100, 1000)


class BenchShareScale(TransactionCase):
    # Odoo tags only the test classes of odoo.addons.* modules by itself.
    test_tags = {"standard", "at_install"}
    test_module = "cae_governance"
    test_sequence = 0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = cls.env["res.company"].create(
            {"name": "CAE bench register", "country_id": cls.env.ref("base.fr").id}
        )
        cls.env["account.chart.template"].try_loading(
            "fr", company=cls.company, install_demo=False
        )
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        cls.share_class = cls.env["cae.share.class"].create(
            {
                "name": "Parts",
                "code": "P",
                "company_id": cls.company.id,
                "nominal_value": 25.0,
                "min_shares": 4,
                "allow_external": True,
            }
        )
        cls.bank = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.company.id)], limit=1
        )

    def _subscriptions(self, count, tag):
        partners = self.env["res.partner"].create(
            [{"name": f"Associé {tag} {i:04d}"} for i in range(count)]
        )
        associates = self.env["cae.associate"].create(
            [
                {"partner_id": p.id, "company_id": self.company.id, "kind": "external"}
                for p in partners
            ]
        )
        return self.env["cae.share.operation"].create(
            [
                {
                    "operation_type": "subscription",
                    "associate_id": associate.id,
                    "company_id": self.company.id,
                    "share_class_id": self.share_class.id,
                    "quantity": 4 + index % 10,
                    "date": date(2025, 1 + index % 12, 1 + index % 28),
                    "call_count": 2,
                    "payment_journal_id": self.bank.id,
                }
                for index, associate in enumerate(associates)
            ]
        )

    def _plain_moves_vals(self, subscriptions):
        """The same three entries per subscription, as plain entries."""
        company = self.company
        account = company._get_cae_capital_account
        journal = company._get_cae_capital_journal()
        receipt = subscriptions[:1]._get_journal_payment_account(self.bank, "inbound")
        subscribed = account("cae_associate_subscribed_account_id")
        called = account("cae_associate_called_account_id")
        uncalled = account("cae_capital_uncalled_account_id")
        capital_called = account("cae_capital_called_account_id")
        capital_paid = account("cae_capital_paid_account_id")
        vals_list = []
        for sub in subscriptions:
            amount, paid = sub.amount, sub.initial_payment
            partner = sub.partner_id.id
            for lines in (
                [(subscribed, amount, 0, partner), (uncalled, 0, amount, False)],
                [
                    (called, paid, 0, partner),
                    (subscribed, 0, paid, partner),
                    (uncalled, paid, 0, False),
                    (capital_called, 0, paid, False),
                ],
                [
                    (receipt, paid, 0, partner),
                    (called, 0, paid, partner),
                    (capital_called, paid, 0, False),
                    (capital_paid, 0, paid, False),
                ],
            ):
                vals_list.append(
                    {
                        "move_type": "entry",
                        "journal_id": journal.id,
                        "company_id": company.id,
                        "date": sub.date,
                        "ref": "Plain",
                        "line_ids": [
                            Command.create(
                                {
                                    "account_id": acc.id,
                                    "name": "Plain",
                                    "debit": debit,
                                    "credit": credit,
                                    "partner_id": partner_id,
                                }
                            )
                            for acc, debit, credit, partner_id in lines
                        ],
                    }
                )
        # As the batch does: no analytic distribution model in the company,
        # said on the lines, so that Odoo does not look for one per line.
        self.env["cae.share.operation"]._skip_analytic_models(vals_list)
        return vals_list

    def _measure(self, func):
        self.env.flush_all()
        queries = self.env.cr.sql_log_count
        start = time.perf_counter()
        func()
        self.env.flush_all()
        return time.perf_counter() - start, self.env.cr.sql_log_count - queries

    def _print(self, label, count, elapsed, queries):
        print(
            f"\n[bench] {label} ({count}): {elapsed:.2f} s, {queries} queries; "
            f"per subscription {elapsed / count * 1000:.1f} ms, "
            f"{queries / count:.1f} queries"
        )

    def _bench(self, count):
        subscriptions = self._subscriptions(count, "b")
        vals_list = self._plain_moves_vals(subscriptions)
        moves = self.env["account.move"]
        elapsed, queries = self._measure(lambda: moves.create(vals_list).action_post())
        self._print(
            "baseline: the same entries as plain account.move",
            count,
            *(elapsed, queries),
        )
        self.env.invalidate_all()
        elapsed, queries = self._measure(subscriptions.action_validate)
        self._print(
            "subscriptions validated with their accounting", count, elapsed, queries
        )
        self.assertEqual(set(subscriptions.mapped("state")), {"done"})
        self.assertEqual(len(subscriptions.move_ids), count * 2)
        self.assertEqual(len(subscriptions.release_ids.move_ids), count)
        numbers = sorted(subscriptions.mapped("number"))
        self.assertEqual(len(set(numbers)), count)

    def test_100(self):
        self._bench(SIZES[0])

    def test_1000(self):
        self._bench(SIZES[1])

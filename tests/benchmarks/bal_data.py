# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bulk data set of the balance benchmark (bench_balance.py), in SQL.

Activities, their analytic accounts, posted entries, journal items and
analytic lines are inserted with ``INSERT ... SELECT``; the rows look like
those Odoo writes (posted state on the items, analytic distribution,
``amount = -balance`` on the analytic lines, general account and journal
item on each analytic line), so that the ORM and our SQL read them as real
documents.
"""

from odoo.tools import SQL

YEAR = 2025
MONTHS = 10
# One entry a month per activity, Σ debit = Σ credit = 2,200 (× scale):
# an invoice of 1,000 + 200 VAT, paid 600; a bill of 300 + 60 VAT; an
# expense claim of 40.
ENTRY = [
    ("411100", 1200.0, 0.0, "Facture client"),
    ("706000", 0.0, 1000.0, "Prestation"),
    ("445710", 0.0, 200.0, "TVA collectée"),
    ("512001", 600.0, 0.0, "Encaissement"),
    ("411100", 0.0, 600.0, "Encaissement"),
    ("607000", 300.0, 0.0, "Achat"),
    ("445660", 60.0, 0.0, "TVA déductible"),
    ("401100", 0.0, 360.0, "Fournisseur"),
    ("625700", 40.0, 0.0, "Repas"),
    ("425100", 0.0, 40.0, "Note de dépenses"),
]
PREFIX = "Bench "


class BalanceDataGenerator:
    def __init__(self, env, company):
        self.env = env
        self.cr = env.cr
        self.company = company
        self.plan = company._get_cae_activity_plan()
        self.column = self.plan._column_name()
        self.journal = company.cae_contribution_journal_id
        Account = env["account.account"].with_company(company)
        self.accounts = {}
        for code, *_rest in ENTRY:
            account = Account.search(
                [("code", "=", code), *Account._check_company_domain(company)],
                limit=1,
            )
            assert account, f"account {code} missing in the chart"
            self.accounts[code] = account.id

    @staticmethod
    def scale(activity):
        """Amounts of an activity are ENTRY × scale (1 to 5)."""
        return activity.id % 5 + 1

    def activities(self):
        return self.env["cae.activity"].search(
            [("name", "=like", f"{PREFIX}%"), ("company_id", "=", self.company.id)],
            order="id",
        )

    def analytic_line_count(self):
        self.cr.execute(
            SQL(
                "SELECT count(*) FROM account_analytic_line WHERE %s IS NOT NULL",
                SQL.identifier(self.column),
            )
        )
        return self.cr.fetchone()[0]

    def ensure_activities(self, size):
        """Create activities (with their documents) up to ``size``."""
        self.env.flush_all()
        existing = len(self.activities())
        if size > existing:
            new_ids = self._insert_activities(existing + 1, size)
            self._analyze("account_analytic_account", "cae_activity")
            self._insert_documents(new_ids)
            self._analyze("account_analytic_line")
            self.env.invalidate_all()
        return self.activities()

    def _analyze(self, *tables):
        """Fresh planner statistics of ``tables``, rows of this transaction
        included: after a rolled-back run autovacuum finds them empty, and
        the next insert joining them would plan nested loops over millions
        of rows (minutes instead of seconds)."""
        for table in tables:
            self.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))

    def _insert_activities(self, first, last):
        self.cr.execute(
            SQL(
                """
                INSERT INTO account_analytic_account
                       (name, code, plan_id, root_plan_id, company_id, active,
                        create_uid, write_uid, create_date, write_date)
                SELECT jsonb_build_object('en_US', %(prefix)s || lpad(n::text, 5, '0')),
                       'B' || lpad(n::text, 5, '0'), %(plan)s, %(plan)s, %(company)s,
                       TRUE, 1, 1, now(), now()
                  FROM generate_series(%(first)s, %(last)s) n
              RETURNING id
                """,
                prefix=PREFIX,
                plan=self.plan.id,
                company=self.company.id,
                first=first,
                last=last,
            )
        )
        account_ids = [row[0] for row in self.cr.fetchall()]
        self.cr.execute(
            SQL(
                """
                INSERT INTO cae_activity
                       (name, code, kind, company_id, analytic_account_id, active,
                        create_uid, write_uid, create_date, write_date)
                SELECT account.name->>'en_US', account.code, 'entrepreneur',
                       %(company)s, account.id, TRUE, 1, 1, now(), now()
                  FROM account_analytic_account account
                 WHERE account.id = ANY(%(ids)s)
              RETURNING id
                """,
                company=self.company.id,
                ids=account_ids,
            )
        )
        return [row[0] for row in self.cr.fetchall()]

    def _insert_documents(self, activity_ids):
        currency = self.company.currency_id.id
        self.cr.execute(
            SQL(
                """
                INSERT INTO account_move
                       (name, date, journal_id, company_id, currency_id, state,
                        move_type, auto_post, cae_activity_id,
                        create_uid, write_uid, create_date, write_date)
                SELECT 'BENCH/' || a.id || '/' || m, make_date(%(year)s, m, 15),
                       %(journal)s, %(company)s, %(currency)s, 'posted', 'entry',
                       'no', a.id, 1, 1, now(), now()
                  FROM cae_activity a
            CROSS JOIN generate_series(1, %(months)s) m
                 WHERE a.id = ANY(%(ids)s)
                """,
                year=YEAR,
                months=MONTHS,
                journal=self.journal.id,
                company=self.company.id,
                currency=currency,
                ids=activity_ids,
            )
        )
        self._analyze("account_move")
        self.cr.execute(
            SQL(
                """
                INSERT INTO account_move_line
                       (move_id, journal_id, company_id, company_currency_id,
                        currency_id, account_id, date, parent_state, display_type,
                        name, move_name, debit, credit, balance, amount_currency,
                        amount_residual, amount_residual_currency, quantity,
                        analytic_distribution,
                        create_uid, write_uid, create_date, write_date)
                SELECT m.id, m.journal_id, m.company_id, m.currency_id, m.currency_id,
                       v.account_id, m.date, 'posted', 'product', v.label, m.name,
                       v.debit * k.scale, v.credit * k.scale,
                       (v.debit - v.credit) * k.scale, (v.debit - v.credit) * k.scale,
                       0, 0, 1,
                       jsonb_build_object(a.analytic_account_id::text, 100),
                       1, 1, now(), now()
                  FROM account_move m
                  JOIN cae_activity a ON a.id = m.cae_activity_id
          CROSS JOIN LATERAL (SELECT (mod(a.id, 5) + 1)::numeric AS scale) k
          CROSS JOIN unnest(%(accounts)s::int[], %(debits)s::numeric[],
                            %(credits)s::numeric[], %(labels)s::varchar[])
                       AS v(account_id, debit, credit, label)
                 WHERE m.cae_activity_id = ANY(%(ids)s)
                """,
                accounts=[self.accounts[code] for code, *_rest in ENTRY],
                debits=[debit for _code, debit, _credit, _label in ENTRY],
                credits=[credit for _code, _debit, credit, _label in ENTRY],
                labels=[label for *_rest, label in ENTRY],
                ids=activity_ids,
            )
        )
        self._analyze("account_move_line")
        self.cr.execute(
            SQL(
                """
                INSERT INTO account_analytic_line
                       (name, date, amount, company_id, currency_id,
                        general_account_id, move_line_id, %(column)s, category,
                        unit_amount, user_id,
                        create_uid, write_uid, create_date, write_date)
                SELECT l.name, l.date, -l.balance, l.company_id, l.company_currency_id,
                       l.account_id, l.id, a.analytic_account_id, 'other', 1, 1,
                       1, 1, now(), now()
                  FROM account_move_line l
                  JOIN account_move m ON m.id = l.move_id
                  JOIN cae_activity a ON a.id = m.cae_activity_id
                 WHERE m.cae_activity_id = ANY(%(ids)s)
                """,
                column=SQL.identifier(self.column),
                ids=activity_ids,
            )
        )

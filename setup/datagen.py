#!/usr/bin/env python3
# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Grow a demo database to N activities with a year of documents.

Usage: ``setup/datagen.py <database> <activities>`` (``setup/demo --size N``
calls it). Idempotent: it only adds what is missing to reach N activities in
the main company, so running it again with a larger N grows the demo further.

What is added (French names, French chart):

- entrepreneurs, each with their contact and activity (ORM, in batches of
  500, without mail tracking): candidate, then CAPE, then CESA for the last
  eight months;
- a year of documents per new activity, in SQL (an ORM import of hundreds of
  thousands of journal items would take hours): each of the last 12 months a
  customer invoice of 1,000 € + 20 % VAT (× 1 to 5 by activity), its payment
  (all but the last two months), a supplier bill of 300 € + VAT; posted, with
  their journal items and analytic lines on the activity exactly as Odoo
  writes them (``amount = -balance``), in journals of their own (GEN, GACH,
  GBQ) so that the demo's numbering is untouched;
- 50 portal logins ``charge01`` … ``charge50`` (password = login) on the
  first new entrepreneurs, each with bookings of the demo's third place
  (two a week over the last three months and the next two weeks) and an
  associate record on the register of the open assembly, so that they can
  vote: the load test's users (setup/loadtest.py).
"""

import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import caesetup  # noqa: E402

EMAIL_DOMAIN = "charge.example.fr"
PORTAL_USERS = 50
BATCH = 500
MONTHS = 12
FIRST_NAMES = (
    "Adèle Agathe Alice Amandine Anaïs Bastien Benoît Camille Céline Charlotte "
    "Chloé Clément Damien Delphine Élodie Émile Florian Gaëlle Hélène Hugo Inès "
    "Jeanne Jérôme Julie Karim Laure Léon Louise Lucie Maël Margaux Mathis "
    "Mélanie Nadia Nathan Noémie Océane Olivier Pauline Quentin Raphaël Rémi "
    "Romane Samuel Simon Sofiane Tristan Valentin Yanis Zoé"
).split()
LAST_NAMES = (
    "Arnaud Barbier Baron Bertin Blanc Boyer Brun Carré Caron Chevalier Colin "
    "David Denis Dumont Dupuis Durand Étienne Fabre Faure Fleury Fontaine "
    "Garnier Gauthier Girard Guérin Henry Hubert Jacob Joly Lacroix Laurent "
    "Leclerc Lefèvre Lemaire Leroy Marchand Martinez Mercier Meunier Morel "
    "Muller Noël Perrin Picard Renard Rey Roche Rousseau Roy Vidal"
).split()
TRADES = (
    "Graphisme Traduction Menuiserie Photographie Conseil Formation Jardinage "
    "Couture Développement Rédaction Céramique Illustration"
).split()


def log(message):
    print(f"[datagen] {message}", flush=True)


class DemoGrower:
    """Adds activities, documents, portal users and bookings to a demo."""

    def __init__(self, env):
        self.env = env
        self.cr = env.cr
        self.company = env.ref("base.main_company")
        self.today = date.today()

    # ------------------------------------------------------------------
    def grow(self, size):
        Activity = self.env["cae.activity"].with_context(active_test=False)
        existing = Activity.search_count([("company_id", "=", self.company.id)])
        log(f"{existing} activities in {self.company.name}, {size} wanted")
        started = time.perf_counter()
        missing = size - existing
        first = self._generated().__len__() + 1
        for offset in range(0, max(missing, 0), BATCH):
            count = min(BATCH, missing - offset)
            entrepreneurs = self._create_entrepreneurs(first + offset, count)
            self._insert_documents(entrepreneurs.activity_id.ids)
            self.cr.commit()
            log(
                f"  +{count} entrepreneurs and their year of documents "
                f"({time.perf_counter() - started:.0f} s)"
            )
        if missing > 0:
            for table in (
                "account_move",
                "account_move_line",
                "account_analytic_line",
                "cae_activity",
            ):
                self.cr.execute(f"ANALYZE {table}")
        self._ensure_portal_users()
        self.cr.commit()
        log(f"done in {time.perf_counter() - started:.0f} s")

    def _generated(self):
        return (
            self.env["cae.entrepreneur"]
            .with_context(active_test=False)
            .search([("email", "=like", f"%@{EMAIL_DOMAIN}")], order="id")
        )

    # ------------------------------------------------------------------
    # Entrepreneurs and activities (ORM, batched)
    # ------------------------------------------------------------------
    def _create_entrepreneurs(self, first, count):
        today = self.today

        def months_ago(months):
            return today - timedelta(days=round(months * 30.44))

        advisors = self.env["res.users"].search(
            [("groups_id", "in", self.env.ref("cae_base.group_cae_advisor").id)],
            limit=3,
        )
        partner_vals, entrepreneur_vals = [], []
        for number in range(first, first + count):
            first_name = FIRST_NAMES[number % len(FIRST_NAMES)]
            last_name = LAST_NAMES[(number // len(FIRST_NAMES)) % len(LAST_NAMES)]
            name = f"{first_name} {last_name}"
            partner_vals.append(
                {
                    "name": name,
                    "email": f"e{number:05d}@{EMAIL_DOMAIN}",
                    "lang": "fr_FR",
                    "company_id": self.company.id,
                    "country_id": self.env.ref("base.fr").id,
                }
            )
            entrepreneur_vals.append(
                {
                    "business_name": f"{TRADES[number % len(TRADES)]} {last_name}"
                    f" {number:05d}",
                    "company_id": self.company.id,
                    "advisor_id": advisors[number % len(advisors)].id
                    if advisors
                    else False,
                    "info_meeting_date": months_ago(22),
                    "path_step_ids": [
                        (
                            0,
                            0,
                            {
                                "stage": "candidate",
                                "date_start": months_ago(22),
                                "date_end": months_ago(20) - timedelta(days=1),
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "stage": "cape",
                                "date_start": months_ago(20),
                                "date_end": months_ago(8) - timedelta(days=1),
                            },
                        ),
                        (0, 0, {"stage": "cesa", "date_start": months_ago(8)}),
                    ],
                }
            )
        env = self.env(
            context=dict(
                self.env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_notrack=True,
                lang="fr_FR",
            )
        )
        partners = env["res.partner"].create(partner_vals)
        for vals, partner in zip(entrepreneur_vals, partners, strict=True):
            vals["partner_id"] = partner.id
        return env["cae.entrepreneur"].create(entrepreneur_vals)

    # ------------------------------------------------------------------
    # A year of documents (SQL)
    # ------------------------------------------------------------------
    def _journal(self, code, kind, name):
        Journal = self.env["account.journal"].with_company(self.company)
        journal = Journal.search(
            [("code", "=", code), ("company_id", "=", self.company.id)], limit=1
        )
        return journal or Journal.create(
            {"name": name, "code": code, "type": kind, "company_id": self.company.id}
        )

    def _account(self, code):
        Account = self.env["account.account"].with_company(self.company)
        account = Account.search(
            [("code", "=", code), *Account._check_company_domain(self.company)],
            limit=1,
        )
        assert account, f"account {code} missing in the chart"
        return account.id

    def _tax(self, kind):
        tax = self.env["account.tax"].search(
            [
                ("company_id", "=", self.company.id),
                ("type_tax_use", "=", kind),
                ("amount", "=", 20.0),
                ("amount_type", "=", "percent"),
                ("price_include", "=", False),
            ],
            limit=1,
        )
        line = tax.repartition_line_ids.filtered(
            lambda r: r.repartition_type == "tax" and r.document_type == "invoice"
        )[:1]
        return tax, line

    def _customers(self):
        Partner = self.env["res.partner"]
        customers = Partner.search([("ref", "=like", "GENCLI%")], order="id")
        if not customers:
            customers = Partner.create(
                [
                    {
                        "name": f"{TRADES[n % len(TRADES)]} et fils {LAST_NAMES[n]}",
                        "ref": f"GENCLI{n:03d}",
                        "is_company": True,
                        "lang": "fr_FR",
                    }
                    for n in range(len(LAST_NAMES))
                ]
            )
        return customers

    def _months(self):
        first = (self.today.replace(day=1) - timedelta(days=1)).replace(day=1)
        months = [first]
        while len(months) < MONTHS:
            months.append((months[-1] - timedelta(days=1)).replace(day=1))
        return sorted(months)

    def _insert_documents(self, activity_ids):
        """Invoices, payments and bills of ``activity_ids``, 12 months."""
        if not activity_ids:
            return
        self.env.flush_all()
        sale = self._journal("GEN", "sale", "Ventes (données de volume)")
        purchase = self._journal("GACH", "purchase", "Achats (données de volume)")
        misc = self._journal("GBQ", "general", "Encaissements (données de volume)")
        sale_tax, sale_rep = self._tax("sale")
        purchase_tax, purchase_rep = self._tax("purchase")
        customers = self._customers().ids
        accounts = {
            code: self._account(code)
            for code in ("411100", "706000", "445710", "512001", "401100", "607000")
        }
        accounts["445660"] = self._account("445660")
        params = {
            "company": self.company.id,
            "currency": self.company.currency_id.id,
            "ids": activity_ids,
            "months": self._months(),
            "paid_until": self._months()[-3],
            "customers": customers,
            "sale": sale.id,
            "purchase": purchase.id,
            "misc": misc.id,
        }
        cr = self.cr
        # Moves: (kind, journal) per activity and month; names carry the
        # activity and month so that reruns never collide.
        cr.execute(
            """
            CREATE TEMP TABLE gen_move ON COMMIT DROP AS
            SELECT a.id AS activity_id, a.analytic_account_id AS analytic_id,
                   (mod(a.id, 5) + 1)::numeric AS k, m.month::date AS month,
                   k.kind,
                   (%(customers)s::int[])[1 + mod(a.id + m.n::int,
                       array_length(%(customers)s::int[], 1))] AS customer_id
              FROM cae_activity a
        CROSS JOIN unnest(%(months)s::date[]) WITH ORDINALITY AS m(month, n)
        CROSS JOIN (VALUES ('out_invoice'), ('payment'), ('in_invoice')) k(kind)
             WHERE a.id = ANY(%(ids)s)
               AND (k.kind != 'payment' OR m.month <= %(paid_until)s)
            """,
            params,
        )
        cr.execute(
            """
            ALTER TABLE gen_move ADD COLUMN move_id int;
            WITH inserted AS (
                INSERT INTO account_move
                       (name, sequence_prefix, sequence_number, date, invoice_date,
                        invoice_date_due, journal_id, company_id, currency_id,
                        partner_id, commercial_partner_id, state, move_type,
                        payment_state, auto_post, cae_activity_id, ref,
                        invoice_partner_display_name, invoice_currency_rate,
                        posted_before, checked, always_tax_exigible,
                        amount_untaxed, amount_tax, amount_total, amount_residual,
                        amount_untaxed_signed, amount_tax_signed,
                        amount_total_signed, amount_residual_signed,
                        amount_untaxed_in_currency_signed,
                        amount_total_in_currency_signed,
                        create_uid, write_uid, create_date, write_date)
                SELECT p.prefix || g.activity_id || '/' || to_char(g.month, 'YYYYMM'),
                       p.prefix, g.activity_id * 100 + extract(month FROM g.month),
                       g.month + p.day, CASE WHEN g.kind != 'payment'
                                            THEN g.month + p.day END,
                       CASE WHEN g.kind != 'payment' THEN g.month + p.day + 30 END,
                       p.journal, %(company)s, %(currency)s,
                       g.customer_id, g.customer_id, 'posted',
                       CASE WHEN g.kind = 'payment' THEN 'entry' ELSE g.kind END,
                       CASE WHEN g.kind = 'payment' THEN 'not_paid'
                            WHEN g.kind = 'in_invoice' THEN 'paid'
                            WHEN g.month <= %(paid_until)s THEN 'paid'
                            ELSE 'not_paid' END,
                       'no', g.activity_id, p.ref, c.name, 1,
                       TRUE, TRUE, FALSE,
                       p.untaxed * g.k, p.tax * g.k, p.total * g.k,
                       CASE WHEN g.kind = 'out_invoice' AND g.month > %(paid_until)s
                            THEN p.total * g.k ELSE 0 END,
                       p.sign * p.untaxed * g.k, p.sign * p.tax * g.k,
                       p.sign * p.total * g.k,
                       CASE WHEN g.kind = 'out_invoice' AND g.month > %(paid_until)s
                            THEN p.total * g.k ELSE 0 END,
                       p.sign * p.untaxed * g.k, p.sign * p.total * g.k,
                       1, 1, now(), now()
                  FROM gen_move g
                  JOIN res_partner c ON c.id = g.customer_id
                  JOIN (VALUES
                        ('out_invoice', 'GEN/', %(sale)s, 9, 1000.0, 200.0, 1200.0,
                         1, NULL),
                        ('payment', 'GBQ/', %(misc)s, 24, 0.0, 0.0, 1200.0, 1,
                         'Encaissement client'),
                        ('in_invoice', 'GACH/', %(purchase)s, 14, 300.0, 60.0,
                         360.0, -1, 'Achat de fournitures'))
                       AS p(kind, prefix, journal, day, untaxed, tax, total, sign,
                            ref)
                    ON p.kind = g.kind
             RETURNING id, cae_activity_id, date, move_type, journal_id
            )
            UPDATE gen_move g SET move_id = i.id
              FROM inserted i
             WHERE i.cae_activity_id = g.activity_id
               AND date_trunc('month', i.date) = g.month
               AND (CASE WHEN i.journal_id = %(sale)s THEN 'out_invoice'
                         WHEN i.journal_id = %(purchase)s THEN 'in_invoice'
                         ELSE 'payment' END) = g.kind
            """,
            params,
        )
        lines = [
            # kind, account, debit, credit, display_type, label, tax role
            ("out_invoice", "706000", 0, 1000, "product", "Prestation du mois", "base"),
            ("out_invoice", "445710", 0, 200, "tax", "TVA collectée 20 %", "tax"),
            ("out_invoice", "411100", 1200, 0, "payment_term", "", None),
            ("payment", "512001", 1200, 0, "product", "Encaissement", None),
            ("payment", "411100", 0, 1200, "product", "Encaissement", None),
            ("in_invoice", "607000", 300, 0, "product", "Fournitures", "base"),
            ("in_invoice", "445660", 60, 0, "tax", "TVA déductible 20 %", "tax"),
            ("in_invoice", "401100", 0, 360, "payment_term", "", None),
        ]
        cr.execute(
            """
            INSERT INTO account_move_line
                   (move_id, journal_id, company_id, company_currency_id,
                    currency_id, account_id, date, invoice_date, date_maturity,
                    parent_state, display_type, name, move_name, partner_id,
                    debit, credit, balance, amount_currency, amount_residual,
                    amount_residual_currency, reconciled, quantity, price_unit,
                    price_subtotal, price_total, tax_line_id,
                    tax_repartition_line_id, tax_base_amount, sequence,
                    analytic_distribution,
                    create_uid, write_uid, create_date, write_date)
            SELECT m.id, m.journal_id, m.company_id, m.currency_id, m.currency_id,
                   v.account_id, m.date, m.invoice_date,
                   CASE WHEN v.display_type = 'payment_term'
                        THEN m.invoice_date_due END,
                   'posted', v.display_type, v.label, m.name, m.partner_id,
                   v.debit * g.k, v.credit * g.k, (v.debit - v.credit) * g.k,
                   (v.debit - v.credit) * g.k,
                   CASE WHEN v.display_type = 'payment_term'
                        THEN -m.amount_residual_signed * (v.credit - v.debit)
                             / abs(v.credit - v.debit) ELSE 0 END,
                   CASE WHEN v.display_type = 'payment_term'
                        THEN -m.amount_residual_signed * (v.credit - v.debit)
                             / abs(v.credit - v.debit) ELSE 0 END,
                   v.display_type = 'payment_term' AND m.amount_residual = 0,
                   1,
                   CASE WHEN v.role = 'base' THEN abs(v.debit - v.credit) * g.k END,
                   CASE WHEN v.role = 'base' THEN abs(v.debit - v.credit) * g.k END,
                   CASE WHEN v.role = 'base'
                        THEN abs(v.debit - v.credit) * g.k * 1.2 END,
                   CASE WHEN v.role = 'tax' THEN v.tax_id END,
                   CASE WHEN v.role = 'tax' THEN v.rep_id END,
                   CASE WHEN v.role = 'tax' THEN abs(v.debit - v.credit) * 5 * g.k
                        ELSE 0 END,
                   v.seq,
                   jsonb_build_object(g.analytic_id::text, 100),
                   1, 1, now(), now()
              FROM gen_move g
              JOIN account_move m ON m.id = g.move_id
              JOIN unnest(%(kinds)s::varchar[], %(accounts)s::int[],
                          %(debits)s::numeric[], %(credits)s::numeric[],
                          %(types)s::varchar[], %(labels)s::varchar[],
                          %(roles)s::varchar[], %(taxes)s::int[], %(reps)s::int[],
                          %(seqs)s::int[])
                   AS v(kind, account_id, debit, credit, display_type, label,
                        role, tax_id, rep_id, seq)
                ON v.kind = g.kind
            """,
            {
                "kinds": [line[0] for line in lines],
                "accounts": [accounts[line[1]] for line in lines],
                "debits": [line[2] for line in lines],
                "credits": [line[3] for line in lines],
                "types": [line[4] for line in lines],
                "labels": [line[5] for line in lines],
                "roles": [line[6] for line in lines],
                "taxes": [
                    (sale_tax if line[0] == "out_invoice" else purchase_tax).id
                    for line in lines
                ],
                "reps": [
                    (sale_rep if line[0] == "out_invoice" else purchase_rep).id
                    for line in lines
                ],
                "seqs": [10 + index for index in range(len(lines))],
            },
        )
        # Taxes of the invoice lines, then analytic lines as Odoo writes them.
        cr.execute(
            """
            INSERT INTO account_move_line_account_tax_rel
                   (account_move_line_id, account_tax_id)
            SELECT l.id, CASE WHEN g.kind = 'out_invoice' THEN %(sale_tax)s
                              ELSE %(purchase_tax)s END
              FROM gen_move g
              JOIN account_move_line l ON l.move_id = g.move_id
             WHERE g.kind != 'payment' AND l.display_type = 'product'
            """,
            {"sale_tax": sale_tax.id, "purchase_tax": purchase_tax.id},
        )
        column = self.company._get_cae_activity_plan()._column_name()
        cr.execute(
            f"""
            INSERT INTO account_analytic_line
                   (name, date, amount, company_id, currency_id,
                    general_account_id, move_line_id, partner_id, {column},
                    category, unit_amount, user_id,
                    create_uid, write_uid, create_date, write_date)
            SELECT coalesce(nullif(l.name, ''), l.move_name), l.date, -l.balance,
                   l.company_id, l.company_currency_id, l.account_id, l.id,
                   l.partner_id, g.analytic_id,
                   CASE WHEN g.kind = 'out_invoice' THEN 'invoice'
                        WHEN g.kind = 'in_invoice' THEN 'vendor_bill'
                        ELSE 'other' END, 1, 1,
                   1, 1, now(), now()
              FROM gen_move g
              JOIN account_move_line l ON l.move_id = g.move_id
            """  # noqa: S608 (column: the plan's own column name)
        )
        cr.execute("DROP TABLE gen_move")
        self.env.invalidate_all()

    # ------------------------------------------------------------------
    # The load test's portal users
    # ------------------------------------------------------------------
    def _ensure_portal_users(self):
        entrepreneurs = self._generated()[:PORTAL_USERS]
        Users = self.env["res.users"].with_context(
            no_reset_password=True, tracking_disable=True
        )
        missing = entrepreneurs.filtered(lambda e: not e.user_id)
        portal = self.env.ref("base.group_portal")
        for entrepreneur in missing:
            number = list(entrepreneurs).index(entrepreneur) + 1
            login = f"charge{number:02d}"
            user = Users.create(
                {
                    "login": login,
                    "password": login,
                    "partner_id": entrepreneur.partner_id.id,
                    "company_id": self.company.id,
                    "company_ids": [(6, 0, self.company.ids)],
                    "groups_id": [(6, 0, portal.ids)],
                    "lang": "fr_FR",
                    "tz": "Europe/Paris",
                }
            )
            entrepreneur.user_id = user
        if missing:
            log(f"  +{len(missing)} portal logins charge01 … charge{PORTAL_USERS}")
            self._insert_bookings(missing)
            self._add_associates(missing)

    def _insert_bookings(self, entrepreneurs):
        """Two bookings a week of a meeting room per user, from three months
        ago to two weeks ahead, one hour each, in slots nobody else uses."""
        Resource = self.env["cae.tl.resource"]
        rooms = Resource.search(
            [("company_id", "=", self.company.id), ("exclusive", "=", True)],
            order="id",
        )
        if not rooms:
            log("  no third-place room in the demo: no bookings")
            return
        self.env.flush_all()
        self.cr.execute(
            """
            WITH people AS (
                SELECT e.id AS entrepreneur_id, e.partner_id,
                       row_number() OVER (ORDER BY e.id) - 1 AS n
                  FROM cae_entrepreneur e WHERE e.id = ANY(%(ids)s)
            ),
            slots AS (
                SELECT p.*, d.day::date AS day,
                       (%(rooms)s::int[])[1 + mod(p.n, %(room_count)s)] AS resource_id,
                       -- 19:00-20:00 Paris on weekdays: after the demo's
                       -- bookings; one user per room, day and hour.
                       19 - floor(p.n / %(room_count)s)::int %% 10 AS hour
                  FROM people p
            CROSS JOIN generate_series(%(start)s::date, %(stop)s::date,
                                       interval '1 day') d(day)
                 WHERE extract(isodow FROM d.day) IN (2, 4)
            )
            INSERT INTO cae_tl_booking
                   (name, resource_id, place_id, company_id, home_company_id,
                    host_partner_id, exclusive, partner_id, entrepreneur_id,
                    user_category, start, stop, occupied_until, date, duration,
                    units, people, state, amount, price_detail, credit_hours,
                    create_uid, create_date, write_uid, write_date)
            SELECT 'CHARGE-' || s.entrepreneur_id || '-' || s.day, r.id, r.place_id,
                   r.company_id, r.company_id, c.partner_id, r.exclusive,
                   s.partner_id, s.entrepreneur_id, 'entrepreneur', t.start,
                   t.start + interval '1 hour', t.start + interval '1 hour', s.day,
                   1.0, 1, 1,
                   CASE WHEN s.day < current_date THEN 'done' ELSE 'confirmed' END,
                   5.0, '1 h à l''heure', 0, 1, now(), 1, now()
              FROM slots s
              JOIN cae_tl_resource r ON r.id = s.resource_id
              JOIN res_company c ON c.id = r.company_id
        CROSS JOIN LATERAL (
                SELECT ((s.day + s.hour * interval '1 hour')
                        AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'UTC' AS start
              ) t
             WHERE NOT EXISTS (
                SELECT 1 FROM cae_tl_booking b
                 WHERE b.resource_id = r.id AND b.state != 'cancel'
                   AND tsrange(b.start, b.occupied_until)
                       && tsrange(t.start, t.start + interval '1 hour'))
            """,
            {
                "ids": entrepreneurs.ids,
                "rooms": rooms.ids,
                "room_count": len(rooms),
                "start": self.today - timedelta(days=90),
                "stop": self.today + timedelta(days=14),
            },
        )
        log(f"  +{self.cr.rowcount} bookings")
        self.env.invalidate_all()

    def _add_associates(self, entrepreneurs):
        """Put the users on the register of the open assembly as associates
        present, so that each can cast a vote."""
        if "cae.assembly" not in self.env:
            return
        assembly = self.env["cae.assembly"].search(
            [("company_id", "=", self.company.id), ("state", "=", "open")], limit=1
        )
        if not assembly:
            log("  no open assembly in the demo: no votes")
            return
        Associate = self.env["cae.associate"].with_context(tracking_disable=True)
        associates = Associate.create(
            [
                {
                    "partner_id": entrepreneur.partner_id.id,
                    "company_id": self.company.id,
                }
                for entrepreneur in entrepreneurs
            ]
        )
        model = assembly.attendance_ids.filtered(lambda a: a.state == "present")[:1]
        # In SQL: the register of an assembly whose votes are open is frozen
        # for people; the generator writes it as if they had been on it
        # before the votes opened.
        self.env.flush_all()
        self.cr.execute(
            """
            INSERT INTO cae_assembly_attendance
                   (assembly_id, company_id, associate_id, college_id, name, state,
                    create_uid, create_date, write_uid, write_date)
            SELECT %(assembly)s, a.company_id, a.id, %(college)s, p.name,
                   'present', 1, now(), 1, now()
              FROM cae_associate a
              JOIN res_partner p ON p.id = a.partner_id
             WHERE a.id = ANY(%(ids)s)
            ON CONFLICT DO NOTHING
            """,
            {
                "assembly": assembly.id,
                "college": model.college_id.id or None,
                "ids": associates.ids,
            },
        )
        self.env.invalidate_all()
        log(f"  +{len(associates)} associates on the register of {assembly.name}")


def main(db, size):
    caesetup.require_odoo()
    import odoo
    from odoo.tools import config

    config.parse_config(
        [
            "--database",
            db,
            "--addons-path",
            caesetup.odoo_addons_path(),
            "--log-level",
            "warn",
        ]
    )
    odoo.service.server.load_server_wide_modules()
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "fr_FR"})
        DemoGrower(env).grow(size)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[2].isdigit():
        sys.exit(__doc__.split("\n\n")[1])
    sys.exit(main(sys.argv[1], int(sys.argv[2])))

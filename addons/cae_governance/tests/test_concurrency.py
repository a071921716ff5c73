# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
from datetime import date

from odoo.service.model import retrying
from odoo.tools import SQL, mute_logger

from .common_committed import SHARE_TABLES, CaeCommittedCompanyCase


class TestConcurrentValidation(CaeCommittedCompanyCase):
    """Two users register operations of one company at the same time.

    Each thread runs its own transaction (its own cursor, committed), as two
    HTTP requests would; ``retrying`` is what Odoo wraps every request in.
    The data lives in a company of its own, committed, and is removed at the
    end.
    """

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = self._create_company(env, "CAE concurrency")
            share_class = env["cae.share.class"].create(
                {
                    "name": "Parts",
                    "code": "P",
                    "company_id": company.id,
                    "nominal_value": 50.0,
                    "min_shares": 1,
                    "allow_external": True,
                }
            )
            operations = env["cae.share.operation"]
            for name in ("Ada", "Brune", "Cyril", "Dora"):
                partner = env["res.partner"].create({"name": f"{name} {company.name}"})
                associate = env["cae.associate"].create(
                    {"partner_id": partner.id, "company_id": company.id}
                )
                operations |= operations.create(
                    {
                        "operation_type": "subscription",
                        "associate_id": associate.id,
                        "company_id": company.id,
                        "share_class_id": share_class.id,
                        "quantity": 2,
                        "date": date(2025, 1, 15),
                        "initial_payment": 100.0,
                    }
                )
            self.company_id = company.id
            self.operation_ids = operations.ids
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        self._remove_company(
            SHARE_TABLES,
            SQL(
                "model IN %s AND res_id IN %s",
                ("cae.share.operation", "cae.associate"),
                tuple(self.operation_ids),
            ),
        )

    def _validate_in_thread(self, operation_ids, barrier, attempts, errors):
        try:
            with self.registry.cursor() as cr:
                env = self._env(cr)
                # The transaction's snapshot starts with this first read.
                env["cae.share.operation"].browse(operation_ids).mapped("state")
                barrier.wait(timeout=30)

                def validate():
                    attempts.append(operation_ids)
                    env["cae.share.operation"].browse(operation_ids).action_validate()

                retrying(validate, env)
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    def test_two_users_validate_at_once(self):
        first, second = self.operation_ids[:2], self.operation_ids[2:]
        barrier = threading.Barrier(2)
        attempts, errors = [], []
        threads = [
            threading.Thread(
                target=self._validate_in_thread,
                args=(ids, barrier, attempts, errors),
            )
            for ids in (first, second)
        ]
        # The waiting transaction's serialization failure is logged by the
        # cursor before Odoo retries it: expected here.
        with mute_logger("odoo.sql_db", "odoo.service.model"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        self.assertFalse(errors)

        with self.registry.cursor() as cr:
            env = self._env(cr)
            operations = env["cae.share.operation"].search(
                [("company_id", "=", self.company_id)], order="number"
            )
            # Four subscriptions, each with its initial release: eight
            # numbers, consecutive, each used once.
            self.assertEqual(operations.mapped("number"), list(range(1, 9)))
            self.assertEqual(set(operations.mapped("state")), {"done"})
            associates = env["cae.associate"].search(
                [("company_id", "=", self.company_id)]
            )
            self.assertEqual(sorted(associates.mapped("number")), [1, 2, 3, 4])
            register = env["cae.share.register"].search(
                [("company_id", "=", self.company_id)]
            )
            self.assertEqual(register.next_number, 9)
            # Each subscription is followed by its own release: one
            # transaction took its numbers while the other waited.
            for subscription in operations.filtered(
                lambda o: o.operation_type == "subscription"
            ):
                self.assertEqual(
                    subscription.release_ids.number, subscription.number + 1
                )
        # The later transaction waited for the lock, then found the register
        # changed and was retried on fresh data.
        self.assertEqual(len(attempts), 3)

    def test_database_refuses_a_duplicate_number(self):
        """The unique index backs the counter."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            env["cae.share.operation"].browse(self.operation_ids[0]).action_validate()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            taken = env["cae.share.operation"].browse(self.operation_ids[0]).number
            self.assertEqual(taken, 1)
            with (
                self.assertRaises(Exception) as error,
                cr.savepoint(),
                mute_logger("odoo.sql_db"),
            ):
                cr.execute(
                    SQL(
                        "UPDATE cae_share_operation SET number = %s, state = 'done' "
                        "WHERE id = %s",
                        taken,
                        self.operation_ids[1],
                    )
                )
            self.assertIn("number_company_unique", str(error.exception))

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.cae_base.tests.jobs import trap_jobs

from .common import CaeGovernanceCommon


class TestShareBatch(CaeGovernanceCommon):
    """Bulk validation of draft subscriptions (issue 16): six external
    associates subscribe 1 to 3 shares of class B (100.00 €) in January
    2025, validated two per background job (chunk size 2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Batch = cls.env["cae.share.batch"]
        partners = cls.env["res.partner"].create(
            [{"name": f"Associé lot {index}"} for index in range(6)]
        )
        cls.associates = cls.Associate.create(
            [{"partner_id": p.id, "company_id": cls.company.id} for p in partners]
        )
        cls.drafts = cls.Operation.union(
            *(
                cls._subscription(
                    associate, 1 + index % 3, date(2025, 1, 10 + index), cls.class_b
                )
                for index, associate in enumerate(cls.associates)
            )
        )
        cls.env["ir.config_parameter"].sudo().set_param(
            "cae_governance.share_job_chunk_size", 2
        )

    def _batch(self, **vals):
        return self.Batch.with_context(lang="fr_FR").create(
            {"company_id": self.company.id, "date": date(2025, 1, 31), **vals}
        )

    def _numbers(self):
        return [(s.number, s.release_ids.number) for s in self.drafts]

    def test_jobs_in_register_order(self):
        batch = self._batch()
        batch.action_select()
        self.assertEqual(batch.subscription_ids, self.drafts)
        with trap_jobs() as trap:
            batch.action_validate()
            trap.assert_jobs_count(3)
            self.assertEqual(
                {job.channel for job in trap.enqueued_jobs}, {"root.cae.shares"}
            )
            # Each job waits for the one before it.
            self.assertEqual(
                sorted(len(job.depends_on) for job in trap.enqueued_jobs), [0, 1, 1]
            )
            self.assertRecordValues(
                batch,
                [
                    {
                        "state": "started",
                        "job_state": "running",
                        "job_total_count": 6,
                        "job_done_count": 0,
                    }
                ],
            )
            trap.perform_enqueued_jobs()
        self.assertRecordValues(
            batch,
            [
                {
                    "job_state": "done",
                    "job_done_count": 6,
                    "job_error_count": 0,
                    "job_progress": 100.0,
                    "registered_count": 6,
                }
            ],
        )
        # Numbers follow the dates: each subscription, then its payment.
        self.assertEqual(
            self._numbers(), [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12)]
        )
        self.assertEqual(self.associates.mapped("number"), [1, 2, 3, 4, 5, 6])
        self.assertEqual(
            batch.job_summary,
            "Terminé : 6 sur 6 traités, sans erreur. 6 souscription(s) "
            "enregistrée(s) (numéros 1 à 12 avec leurs libérations).",
        )

    def test_a_chunk_run_twice_registers_once(self):
        batch = self._batch()
        with trap_jobs() as trap:
            batch.action_validate()
            first = self.drafts[:2]
            batch.cae_job_validate(first.ids)
            batch.cae_job_validate(first.ids)
            self.assertEqual(batch.job_done_count, 2)
            trap.perform_enqueued_jobs()
        self.assertEqual(batch.job_state, "done")
        self.assertEqual(
            self._numbers(), [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12)]
        )
        entries = self.drafts.move_ids | self.drafts.release_ids.move_ids
        self.assertEqual(len(entries), 18)
        self.assertEqual(
            self.env["cae.share.line"].search_count(
                [("company_id", "=", self.company.id)]
            ),
            12,
        )

    def test_a_failed_chunk_is_reported_then_retried(self):
        """The third subscription is for Bob, an entrepreneur: class B is
        not open to him. Its chunk fails, and the next one is not validated;
        once the subscription is given to Martin, the retry registers both
        chunks after the first, in order."""
        wrong = self.drafts[2]
        wrong.associate_id = self.assoc_bob
        batch = self._batch()
        with trap_jobs() as trap:
            batch.action_validate()
            trap.perform_enqueued_jobs()
        self.assertRecordValues(
            batch,
            [
                {
                    "job_state": "failed",
                    "job_done_count": 2,
                    "job_error_count": 4,
                    "registered_count": 2,
                }
            ],
        )
        self.assertEqual(batch.job_failed_ids, self.drafts[2:].ids)
        self.assertIn("ne peuvent pas être détenues", batch.job_error_message)
        self.assertIn("Non validée", batch.job_error_message)
        self.assertTrue(
            batch.job_summary.startswith(
                "Terminé avec des erreurs : 2 sur 6 traités, 4 en erreur."
            ),
            batch.job_summary,
        )
        self.assertEqual(set(self.drafts[2:].mapped("state")), {"draft"})
        self.assertEqual(
            self.env["cae.share.register"]._get_for_company(self.company).next_number,
            5,
        )
        wrong.associate_id = self.assoc_martin
        with trap_jobs() as trap:
            batch.action_cae_job_retry()
            trap.assert_jobs_count(2)
            trap.perform_enqueued_jobs()
        self.assertRecordValues(
            batch, [{"job_state": "done", "job_done_count": 6, "job_error_count": 0}]
        )
        self.assertEqual(
            self._numbers(), [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12)]
        )

    def test_small_batch_at_once(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "cae_governance.share_job_chunk_size", 200
        )
        batch = self._batch(subscription_ids=self.drafts[:3].ids)
        with trap_jobs() as trap:
            batch.action_validate()
            trap.assert_jobs_count(0)
        self.assertRecordValues(
            batch,
            [{"state": "started", "job_state": "done", "job_done_count": 3}],
        )
        self.assertEqual(self._numbers()[:3], [(1, 2), (3, 4), (5, 6)])
        self.assertEqual(set(self.drafts[3:].mapped("state")), {"draft"})

    def test_bad_input_writes_nothing(self):
        batch = self._batch(date=date(2024, 12, 31))
        with self.assertRaisesRegex(UserError, "Aucune souscription en brouillon"):
            batch.action_validate()
        self.assertEqual(batch.state, "draft")
        self._subscribe(self.assoc_martin, 1, date(2025, 1, 5), self.class_b)
        done = self.Operation.search(
            [("associate_id", "=", self.assoc_martin.id), ("state", "=", "done")],
            limit=1,
        )
        batch = self._batch(subscription_ids=(self.drafts[:1] | done).ids)
        with self.assertRaisesRegex(UserError, "sont validées en masse"):
            batch.action_validate()
        self.assertEqual(batch.state, "draft")
        self.assertEqual(self.drafts[0].state, "draft")

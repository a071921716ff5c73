# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from .common import CaeBalanceCommon
from .jobs import trap_jobs

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


class TestContributionJobs(CaeBalanceCommon):
    """The contribution run of a month split into background jobs.

    March 2026: Alice invoices 1,000.00 €, Bob 300.00 €, 8.5 % of the
    turnover: 85.00 € and 25.50 €. One activity per job (chunk size 1).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Run = cls.env["cae.contribution.run"]
        cls.alice_act = cls.alice.activity_id
        cls.bob_act = cls.bob.activity_id
        cls.env["cae.contribution.rule"].create(
            {
                "name": "Rule",
                "company_id": cls.company.id,
                "date_from": "2026-01-01",
                "base": "turnover",
                "rate": 8.5,
            }
        )
        cls._post_document(cls.alice_act, "out_invoice", 1000.0, date="2026-03-10")
        cls._post_document(cls.bob_act, "out_invoice", 300.0, date="2026-03-05")
        cls.env["ir.config_parameter"].sudo().set_param(
            "cae_base.contribution_job_chunk_size", 1
        )

    def _new_run(self):
        return self.Run.with_context(lang="fr_FR").create(
            {"company_id": self.company.id, "date_from": MARCH[0], "date_to": MARCH[1]}
        )

    def _amounts(self, run):
        return {line.activity_id: line.amount for line in run.line_ids}

    def test_jobs_progress_and_summary(self):
        run = self._new_run()
        total = len(run._get_activities())
        self.assertGreaterEqual(total, 2)
        with trap_jobs() as trap:
            run.action_post()
            # One job per activity, on the contribution channel.
            trap.assert_jobs_count(total)
            self.assertEqual(
                {job.channel for job in trap.enqueued_jobs}, {"root.cae.contribution"}
            )
            self.assertRecordValues(
                run,
                [
                    {
                        "state": "draft",
                        "job_state": "running",
                        "job_total_count": total,
                        "job_done_count": 0,
                        "job_progress": 0.0,
                    }
                ],
            )
            trap.perform_enqueued_jobs()
        self.assertRecordValues(
            run,
            [
                {
                    "state": "posted",
                    "job_state": "done",
                    "job_done_count": total,
                    "job_error_count": 0,
                    "job_progress": 100.0,
                    "amount_total": 110.5,
                }
            ],
        )
        self.assertEqual(self._amounts(run), {self.alice_act: 85.0, self.bob_act: 25.5})
        self.assertEqual(run.move_id.state, "posted")
        self.assertTrue(
            run.job_summary.startswith(
                f"Terminé : {total} sur {total} traités, sans erreur. "
                "2 contribution(s), 110,50"
            ),
            run.job_summary,
        )

    def test_a_chunk_run_twice_posts_once(self):
        run = self._new_run()
        with trap_jobs() as trap:
            run.action_post()
            # Alice's chunk runs twice before the others (a retried job).
            run.cae_job_compute_lines(self.alice_act.ids)
            run.cae_job_compute_lines(self.alice_act.ids)
            self.assertEqual(len(run.line_ids), 1)
            self.assertEqual(run.job_done_count, 1)
            trap.perform_enqueued_jobs()
        self.assertEqual(run.state, "posted")
        self.assertEqual(len(run.line_ids), 2)
        self.assertEqual(run.job_done_count, run.job_total_count)
        move = run.move_id
        # Once posted, a chunk run again changes nothing.
        run.cae_job_compute_lines(self.bob_act.ids)
        self.assertEqual(len(run.line_ids), 2)
        self.assertEqual(run.move_id, move)
        entries = self.env["account.move"].search(
            [("journal_id", "=", self.company.cae_contribution_journal_id.id)]
        )
        self.assertEqual(len(entries), 1)
        self.assertEqual(run.amount_total, 110.5)

    def test_a_failed_chunk_is_reported_then_retried(self):
        run = self._new_run()
        with trap_jobs() as trap:
            run.action_post()
            # Bob's invoice is set back to draft while the jobs wait.
            invoice = self._post_document(
                self.bob_act, "out_invoice", 100.0, date="2026-03-25"
            )
            invoice.button_draft()
            trap.perform_enqueued_jobs()
        total = run.job_total_count
        self.assertRecordValues(
            run,
            [
                {
                    "state": "draft",
                    "job_state": "failed",
                    "job_done_count": total - 1,
                    "job_error_count": 1,
                    "move_id": False,
                }
            ],
        )
        self.assertEqual(run.job_failed_ids, self.bob_act.ids)
        self.assertIn("ne peut pas être comptabilisée", run.job_error_message)
        self.assertTrue(
            run.job_summary.startswith(
                f"Terminé avec des erreurs : {total - 1} sur {total} traités, "
                "1 en erreur."
            ),
            run.job_summary,
        )
        # The cause fixed, the failed part only is run again.
        invoice.action_post()
        with trap_jobs() as trap:
            run.action_cae_job_retry()
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
        self.assertRecordValues(
            run,
            [
                {
                    "state": "posted",
                    "job_state": "done",
                    "job_done_count": total,
                    "job_error_count": 0,
                }
            ],
        )
        self.assertFalse(run.job_failed_ids)
        # 400.00 × 8.5 % = 34.00 for Bob now.
        self.assertEqual(self._amounts(run), {self.alice_act: 85.0, self.bob_act: 34.0})

    def test_a_small_run_is_posted_at_once(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "cae_base.contribution_job_chunk_size", 500
        )
        run = self._new_run()
        with trap_jobs() as trap:
            run.action_post()
            trap.assert_jobs_count(0)
        total = len(run._get_activities())
        self.assertRecordValues(
            run,
            [{"state": "posted", "job_state": "done", "job_done_count": total}],
        )
        self.assertIn("sans erreur", run.job_summary)

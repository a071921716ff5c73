# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tools.sql import index_exists

from odoo.addons.cae_base.tests.jobs import trap_jobs

from .common import CaePayrollCommon


class TestPayrollJobs(CaePayrollCommon):
    """Large batches are computed, confirmed and posted by background jobs.

    Alice and Bob earn 2,000.00 € gross; Alice's activity has 5,000.00 € of
    cash, Bob's 1,000.00 € (not enough). One payslip per job (chunk size 1).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_cesa(cls.alice)
        cls._make_cesa(cls.bob)
        cls.contract_alice = cls._contract(cls.alice, wage=2000.0)
        cls.contract_bob = cls._contract(cls.bob, wage=2000.0)
        cls._fund(cls.alice.activity_id, 5000.0)
        cls._fund(cls.bob.activity_id, 1000.0)
        cls.env["ir.config_parameter"].sudo().set_param(
            "cae_payroll.job_chunk_size", "1"
        )

    def _batch(self):
        return self._run().with_context(lang="fr_FR")

    def _slip(self, run, contract):
        return run.slip_ids.filtered(lambda p: p.contract_id == contract)

    def _entries(self, run):
        return self.env["account.move"].search_count(
            [("journal_id", "=", run.journal_id.id)]
        )

    def test_compute_then_confirm_by_jobs(self):
        run = self._batch()
        with trap_jobs() as trap:
            run.action_cae_generate_payslips()
            trap.assert_jobs_count(2)
            self.assertEqual(
                {job.channel for job in trap.enqueued_jobs}, {"root.cae.payroll"}
            )
            self.assertRecordValues(
                run,
                [{"job_state": "running", "job_total_count": 2, "job_done_count": 0}],
            )
            self.assertEqual(set(run.slip_ids.mapped("state")), {"draft"})
            trap.perform_enqueued_jobs()
        self.assertEqual(set(run.slip_ids.mapped("state")), {"verify"})
        self.assertRecordValues(
            run,
            [
                {
                    "cae_job_step": "compute",
                    "job_state": "done",
                    "job_done_count": 2,
                    "job_error_count": 0,
                    "job_progress": 100.0,
                    "cae_unfunded_count": 1,
                }
            ],
        )
        self.assertEqual(
            run.job_summary,
            "Terminé : 2 sur 2 traités, sans erreur. 2 bulletins calculés ; "
            "1 attendent une décision (financement ou SMIC).",
        )
        with trap_jobs() as trap:
            run.action_cae_confirm_payslips()
            trap.assert_jobs_count(2)
            trap.perform_enqueued_jobs()
        alice = self._slip(run, self.contract_alice)
        self.assertEqual(alice.state, "done")
        self.assertEqual(alice.move_id.state, "posted")
        self.assertEqual(self._slip(run, self.contract_bob).state, "verify")
        self.assertEqual(run.job_done_count, 2)
        self.assertEqual(
            run.job_summary,
            "Terminé : 2 sur 2 traités, sans erreur. 1 bulletins confirmés et "
            "comptabilisés ; 1 attendent une décision (financement ou SMIC).",
        )
        # A chunk run again posts nothing twice.
        entries = self._entries(run)
        run.cae_job_confirm_chunk(alice.ids)
        run.cae_job_confirm_chunk((run.slip_ids - alice).ids)
        self.assertEqual(self._entries(run), entries)
        self.assertEqual(alice.state, "done")
        self.assertEqual(run.job_done_count, 2)

    def test_a_failed_chunk_is_reported_then_retried(self):
        self._fund(self.bob.activity_id, 5000.0)
        run = self._batch()
        with trap_jobs() as trap:
            run.action_cae_generate_payslips()
            trap.perform_enqueued_jobs()
        # Bob's exit on 1 February is recorded after the payslips were made.
        self.bob._do_transition(
            "exit",
            date(2026, 2, 1),
            exit_reason=self.env.ref("cae_base.exit_reason_own_company"),
        )
        entries = self._entries(run)
        with trap_jobs() as trap:
            run.action_cae_confirm_payslips()
            trap.perform_enqueued_jobs()
        alice = self._slip(run, self.contract_alice)
        bob = self._slip(run, self.contract_bob)
        self.assertEqual(alice.state, "done")
        self.assertEqual(bob.state, "verify")
        self.assertFalse(bob.move_id)
        self.assertEqual(self._entries(run), entries + 1)
        self.assertRecordValues(
            run,
            [{"job_state": "failed", "job_done_count": 1, "job_error_count": 1}],
        )
        self.assertEqual(run.job_failed_ids, bob.ids)
        self.assertIn("n'est pas entrepreneur salarié", run.job_error_message)
        self.assertTrue(
            run.job_summary.startswith(
                "Terminé avec des erreurs : 1 sur 2 traités, 1 en erreur."
            ),
            run.job_summary,
        )
        # Bob's payslip cancelled, the failed part is run again: nothing
        # is left to confirm, Alice's payslip is not posted twice.
        bob.action_payslip_cancel()
        with trap_jobs() as trap:
            run.action_cae_job_retry()
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
        self.assertRecordValues(
            run,
            [{"job_state": "done", "job_done_count": 2, "job_error_count": 0}],
        )
        self.assertEqual(self._entries(run), entries + 1)

    def test_a_small_batch_is_computed_at_once(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "cae_payroll.job_chunk_size", "100"
        )
        run = self._batch()
        with trap_jobs() as trap:
            run.action_cae_generate_payslips()
            trap.assert_jobs_count(0)
        self.assertEqual(set(run.slip_ids.mapped("state")), {"verify"})
        self.assertRecordValues(
            run, [{"job_state": "done", "job_done_count": 2, "job_total_count": 2}]
        )

    def test_chunks_keep_an_activity_whole(self):
        self.bob.activity_id = self.alice.activity_id
        payslips = self._run()._cae_generate_payslips(compute=False)
        chunks = payslips._cae_chunks(1)
        self.assertEqual(len(chunks), 1)

    def test_recomputed_lines_are_cleared_through_an_index(self):
        """Confirming a batch recomputes its payslips, deleting their lines:
        PostgreSQL clears the children's ``parent_line_id`` of each deleted
        line, by an index rather than a scan of every payslip line."""
        self.assertTrue(
            index_exists(self.env.cr, "hr_payslip_line__parent_line_id_index")
        )
        self.env.cr.execute(
            "SELECT pg_get_indexdef('hr_payslip_line__parent_line_id_index'::regclass)"
        )
        self.assertIn("(parent_line_id)", self.env.cr.fetchone()[0])

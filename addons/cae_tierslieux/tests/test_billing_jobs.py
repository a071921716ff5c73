# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.addons.cae_base.tests.jobs import trap_jobs

from .common import MONDAY, CaeTlCommon, paris

MARCH = date(2026, 3, 1)


@freeze_time("2026-04-02 07:00:00")
class TestBillingJobs(CaeTlCommon):
    """March's billing of two places, one background job per place.

    The test place: a remote worker's desk, 5 h (20.00, invoiced) and Alice's
    desk, 9 h (30.00, charged to her activity). The second place has
    nothing to bill.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.place_two = cls.env["cae.tl.place"].create(
            {
                "name": "Second place",
                "company_id": cls.company.id,
                "calendar_id": cls.calendar.id,
                "zone": "rural",
                "activity_id": cls.place_activity.id,
            }
        )
        cls.ext_desk = cls._book(cls.desks, paris(MONDAY, 9), 5)
        cls.alice_desk = cls._book(cls.desks, paris(MONDAY, 8), 9, cls.alice.partner_id)
        cls.Run = cls.env["cae.tl.billing.run"].with_context(lang="fr_FR")

    def _wizard(self):
        return (
            self.env["cae.tl.billing.wizard"]
            .with_context(lang="fr_FR")
            .create(
                {
                    "month": date(2026, 3, 15),
                    "place_ids": [(6, 0, (self.place | self.place_two).ids)],
                }
            )
        )

    def _runs(self, action):
        runs = self.Run.search(action["domain"])
        return (
            runs.filtered(lambda r: r.place_id == self.place),
            runs.filtered(lambda r: r.place_id == self.place_two),
        )

    def test_one_job_per_place(self):
        with trap_jobs() as trap:
            action = self._wizard().action_run()
            trap.assert_jobs_count(2)
            self.assertEqual(
                {job.channel for job in trap.enqueued_jobs}, {"root.cae.billing"}
            )
            run, run_two = self._runs(action)
            self.assertEqual((run | run_two).mapped("job_state"), ["running"] * 2)
            self.assertFalse(run.move_ids)
            trap.perform_enqueued_jobs()
        self.assertRecordValues(
            run,
            [
                {
                    "job_state": "done",
                    "job_done_count": 1,
                    "job_total_count": 1,
                    "job_progress": 100.0,
                    "booking_count": 2,
                    "amount_invoiced": 20.0,
                    "amount_internal": 30.0,
                }
            ],
        )
        self.assertEqual(
            run.job_summary,
            "Terminé : 1 sur 1 traités, sans erreur. "
            "2 réservations facturées sur 2 pièces.",
        )
        self.assertEqual(run_two.job_state, "done")
        self.assertFalse(run_two.move_ids)
        # The job run again bills nothing twice.
        moves = run.move_ids
        run.cae_job_bill()
        self.assertEqual(run.move_ids, moves)
        self.assertEqual(self.ext_desk.move_id.amount_untaxed, 20.0)

    def test_a_failed_place_is_reported_then_retried(self):
        with trap_jobs() as trap:
            action = self._wizard().action_run()
            run, run_two = self._runs(action)
            # The place's activity is removed while the jobs wait.
            self.place.activity_id = False
            trap.perform_enqueued_jobs()
        self.assertRecordValues(
            run, [{"job_state": "failed", "job_error_count": 1, "job_done_count": 0}]
        )
        self.assertFalse(run.move_ids)
        self.assertFalse(self.ext_desk.move_id, "rolled back with the place")
        self.assertIn("Indiquez l'activité du lieu", run.job_error_message)
        self.assertTrue(
            run.job_summary.startswith(
                "Terminé avec des erreurs : 0 sur 1 traités, 1 en erreur."
            ),
            run.job_summary,
        )
        self.assertEqual(run_two.job_state, "done")
        self.place.activity_id = self.place_activity
        with trap_jobs() as trap:
            run.action_cae_job_retry()
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
        self.assertRecordValues(
            run,
            [
                {
                    "job_state": "done",
                    "job_done_count": 1,
                    "job_error_count": 0,
                    "booking_count": 2,
                }
            ],
        )

    def test_one_place_is_billed_at_once(self):
        with trap_jobs() as trap:
            run = self.Run._bill_places(self.place, MARCH)
            trap.assert_jobs_count(0)
        self.assertEqual(run.booking_count, 2)
        self.assertEqual(run.job_state, "done")

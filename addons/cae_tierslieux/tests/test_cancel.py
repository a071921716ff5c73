# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import MONDAY, CaeTlCommon, local, paris


class TestCancellation(CaeTlCommon):
    """Cancellation deadline (24 h before the start here) and the place's rule."""

    def setUp(self):
        super().setUp()
        with freeze_time("2026-03-02 07:00:00"):
            self.booking = self._book(self.room, paris(MONDAY, 10), 2)
        self.assertEqual(self.booking.amount, 10.0)
        self.self_service = self.booking.with_context(cae_tl_self_service=True)

    @freeze_time("2026-03-08 08:59:00")  # 25 h 01 before 10:00 Paris
    def test_in_time_is_free(self):
        self.assertTrue(self.self_service._can_self_cancel())
        self.self_service.action_cancel()
        self.assertRecordValues(
            self.booking,
            [{"state": "cancelled", "late_cancel": False, "amount": 0.0}],
        )

    @freeze_time("2026-03-08 09:30:00")  # 23 h 30 before
    def test_late_is_charged(self):
        self.assertEqual(self.place.late_cancel_policy, "charge")
        self.self_service.action_cancel()
        self.assertRecordValues(
            self.booking,
            [{"state": "cancelled", "late_cancel": True, "amount": 10.0}],
        )
        # The room is free again for someone else.
        self._book(self.room, paris(MONDAY, 10), 2, self.walker)

    @freeze_time("2026-03-08 09:30:00")
    def test_late_is_refused(self):
        self.place.late_cancel_policy = "refuse"
        self.assertFalse(self.self_service._can_self_cancel())
        deadline = local(self.env, date(2026, 3, 8), 10)
        with self.assertRaisesRegex(
            UserError, f"can no longer be cancelled: the deadline was {deadline}"
        ):
            self.self_service.action_cancel()
        self.assertEqual(self.booking.state, "confirmed")

    @freeze_time("2026-03-08 09:30:00")
    def test_facilitator_cancels_late_for_free(self):
        self.place.late_cancel_policy = "refuse"
        self.booking.action_cancel()
        self.assertRecordValues(
            self.booking, [{"state": "cancelled", "late_cancel": False, "amount": 0.0}]
        )

    @freeze_time("2026-03-10 09:30:00")
    def test_done_cannot_be_cancelled(self):
        self.env["cae.tl.booking"]._cron_mark_done()
        self.assertEqual(self.booking.state, "done")
        with self.assertRaisesRegex(UserError, "is done or billed"):
            self.booking.action_cancel()

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time

from .common import CaeCommon


class TestDeadlines(CaeCommon):
    def _followup(self, entrepreneur, when, kind="individual"):
        return self.env["cae.followup"].create(
            {
                "entrepreneur_id": entrepreneur.id,
                "date": when,
                "kind": kind,
                "subject": "Point",
                "advisor_id": entrepreneur.advisor_id.id,
            }
        )

    def _alerts(self, entrepreneur):
        self.env["cae.entrepreneur"].cron_check_deadlines()
        return entrepreneur.deadline_alert, entrepreneur.followup_alert

    def _cape_then_cesa(self, entrepreneur, cape_start):
        """A CAPE of 12 months, then the CESA the day after it ends."""
        entrepreneur._do_transition("cape", cape_start)
        entrepreneur._do_transition(
            "cesa", entrepreneur.cape_date_end + timedelta(days=1)
        )

    @freeze_time("2026-08-01")
    def test_deadline_alert_six_months_before(self):
        # Deadline 2027-02-01: exactly 6 months away on 2026-08-01.
        self._cape_then_cesa(self.alice, date(2024, 2, 1))
        self._followup(self.alice, date(2026, 3, 1))
        self._followup(self.alice, date(2026, 6, 1))
        self.assertEqual(self._alerts(self.alice), (True, False))
        # Bob's deadline is one day further: no alert yet.
        self._cape_then_cesa(self.bob, date(2024, 2, 2))
        self._followup(self.bob, date(2026, 3, 1))
        self._followup(self.bob, date(2026, 6, 1))
        self.assertEqual(self._alerts(self.bob), (False, False))

    @freeze_time("2027-06-01")
    def test_no_deadline_alert_during_a_cape_alone(self):
        """L7331-3 counts from the CESA: a CAPE alone has no associate deadline,
        however long ago it started."""
        self.alice._do_transition("cape", date(2024, 2, 1))
        self.assertFalse(self.alice.associate_deadline)
        self.assertFalse(self._alerts(self.alice)[0])

    @freeze_time("2026-08-01")
    def test_no_deadline_alert_once_associate(self):
        self._cape_then_cesa(self.alice, date(2024, 2, 1))
        self.alice._do_transition("associate", date(2026, 7, 1))
        deadline_alert, _followup_alert = self._alerts(self.alice)
        self.assertFalse(deadline_alert)
        self.assertTrue(self.alice.associate_deadline_met)

    @freeze_time("2026-08-01")
    def test_followup_alert_counts_this_year_only(self):
        self.alice._do_transition("cape", date(2025, 2, 1))
        self._followup(self.alice, date(2025, 12, 15))
        self._followup(self.alice, date(2026, 4, 1))
        self.assertEqual(self.alice.followup_count, 1)
        self.assertEqual(self.alice.last_followup_date, date(2026, 4, 1))
        self.assertTrue(self._alerts(self.alice)[1])
        self._followup(self.alice, date(2026, 7, 1))
        self.assertEqual(self.alice.followup_count, 2)
        self.assertFalse(self._alerts(self.alice)[1])

    @freeze_time("2026-08-01")
    def test_candidates_need_no_followup(self):
        self.assertEqual(self._alerts(self.alice), (False, False))

    @freeze_time("2026-08-01")
    def test_cron_gives_the_advisor_one_todo(self):
        self._cape_then_cesa(self.alice, date(2024, 2, 1))
        self.env["cae.entrepreneur"].cron_check_deadlines()
        self.env["cae.entrepreneur"].cron_check_deadlines()
        deadline_type = self.env.ref("cae_base.mail_activity_type_associate_deadline")
        followup_type = self.env.ref("cae_base.mail_activity_type_followup_missing")
        activities = self.alice.activity_ids
        self.assertEqual(
            sorted(activities.mapped("activity_type_id.id")),
            sorted([deadline_type.id, followup_type.id]),
        )
        self.assertEqual(activities.user_id, self.advisor)
        self.assertIn(
            "01/02/2027",
            activities.filtered(lambda a: a.activity_type_id == deadline_type).summary,
        )

    @freeze_time("2026-08-01")
    def test_list_filters_find_flagged_entrepreneurs(self):
        self._cape_then_cesa(self.alice, date(2024, 2, 1))
        self.bob._do_transition("cape", date(2026, 2, 1))
        self.env["cae.entrepreneur"].cron_check_deadlines()
        Entrepreneur = self.env["cae.entrepreneur"]
        soon = Entrepreneur.search(
            [("deadline_alert", "=", True), ("company_id", "=", self.company.id)]
        )
        missing = Entrepreneur.search(
            [("followup_alert", "=", True), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(soon, self.alice)
        self.assertEqual(missing, self.alice | self.bob)

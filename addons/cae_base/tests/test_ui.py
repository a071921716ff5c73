# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def setUp(self):
        super().setUp()
        # Read the add-ons' manifests once, before the browser's parallel
        # requests: CPython 3.11.7 may fail to parse them in several threads
        # at once ("AST constructor recursion depth mismatch").
        self.assertTrue(http.root.statics)

    def test_entrepreneur_path_tour(self):
        """An advisor, in French: candidate → CAPE → CESA on the same day, a
        follow-up meeting, then the entrepreneurs near their deadline."""
        advisor = new_test_user(
            self.env,
            login="tour_advisor",
            groups="base.group_user,cae_base.group_cae_advisor",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        today = date.today()
        # Followed already: a 12-month CAPE, then the CESA 21 months ago; the
        # associate deadline (3 years less the CAPE) is 3 months away.
        near = self.env["cae.entrepreneur"].create(
            {
                "name": "Déborah Échéance",
                "advisor_id": advisor.id,
                "info_meeting_date": today - relativedelta(months=34),
            }
        )
        cape_start = today - relativedelta(months=33)
        cape_end = cape_start + relativedelta(months=12) - timedelta(days=1)
        near._do_transition("cape", cape_start, cape_date_end=cape_end)
        near._do_transition("cesa", cape_end + timedelta(days=1))
        self.assertTrue(near.deadline_alert)
        self.start_tour(
            "/odoo/action-cae_base.cae_entrepreneur_action",
            "cae_entrepreneur_path_tour",
            login="tour_advisor",
        )
        entrepreneur = self.env["cae.entrepreneur"].search(
            [("name", "=", "Martine Tourneur")]
        )
        self.assertEqual(entrepreneur.activity_id.name, "Atelier Tourneur")
        self.assertEqual(
            [(s.stage, s.date_start, s.date_end) for s in entrepreneur._sorted_steps()],
            [
                ("candidate", today, today),
                ("cape", today, today),
                ("cesa", today, False),
            ],
        )
        self.assertEqual(
            entrepreneur.trial_end_date,
            today + relativedelta(months=2) - timedelta(days=1),
        )
        self.assertEqual(
            entrepreneur.associate_deadline, today + relativedelta(years=3)
        )
        self.assertEqual(
            entrepreneur.followup_ids.mapped("subject"), ["Point de démarrage du CESA"]
        )

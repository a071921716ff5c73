# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_entrepreneur_path_tour(self):
        """A staff member creates an entrepreneur and moves them to CESA."""
        advisor = new_test_user(
            self.env,
            login="tour_advisor",
            groups="base.group_user,cae_base.group_cae_advisor",
            lang="en_US",
            tz="Europe/Paris",
        )
        # Cards already on the board: the kanban renders entrepreneurs with
        # alerts and deadlines before the new one is created.
        followed = self.env["cae.entrepreneur"].create(
            {
                "name": "Already Followed",
                "advisor_id": advisor.id,
                "info_meeting_date": date(2022, 12, 1),
            }
        )
        followed._do_transition("cape", date(2023, 1, 2))
        self.start_tour(
            "/odoo/action-cae_base.cae_entrepreneur_action",
            "cae_entrepreneur_path_tour",
            login="tour_advisor",
        )
        entrepreneur = self.env["cae.entrepreneur"].search(
            [("name", "=", "Martine Tourneur")]
        )
        self.assertEqual(entrepreneur.stage, "cesa")
        self.assertEqual(
            entrepreneur.path_step_ids.mapped("stage"), ["candidate", "cape", "cesa"]
        )
        self.assertEqual(entrepreneur.activity_id.name, "Atelier Tourneur")
        self.assertTrue(entrepreneur.cape_date_end < entrepreneur.cesa_date_start)

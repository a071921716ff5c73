# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_project_tour(self):
        """A staff member creates a CJS with a minor youth and its key."""
        new_test_user(
            self.env,
            login="tour_cjs_advisor",
            groups="base.group_user,cae_base.group_cae_advisor",
            lang="en_US",
            tz="Europe/Paris",
        )
        self.start_tour(
            "/odoo/action-cae_cjs.cae_cjs_project_action",
            "cae_cjs_project_tour",
            login="tour_cjs_advisor",
        )
        project = self.env["cae.cjs.project"].search(
            [("name", "=", "CJS de la Tournée")]
        )
        self.assertEqual(project.kind, "cjs")
        self.assertEqual(project.distribution_key, "hours")
        self.assertEqual(project.activity_id.kind, "project")
        self.assertEqual(project.analytic_account_id.name, "CJS de la Tournée")
        youth = project.participant_ids
        self.assertRecordValues(
            youth,
            [
                {
                    "name": "Nina Tourneur",
                    "guardian_name": "Paul Tourneur",
                    "guardian_consent": True,
                    "age": 17,
                    "is_minor": True,
                }
            ],
        )
        today = fields.Date.context_today(project)
        self.assertEqual(project.date_start, today + relativedelta(months=1))

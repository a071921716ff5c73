# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_ballots_tour(self):
        """A facilitator runs the ballots of a youths' assembly in the web
        client: 3 youths present, 2 for and 1 against."""
        facilitator = new_test_user(
            self.env,
            login="tour_cjs_facilitator",
            groups="base.group_user,cae_cjs.group_cjs_facilitator",
            lang="en_US",
            tz="Europe/Paris",
        )
        project = self.env["cae.cjs.project"].create(
            {
                "name": "Flashcoop du Tour",
                "kind": "flashcoop",
                "date_start": date(2026, 6, 1),
                "facilitator_ids": [Command.set(facilitator.ids)],
            }
        )
        youths = self.env["cae.cjs.participant"].create(
            [
                {"project_id": project.id, "name": name, "birth_date": date(2000, 1, 1)}
                for name in ("Alix", "Basile", "Capucine")
            ]
        )
        assembly = self.env["cae.cjs.assembly"].create(
            {
                "project_id": project.id,
                "name": "Assemblée du Tour",
                "date": date(2026, 6, 2),
                "present_ids": [Command.set(youths.ids)],
                "decision_ids": [Command.create({"name": "Vendre des crêpes"})],
            }
        )
        self.start_tour(
            f"/odoo/action-cae_cjs.cae_cjs_assembly_action/{assembly.id}",
            "cae_cjs_ballots_tour",
            login="tour_cjs_facilitator",
        )
        self.assertRecordValues(
            assembly.decision_ids,
            [
                {
                    "votes_for": 2,
                    "votes_against": 1,
                    "votes_abstain": 0,
                    "result": "adopted",
                }
            ],
        )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common_assembly import CaeAssemblyCommon


@tagged("post_install", "-at_install")
class TestAssemblyUi(CaeAssemblyCommon, HttpCase):
    ASSOCIATES = 3

    def test_associate_votes_on_the_portal(self):
        """An associate logs into the portal and votes in a browser."""
        user = new_test_user(
            self.env,
            login="tour_associee",
            name="Odile Votante",
            groups="base.group_portal",
            company_id=self.company.id,
            company_ids=[self.company.id],
            lang="fr_FR",
            tz="Europe/Paris",
        )
        member = self._make_associates_of(user.partner_id)
        document = self.env["ir.attachment"].create(
            {
                "name": "Comptes annuels.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 comptes"),
                "mimetype": "application/pdf",
            }
        )
        assembly = self._opened(
            resolutions=[
                {
                    "name": "Approbation des comptes",
                    "attachment_ids": [Command.link(document.id)],
                }
            ]
        )
        self.assertEqual(self._line(assembly, member).state, "absent")
        self.start_tour(
            "/my/assemblies", "cae_assembly_vote_tour", login="tour_associee"
        )
        resolution = assembly.resolution_ids
        self.assertRecordValues(resolution, [{"count_for": 1, "voter_count": 1}])
        participation = self.env["cae.assembly.participation"].search(
            [("resolution_id", "=", resolution.id)]
        )
        self.assertRecordValues(
            participation,
            [{"associate_id": member.id, "cast_by_id": member.id, "channel": "online"}],
        )
        # Voting online, she took part remotely.
        self.assertEqual(self._line(assembly, member).state, "remote")

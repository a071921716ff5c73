# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command

from odoo.addons.cae_cjs.tests.common import CjsMixin
from odoo.addons.cae_governance.tests.common_assembly import CaeAssemblyCommon


class CjsBallotCommon(CjsMixin, CaeAssemblyCommon):
    """Three associates of the cooperative (company A), the projects of
    ``CjsMixin`` and a youths' assembly of the Flashcoop: six participants,
    the first five present, two decisions to vote."""

    ASSOCIATES = 3

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cjs()
        names = ("Anna", "Bruno", "Chloé", "Dylan", "Emma", "Farid")
        cls.youths = cls.Participant.create(
            [
                {
                    "project_id": cls.flashcoop.id,
                    "name": name,
                    "birth_date": date(2000, 1, 1),
                }
                for name in names
            ]
        )
        cls.present = cls.youths[:5]
        cls.cjs_assembly = cls.env["cae.cjs.assembly"].create(
            {
                "project_id": cls.flashcoop.id,
                "name": "Assemblée des coopérants",
                "date": date(2026, 6, 2),
                "present_ids": [Command.set(cls.present.ids)],
                "decision_ids": [
                    Command.create({"sequence": 1, "name": "Nom : La Fabrique"}),
                    Command.create(
                        {
                            "sequence": 2,
                            "name": "Partage aux heures",
                            "description": "Clé de répartition : heures travaillées",
                        }
                    ),
                ],
            }
        )
        cls.name_decision, cls.key_decision = cls.cjs_assembly.decision_ids

    @staticmethod
    def _voter(ballots, participant):
        return ballots.attendance_ids.associate_id.filtered(
            lambda a: a.cjs_participant_id == participant
        )

    def _paper(self, resolution, choices):
        """``{participant: choice}`` through the paper-ballot wizard."""
        ballots = resolution.assembly_id
        return resolution._record_paper_votes(
            {self._voter(ballots, p).id: choice for p, choice in choices.items()}
        )

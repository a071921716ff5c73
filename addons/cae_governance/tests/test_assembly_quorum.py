# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.exceptions import UserError

from .common_assembly import ASSEMBLY_DATE, CaeAssemblyCommon


class TestAssemblyQuorum(CaeAssemblyCommon):
    """20 associates: a quarter is 5, a fifth is 4."""

    def test_default_rules_of_the_company(self):
        self.assertRecordValues(
            self.types["ordinary"] | self.types["extraordinary"] | self.types["board"],
            [
                {"quorum_first": "1/4", "quorum_second": "0", "majority": "simple"},
                {
                    "quorum_first": "1/4",
                    "quorum_second": "1/5",
                    "majority": "two_thirds",
                },
                {"quorum_first": "1/2", "quorum_second": "1/2", "majority": "simple"},
            ],
        )
        self.assertFalse(self.types["ordinary"].abstention_counts)

    def test_register_and_live_quorum(self):
        assembly = self._convened("ordinary")
        self.assertEqual(len(assembly.attendance_ids), 20)
        self.assertEqual(set(assembly.attendance_ids.mapped("state")), {"absent"})
        self.assertRecordValues(
            assembly,
            [
                {
                    "state": "convened",
                    "quorum": "1/4",
                    "electorate_count": 20,
                    "participant_count": 0,
                    "quorum_required_count": 5,
                    "quorum_reached": False,
                }
            ],
        )
        self._attend(assembly, self.associates[:3])
        self._attend(assembly, self.associates[3:4], "remote")
        self._represent(assembly, self.associates[4], self.associates[0])
        self.assertRecordValues(
            assembly,
            [
                {
                    "present_count": 3,
                    "remote_count": 1,
                    "represented_count": 1,
                    "absent_count": 15,
                    "participant_count": 5,
                    "quorum_reached": True,
                    "participation_rate": 25.0,
                }
            ],
        )

    def test_exactly_a_quarter_opens(self):
        assembly = self._convened("ordinary", self.associates[:5])
        assembly.action_open_votes()
        self.assertEqual(assembly.state, "open")
        self.assertTrue(assembly.votes_opened_at)

    def test_one_below_a_quarter_cannot_open(self):
        assembly = self._convened("ordinary", self.associates[:4])
        with self.assertRaises(UserError) as error:
            assembly.action_open_votes()
        message = str(error.exception)
        self.assertIn("4 associates present, remote or represented out of 20", message)
        self.assertIn("5 needed (1/4 at first call)", message)
        self.assertEqual(assembly.state, "convened")
        french = self._convened("ordinary", self.associates[:4])
        with self.assertRaises(UserError) as error:
            french.with_context(lang="fr_FR").action_open_votes()
        self.assertIn("Le quorum", str(error.exception))

    def test_second_call_of_an_ordinary_assembly(self):
        first = self._convened(
            "ordinary",
            self.associates[:2],
            resolutions=[{"name": "Comptes"}, {"name": "Affectation du résultat"}],
        )
        with self.assertRaises(UserError):
            first.action_second_call()  # not closed yet
        first.action_close()
        self.assertEqual(first.state, "closed")
        self.assertFalse(first.votes_opened_at)
        action = first.action_second_call()
        second = self.Assembly.browse(action["res_id"])
        self.assertRecordValues(
            second,
            [
                {
                    "state": "draft",
                    "call_number": "second",
                    "first_call_id": first.id,
                    "quorum": "0",
                    "date": ASSEMBLY_DATE + timedelta(days=15),
                }
            ],
        )
        self.assertEqual(
            second.resolution_ids.mapped("name"), ["Comptes", "Affectation du résultat"]
        )
        with self.assertRaises(UserError):
            first.action_second_call()  # once only
        # No quorum at second call: one associate is enough.
        second.action_convene()
        self._attend(second, self.associates[:1])
        second.action_open_votes()
        self.assertEqual(second.state, "open")

    def test_second_call_of_an_extraordinary_assembly(self):
        first = self._convened("extraordinary", self.associates[:4])
        with self.assertRaises(UserError):
            first.action_open_votes()  # 4 < a quarter of 20
        first.action_close()
        second = self.Assembly.browse(first.action_second_call()["res_id"])
        self.assertEqual(second.quorum, "1/5")
        second.action_convene()
        self._attend(second, self.associates[:3])
        with self.assertRaises(UserError):
            second.action_open_votes()  # 3 < a fifth of 20
        self._attend(second, self.associates[3:4])
        second.action_open_votes()  # exactly a fifth
        self.assertEqual(second.state, "open")

    def test_an_assembly_with_votes_has_no_second_call(self):
        assembly = self._opened("ordinary")
        assembly.action_close()
        with self.assertRaises(UserError):
            assembly.action_second_call()

    def test_board_meeting_gathers_board_members(self):
        board = self.associates[:4]
        board.board_member = True
        meeting = self._convened("board", board[:2])
        self.assertEqual(meeting.attendance_ids.associate_id, board)
        self.assertEqual(meeting.quorum_required_count, 2)
        meeting.action_open_votes()  # half of the board

    def test_electorate_is_the_associates_of_the_day(self):
        partner = self.env["res.partner"].create({"name": "Nouvelle Associée"})
        late = self._make_associates_of(
            partner, on=ASSEMBLY_DATE.date() + timedelta(days=1)
        )
        self.assertEqual(late.state, "associate")
        assembly = self._assembly()
        assembly.action_update_register()
        self.assertEqual(len(assembly.attendance_ids), 20)

    def test_quorum_must_be_a_fraction(self):
        from odoo.exceptions import ValidationError

        with self.assertRaises(ValidationError):
            self.types["ordinary"].quorum_first = "un quart"
        with self.assertRaises(ValidationError):
            self._assembly().quorum = "5/4"

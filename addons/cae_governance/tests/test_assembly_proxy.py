# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, mute_logger

from .common_assembly import CaeAssemblyCommon


class TestProxyRules(CaeAssemblyCommon):
    """Who may hold a proxy (19 associates: one proxy per holder)."""

    ASSOCIATES = 19

    def setUp(self):
        super().setUp()
        self.assembly = self._convened("ordinary")
        self.holder = self.associates[0]
        self._attend(self.assembly, self.holder)

    def test_limit_under_twenty_associates(self):
        self.assertEqual(self.assembly.proxy_limit, 1)
        self._represent(self.assembly, self.associates[1], self.holder)
        self.assertEqual(self._line(self.assembly, self.holder).proxy_count, 1)
        with self.assertRaises(ValidationError) as error:
            self._represent(self.assembly, self.associates[2], self.holder)
        self.assertIn("Associé 01 would hold 2 proxies", str(error.exception))
        self.assertIn(
            "with 19 associates, an associate may hold at most 1", str(error.exception)
        )
        self.assertEqual(self._line(self.assembly, self.associates[2]).state, "absent")

    def test_proxy_held_by_a_non_associate_is_refused(self):
        partner = self.env["res.partner"].create({"name": "Voisin Sympathisant"})
        candidate = self.env["cae.associate"].create(
            {"partner_id": partner.id, "company_id": self.company.id}
        )
        self.assertEqual(candidate.state, "candidate")
        with self.assertRaises(ValidationError) as error:
            self._represent(self.assembly, self.associates[1], candidate)
        self.assertIn(
            "Voisin Sympathisant is not an associate of CAE Test A",
            str(error.exception),
        )

    def test_proxy_held_by_a_former_associate_is_refused(self):
        former = self.associates[18]
        self.env["cae.share.operation"].create(
            {
                "operation_type": "withdrawal",
                "associate_id": former.id,
                "company_id": self.company.id,
                "share_class_id": self.share_class.id,
                "quantity": 1,
                "date": date(2026, 3, 1),
            }
        ).action_validate()
        self.assertEqual(former.state, "former")
        with self.assertRaises(ValidationError):
            self._represent(self.assembly, self.associates[1], former)

    def test_holder_on_the_register_not_represented_not_self(self):
        with self.assertRaises(ValidationError):
            self._represent(self.assembly, self.holder, self.holder)
        self._represent(self.assembly, self.associates[1], self.holder)
        with self.assertRaises(ValidationError) as error:
            self._represent(self.assembly, self.associates[2], self.associates[1])
        self.assertIn("is represented themselves", str(error.exception))
        other = self._assembly()  # not convened: empty register
        other.action_convene()
        other.attendance_ids.filtered(
            lambda line: line.associate_id == self.holder
        ).unlink()
        with self.assertRaises(ValidationError) as error:
            self._represent(other, self.associates[1], self.holder)
        self.assertIn("is not on the attendance register", str(error.exception))

    def test_represented_needs_a_holder(self):
        with self.assertRaises(ValidationError) as error:
            self._line(self.assembly, self.associates[1]).state = "represented"
        self.assertIn("Choose the associate who holds the proxy", str(error.exception))
        # The database refuses it too.
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env.cr.execute(
                SQL(
                    "UPDATE cae_assembly_attendance SET state = 'represented' "
                    "WHERE id = %s",
                    self._line(self.assembly, self.associates[1]).id,
                )
            )

    def test_proxy_counts_only_when_its_holder_takes_part(self):
        """docs/legal-rules.md, Assemblies: a proxy counts for the quorum and
        the vote only when its holder is present or remote; an absent holder
        carries nothing. A quarter of 19 is 5: the holder and 3 others
        present make 4."""
        self._attend(self.assembly, self.associates[2:5])
        absent_holder = self.associates[10]
        self._represent(self.assembly, self.associates[1], absent_holder)
        self.assertRecordValues(
            self.assembly,
            [
                {
                    "present_count": 4,
                    "represented_count": 0,
                    "void_proxy_count": 1,
                    "participant_count": 4,
                    "quorum_reached": False,
                }
            ],
        )
        with self.assertRaises(UserError):
            self.assembly.action_open_votes()
        # The holder joins by video: the proxy counts, the votes open.
        self._attend(self.assembly, absent_holder, "remote")
        self.assertRecordValues(
            self.assembly,
            [
                {
                    "remote_count": 1,
                    "represented_count": 1,
                    "void_proxy_count": 0,
                    "participant_count": 6,
                    "quorum_reached": True,
                }
            ],
        )
        self.assembly.action_open_votes()
        self.assertEqual(self.assembly.state, "open")

    def test_an_absent_holder_arriving_brings_the_proxy(self):
        """Votes open without the holder; when they vote online for the
        associate they represent, they take part (remote)."""
        self._attend(self.assembly, self.associates[2:6])
        holder = self.associates[10]
        self._represent(self.assembly, self.associates[1], holder)
        self.assembly.action_open_votes()
        self.assertEqual(self.assembly.participant_count, 5)
        self.assembly._record_online_votes(
            [
                {
                    "resolution": self.assembly.resolution_ids,
                    "associate": self.associates[1],
                    "choice": "for",
                }
            ],
            holder,
        )
        self.assertEqual(self._line(self.assembly, holder).state, "remote")
        self.assertEqual(self.assembly.participant_count, 7)

    def test_a_holder_cannot_then_be_represented(self):
        self._represent(self.assembly, self.associates[1], self.holder)
        with self.assertRaises(ValidationError) as error:
            self._represent(self.assembly, self.holder, self.associates[5])
        self.assertIn("holds the proxy of Associé 02", str(error.exception))

    def test_proxies_frozen_once_the_votes_open(self):
        self._attend(self.assembly, self.associates[1:5])
        self.assembly.action_open_votes()
        with self.assertRaises(UserError):
            self._represent(self.assembly, self.associates[6], self.holder)
        with self.assertRaises(UserError):
            self._attend(self.assembly, self.associates[1], "absent")
        # A latecomer is welcome.
        self._attend(self.assembly, self.associates[7])
        self.assertEqual(self._line(self.assembly, self.associates[7]).state, "present")


class TestProxyLimitTwenty(CaeAssemblyCommon):
    """From 20 associates, a twentieth: still one proxy at 20."""

    ASSOCIATES = 20

    def test_limit_at_twenty_associates(self):
        assembly = self._convened("ordinary", self.associates[:1])
        self.assertEqual(assembly.proxy_limit, 1)
        holder = self.associates[0]
        self._represent(assembly, self.associates[1], holder)
        with self.assertRaises(ValidationError) as error:
            self._represent(assembly, self.associates[2], holder)
        self.assertIn(
            "with 20 associates, an associate may hold at most 1", str(error.exception)
        )

    def test_limit_follows_the_dated_parameter(self):
        """A company whose statutes allow fewer proxies from 20 on: its own
        value of the twentieth (here a fortieth, so 0, never below 1), and a
        threshold lowered to 10 with a tenth: 2 proxies for 20 associates."""
        Value = self.env["cae.parameter.value"]
        parameter = self.env.ref("cae_governance.parameter_assembly_proxy_ratio")
        threshold = self.env.ref("cae_governance.parameter_assembly_proxy_threshold")
        Value.create(
            [
                {
                    "parameter_id": parameter.id,
                    "company_id": self.company.id,
                    "date_from": date(2026, 1, 1),
                    "value": 0.1,
                },
                {
                    "parameter_id": threshold.id,
                    "company_id": self.company.id,
                    "date_from": date(2026, 1, 1),
                    "value": 10,
                },
            ]
        )
        assembly = self._convened("ordinary", self.associates[:1])
        self.assertEqual(assembly.proxy_limit, 2)
        holder = self.associates[0]
        self._represent(assembly, self.associates[1], holder)
        self._represent(assembly, self.associates[2], holder)
        self.assertEqual(self._line(assembly, holder).proxy_count, 2)

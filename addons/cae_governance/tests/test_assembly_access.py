# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common_assembly import CaeAssemblyCommon


class TestAssemblyAccess(CaeAssemblyCommon):
    """Associates see the assemblies they are convened to and their own
    votes; ballots are for managers only; companies stay apart."""

    ASSOCIATES = 6

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env,
            login="associe_portail",
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.member = cls._make_associates_of(cls.portal_user.partner_id)
        cls.assembly = cls._opened()
        cls.draft = cls._assembly()
        cls._vote(cls.assembly.resolution_ids, {cls.member: "for"})

    def test_portal_associate(self):
        Assembly = self.env["cae.assembly"].with_user(self.portal_user)
        self.assertEqual(Assembly.search([]), self.assembly)
        with self.assertRaises(AccessError):
            self.draft.with_user(self.portal_user).read(["name"])
        lines = (
            self.env["cae.assembly.attendance"].with_user(self.portal_user).search([])
        )
        self.assertEqual(lines.associate_id, self.member)
        participations = (
            self.env["cae.assembly.participation"]
            .with_user(self.portal_user)
            .search([])
        )
        self.assertEqual(participations.associate_id, self.member)
        with self.assertRaises(AccessError):
            self.env["cae.assembly.ballot"].with_user(self.portal_user).search([])
        with self.assertRaises(AccessError):
            self.env["cae.assembly.participation"].with_user(self.portal_user).create(
                {
                    "resolution_id": self.assembly.resolution_ids.id,
                    "assembly_id": self.assembly.id,
                    "company_id": self.company.id,
                    "associate_id": self.associates[0].id,
                    "cast_by_id": self.member.id,
                    "channel": "online",
                }
            )
        # The results are for everyone convened.
        resolution = self.assembly.resolution_ids.with_user(self.portal_user)
        self.assertEqual(resolution.count_for, 1)

    def test_staff(self):
        self.assertEqual(
            self.env["cae.assembly"].with_user(self.advisor).search([]),
            self.assembly | self.draft,
        )
        with self.assertRaises(AccessError):
            self.assembly.with_user(self.advisor).write({"place": "Ailleurs"})
        with self.assertRaises(AccessError):
            self.env["cae.assembly.ballot"].with_user(self.accountant).search([])
        ballots = (
            self.env["cae.assembly.ballot"]
            .with_user(self.manager)
            .search([("assembly_id", "=", self.assembly.id)])
        )
        self.assertEqual(len(ballots), 1)
        with self.assertRaises(AccessError):
            ballots.with_user(self.manager).unlink()
        self.assembly.with_user(self.manager).place = "Salle du conseil"

    def test_other_company(self):
        assembly_b = (
            self.env["cae.assembly"]
            .with_user(self.advisor_b)
            .with_context(allowed_company_ids=[self.company_b.id])
        )
        self.assertFalse(assembly_b.search([("company_id", "=", self.company.id)]))
        with self.assertRaises(AccessError):
            assembly_b.browse(self.assembly.id).read(["name"])
        types_b = self.env["cae.assembly.type"].search(
            [("company_id", "=", self.company_b.id)]
        )
        self.assertEqual(len(types_b), 3, "each company gets the default types")

    def test_staff_and_entrepreneurs_read_the_agenda_lists(self):
        """The Resolutions menu, as the advisor, the accountant and the
        portal associate read it: numbering a resolution among the others
        of its agenda wrote those (an access error for anyone but a
        manager)."""
        second = self.env["cae.assembly.resolution"].create(
            {"name": "Deuxième point", "assembly_id": self.draft.id}
        )
        self.draft.action_convene()
        fields_spec = {
            name: {}
            for name in ("assembly_id", "number", "name", "voter_count", "result")
        }
        for user in (self.advisor, self.accountant, self.portal_user):
            records = (
                self.env["cae.assembly.resolution"]
                .with_user(user)
                .web_search_read([("assembly_id", "=", self.draft.id)], fields_spec)[
                    "records"
                ]
            )
            self.assertEqual(
                [(r["number"], r["name"]) for r in records],
                [(1, "Approbation des comptes"), (2, "Deuxième point")],
                user.login,
            )
            # A form reads one resolution: numbered among the others.
            one = self.env["cae.assembly.resolution"].with_user(user).browse(second.id)
            self.assertEqual(one.number, 2)

    def test_register_overview_is_for_the_staff(self):
        menu = self.env.ref("cae_governance.cae_share_register_menu")
        self.assertEqual(menu.groups_id, self.env.ref("cae_base.group_cae_advisor"))
        with self.assertRaises(AccessError):
            self.env["cae.share.register"].with_user(self.entrepreneur_user).search([])

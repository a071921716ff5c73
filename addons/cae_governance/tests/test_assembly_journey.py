# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.tests import HttpCase, new_test_user, tagged

from .common_assembly import CaeAssemblyCommon, pdf_text


@tagged("post_install", "-at_install")
class TestAssemblyJourney(CaeAssemblyCommon, HttpCase):
    """The staff's journey through an assembly, in the French web client:
    convene, enter attendance and a proxy in the form, see the quorum, open
    the votes; an associate votes on the portal and gets a receipt; close,
    print the minutes and the register of associates, whose PDFs have
    text."""

    ASSOCIATES = 7

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_user = new_test_user(
            cls.env,
            login="parcours_gerante",
            name="Gisèle Gérante",
            groups="base.group_user,cae_base.group_cae_manager",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            lang="fr_FR",
            tz="Europe/Paris",
        )
        cls.voter_user = new_test_user(
            cls.env,
            login="parcours_associee",
            name="Odile Votante",
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            lang="fr_FR",
            tz="Europe/Paris",
        )
        cls.voter = cls._make_associates_of(cls.voter_user.partner_id)
        cls.env["cae.assembly.type"].create(
            {
                "name": "AG ordinaire du parcours",
                "company_id": cls.company.id,
                "kind": "ordinary",
                "quorum_first": "1/4",
                "duration": 3.0,
            }
        )
        # The layout of the company's documents is configured (otherwise
        # printing opens the layout wizard first).
        cls.company.external_report_layout_id = cls.env.ref(
            "web.external_layout_standard"
        )

    def _pdf(self, report_name, docids=None, data=None, context=None):
        """The text of the PDF that ``/report/pdf/<report_name>`` renders
        for the staff member, called as the web client calls it (record ids
        in the address, or the options of ``data`` and no ids). Rendered
        here rather than over HTTP: wkhtmltopdf would fetch the page's
        assets from the test server while it serves the report request."""
        # Debian's wkhtmltopdf (unpatched Qt) draws the text of the web
        # fonts the test server serves as vector paths, which pdftotext
        # cannot read: let it fail to reach the assets, as in a plain
        # TransactionCase, so that it prints with the system's fonts.
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        Report = self.env["ir.actions.report"].with_user(self.manager_user)
        # The web client's context: the user's language.
        context = {
            **(context or {}),
            "lang": self.manager_user.lang,
            "force_report_rendering": True,
        }
        pdf, kind = Report.with_context(**context)._render_qweb_pdf(
            report_name, docids, data=data
        )
        self.assertEqual(kind, "pdf")
        return pdf_text(pdf)

    def test_staff_journey(self):
        self.start_tour(
            "/odoo/action-cae_governance.cae_assembly_action",
            "cae_assembly_journey_convene_tour",
            login="parcours_gerante",
        )
        assembly = self.Assembly.search([("name", "=", "AG du parcours")])
        self.assertRecordValues(
            assembly,
            [
                {
                    "state": "open",
                    "electorate_count": 8,
                    "present_count": 2,
                    "represented_count": 1,
                    "quorum_reached": True,
                }
            ],
        )
        self.assertEqual(
            assembly.resolution_ids.mapped("name"),
            ["Approbation des comptes 2029", "Quitus à la gérance"],
        )
        resolution, secret = assembly.resolution_ids
        self.assertEqual(assembly.resolution_ids.mapped("secret"), [False, True])
        self.assertEqual(
            self._line(assembly, self.associates[2]).proxy_holder_id,
            self.associates[0],
        )

        # The associate votes on the portal, and gets her receipt.
        self.start_tour(
            "/my/assemblies",
            "cae_assembly_journey_vote_tour",
            login="parcours_associee",
        )
        cr = self.env.cr
        cr.execute(
            "SELECT receipt_code FROM cae_assembly_ballot WHERE resolution_id = %s",
            [resolution.id],
        )
        (receipt,) = cr.fetchone()
        self.assertEqual(self._line(assembly, self.voter).state, "remote")
        # The secret ballot is sealed: nothing in the counted ballots, one
        # row in the box that names no voter and has no author nor date;
        # no figure of the secret resolution exists, for anyone.
        cr.execute(
            "SELECT count(*) FROM cae_assembly_ballot WHERE resolution_id = %s",
            [secret.id],
        )
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute(
            "SELECT choice, receipt_code FROM cae_assembly_ballot_box "
            "WHERE resolution_id = %s",
            [secret.id],
        )
        ((choice, secret_receipt),) = cr.fetchall()
        self.assertEqual(choice, "against")
        self.assertTrue(secret_receipt)
        self.assertNotEqual(secret_receipt, receipt)
        columns = self.env["cae.assembly.ballot.box"]._fields
        for name in ("associate_id", "participation_id", "create_uid", "create_date"):
            self.assertNotIn(name, columns)
        self.env.invalidate_all()
        for user in (self.manager_user, self.voter_user):
            seen = secret.with_user(user)
            self.assertRecordValues(
                seen,
                [
                    {
                        "results_available": False,
                        "count_for": 0,
                        "count_against": 0,
                        "voter_count": 0,
                        "result": False,
                    }
                ],
            )
        self.assertRecordValues(
            resolution.with_user(self.manager_user),
            [{"results_available": True, "count_for": 1, "voter_count": 1}],
        )

        self.start_tour(
            f"/odoo/action-cae_governance.cae_assembly_action/{assembly.id}",
            "cae_assembly_journey_close_tour",
            login="parcours_gerante",
        )
        self.assertEqual(assembly.state, "closed")
        self.env.invalidate_all()
        self.assertRecordValues(
            assembly.resolution_ids,
            [
                {"count_for": 1, "count_against": 0, "result": "adopted"},
                {"count_for": 0, "count_against": 1, "result": "rejected"},
            ],
        )
        self.assertEqual(secret.voter_count, 1)
        # The box is empty: the sealed ballot was counted, with its receipt.
        cr.execute(
            "SELECT count(*) FROM cae_assembly_ballot_box WHERE assembly_id = %s",
            [assembly.id],
        )
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute(
            "SELECT choice FROM cae_assembly_ballot WHERE receipt_code = %s",
            [secret_receipt],
        )
        self.assertEqual(cr.fetchall(), [("against",)])

        # The PDFs the web client downloads, as the staff member.
        text = self._pdf("cae_governance.report_assembly_minutes", assembly.ids)
        for expected in (
            "Procès-verbal",
            "AG du parcours",
            "Approbation des comptes 2029",
            "Cette résolution est adoptée",
            "Quitus à la gérance",
            "Reçus des bulletins en ligne",
            receipt,
            secret_receipt,
        ):
            self.assertIn(expected, text)

        self.start_tour(
            "/odoo/action-cae_governance.cae_share_register_print_action",
            "cae_assembly_journey_register_tour",
            login="parcours_gerante",
        )
        # The print wizard's action, sent as the web client sends it: the
        # options only (no record ids in the address).
        wizard = (
            self.env["cae.share.register.print"].with_user(self.manager_user).create({})
        )
        action = wizard.action_print_pdf()
        # With data, the web client builds /report/pdf/<name>?options=...
        # &context=...: no ids (see getReportUrl in web's report utils).
        self.assertTrue(action["data"])
        text = self._pdf(
            action["report_name"],
            None,
            data=json.loads(json.dumps(action["data"])),
            context=action["context"],
        )
        for expected in ("Registre des associés", "Associé 01", "Odile Votante"):
            self.assertIn(expected, text)

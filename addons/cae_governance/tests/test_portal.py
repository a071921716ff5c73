# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    """An associate sees their shares on the portal, nothing of others'."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.ref("base.main_company")
        cls.share_class = cls.env["cae.share.class"].create(
            {
                "name": "Parts portail",
                "code": "PORTAL",
                "company_id": company.id,
                "nominal_value": 40.0,
                "min_shares": 1,
                "allow_external": True,
            }
        )
        cls.users, cls.associates, cls.subscriptions = {}, {}, {}
        for login in ("anne_portal", "yves_portal"):
            user = new_test_user(
                cls.env,
                login=login,
                groups="base.group_portal",
                company_id=company.id,
                company_ids=[company.id],
                name=login.replace("_portal", "").title() + " Associée",
                lang="fr_FR",
            )
            associate = cls.env["cae.associate"].create(
                {"partner_id": user.partner_id.id, "company_id": company.id}
            )
            subscription = cls.env["cae.share.operation"].create(
                {
                    "operation_type": "subscription",
                    "associate_id": associate.id,
                    "company_id": company.id,
                    "share_class_id": cls.share_class.id,
                    "quantity": 5,
                    "date": date(2025, 1, 15),
                    "call_count": 2,
                }
            )
            subscription.action_validate()
            cls.users[login] = user
            cls.associates[login] = associate
            cls.subscriptions[login] = subscription

    def test_my_shares(self):
        self.authenticate("anne_portal", "anne_portal")
        response = self.url_open("/my/shares")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Parts portail", response.text)
        self.assertIn(self.subscriptions["anne_portal"].name, response.text)
        self.assertNotIn(self.subscriptions["yves_portal"].name, response.text)
        self.assertIn(
            f"/my/shares/certificate/{self.associates['anne_portal'].id}", response.text
        )
        # In French, with the payments to come: 150.00 in two calls.
        self.assertIn("Versements à venir", response.text)
        self.assertEqual(response.text.count("75,00"), 4)

    def test_own_documents(self):
        self.authenticate("anne_portal", "anne_portal")
        own = self.subscriptions["anne_portal"]
        response = self.url_open(f"/my/shares/operation/{own.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Échéancier des versements", response.text)
        response = self.url_open(
            f"/my/shares/certificate/{self.associates['anne_portal'].id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("deux cents euros", response.text)

    def test_others_documents_are_not_found(self):
        self.authenticate("anne_portal", "anne_portal")
        other = self.subscriptions["yves_portal"]
        for url in (
            f"/my/shares/operation/{other.id}",
            f"/my/shares/operation/{other.release_ids.id}",
            f"/my/shares/certificate/{self.associates['yves_portal'].id}",
            "/my/shares/operation/999999999",
            "/my/shares/certificate/999999999",
        ):
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), url)
            self.assertNotIn("Yves", response.text, url)

    def test_staff_see_their_own_shares_only(self):
        """An advisor may read the whole register in the back office; their
        portal page still shows their own shares only."""
        new_test_user(
            self.env,
            login="advisor_portal_page",
            groups="base.group_user,cae_base.group_cae_advisor",
            lang="fr_FR",
        )
        self.authenticate("advisor_portal_page", "advisor_portal_page")
        response = self.url_open("/my/shares")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Vous ne détenez aucune part", response.text)
        self.assertNotIn("Anne Associée", response.text)

    def test_public_user_redirected_to_login(self):
        response = self.url_open(
            f"/my/shares/certificate/{self.associates['anne_portal'].id}",
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

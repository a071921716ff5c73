# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import CaeAccountingCommon


@tagged("post_install", "-at_install")
class TestInvoicingPortal(CaeAccountingCommon, HttpCase):
    """/my/invoices shows an internal entrepreneur their activity's only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice_invoice = cls._invoice(cls.alice.activity_id, amount=111.0)
        cls.bob_invoice = cls._invoice(cls.bob.activity_id, amount=222.0)
        (cls.alice_invoice | cls.bob_invoice).action_post()

    def _get(self, url):
        return self.url_open(url, allow_redirects=False)

    def test_portal_invoices_of_the_activity_only(self):
        self.authenticate("entrepreneur_a", "entrepreneur_a")
        page = self._get("/my/invoices")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.alice_invoice.name, page.text)
        self.assertNotIn(self.bob_invoice.name, page.text)
        own = self._get(f"/my/invoices/{self.alice_invoice.id}")
        self.assertEqual(own.status_code, 200)
        for url in (
            f"/my/invoices/{self.bob_invoice.id}",
            f"/my/invoices/{self.bob_invoice.id}?report_type=pdf",
            f"/my/activity/document/{self.bob_invoice.id}/pdf",
        ):
            with self.subTest(url=url):
                response = self._get(url)
                # Odoo's portal redirects to /my when the document is not
                # the user's; ours answers 404.
                self.assertIn(response.status_code, (303, 403, 404))
                self.assertNotIn(self.bob_invoice.name, response.text)
                if response.status_code == 303:
                    self.assertTrue(response.headers["Location"].endswith("/my"))

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.cae_base.tests.common import CaeAccountingCommon


@tagged("post_install", "-at_install")
class TestSalePortal(CaeAccountingCommon, HttpCase):
    """The portal's quotations never show an entrepreneur another activity's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice_order, cls.bob_order = (
            cls.env["sale.order"]
            .with_company(cls.company)
            .create(
                [
                    {
                        "partner_id": cls.customer.id,
                        "company_id": cls.company.id,
                        "cae_activity_id": activity.id,
                        "order_line": [
                            Command.create(
                                {"product_id": cls.product.id, "price_unit": 10}
                            )
                        ],
                    }
                    for activity in (cls.alice.activity_id, cls.bob.activity_id)
                ]
            )
        )
        (cls.alice_order | cls.bob_order).write({"state": "sent"})

    def test_other_activity_quotation_unreachable(self):
        self.authenticate("entrepreneur_a", "entrepreneur_a")
        page = self.url_open("/my/quotes", allow_redirects=False)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn(self.bob_order.name, page.text)
        response = self.url_open(
            f"/my/orders/{self.bob_order.id}", allow_redirects=False
        )
        self.assertIn(response.status_code, (303, 403, 404))
        self.assertNotIn(self.bob_order.name, response.text)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_subscription_tour(self):
        """An accountant subscribes shares for an associate and registers
        them in the web client."""
        company = self.env.ref("base.main_company")
        new_test_user(
            self.env,
            login="tour_accountant",
            groups="base.group_user,cae_base.group_cae_accountant",
            company_id=company.id,
            company_ids=[company.id],
            lang="en_US",
            tz="Europe/Paris",
        )
        share_class = self.env["cae.share.class"].create(
            {
                "name": "Parts du tour",
                "code": "TOUR",
                "sequence": 0,
                "company_id": company.id,
                "nominal_value": 30.0,
                "min_shares": 1,
                "allow_external": True,
            }
        )
        partner = self.env["res.partner"].create({"name": "Odile Tourneur"})
        associate = self.env["cae.associate"].create(
            {"partner_id": partner.id, "company_id": company.id}
        )
        self.start_tour(
            f"/odoo/action-cae_governance.cae_associate_action/{associate.id}",
            "cae_share_subscription_tour",
            login="tour_accountant",
        )
        subscription = associate.subscription_ids
        self.assertRecordValues(
            subscription,
            [
                {
                    "state": "done",
                    "share_class_id": share_class.id,
                    "quantity": 8,
                    "amount": 240.0,
                    "amount_paid": 60.0,
                }
            ],
        )
        self.assertEqual(associate.state, "associate")
        self.assertTrue(associate.number)

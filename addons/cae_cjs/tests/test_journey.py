# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A flash cooperative from its first contract to the statements, in French.

The facilitator records a contract of 10 h of mowing at 15.00 €/h, its
quote, the hours of Anna (6 h) and Bruno (4 h), and 50 cookies sold 2.00 €
at the beach market; the accountant invoices the contract (paid) and posts
the takings; the staff closes the project; the facilitator prints the
statements. Result 150.00 + 100.00 = 250.00, shared in equal parts among
the three youths: 83.34, 83.33 and 83.33.
"""

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import CjsAccountingCommon
from .test_statements import pdf_text


@tagged("post_install", "-at_install")
class TestJourney(CjsAccountingCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.facilitator, cls.advisor, cls.accountant):
            user.write({"lang": "fr_FR", "tz": "Europe/Paris"})
        cls.project = cls.Project.create(
            {
                "name": "Flashcoop de la Plage",
                "kind": "flashcoop",
                "company_id": cls.company.id,
                "date_start": fields.Date.context_today(cls.flashcoop),
                "facilitator_ids": [(6, 0, cls.facilitator.ids)],
                "distribution_key": "equal",
            }
        )
        cls.youths = cls.Participant
        for name in ("Anna", "Bruno", "Chloé"):
            cls.youths |= cls._participant(cls.project, name)
        cls.env["cae.cjs.price"].create(
            [
                {
                    "project_id": cls.project.id,
                    "product_id": product.id,
                    "price_unit": price,
                }
                for product, price in ((cls.service, 15.0), (cls.cookies, 2.0))
            ]
        )
        cls.project.action_start()
        cls.env["res.partner"].create({"name": "Mme Durand"})

    def test_summer_of_a_flashcoop(self):
        self.start_tour(
            "/odoo", "cae_cjs_journey_facilitator_tour", login="facilitator_a"
        )
        contract = self.project.contract_ids
        self.assertRecordValues(
            contract,
            [{"state": "quoted", "amount_untaxed": 150.0, "hours_total": 10.0}],
        )
        sale = self.env["cae.cjs.event.sale"].search(
            [("project_id", "=", self.project.id)]
        )
        self.assertRecordValues(sale, [{"state": "draft", "amount_untaxed": 100.0}])

        # The accountant's part, through the buttons' methods.
        action = contract.with_user(self.accountant).action_invoice()
        invoice = self.env["account.move"].browse(action["res_id"])
        invoice.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        sale.with_user(self.accountant).action_post()
        self.assertEqual(self.project.result, 250.0)

        self.start_tour(
            "/odoo/action-cae_cjs.cae_cjs_project_action",
            "cae_cjs_journey_closing_tour",
            login="advisor_a",
        )
        self.assertEqual(self.project.state, "closed")
        self.start_tour(
            "/odoo/action-cae_cjs.cae_cjs_project_action",
            "cae_cjs_journey_statements_tour",
            login="facilitator_a",
        )
        # What the button printed, as a PDF read back (rendered here: see
        # test_statements.TestStatements._print).
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.facilitator)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("cae_cjs.report_participant_statement", self.youths.ids)
        )
        text = pdf_text(content)
        self.assertEqual(text.count("Relevé de répartition"), 3)
        shares = (("Anna", "83,34"), ("Bruno", "83,33"), ("Chloé", "83,33"))
        for name, amount in shares:
            with self.subTest(name=name):
                self.assertIn(name, text)
                self.assertIn(amount, text)

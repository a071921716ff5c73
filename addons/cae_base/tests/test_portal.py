# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CaeBalanceCommon


@tagged("post_install", "-at_install")
class TestPortal(CaeBalanceCommon, HttpCase):
    """ "My activity" on the portal: one's own activity, never another's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eve, cls.fred = (
            cls._portal_entrepreneur(login, name, business)
            for login, name, business in (
                ("portal_eve", "Eve Portail", "Eve Céramique"),
                ("portal_fred", "Fred Portail", "Fred Menuiserie"),
            )
        )
        cls.eve_invoice = cls._post_document(
            cls.eve.activity_id, "out_invoice", 1000.0, cls.sale_tax, "2026-03-15"
        )
        cls.fred_invoice = cls._post_document(
            cls.fred.activity_id, "out_invoice", 777.0, cls.sale_tax, "2026-03-15"
        )
        cls.fred_bill = cls._post_document(
            cls.fred.activity_id, "in_invoice", 55.0, date="2026-03-16"
        )
        cls.fred_expense = cls._post_expense_claim(cls.fred, 12.0, "2026-03-20")
        cls.env["cae.followup"].create(
            {
                "entrepreneur_id": cls.eve.id,
                "date": "2026-02-10",
                "advisor_id": cls.advisor.id,
                "subject": "Prix de vente des bols",
            }
        )
        cls.train = cls.env["product.product"].create(
            {
                "name": "Billet de train",
                "can_be_expensed": True,
                "company_id": cls.company.id,
            }
        )

    @classmethod
    def _portal_entrepreneur(cls, login, name, business):
        user = new_test_user(
            cls.env,
            login=login,
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            name=name,
            lang="en_US",
        )
        return cls.Entrepreneur.create(
            {
                "user_id": user.id,
                "business_name": business,
                "company_id": cls.company.id,
                "advisor_id": cls.advisor.id,
            }
        )

    def _get(self, url):
        return self.url_open(url, allow_redirects=False)

    def test_my_activity_shows_my_figures_only(self):
        self.authenticate("portal_eve", "portal_eve")
        response = self._get("/my/activity")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Eve Céramique", page)
        self.assertIn(self.eve_invoice.name, page)
        self.assertIn("Prix de vente des bols", page)
        self.assertIn("<svg", page)
        for other in (
            "Fred Menuiserie",
            self.fred_invoice.name,
            self.fred_bill.name,
            "Repas client",
        ):
            self.assertNotIn(other, page)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["cae_activity_count"]}
        )
        self.assertEqual(counters["cae_activity_count"], 1)

    def test_other_activities_are_not_reachable(self):
        """Whatever id Eve tries, nothing of Fred's activity answers."""
        self.authenticate("portal_eve", "portal_eve")
        fred = self.fred.activity_id
        own_pdf = self._get(f"/my/activity/document/{self.eve_invoice.id}/pdf")
        self.assertEqual(own_pdf.status_code, 200)
        for url in (
            f"/my/activity/{fred.id}",
            f"/my/activity/document/{self.fred_invoice.id}/pdf",
            f"/my/activity/document/{self.fred_bill.id}/pdf",
            f"/my/activity/expense/{self.fred_expense.expense_line_ids.id}",
            f"/my/activity/{fred.id}/expense/new",
            "/my/activity/document/999999999/pdf",
            f"/my/activity/{self.company.cae_cooperative_activity_id.id}",
        ):
            with self.subTest(url=url):
                self.assertIn(self._get(url).status_code, (403, 404))

    def test_who_has_no_activity(self):
        new_test_user(
            self.env,
            login="portal_customer",
            groups="base.group_portal",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        self.authenticate("portal_customer", "portal_customer")
        self.assertEqual(self._get("/my/activity").status_code, 404)
        self.authenticate(None, None)
        response = self._get("/my/activity")
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_expense_claim_tour(self):
        self.start_tour("/my/activity", "cae_portal_expense_tour", login="portal_eve")
        expense = self._portal_claims(self.eve)
        self.assertRecordValues(
            expense,
            [
                {
                    "name": "Train Bordeaux - Paris",
                    # Submitted to the accountants as an expense report.
                    "state": "submitted",
                    "cae_portal_state": "submitted",
                    "product_id": self.train.id,
                    "total_amount_currency": 42.5,
                    "employee_id": self.eve.employee_id.id,
                    "cae_activity_id": self.eve.activity_id.id,
                    "analytic_distribution": {
                        str(self.eve.activity_id.analytic_account_id.id): 100
                    },
                }
            ],
        )
        receipts = self.env["ir.attachment"].search(
            [("res_model", "=", "hr.expense"), ("res_id", "=", expense.id)]
        )
        self.assertEqual(receipts.mapped("name"), ["billet-train.pdf"])

    def test_bad_expense_inputs_in_french(self):
        Expense = self.env["hr.expense"].with_context(lang="fr_FR")
        categories = self.train
        good = {
            "name": "Taxi",
            "product_id": str(self.train.id),
            "date": "2026-03-02",
            "amount": "18,40",
        }
        values = Expense._cae_prepare_portal_expense_vals(
            self.eve, self.eve.activity_id, good, categories
        )
        self.assertEqual(values["total_amount_currency"], 18.4)
        for field, bad, message in (
            ("name", " ", "Décrivez la dépense"),
            ("product_id", str(self.expense_product.id + 999), "catégorie"),
            ("date", "2999-01-01", "dans le futur"),
            ("date", "pas une date", "date de la dépense"),
            ("amount", "-3", "montant de la dépense"),
            ("amount", "douze", "montant de la dépense"),
        ):
            with self.subTest(field=field, bad=bad):
                with self.assertRaisesText(ValidationError, message):
                    Expense._cae_prepare_portal_expense_vals(
                        self.eve, self.eve.activity_id, {**good, field: bad}, categories
                    )
        self.assertFalse(self._portal_claims(self.eve))

    def test_associate_deadline_on_the_portal(self):
        self.eve._do_transition("cesa", date.today(), trial_period_months=2)
        self.authenticate("portal_eve", "portal_eve")
        page = self._get("/my/activity").text
        self.assertIn('name="cae_associate_deadline"', page)
        self.assertIn("L7331-3", page)

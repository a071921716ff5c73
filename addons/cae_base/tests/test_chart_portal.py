# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from freezegun import freeze_time
from lxml import html

from odoo.tests import HttpCase, new_test_user, tagged

from . import test_chart_grids
from .chart_common import ChartScenarioCommon


@tagged("post_install", "-at_install")
class TestBelgianPortal(ChartScenarioCommon, HttpCase):
    """A candidate entrepreneur of a Belgian cooperative on "My activity".

    The month of ``TestBelgianChart`` (PCMN, VAT 21 %), seen on 31 March by
    the entrepreneur, in French: customers 710,00 €, suppliers −484,00 €,
    not the other way round (issue 20).
    """

    chart = "be_comp"
    country = "base.be"
    expense_account = "610000"
    claim_total = 60.5

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_fr").active = True
        cls.portal_user = new_test_user(
            cls.env,
            login="portal_be",
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
            name="Ada Chart",
            lang="fr_FR",
        )
        cls.entrepreneur.user_id = cls.portal_user
        cls._post_scenario()

    def _grid_on_the_page(self, page):
        """``{indicator code: amount}`` of the "This month" grid."""
        tree = html.fromstring(page)
        grid = tree.xpath("//table[contains(@class, 'o_cae_balance_grid')]")[0]
        values = {}
        for cell in grid.xpath(".//td[@data-code]"):
            text = cell.getnext().text_content()
            number = re.sub(r"[^\d,−-]", "", text).replace("−", "-")
            values[cell.get("data-code")] = float(number.replace(",", "."))
        return values

    @freeze_time("2026-03-31 12:00:00")
    def test_the_month_on_the_portal(self):
        self.authenticate("portal_be", "portal_be")
        response = self.url_open("/my/activity", allow_redirects=False)
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertEqual(
            self._grid_on_the_page(page), test_chart_grids.TestBelgianChart.expected
        )
        self.assertIn("Clients à encaisser", page)
        self.assertIn("Fournisseurs à payer", page)
        self.assertIn("710,00", page)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPayrollScreensInFrench(TransactionCase):
    """OCA payroll leaves part of its screens untranslated in French
    (``payroll/i18n/fr.po``): cae_payroll's ``i18n_extra/fr.po`` gives the
    labels the staff sees on the payslips and batches (the crawler found
    "Activities", "Days", "Hours", "Amount Quantity" in English)."""

    def test_payslip_and_batch_labels_in_french(self):
        french = self.env(context={"lang": "fr_FR"})
        batch = french["hr.payslip.run"].fields_get(["activity_ids"])
        self.assertEqual(batch["activity_ids"]["string"], "Activités")
        line = french["hr.payslip.input"].fields_get(["amount_qty"])
        self.assertEqual(line["amount_qty"]["string"], "Quantité du montant")
        arch = french["hr.payslip"].get_view(
            french.ref("payroll.hr_payslip_view_form").id
        )["arch"]
        labels = etree.fromstring(arch).xpath("//field/@string")
        self.assertIn("Jours", labels)
        self.assertIn("Heures", labels)
        self.assertNotIn("Days", labels)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.addons.cae_base.tests.common import CaeAccountingCommon


class CaePayrollCommon(CaeAccountingCommon):
    """Company A with the French chart, its CESA structure and helpers.

    Payslips are dated March 2026: SMIC 12.02 €/h, employee rates 16.83 %
    and 5.01 %, employer rates 36.67 % and 7.01 % (module defaults).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company._cae_payroll_setup()
        cls.structure = cls.company.cae_payroll_structure_id
        cls.journal = cls.company.cae_payroll_journal_id
        cls.date_from = date(2026, 3, 1)
        cls.date_to = date(2026, 3, 31)

    @classmethod
    def _make_cesa(cls, entrepreneur, cesa_date=date(2025, 9, 1)):
        """Take ``entrepreneur`` through a CAPE to a CESA (employee created)."""
        entrepreneur._do_transition(
            "cape", date(2025, 1, 6), cape_date_end=date(2025, 8, 31)
        )
        # No trial period: the 8 months of L7332-1 less the CAPE leave none.
        entrepreneur._do_transition("cesa", cesa_date, cape_date_end=date(2025, 8, 31))
        return entrepreneur

    @classmethod
    def _contract(cls, entrepreneur, **vals):
        return (
            cls.env["hr.contract"]
            .with_company(cls.company)
            .create(
                {
                    "name": f"CESA {entrepreneur.name}",
                    "employee_id": entrepreneur.employee_id.id,
                    "cae_is_cesa": True,
                    "date_start": date(2025, 9, 1),
                    "state": "open",
                    "wage": 0.0,
                    **vals,
                }
            )
        )

    @classmethod
    def _run(cls, name="Mars 2026"):
        return (
            cls.env["hr.payslip.run"]
            .with_company(cls.company)
            .create(
                {
                    "name": name,
                    "date_start": cls.date_from,
                    "date_end": cls.date_to,
                    "company_id": cls.company.id,
                    "journal_id": cls.journal.id,
                }
            )
        )

    @classmethod
    def _payslip(cls, contract, variable=0.0, date_from=None, date_to=None):
        payslip = (
            cls.env["hr.payslip"]
            .with_company(cls.company)
            .create(
                {
                    "employee_id": contract.employee_id.id,
                    "contract_id": contract.id,
                    "struct_id": contract.struct_id.id,
                    "date_from": date_from or cls.date_from,
                    "date_to": date_to or cls.date_to,
                    "company_id": cls.company.id,
                    "input_line_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Variable",
                                "code": "CAE_VARIABLE",
                                "contract_id": contract.id,
                                "amount": variable,
                            },
                        )
                    ],
                }
            )
        )
        payslip.compute_sheet()
        return payslip

    @classmethod
    def _fund(cls, activity, amount, day=date(2026, 3, 15)):
        """A paid customer invoice (no VAT): ``amount`` of cash on the activity."""
        invoice = cls._invoice(activity, "out_invoice", amount)
        invoice.invoice_date = day
        invoice.action_post()
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": day})._create_payments()
        return invoice

    def _lines(self, payslip):
        return {line.code: line.total for line in payslip.line_ids}

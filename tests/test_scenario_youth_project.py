# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.addons.cae_cjs.tests.common import CjsAccountingCommon

YOUTHS = (
    "Anna",
    "Bruno",
    "Chloé",
    "Dylan",
    "Emma",
    "Farid",
    "Gaëlle",
    "Hugo",
    "Inès",
    "Jules",
    "Kenza",
    "Léo",
)


class TestScenarioYouthProject(CjsAccountingCommon):
    """A summer youth cooperative (CJS) of Bègles, 1 July - 31 August 2026.

    - Twelve youths take part; Dylan is 17, his mother consented.
    - Mme Durand orders 40 h of lawn mowing at the project's price of
      15.00 €/h (no VAT): 600.00 €, quoted, invoiced on the project's
      activity and paid on 25 July. Anna (10 h), Bruno (10 h), Chloé (8 h)
      and Dylan (12 h) do the work.
    - The youths buy 120.00 € of fuel (bill unpaid at closing).
    - Alice, an entrepreneur of the cooperative, invoices 200.00 € in July:
      the contribution run (10 % of turnover) charges her, not the project.
    - The youths' assembly chooses the mixed key: half in equal shares, half
      by hours worked; the project keeps 10 % in reserve.

    Result 600 − 120 = 480.00; reserve 48.00; 432.00 shared: 216.00 equally
    (18.00 each) and 216.00 by hours (5.40 €/h): Anna and Bruno 18 + 54 =
    72.00, Chloé 18 + 43.20 = 61.20, Dylan 18 + 64.80 = 82.80, the eight
    others 18.00 each (72 + 72 + 61.20 + 82.80 + 8 × 18 = 432.00).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.cjs
        cls.project.write({"reserve_rate": 10.0, "municipality": "Bègles"})
        cls.youths = {}
        for name in YOUTHS:
            vals = {}
            birth = date(2008, 3, 1)  # 18 on 1 July 2026
            if name == "Dylan":
                birth = date(2009, 3, 1)
                vals = {"guardian_name": "Mme Martin", "guardian_consent": True}
            cls.youths[name] = cls._participant(cls.project, name, birth, **vals)
        cls.env["cae.cjs.price"].create(
            {
                "project_id": cls.project.id,
                "product_id": cls.service.id,
                "price_unit": 15.0,
            }
        )
        cls.env["cae.contribution.rule"].create(
            {
                "name": "Contribution 10 %",
                "company_id": cls.company.id,
                "date_from": date(2026, 1, 1),
                "base": "turnover",
                "rate": 10.0,
            }
        )

    def _pay(self, moves, day):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=moves.ids
        ).create({"payment_date": day})._create_payments()

    def _indicators(self, activity, codes):
        return activity._get_indicator_values(date_to=date(2026, 8, 31), codes=codes)[
            activity.id
        ]

    def test_a_summer_from_the_first_contract_to_the_distribution(self):
        activity = self.project.activity_id
        self.assertEqual(activity.kind, "project")
        with freeze_time("2026-07-01"):
            self.project.action_start()
        self.assertEqual(self.project.state, "running")
        self.assertTrue(self.youths["Dylan"].is_minor)

        # -- A contract, quoted, worked, invoiced and paid ---------------------
        with freeze_time("2026-07-06"):
            contract = self.env["cae.cjs.contract"].create(
                {
                    "project_id": self.project.id,
                    "name": "Tonte chez Mme Durand",
                    "partner_id": self.customer.id,
                    "date": date(2026, 7, 6),
                    "line_ids": [
                        (0, 0, {"product_id": self.service.id, "quantity": 40})
                    ],
                }
            )
            contract.with_user(self.facilitator).action_create_quote()
        self.assertEqual(contract.amount_untaxed, 600.0)  # 40 h × 15.00
        worked = {"Anna": (5, 5), "Bruno": (5, 5), "Chloé": (4, 4), "Dylan": (6, 6)}
        for name, days in worked.items():
            for offset, hours in enumerate(days):
                self._work(
                    self.youths[name], hours, date(2026, 7, 7 + offset), contract
                )
        self.assertEqual(contract.hours_total, 40.0)
        with freeze_time("2026-07-20"):
            action = contract.with_user(self.accountant).action_invoice()
            invoice = self.env["account.move"].browse(action["res_id"])
            invoice.action_post()
        self.assertRecordValues(
            invoice,
            [
                {
                    "cae_activity_id": activity.id,
                    "amount_untaxed": 600.0,
                    "amount_total": 600.0,
                    "invoice_date": date(2026, 7, 20),
                }
            ],
        )
        self._pay(invoice, date(2026, 7, 25))
        self.assertEqual(invoice.payment_state, "paid")

        # -- Fuel bought by the youths -----------------------------------------
        bill = self._invoice(activity, "in_invoice", 120.0)
        bill.invoice_date = date(2026, 7, 15)
        bill.action_post()

        # -- July's contribution run charges entrepreneurs only ------------------
        alice_invoice = self._invoice(self.alice.activity_id, amount=200.0)
        alice_invoice.invoice_date = date(2026, 7, 10)
        alice_invoice.action_post()
        run = self.env["cae.contribution.run"]._run_period(
            self.company, date(2026, 7, 1), date(2026, 7, 31)
        )
        # 10 % of Alice's 200.00; the project's 600.00 are not charged.
        self.assertEqual(
            {line.activity_id: line.amount for line in run.line_ids},
            {self.alice.activity_id: 20.0},
        )

        # -- The project's balance, as the accountant's grid shows it ------------
        # Cash 600.00 received, 120.00 owed to the supplier, result 480.00.
        self.assertEqual(
            self._indicators(
                activity, ["turnover", "result", "cash", "suppliers", "customers"]
            ),
            {
                "turnover": 600.0,
                "result": 480.0,
                "cash": 600.0,
                "suppliers": -120.0,
                "customers": 0.0,
            },
        )
        self.assertRecordValues(
            self.project, [{"revenue": 600.0, "costs": 120.0, "result": 480.0}]
        )

        # -- The youths' assembly chooses the key, the project is closed ---------
        assembly = self.env["cae.cjs.assembly"].create(
            {
                "project_id": self.project.id,
                "name": "Assemblée de clôture",
                "date": date(2026, 8, 28),
                "present_ids": [(6, 0, [y.id for y in self.youths.values()])],
            }
        )
        decision = self.env["cae.cjs.decision"].create(
            {
                "assembly_id": assembly.id,
                "name": "Moitié à parts égales, moitié aux heures",
                "votes_for": 10,
                "votes_against": 1,
                "votes_abstain": 1,
            }
        )
        self.assertEqual(decision.result, "adopted")
        self.project.write(
            {
                "distribution_key": "mix",
                "hours_weight": 50.0,
                "distribution_decision_id": decision.id,
            }
        )
        with freeze_time("2026-08-31"):
            self.project.action_close()
        self.assertRecordValues(
            self.project,
            [
                {
                    "state": "closed",
                    "closing_date": date(2026, 8, 31),
                    "closed_revenue": 600.0,
                    "closed_costs": 120.0,
                    "closed_result": 480.0,
                    "reserve_amount": 48.0,
                    "distributed_amount": 432.0,
                }
            ],
        )
        shares = {
            line.participant_id.name: line.amount
            for line in self.project.distribution_line_ids
        }
        expected = dict.fromkeys(YOUTHS, 18.0)
        expected.update({"Anna": 72.0, "Bruno": 72.0, "Chloé": 61.2, "Dylan": 82.8})
        self.assertEqual(shares, expected)
        # What is shared plus the reserve is the result the balance shows.
        self.assertEqual(
            round(sum(shares.values()) + self.project.reserve_amount, 2),
            self._indicators(activity, ["result"])["result"],
        )
        self.assertEqual(self.youths["Dylan"].distributed_amount, 82.8)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import CaeGovernanceCommon


@freeze_time("2026-06-30")
class TestWithdrawal(CaeGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The capital reaches 1,000.00: its floor is 250.00.
        cls._subscribe(
            cls.assoc_martin, 8, date(2025, 1, 15), cls.class_b, initial_payment=800
        )
        cls._subscribe(
            cls.assoc_scop, 2, date(2025, 2, 15), cls.class_b, initial_payment=200
        )
        cls.register = cls.env["cae.share.register"]._get_for_company(cls.company)

    def _capital(self):
        # Figures of today, computed afresh (they have no dependencies).
        self.register.invalidate_recordset()
        return self.register

    def _withdraw(self, associate, quantity, on):
        return self._operation("withdrawal", associate, quantity, on, self.class_b)

    def test_capital_floor(self):
        self._withdraw(self.assoc_martin, 5, date(2026, 1, 10)).action_validate()
        self.assertRecordValues(
            self._capital(),
            [
                {
                    "capital_subscribed": 500.0,
                    "capital_max": 1000.0,
                    "capital_floor": 250.0,
                }
            ],
        )
        withdrawal = self._withdraw(self.assoc_martin, 3, date(2026, 2, 10))
        next_number = self.register.next_number
        with self.assertRaises(UserError) as error:
            withdrawal.action_validate()
        message = str(error.exception)
        for figure in (
            f"from {self._fmt(500)} down to {self._fmt(200)}",
            f"below {self._fmt(250)}",
            "25 % of the highest capital ever reached",
            f"({self._fmt(1000)};",
            "art. 13",
        ):
            self.assertIn(figure, message)
        self.assertEqual(withdrawal.state, "draft")
        self.assertFalse(withdrawal.line_ids)
        self.assertFalse(withdrawal.move_ids)
        self.assertEqual(self.register.next_number, next_number)
        self.assertEqual(self.assoc_martin.share_count, 3)

    def test_capital_floor_reached_exactly(self):
        """Down to 250.00 exactly is allowed (not below)."""
        self._withdraw(self.assoc_martin, 7, date(2026, 1, 10)).action_validate()
        self.assertEqual(self._capital().capital_subscribed, 300.0)
        with self.assertRaises(UserError):
            self._withdraw(self.assoc_scop, 1, date(2026, 1, 11)).action_validate()
        # New subscriptions raise the highest capital, hence the floor.
        self._subscribe(
            self.assoc_scop, 2, date(2026, 2, 1), self.class_b, initial_payment=200
        )
        self.assertEqual(self._capital().capital_max, 1000.0)
        self._withdraw(self.assoc_martin, 1, date(2026, 3, 1)).action_validate()
        self.assertEqual(self._capital().capital_subscribed, 400.0)

    def test_withdraw_everything(self):
        withdrawal = self._withdraw(self.assoc_scop, 2, date(2026, 1, 10))
        withdrawal.action_validate()
        self.assertRecordValues(
            self.assoc_scop,
            [
                {
                    "state": "former",
                    "share_count": 0,
                    "exit_date": date(2026, 1, 10),
                    "admission_date": date(2025, 2, 15),
                }
            ],
        )
        self.assertEqual(withdrawal.reimbursement_due_date, date(2031, 1, 10))

    def test_losses_within_the_nominal_value(self):
        withdrawal = self._withdraw(self.assoc_martin, 1, date(2026, 1, 10))
        withdrawal.loss_per_share = 100.01
        with self.assertRaises(UserError):
            withdrawal.action_validate()

    def test_unpaid_shares_not_withdrawn(self):
        self._subscribe(self.assoc_alice, 4, date(2025, 1, 15))
        withdrawal = self._operation(
            "withdrawal", self.assoc_alice, 4, date(2026, 1, 10)
        )
        with self.assertRaises(UserError) as error:
            withdrawal.action_validate()
        self.assertIn("Only fully paid shares", str(error.exception))

    def test_reimbursement_not_before_the_withdrawal(self):
        withdrawal = self._withdraw(self.assoc_martin, 1, date(2026, 1, 10))
        withdrawal.action_validate()
        withdrawal.with_user(self.manager)._decide_early_reimbursement("Accord")
        withdrawal.write(
            {
                "reimbursement_journal_id": self.bank.id,
                "reimbursement_date": date(2026, 1, 9),
            }
        )
        with self.assertRaises(UserError):
            withdrawal.action_reimburse()
        self.assertEqual(withdrawal.state, "to_reimburse")

    def test_reimbursement_waits_for_the_statutes_delay(self):
        """Loi 47-1775, art. 18 and the statutes: the withdrawn associate is
        reimbursed after the delay they set (here 60 months); before it,
        only on a manager's decision with its reason."""
        withdrawal = self._withdraw(self.assoc_martin, 1, date(2026, 1, 10))
        withdrawal.action_validate()
        self.assertEqual(withdrawal.reimbursement_due_date, date(2031, 1, 10))
        withdrawal.reimbursement_journal_id = self.bank
        fr = withdrawal.with_context(lang="fr_FR")
        with self.assertRaisesRegex(UserError, "délai des statuts"):
            fr.action_reimburse()
        self.assertEqual(withdrawal.state, "to_reimburse")
        self.assertEqual(len(withdrawal.move_ids), 1)
        # On the due date, no decision is needed.
        withdrawal.reimbursement_date = date(2031, 1, 10)
        withdrawal.action_reimburse()
        self.assertEqual(withdrawal.state, "done")

    def test_early_reimbursement_decided_by_a_manager(self):
        withdrawal = self._withdraw(self.assoc_martin, 1, date(2026, 1, 10))
        withdrawal.action_validate()
        withdrawal.reimbursement_journal_id = self.bank
        # Not an accountant, not by writing the fields, not without reason.
        with self.assertRaisesRegex(UserError, "Seul un gérant"):
            withdrawal.with_user(self.accountant).with_context(
                lang="fr_FR"
            )._decide_early_reimbursement("Pourquoi pas")
        with self.assertRaisesRegex(UserError, "décision d'un gérant"):
            withdrawal.with_context(lang="fr_FR").write(
                {"early_reimbursement_reason": "Écrit à la main"}
            )
        manager = withdrawal.with_user(self.manager).with_context(lang="fr_FR")
        with self.assertRaisesRegex(UserError, "motif"):
            manager._decide_early_reimbursement("   ")
        action = manager.action_decide_early_reimbursement()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Décision du conseil du 2 juin 2026 : difficultés"})
        )
        wizard.action_confirm()
        self.assertRecordValues(
            withdrawal,
            [
                {
                    "early_reimbursement_user_id": self.manager.id,
                    "early_reimbursement_decision_date": date(2026, 6, 30),
                    "early_reimbursement_reason": "Décision du conseil du 2 juin "
                    "2026 : difficultés",
                }
            ],
        )
        self.assertIn(
            "Décision du conseil du 2 juin 2026",
            withdrawal.message_ids[0].body,
        )
        with self.assertRaisesRegex(UserError, "déjà décidé"):
            manager._decide_early_reimbursement("Encore")
        withdrawal.with_user(self.accountant).action_reimburse()
        self.assertEqual(withdrawal.state, "done")
        self.assertEqual(withdrawal.reimbursement_date, date(2026, 6, 30))

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import CaeCommon


class TestPath(CaeCommon):
    def _steps(self, entrepreneur):
        return [
            (s.stage, s.date_start, s.date_end) for s in entrepreneur._sorted_steps()
        ]

    def _transition(self, entrepreneur, stage, when, **values):
        wizard = Form(
            self.env["cae.path.transition"].with_context(
                default_entrepreneur_id=entrepreneur.id, default_stage=stage
            )
        )
        wizard.date = when
        for field, value in values.items():
            setattr(wizard, field, value)
        return wizard.save().action_confirm()

    def test_new_entrepreneur_is_candidate(self):
        self.assertEqual(self.alice.stage, "candidate")
        self.assertEqual(
            self._steps(self.alice), [("candidate", date(2024, 1, 10), False)]
        )
        self.assertFalse(self.alice.associate_deadline)

    def test_full_path(self):
        alice = self.alice
        alice._do_transition("cape", date(2024, 2, 1))
        self.assertEqual(alice.stage, "cape")
        self.assertEqual(alice.first_contract_date, date(2024, 2, 1))
        # Code de commerce L127-2: a CAPE of 12 months at most, planned so.
        self.assertEqual(alice.cape_date_end, date(2025, 1, 31))
        # L7331-3: no associate deadline during a CAPE alone.
        self.assertFalse(alice.associate_deadline)
        alice._do_transition(
            "cesa",
            date(2025, 2, 1),
            cape_date_end=date(2025, 1, 31),
            trial_period_months=0,
        )
        self.assertEqual(alice.stage, "cesa")
        self.assertEqual(alice.cape_date_end, date(2025, 1, 31))
        self.assertEqual(alice.cesa_date_start, date(2025, 2, 1))
        # L7332-1: the 12 months of CAPE leave no trial period.
        self.assertFalse(alice.trial_end_date)
        # L7331-3: 3 years from the CESA, less the 12 months of CAPE.
        self.assertEqual(alice.associate_deadline, date(2027, 2, 1))
        self.assertTrue(alice.employee_id, "A salaried entrepreneur is an employee")
        self.assertEqual(alice.employee_id.work_contact_id, alice.partner_id)
        alice._do_transition("associate", date(2026, 6, 1))
        self.assertEqual(alice.stage, "associate")
        self.assertTrue(alice.associate_deadline_met)
        alice._do_transition(
            "exit",
            date(2026, 9, 30),
            exit_reason=self.env.ref("cae_base.exit_reason_own_company"),
        )
        self.assertEqual(alice.stage, "exit")
        self.assertEqual(
            alice.exit_reason_id, self.env.ref("cae_base.exit_reason_own_company")
        )
        self.assertEqual(
            self._steps(alice),
            [
                ("candidate", date(2024, 1, 10), date(2024, 1, 31)),
                ("cape", date(2024, 2, 1), date(2025, 1, 31)),
                ("cesa", date(2025, 2, 1), date(2026, 5, 31)),
                ("associate", date(2026, 6, 1), date(2026, 9, 29)),
                ("exit", date(2026, 9, 30), False),
            ],
        )

    def test_direct_cesa_starts_the_deadline(self):
        self.alice._do_transition("cesa", date(2024, 3, 15))
        self.assertEqual(self.alice.associate_deadline, date(2027, 3, 15))
        self.assertFalse(self.alice.trial_end_date)

    def test_each_change_is_logged_in_the_chatter(self):
        self.alice._do_transition("cape", date(2024, 2, 1))
        bodies = self.alice.message_ids.mapped("body")
        # Dates the way the user's language writes them (French here).
        self.assertTrue(
            any("Candidate → CAPE on 01/02/2024" in body for body in bodies), bodies
        )
        self.assertTrue(
            any("Contract until 31/01/2025" in body for body in bodies), bodies
        )

    def test_cesa_while_the_cape_goes_on_is_refused(self):
        alice = self.alice
        alice._do_transition("cape", date(2024, 2, 1))
        before = self._steps(alice)
        with self.assertRaisesText(
            UserError, "ends on 30/06/2024, the CESA would start on 01/06/2024"
        ):
            alice._do_transition(
                "cesa", date(2024, 6, 1), cape_date_end=date(2024, 6, 30)
            )
        self.assertEqual(self._steps(alice), before, "Nothing half-written")
        self.assertEqual(alice.stage, "cape")

    def test_cesa_ends_the_cape_the_day_before_by_default(self):
        self.alice._do_transition("cape", date(2024, 2, 1))
        self.alice._do_transition("cesa", date(2024, 8, 1))
        self.assertEqual(self.alice.cape_date_end, date(2024, 7, 31))

    def test_cesa_refused_in_french(self):
        alice = self.alice.with_context(lang="fr_FR")
        alice._do_transition("cape", date(2024, 2, 1))
        with self.assertRaisesRegex(
            UserError, "Un CESA ne peut pas commencer tant que le CAPE continue"
        ):
            alice._do_transition(
                "cesa", date(2024, 6, 1), cape_date_end=date(2024, 7, 1)
            )

    def test_associate_needs_a_cape_or_cesa(self):
        with self.assertRaisesRegex(UserError, "without a CAPE or a CESA"):
            self.alice._do_transition("associate", date(2024, 3, 1))
        self.assertEqual(self.alice.stage, "candidate")
        self.assertEqual(len(self.alice.path_step_ids), 1)

    def test_exit_needs_a_reason(self):
        with self.assertRaisesRegex(UserError, "Give the reason why Alice Test leaves"):
            self.alice._do_transition("exit", date(2024, 3, 1))
        self.assertEqual(self.alice.stage, "candidate")
        with (
            self.assertRaisesRegex(ValidationError, "needs a reason"),
            self.cr.savepoint(),
        ):
            self.env["cae.path.step"].create(
                {
                    "entrepreneur_id": self.alice.id,
                    "stage": "exit",
                    "date_start": date(2024, 3, 1),
                }
            )

    def test_exit_reason_missing_in_french(self):
        alice = self.alice.with_context(lang="fr_FR")
        with self.assertRaisesRegex(UserError, "Indiquez pourquoi Alice Test quitte"):
            alice._do_transition("exit", date(2024, 3, 1))

    def test_going_back_needs_a_reason(self):
        self.alice._do_transition("cape", date(2024, 2, 1))
        with self.assertRaisesRegex(UserError, "needs a reason"):
            self.alice._do_transition("candidate", date(2024, 3, 1))
        self.assertEqual(self.alice.stage, "cape")
        self.alice._do_transition(
            "candidate", date(2024, 3, 1), reason="Project paused"
        )
        step = self.alice._sorted_steps()[-1]
        self.assertRecordValues(
            step,
            [{"stage": "candidate", "is_backward": True, "reason": "Project paused"}],
        )

    def test_change_on_the_day_the_stage_started(self):
        self.alice._do_transition("cape", date(2024, 1, 10))
        self.assertEqual(
            self._steps(self.alice),
            [
                ("candidate", date(2024, 1, 10), date(2024, 1, 10)),
                ("cape", date(2024, 1, 10), date(2025, 1, 9)),
            ],
        )

    def test_change_dated_before_current_stage_is_refused(self):
        self.alice._do_transition("cape", date(2024, 2, 1))
        with self.assertRaisesRegex(UserError, "cannot be dated before"):
            self.alice._do_transition("associate", date(2024, 1, 15))

    def test_same_stage_is_refused(self):
        with self.assertRaisesRegex(UserError, "already at the Candidate stage"):
            self.alice._do_transition("candidate", date(2024, 2, 1))

    def test_trial_period_longer_than_the_law_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "at most 8 months"):
            self.alice._do_transition("cesa", date(2024, 3, 1), trial_period_months=9)
        self.assertEqual(
            self._steps(self.alice), [("candidate", date(2024, 1, 10), False)]
        )
        self.alice._do_transition("cesa", date(2024, 3, 1), trial_period_months=8)
        self.assertEqual(self.alice.trial_end_date, date(2024, 10, 31))

    def test_wizard_proposes_the_end_of_the_cape(self):
        self.alice._do_transition("cape", date(2024, 2, 1))
        wizard = Form(
            self.env["cae.path.transition"].with_context(
                default_entrepreneur_id=self.alice.id, default_stage="cesa"
            )
        )
        wizard.date = date(2025, 1, 1)
        self.assertTrue(wizard.has_open_cape)
        self.assertEqual(wizard.cape_date_end, date(2024, 12, 31))
        wizard.save().action_confirm()
        self.assertEqual(self.alice.stage, "cesa")
        self.assertEqual(self.alice.cape_date_end, date(2024, 12, 31))

    def test_wizard_exit(self):
        self._transition(
            self.alice,
            "exit",
            date(2024, 5, 1),
            exit_reason_id=self.env.ref("cae_base.exit_reason_salaried_job"),
        )
        self.assertEqual(self.alice.stage, "exit")
        self.assertEqual(self.alice.exit_date, date(2024, 5, 1))

    def test_advisor_moves_followed_entrepreneur(self):
        alice = self.alice.with_user(self.advisor)
        alice._do_transition("cape", date(2024, 2, 1))
        self.assertEqual(alice.stage, "cape")

    def test_deadline_follows_the_law_in_force(self):
        """A company-specific deadline (statutes) from a date applies to the
        CESAs concluded from then on only."""
        parameter = self.env.ref("cae_base.parameter_associate_deadline_months")
        parameter.value_ids = [
            (
                0,
                0,
                {
                    "date_from": date(2024, 6, 1),
                    "value": 24,
                    "company_id": self.company.id,
                },
            )
        ]
        self.alice._do_transition("cesa", date(2024, 5, 31))
        self.bob._do_transition("cesa", date(2024, 6, 1))
        self.assertEqual(self.alice.associate_deadline, date(2027, 5, 31))
        self.assertEqual(self.bob.associate_deadline, date(2026, 6, 1))

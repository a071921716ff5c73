# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The legal rules of the entrepreneur path, each from its article's text.

Each class quotes its article; each test is one case the text names,
including its unusual paths ("le cas échéant", "ou de tout autre
contrat"). Dates are written the French way in the messages (the only
language active in the test database formats them dd/mm/yyyy).
"""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import CaeCommon


class PathLawCommon(CaeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Candidates since 2019, for paths that begin before 2024.
        cls.ana, cls.ben = cls.Entrepreneur.create(
            [
                {
                    "name": name,
                    "company_id": cls.company.id,
                    "advisor_id": cls.advisor.id,
                    "info_meeting_date": date(2019, 1, 1),
                }
                for name in ("Ana Ancienne", "Ben Ancien")
            ]
        )

    def _cesa(self, entrepreneur, when, **values):
        entrepreneur._do_transition("cesa", when, **values)
        return entrepreneur

    def _renew(self, entrepreneur, until=None):
        step = entrepreneur._sorted_steps()[-1]
        vals = {"step_id": step.id}
        if until:
            vals["date_end"] = until
        return self.env["cae.path.renewal"].create(vals)

    def _prior(self, entrepreneur, start, end, name="CDD de formatrice"):
        return self.env["cae.prior.contract"].create(
            {
                "entrepreneur_id": entrepreneur.id,
                "name": name,
                "date_start": start,
                "date_end": end,
            }
        )

    def _steps(self, entrepreneur):
        return [
            (s.stage, s.date_start, s.date_end) for s in entrepreneur._sorted_steps()
        ]


class TestAssociateDeadline(PathLawCommon):
    """Code du travail, art. L7331-3 (code.travail.gouv.fr/code-du-travail/l7331-3):

    « Dans un délai maximal de trois ans à compter de la conclusion du
    contrat mentionné à l'article L. 7331-2, l'entrepreneur salarié devient
    associé de la coopérative d'activité et d'emploi.
    Ce délai est minoré, le cas échéant, de la durée du contrat d'appui au
    projet d'entreprise pour la création ou la reprise d'une activité
    économique prévu à l'article L. 127-1 du code de commerce ou de tout
    autre contrat conclu entre les parties.
    Le contrat mentionné à l'article L. 7331-2 du présent code prend fin si
    l'entrepreneur salarié ne devient pas associé avant ce délai. »

    The contract of L7331-2 is the CESA: the 3 years run from it, less the
    time under the CAPE or any other contract concluded between the parties.
    """

    def test_no_deadline_during_a_cape_alone(self):
        """« à compter de la conclusion du contrat mentionné à l'article
        L. 7331-2 »: no CESA, no deadline."""
        self.ana._do_transition("cape", date(2024, 2, 1))
        self._renew(self.ana)
        self.assertFalse(self.ana.associate_deadline)

    def test_three_years_from_the_cesa(self):
        """No earlier contract: « le cas échéant » does not apply."""
        self._cesa(self.ana, date(2024, 3, 15))
        self.assertEqual(self.ana.associate_deadline, date(2027, 3, 15))

    def test_less_the_cape_just_before(self):
        """« minoré ... de la durée du contrat d'appui au projet
        d'entreprise »: 3 years from the CESA less the 12 months of CAPE."""
        self.ana._do_transition("cape", date(2024, 2, 1))
        self._cesa(self.ana, date(2025, 2, 1))
        self.assertEqual(self.ana.associate_deadline, date(2027, 2, 1))

    def test_a_gap_between_cape_and_cesa_does_not_count(self):
        """The CAPE ran out on 30/11/2024; the CESA is concluded two months
        later. Minored by the CAPE's 12 months only: 01/02/2027, not
        01/12/2026 (36 months from the CAPE)."""
        self.ana._do_transition("cape", date(2023, 12, 1))
        self.assertEqual(self.ana.cape_date_end, date(2024, 11, 30))
        self._cesa(self.ana, date(2025, 2, 1))
        self.assertEqual(self.ana.cape_date_end, date(2024, 11, 30))
        self.assertEqual(self.ana.associate_deadline, date(2027, 2, 1))

    def test_less_any_other_contract_between_the_parties(self):
        """« ou de tout autre contrat conclu entre les parties »: a
        fixed-term contract of 6 months, a gap, a CAPE of 9 months, a gap,
        the CESA: 3 years less 15 months."""
        self._prior(self.ana, date(2022, 1, 1), date(2022, 6, 30))
        self.ana._do_transition(
            "cape", date(2023, 1, 1), cape_date_end=date(2023, 9, 30)
        )
        self._cesa(self.ana, date(2024, 1, 1))
        self.assertEqual(self.ana.associate_deadline, date(2025, 10, 1))
        # A contract recorded afterwards counts too: 2 months less.
        self._cesa(self.ben, date(2024, 2, 1))
        self.assertEqual(self.ben.associate_deadline, date(2027, 2, 1))
        self._prior(self.ben, date(2021, 1, 1), date(2021, 2, 28))
        self.assertEqual(self.ben.associate_deadline, date(2026, 12, 1))

    def test_a_renewed_cape_counts_whole(self):
        """A CAPE of 12 months renewed for 6: 3 years less 18 months."""
        self.ana._do_transition("cape", date(2023, 1, 1))
        self._renew(self.ana, until=date(2024, 6, 30))
        self._cesa(self.ana, date(2024, 7, 1))
        self.assertEqual(self.ana.associate_deadline, date(2026, 1, 1))

    def test_an_earlier_cesa_is_a_contract_between_the_parties(self):
        """Left and came back: the first CAPE and CESA both count (23
        months), the 13 months away do not."""
        exit_reason = self.env.ref("cae_base.exit_reason_salaried_job")
        self.ana._do_transition("cape", date(2020, 1, 1))
        self._cesa(self.ana, date(2021, 1, 1))
        self.ana._do_transition("exit", date(2021, 12, 1), exit_reason=exit_reason)
        self.ana._do_transition(
            "candidate", date(2022, 11, 1), reason="Retour dans la coopérative"
        )
        self._cesa(self.ana, date(2023, 1, 1))
        self.assertEqual(self.ana.associate_deadline, date(2024, 2, 1))

    def test_cape_and_cesa_the_same_day(self):
        """The CAPE signed and ended the day the CESA starts (issue 19): that
        day counts once, for the CESA; the 3 years are whole."""
        self.alice._do_transition("cape", date(2024, 3, 1))
        self._cesa(self.alice, date(2024, 3, 1))
        self.assertEqual(
            self._steps(self.alice),
            [
                ("candidate", date(2024, 1, 10), date(2024, 2, 29)),
                ("cape", date(2024, 3, 1), date(2024, 3, 1)),
                ("cesa", date(2024, 3, 1), False),
            ],
        )
        self.assertEqual(self.alice.associate_deadline, date(2027, 3, 1))

    def test_the_rules_in_force_at_the_conclusion_of_the_cesa(self):
        """A company's own delay from a date applies to the CESAs concluded
        from then on, whatever the date of their CAPE."""
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
        self.ana._do_transition("cape", date(2024, 1, 15))
        self._cesa(self.ana, date(2024, 5, 1))
        self.ben._do_transition("cape", date(2024, 1, 15))
        self._cesa(self.ben, date(2024, 6, 1))
        self.assertEqual(self.ana.associate_deadline, date(2027, 1, 15))
        self.assertEqual(self.ben.associate_deadline, date(2026, 1, 15))

    @freeze_time("2026-12-01")
    def test_met_or_alerted(self):
        """« prend fin si l'entrepreneur salarié ne devient pas associé avant
        ce délai »: flagged in the alert window, not once an associate."""
        self.ana._do_transition("cape", date(2024, 2, 1))
        self._cesa(self.ana, date(2025, 2, 1))
        self.env["cae.entrepreneur"].cron_check_deadlines()
        self.assertTrue(self.ana.deadline_alert)
        self.ana._do_transition("associate", date(2026, 12, 1))
        self.env["cae.entrepreneur"].cron_check_deadlines()
        self.assertFalse(self.ana.deadline_alert)
        self.assertTrue(self.ana.associate_deadline_met)


class TestTrialPeriod(PathLawCommon):
    """Code du travail, art. L7332-1 (Légifrance):

    « Le contrat mentionné au 2° de l'article L. 7331-2 peut comporter une
    période d'essai dont la durée, renouvellement compris, ne peut excéder
    huit mois.
    Lorsque les parties ont préalablement conclu un contrat d'appui au
    projet d'entreprise pour la création ou la reprise d'une activité
    économique, prévu à l'article L. 127-1 du code de commerce, ou tout
    autre contrat, la durée de ces contrats est déduite de la durée prévue
    au premier alinéa du présent article. »
    """

    def test_eight_months_at_most(self):
        """« ne peut excéder huit mois »."""
        with self.assertRaisesText(ValidationError, "at most 8 months"):
            self._cesa(self.alice, date(2024, 3, 1), trial_period_months=9)
        self._cesa(self.alice, date(2024, 3, 1), trial_period_months=8)
        self.assertEqual(self.alice.trial_end_date, date(2024, 10, 31))

    def test_no_trial_after_a_cape_of_twelve_months(self):
        """« la durée de ces contrats est déduite »: 8 - 12 months leaves
        none (the test that asserted 2 months here was wrong)."""
        self.alice._do_transition("cape", date(2024, 2, 1))
        with self.assertRaisesText(ValidationError, "can have no trial period"):
            self._cesa(self.alice, date(2025, 2, 1), trial_period_months=2)
        self.assertEqual(self.alice.stage, "cape")
        self._cesa(self.alice, date(2025, 2, 1))
        self.assertFalse(self.alice.trial_end_date)

    def test_what_a_short_cape_leaves(self):
        """A CAPE of 3 months leaves 5 months of trial (until 30/09/2024)."""
        self.alice._do_transition(
            "cape", date(2024, 2, 1), cape_date_end=date(2024, 4, 30)
        )
        with self.assertRaisesText(ValidationError, "until 30/09/2024 at the latest"):
            self._cesa(self.alice, date(2024, 5, 1), trial_period_months=6)
        self._cesa(self.alice, date(2024, 5, 1), trial_period_months=5)
        self.assertEqual(self.alice.trial_end_date, date(2024, 9, 30))

    def test_or_any_other_contract_concluded_before(self):
        """« ou tout autre contrat »: a fixed-term contract of 2 months."""
        self._prior(self.alice, date(2024, 1, 1), date(2024, 2, 29))
        with self.assertRaisesText(ValidationError, "can last 6 month(s) at most"):
            self._cesa(self.alice, date(2024, 3, 1), trial_period_months=7)
        self._cesa(self.alice, date(2024, 3, 1), trial_period_months=6)

    def test_a_contract_recorded_later_is_checked_too(self):
        self._cesa(self.alice, date(2024, 3, 1), trial_period_months=8)
        with self.assertRaisesText(ValidationError, "can last 7 month(s) at most"):
            self._prior(self.alice, date(2024, 2, 1), date(2024, 2, 29))
        self.assertFalse(self.alice.prior_contract_ids)

    def test_the_wizard_proposes_what_the_law_leaves(self):
        self.alice._do_transition(
            "cape", date(2024, 2, 1), cape_date_end=date(2024, 7, 31)
        )
        wizard = Form(
            self.env["cae.path.transition"].with_context(
                default_entrepreneur_id=self.alice.id, default_stage="cesa"
            )
        )
        wizard.date = date(2024, 8, 1)
        # 8 months less 6 of CAPE: 2 months, until 30/09/2024.
        self.assertEqual(wizard.trial_period_months, 2)
        self.assertEqual(wizard.trial_period_latest_end, date(2024, 9, 30))
        self.assertFalse(wizard.trial_period_exhausted)
        wizard.date = date(2024, 7, 1)
        # The CAPE ends the day before: 5 months of it leave 3, still 2 proposed.
        self.assertEqual(wizard.cape_date_end, date(2024, 6, 30))
        self.assertEqual(wizard.trial_period_latest_end, date(2024, 9, 30))
        self.bob._do_transition("cape", date(2024, 2, 1))
        wizard = Form(
            self.env["cae.path.transition"].with_context(
                default_entrepreneur_id=self.bob.id, default_stage="cesa"
            )
        )
        wizard.date = date(2025, 2, 1)
        self.assertEqual(wizard.trial_period_months, 0)
        self.assertTrue(wizard.trial_period_exhausted)


class TestCapeTerms(PathLawCommon):
    """Code de commerce, art. L127-2: the CAPE « conclu pour une durée maximum
    de 12 mois, renouvelable deux fois » (as laloi.com summarises it with
    décret 2005-505; the article's own text could not be fetched here).

    Each term, the contract as signed and each renewal, lasts 12 months at
    most; two renewals at most: 36 months in all, never one span of 36.
    """

    def test_planned_for_twelve_months(self):
        self.alice._do_transition("cape", date(2024, 2, 1))
        self.assertEqual(self.alice.cape_date_end, date(2025, 1, 31))
        self.assertEqual(self.alice.test_contract_deadline, date(2027, 1, 31))

    def test_one_span_longer_than_twelve_months_is_refused(self):
        before = self._steps(self.alice)
        with self.assertRaisesText(
            ValidationError, "ends on 31/01/2025 at the latest, not on 31/07/2026"
        ):
            self.alice._do_transition(
                "cape", date(2024, 2, 1), cape_date_end=date(2026, 7, 31)
            )
        self.assertEqual(self._steps(self.alice), before)

    def test_renewable_twice(self):
        self.alice._do_transition("cape", date(2024, 2, 1))
        first = self._renew(self.alice)
        self.assertRecordValues(
            first, [{"date_start": date(2025, 2, 1), "date_end": date(2026, 1, 31)}]
        )
        self._renew(self.alice)
        self.assertEqual(self.alice.cape_date_end, date(2027, 1, 31))
        self.assertEqual(self.alice.cape_renewal_count, 2)
        with self.assertRaisesText(ValidationError, "renewed 2 time(s) at most"):
            self._renew(self.alice)
        self.assertEqual(self.alice.cape_date_end, date(2027, 1, 31))
        messages = self.alice.message_ids.mapped("body")
        self.assertTrue(
            any("renewed from 01/02/2025 to 31/01/2026" in m for m in messages),
            messages,
        )

    def test_each_renewal_lasts_twelve_months_at_most(self):
        self.alice._do_transition(
            "cape", date(2024, 2, 1), cape_date_end=date(2024, 7, 31)
        )
        with self.assertRaisesText(
            ValidationError, "the term from 01/08/2024 ends on 31/07/2025"
        ):
            self._renew(self.alice, until=date(2025, 12, 31))
        self._renew(self.alice, until=date(2025, 7, 31))
        self.assertEqual(self.alice.cape_date_end, date(2025, 7, 31))

    def test_only_the_current_cape_is_renewed(self):
        self.alice._do_transition("cape", date(2024, 2, 1))
        self._cesa(self.alice, date(2024, 6, 1))
        with self.assertRaisesText(UserError, "Only the current CAPE"):
            self.alice.action_renew_test_contract()
        cape = self.alice._sorted_steps().filtered(lambda s: s.stage == "cape")
        with self.assertRaisesText(UserError, "Only the current CAPE"):
            self.env["cae.path.renewal"].create({"step_id": cape.id})

    def test_the_renewal_dialog(self):
        self.alice._do_transition("cape", date(2024, 2, 1))
        action = self.alice.with_user(self.advisor).action_renew_test_contract()
        self.assertEqual(action["res_model"], "cae.path.renewal")
        renewal = Form(
            self.env[action["res_model"]]
            .with_user(self.advisor)
            .with_context(**action["context"])
        )
        # Proposed: the longest term, 12 months after the current end.
        self.assertEqual(renewal.date_start, date(2025, 2, 1))
        self.assertEqual(renewal.date_end, date(2026, 1, 31))
        renewal.date_end = date(2025, 7, 31)
        renewal.save()
        self.assertEqual(self.alice.cape_date_end, date(2025, 7, 31))


class TestCapeToCesa(PathLawCommon):
    """CAPE → CESA (issue 19). A contract's end date is its last day. The
    CESA may start the day after the CAPE's last day (or later: a gap), or
    on that last day itself: the CAPE ends the day the CESA is signed, and
    the shared day counts once, for the CESA. It may not start while the
    CAPE goes on after it (a person is not under both at once)."""

    def test_cesa_on_the_day_the_cape_ends(self):
        self.alice._do_transition("cape", date(2024, 2, 1))
        self._cesa(self.alice, date(2024, 6, 1), cape_date_end=date(2024, 6, 1))
        self.assertEqual(self.alice.cape_date_end, date(2024, 6, 1))
        self.assertEqual(self.alice.stage, "cesa")
        # 4 months of CAPE (to the CESA, the shared day excluded).
        self.assertEqual(self.alice.associate_deadline, date(2027, 2, 1))

    def test_candidate_cape_cesa_the_same_day_in_the_wizard(self):
        for stage in ("cape", "cesa"):
            wizard = Form(
                self.env["cae.path.transition"]
                .with_user(self.advisor)
                .with_context(
                    default_entrepreneur_id=self.alice.id, default_stage=stage
                )
            )
            wizard.date = date(2024, 3, 1)
            if stage == "cesa":
                # The CAPE began that day: it ends that day, not the day before.
                self.assertEqual(wizard.cape_date_end, date(2024, 3, 1))
                self.assertEqual(wizard.trial_period_months, 2)
            wizard.save().action_confirm()
        self.assertEqual(self.alice.stage, "cesa")
        self.assertEqual(
            [(s.stage, s.date_start, s.date_end) for s in self.alice._sorted_steps()],
            [
                ("candidate", date(2024, 1, 10), date(2024, 2, 29)),
                ("cape", date(2024, 3, 1), date(2024, 3, 1)),
                ("cesa", date(2024, 3, 1), False),
            ],
        )
        self.assertEqual(self.alice.trial_end_date, date(2024, 4, 30))

    def test_cesa_while_the_cape_goes_on(self):
        self.alice._do_transition("cape", date(2024, 2, 1))
        with self.assertRaisesText(UserError, "End the CAPE on 01/06/2024"):
            self._cesa(self.alice, date(2024, 6, 1), cape_date_end=date(2024, 6, 2))
        self.assertEqual(self.alice.stage, "cape")

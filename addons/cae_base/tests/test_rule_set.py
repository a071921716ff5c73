# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import CaeCommon


class TestRuleSet(CaeCommon):
    """The rules of the cooperative drive the path's deadlines and checks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.france = cls.env.ref("cae_base.rule_set_france")
        cls.belgium = cls.env.ref("cae_base.rule_set_belgium")
        cls.quebec = cls.env.ref("cae_base.rule_set_quebec")

    def _deadlines(self, entrepreneur):
        return {
            "associate_deadline": entrepreneur.associate_deadline,
            "test_contract_deadline": entrepreneur.test_contract_deadline,
            "test_contract_name": entrepreneur.test_contract_name,
            "partner_invitation_due_date": entrepreneur.partner_invitation_due_date,
        }

    def test_french_companies_follow_the_french_rules(self):
        # Both test companies are French: the only French shared set is theirs.
        self.assertEqual(self.company.cae_rule_set_id, self.france)
        self.assertEqual(self.company_b.cae_rule_set_id, self.france)
        belgian = self.env["res.company"].create(
            {"name": "Coop BE", "country_id": self.env.ref("base.be").id}
        )
        self.assertEqual(belgian.cae_rule_set_id, self.belgium)

    @freeze_time("2026-08-01")
    def test_same_person_french_then_belgian_deadlines(self):
        self.alice._do_transition("cape", date(2025, 3, 1))
        # France: no associate deadline during a CAPE alone (L7331-3); a CAPE
        # of 12 months renewable twice (L127-2) ends at the latest 36 months
        # after it started: 2025-03-01 + 36 months - 1 day (leap year).
        self.assertEqual(
            self._deadlines(self.alice),
            {
                "associate_deadline": False,
                "test_contract_deadline": date(2028, 2, 29),
                "test_contract_name": "CAPE",
                "partner_invitation_due_date": False,
            },
        )
        # Belgium: candidate entrepreneur for 18 months at most, no associate
        # deadline, invitation to become a partner 6 months after entry.
        self.company.cae_rule_set_id = self.belgium
        self.assertEqual(
            self._deadlines(self.alice),
            {
                "associate_deadline": False,
                "test_contract_deadline": date(2026, 8, 31),
                "test_contract_name": "Candidate entrepreneur",
                "partner_invitation_due_date": date(2025, 9, 1),
            },
        )
        self.env["cae.entrepreneur"].cron_check_deadlines()
        self.assertFalse(self.alice.deadline_alert)
        # No follow-up minimum in the Belgian set: no follow-up alert either.
        self.assertFalse(self.alice.followup_alert)

    def test_belgian_candidate_contract_lasts_18_months_at_most(self):
        self.company.cae_rule_set_id = self.belgium
        self.alice._do_transition("cape", date(2025, 3, 1))
        # Planned for the 18 months at once: no renewal needed.
        self.assertEqual(self.alice.cape_date_end, date(2026, 8, 31))
        with self.assertRaisesText(ValidationError, "ends on 31/08/2026 at the latest"):
            self.alice._do_transition(
                "cesa", date(2026, 9, 2), cape_date_end=date(2026, 9, 1)
            )
        self.assertEqual(self.alice.stage, "cape")
        # No trial period maximum in the Belgian set (none in Belgian law).
        self.alice._do_transition(
            "cesa",
            date(2026, 9, 1),
            cape_date_end=date(2026, 8, 31),
            trial_period_months=9,
        )
        self.assertEqual(self.alice.stage, "cesa")

    def test_belgian_candidate_contract_renewed_within_18_months(self):
        """Belgium keeps its own rule: no longest term nor count of renewals,
        18 months in all, renewals included."""
        self.company.cae_rule_set_id = self.belgium
        self.alice._do_transition(
            "cape", date(2025, 3, 1), cape_date_end=date(2025, 8, 31)
        )
        step = self.alice._sorted_steps()[-1]
        Renewal = self.env["cae.path.renewal"]
        # No longest term: nothing proposed, the date is given.
        self.assertFalse(Renewal.new({"step_id": step.id}).date_end)
        Renewal.create({"step_id": step.id, "date_end": date(2026, 2, 28)})
        Renewal.create({"step_id": step.id, "date_end": date(2026, 8, 31)})
        with self.assertRaisesText(ValidationError, "lasts at most 18 months"):
            Renewal.create({"step_id": step.id, "date_end": date(2026, 9, 30)})
        self.assertEqual(self.alice.cape_date_end, date(2026, 8, 31))
        self._cesa_without_deadline(date(2026, 9, 1), trial_period_months=9)

    def test_quebec_pilot(self):
        """Québec: the self-employment support measure (STA) lasts 12 months
        at most (Guide des mesures et des services d'emploi, 5.7) and does
        not count in the deadline; a member within 18 months of the first
        employment (Loi sur les coopératives, art. 224.2)."""
        self.company.cae_rule_set_id = self.quebec
        self.alice._do_transition("cape", date(2025, 3, 1))
        self.assertEqual(self.alice.cape_date_end, date(2026, 2, 28))
        self.alice._do_transition("cesa", date(2026, 3, 1))
        self.assertEqual(self.alice.stage, "cesa")
        self.assertEqual(self.alice.associate_deadline, date(2027, 9, 1))

    def _cesa_without_deadline(self, when, **values):
        self.alice._do_transition("cesa", when, **values)
        self.assertEqual(self.alice.stage, "cesa")
        self.assertFalse(self.alice.associate_deadline)

    def test_french_cape_may_last_longer_than_18_months(self):
        """Renewed: 12 months, then up to 12 more (Code de commerce L127-2)."""
        self.alice._do_transition("cape", date(2025, 3, 1))
        with self.assertRaisesText(ValidationError, "12 months at most"):
            self.alice._do_transition(
                "cesa", date(2026, 9, 2), cape_date_end=date(2026, 9, 1)
            )
        step = self.alice._sorted_steps()[-1]
        self.env["cae.path.renewal"].create({"step_id": step.id})
        self.assertEqual(self.alice.cape_date_end, date(2027, 2, 28))
        with self.assertRaisesText(ValidationError, "at most 8 months"):
            self.alice._do_transition(
                "cesa",
                date(2026, 9, 2),
                cape_date_end=date(2026, 9, 1),
                trial_period_months=9,
            )
        self.alice._do_transition(
            "cesa", date(2026, 9, 2), cape_date_end=date(2026, 9, 1)
        )
        self.assertEqual(self.alice.cape_date_end, date(2026, 9, 1))

    def test_own_set_with_deadline_from_the_employment_contract(self):
        own = self.belgium.copy(
            {
                "name": "Coopérative maison",
                "company_id": self.company.id,
                "associate_deadline_months": 12,
            }
        )
        self.company.cae_rule_set_id = own
        self.alice._do_transition("cape", date(2025, 3, 1))
        self.assertFalse(self.alice.associate_deadline)
        self.alice._do_transition(
            "cesa", date(2026, 3, 1), cape_date_end=date(2026, 2, 28)
        )
        # The test contract does not count: 12 months from the CESA.
        self.assertEqual(self.alice.associate_deadline, date(2027, 3, 1))
        # Ticked: less the 12 months of test contract.
        own.test_contract_counts_in_deadline = True
        self.assertEqual(self.alice.associate_deadline, date(2026, 3, 1))

    def test_number_on_the_set_wins_over_the_law(self):
        own = self.france.copy({"name": "CAE 2 ans", "company_id": self.company.id})
        self.company.cae_rule_set_id = own
        self.alice._do_transition("cape", date(2025, 3, 1))
        self.alice._do_transition("cesa", date(2025, 9, 1))
        # 36 months from the CESA less the 6 months of CAPE.
        self.assertEqual(self.alice.associate_deadline, date(2028, 3, 1))
        own.associate_deadline_months = 24
        self.assertEqual(self.alice.associate_deadline, date(2027, 3, 1))

    def test_stage_label_is_the_test_contract_of_the_company(self):
        Entrepreneur = self.env["cae.entrepreneur"]
        selection = dict(
            Entrepreneur.with_company(self.company).fields_get(["stage"])["stage"][
                "selection"
            ]
        )
        self.assertEqual(selection["cape"], "CAPE")
        self.company.cae_rule_set_id = self.belgium
        selection = dict(
            Entrepreneur.with_company(self.company).fields_get(["stage"])["stage"][
                "selection"
            ]
        )
        self.assertEqual(selection["cape"], "Candidate entrepreneur")
        selection_fr = dict(
            Entrepreneur.with_company(self.company)
            .with_context(lang="fr_FR")
            .fields_get(["stage"])["stage"]["selection"]
        )
        self.assertEqual(selection_fr["cape"], "Candidat entrepreneur")
        self.alice._do_transition("cape", date(2025, 3, 1))
        self.assertEqual(
            self.alice.path_step_ids.sorted("date_start")[-1]._stage_label(),
            "Candidate entrepreneur",
        )

    def test_bad_figures_are_refused_in_french(self):
        RuleSet = self.env["cae.rule.set"].with_context(lang="fr_FR")
        with self.assertRaisesText(
            ValidationError, "négatif : Durée maximale du contrat de test (mois)"
        ):
            RuleSet.create({"name": "Négatif", "test_contract_max_months": -1})
        with self.assertRaisesText(ValidationError, "sur combien de mois"):
            RuleSet.create(
                {
                    "name": "Seuil sans période",
                    "admission_margin_threshold": 2000.0,
                    "admission_period_months": 0,
                }
            )
        with self.assertRaisesText(ValidationError, "entre 0 et 100"):
            RuleSet.create(
                {
                    "name": "Taux",
                    "contribution_base": "turnover",
                    "contribution_rate": 120.0,
                }
            )
        self.assertFalse(RuleSet.search([("name", "in", ("Négatif", "Taux"))]))

    def test_rule_sets_stay_in_their_company(self):
        own_b = self.belgium.copy(
            {"name": "Règles de B", "company_id": self.company_b.id}
        )
        RuleSetA = self.env["cae.rule.set"].with_user(self.manager)
        visible = RuleSetA.search([])
        self.assertIn(self.france, visible)
        self.assertNotIn(own_b, visible)
        with self.assertRaises(AccessError):
            own_b.with_user(self.manager).read(["name"])
        self.assertIn(
            own_b, self.env["cae.rule.set"].with_user(self.advisor_b).search([])
        )
        with self.assertRaisesText(ValidationError, "belong to CAE Test B"):
            self.company.cae_rule_set_id = own_b
        self.company_b.cae_rule_set_id = own_b
        # Company A keeps its French rules and deadlines.
        self.alice._do_transition("cesa", date(2025, 3, 1))
        self.assertEqual(self.alice.associate_deadline, date(2028, 3, 1))
        with self.assertRaisesText(ValidationError, "used by CAE Test B"):
            own_b.company_id = self.company

    def test_only_managers_change_the_rules(self):
        with self.assertRaises(AccessError):
            self.france.with_user(self.advisor).write({"partner_invitation_months": 3})
        self.assertEqual(self.france.with_user(self.advisor).name, self.france.name)

    def test_default_contribution_rule_from_the_set(self):
        self.company.cae_rule_set_id = self.belgium
        action = self.belgium.with_company(
            self.company
        ).action_create_contribution_rule()
        rule = self.env["cae.contribution.rule"].browse(action["res_id"])
        self.assertRecordValues(
            rule,
            [
                {
                    "company_id": self.company.id,
                    "activity_id": False,
                    "base": "margin",
                    "rate": 10.0,
                }
            ],
        )
        with self.assertRaisesText(UserError, "already has a default contribution"):
            self.belgium.with_company(self.company).action_create_contribution_rule()
        with self.assertRaisesText(UserError, "no default contribution"):
            self.quebec.with_company(self.company).action_create_contribution_rule()


class TestPartnerInvitation(CaeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.cae_rule_set_id = cls.env.ref("cae_base.rule_set_belgium")
        cls.invitation_type = cls.env.ref(
            "cae_base.mail_activity_type_partner_invitation"
        )

    def _invitations(self, entrepreneur):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "cae.entrepreneur"),
                ("res_id", "=", entrepreneur.id),
                ("activity_type_id", "=", self.invitation_type.id),
            ]
        )

    def test_invitation_once_when_due(self):
        self.alice._do_transition("cape", date(2025, 3, 1))
        Entrepreneur = self.env["cae.entrepreneur"]
        with freeze_time("2025-08-31"):
            Entrepreneur.cron_check_deadlines()
        self.assertFalse(self._invitations(self.alice))
        with freeze_time("2025-09-01"):
            Entrepreneur.cron_check_deadlines()
            Entrepreneur.cron_check_deadlines()
        invitation = self._invitations(self.alice)
        self.assertEqual(len(invitation), 1)
        self.assertEqual(invitation.user_id, self.advisor)
        self.assertIn("Invite Alice Test to become a partner", invitation.summary)
        self.assertEqual(self.alice.partner_invitation_date, date(2025, 9, 1))
        # Done by the advisor: the next runs do not invite again.
        invitation.action_feedback(feedback="Invitée à l'assemblée de juin")
        with freeze_time("2025-09-02"):
            Entrepreneur.cron_check_deadlines()
        self.assertFalse(self._invitations(self.alice))

    @freeze_time("2026-01-01")
    def test_no_invitation_for_candidates_associates_or_french_companies(self):
        self.alice._do_transition("cape", date(2025, 3, 1))
        self.alice._do_transition("associate", date(2025, 5, 1))
        self.carla_b._do_transition("cape", date(2025, 3, 1))  # French rules
        self.env["cae.entrepreneur"].cron_check_deadlines()
        for entrepreneur in (self.alice, self.bob, self.carla_b):
            self.assertFalse(self._invitations(entrepreneur), entrepreneur.name)

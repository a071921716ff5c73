# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import new_test_user

from odoo.addons.cae_base.tests.common import CaeAccountingCommon, CaeCommon


class CjsMixin:
    """Facilitators, a committee member and project helpers.

    Mixed into CaeCommon (no chart of accounts, fast) or CaeAccountingCommon.
    Flashcoops (3 to 15 participants) keep the tests small; CJS projects
    (12 to 15 youths) are used where the age rule matters.
    """

    @classmethod
    def _setup_cjs(cls):
        cls.Project = cls.env["cae.cjs.project"]
        cls.Participant = cls.env["cae.cjs.participant"]
        cls.facilitator = cls._new_user(
            "facilitator_a", "cae_cjs.group_cjs_facilitator"
        )
        cls.other_facilitator = cls._new_user(
            "facilitator_a2", "cae_cjs.group_cjs_facilitator"
        )
        cls.committee_user = cls._new_user("committee_a", "cae_cjs.group_cjs_committee")
        cls.bank = cls.env["res.partner"].create(
            {"name": "Banque Test", "is_company": True, "company_id": cls.company.id}
        )
        cls.cjs = cls.Project.create(
            {
                "name": "CJS Test",
                "kind": "cjs",
                "company_id": cls.company.id,
                "municipality": "Bègles",
                "date_start": date(2026, 7, 1),
                "date_end": date(2026, 8, 31),
                "facilitator_ids": [(6, 0, cls.facilitator.ids)],
                "local_member_ids": [
                    (
                        0,
                        0,
                        {
                            "partner_id": cls.bank.id,
                            "organisation_type": "bank",
                            "user_id": cls.committee_user.id,
                        },
                    )
                ],
            }
        )
        # Monday 1 June 2026: seven working days end on Tuesday 9 June.
        cls.flashcoop = cls.Project.create(
            {
                "name": "Flashcoop Test",
                "kind": "flashcoop",
                "company_id": cls.company.id,
                "date_start": date(2026, 6, 1),
                "facilitator_ids": [(6, 0, cls.facilitator.ids)],
            }
        )

    @classmethod
    def _new_user(cls, login, group, company=None):
        company = company or cls.company
        return new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,{group}",
            company_id=company.id,
            company_ids=[company.id],
            lang="en_US",
        )

    @classmethod
    def _participant(cls, project, name, birth_date=date(1995, 5, 5), **vals):
        return cls.Participant.create(
            {"project_id": project.id, "name": name, "birth_date": birth_date, **vals}
        )

    @classmethod
    def _work(cls, participant, hours, day=None, contract=None):
        project = participant.project_id
        return cls.env["cae.cjs.work"].create(
            {
                "project_id": project.id,
                "participant_id": participant.id,
                "contract_id": contract.id if contract else False,
                "date": day or project.date_start,
                "hours": hours,
            }
        )


class CjsCommon(CjsMixin, CaeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cjs()


class CjsAccountingCommon(CjsMixin, CaeAccountingCommon):
    """With the French chart: invoices, bills and receipts of projects."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cjs()
        cls.service = cls.env["product.product"].create(
            {
                "name": "Tonte de pelouse",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 20.0,
                "taxes_id": [(5, 0, 0)],
                "company_id": cls.company.id,
            }
        )
        cls.cookies = cls.env["product.product"].create(
            {
                "name": "Cookies",
                "type": "consu",
                "list_price": 2.0,
                "taxes_id": [(5, 0, 0)],
                "company_id": cls.company.id,
            }
        )

    @classmethod
    def _running_flashcoop(cls, names=("Anna", "Bruno", "Chloé")):
        participants = cls.Participant
        for name in names:
            participants |= cls._participant(cls.flashcoop, name)
        cls.flashcoop.action_start()
        return participants

    @classmethod
    def _post(cls, project, amount, move_type="out_invoice"):
        move = cls._invoice(project.activity_id, move_type, amount)
        move.action_post()
        return move

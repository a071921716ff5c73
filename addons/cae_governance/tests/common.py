# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tools.misc import formatLang

from odoo.addons.cae_base.tests.common import CaeAccountingCommon


class CaeGovernanceCommon(CaeAccountingCommon):
    """Company A with the French chart, two share classes and associates.

    - class A: 25.00 € shares, at least 4 per associate, for entrepreneurs
      and staff; class B: 100.00 € shares, at least 1, for external
      associates and legal entities;
    - ``alice`` (CESA since 2024-03-01, she has a user) and ``bob`` (CAPE
      since 2024-02-01) of cae_base, an external ``martin`` and a legal entity
      ``scop``, all candidates.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        cls.Operation = cls.env["cae.share.operation"]
        cls.Associate = cls.env["cae.associate"]
        cls.ShareClass = cls.env["cae.share.class"]
        cls.class_a = cls.ShareClass.create(
            {
                "name": "Parts A",
                "code": "A",
                "company_id": cls.company.id,
                "nominal_value": 25.0,
                "min_shares": 4,
                "allow_entrepreneur": True,
                "allow_staff": True,
            }
        )
        cls.class_b = cls.ShareClass.create(
            {
                "name": "Parts B",
                "code": "B",
                "company_id": cls.company.id,
                "nominal_value": 100.0,
                "min_shares": 1,
                "allow_entrepreneur": False,
                "allow_staff": False,
                "allow_external": True,
                "allow_legal_entity": True,
            }
        )
        cls.bank = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.alice.with_context(lang="en_US")._do_transition("cape", date(2024, 1, 15))
        cls.alice._do_transition(
            "cesa", date(2024, 3, 1), cape_date_end=date(2024, 2, 29)
        )
        cls.bob._do_transition("cape", date(2024, 2, 1))
        cls.assoc_alice = cls._associate(cls.alice.partner_id)
        cls.assoc_bob = cls._associate(cls.bob.partner_id)
        cls.martin = cls.env["res.partner"].create(
            {"name": "Martin Externe", "company_id": cls.company.id}
        )
        cls.assoc_martin = cls._associate(cls.martin)
        cls.scop = cls.env["res.partner"].create(
            {"name": "Scop Partenaire", "is_company": True}
        )
        cls.assoc_scop = cls._associate(cls.scop)

    @classmethod
    def _associate(cls, partner):
        return cls.Associate.create(
            {"partner_id": partner.id, "company_id": cls.company.id}
        )

    @classmethod
    def _subscription(cls, associate, quantity, on, share_class=None, **vals):
        """A draft subscription (schedule proposed from ``vals``)."""
        return cls.Operation.create(
            {
                "operation_type": "subscription",
                "associate_id": associate.id,
                "company_id": cls.company.id,
                "share_class_id": (share_class or cls.class_a).id,
                "quantity": quantity,
                "date": on,
                "payment_journal_id": cls.bank.id,
                **vals,
            }
        )

    @classmethod
    def _subscribe(cls, associate, quantity, on, share_class=None, **vals):
        """A registered subscription."""
        subscription = cls._subscription(associate, quantity, on, share_class, **vals)
        subscription.action_validate()
        return subscription

    @classmethod
    def _release(cls, subscription, amount, on, **vals):
        return cls.Operation.create(
            {
                "operation_type": "release",
                "subscription_id": subscription.id,
                "associate_id": subscription.associate_id.id,
                "company_id": cls.company.id,
                "date": on,
                "amount": amount,
                "payment_journal_id": cls.bank.id,
                **vals,
            }
        )

    @classmethod
    def _operation(
        cls, operation_type, associate, quantity, on, share_class=None, **vals
    ):
        return cls.Operation.create(
            {
                "operation_type": operation_type,
                "associate_id": associate.id,
                "company_id": cls.company.id,
                "share_class_id": (share_class or cls.class_a).id,
                "quantity": quantity,
                "date": on,
                **vals,
            }
        )

    def _fmt(self, amount):
        """``amount`` as the messages show it (in the test database's format)."""
        return formatLang(self.env, amount, currency_obj=self.company.currency_id)

    def _balances(self, operations):
        """``{account code: balance}`` of the entries of ``operations``."""
        lines = operations.move_ids.line_ids
        balances = {}
        for line in lines:
            balances[line.account_id.code] = round(
                balances.get(line.account_id.code, 0.0) + line.balance, 2
            )
        return {code: balance for code, balance in balances.items() if balance}

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Subscriptions requested by the associates on the portal.

Registering an operation is the accountants' step (``action_validate``,
``_check_access_capital``): a subscription asked for online is a *draft*
request, checked at once by the same rules as at registration
(``_check_subscription``: the class open to the associate, the minimum of
shares, the quarter paid at subscription of loi 47-1775 art. 12, the
schedule) and handed to the cooperative's validator, who registers it or
cancels it. Nothing of the register, the ledger or the books changes before.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# A limit of the web form, not a legal figure: larger subscriptions are
# arranged with the cooperative.
PORTAL_MAX_SHARES = 10_000


# One model, one register: each concern lives in its own file.
# pylint: disable=consider-merging-classes-inherited
class CaeShareOperation(models.Model):
    _inherit = "cae.share.operation"

    requested_online = fields.Boolean(
        string="Requested online",
        readonly=True,
        copy=False,
        help="Asked for by the associate on the portal: check it, then "
        "register it or cancel it.",
    )

    @api.model
    def _portal_payment_methods(self, associate):
        """``[(code, label)]`` of how the associate may pay (hook)."""
        return [("transfer", self.env._("By bank transfer"))]

    @api.model
    def _portal_subscription_vals(self, associate, payment_method):
        """Extra values of the request for the payment chosen (hook)."""
        return {}

    @api.model
    def _portal_parse_subscription(self, associate, post):
        """Check what the associate typed; raise in their language.

        :return: ``(quantity, initial payment or None, payment method)``
        """
        _ = self.env._
        raw = (post.get("quantity") or "").strip()
        try:
            quantity = int(raw)
        except ValueError:
            quantity = 0
        if quantity <= 0 or quantity > PORTAL_MAX_SHARES:
            raise ValidationError(
                _(
                    "Give the number of shares, a whole number from 1 to " "%(max)s.",
                    max=PORTAL_MAX_SHARES,
                )
            )
        initial = None
        raw = (post.get("initial_payment") or "").strip()
        if raw:
            initial = self.env["hr.expense"]._cae_parse_portal_amount(raw)
            if initial is None or initial < 0:
                raise ValidationError(
                    _("Give the amount paid at subscription, e.g. 50.00.")
                )
        methods = dict(self._portal_payment_methods(associate))
        payment_method = post.get("payment_method") or ""
        if payment_method not in methods:
            raise ValidationError(_("Choose how you pay your shares."))
        return quantity, initial, payment_method

    @api.model
    def _portal_request_subscription(self, associate, post):
        """Create the draft subscription of ``associate`` and check it.

        Run in a savepoint by the caller: a refused request leaves nothing.
        """
        _ = self.env._
        quantity, initial, payment_method = self._portal_parse_subscription(
            associate, post
        )
        company = associate.company_id
        subscription = self.with_company(company).create(
            {
                "operation_type": "subscription",
                "associate_id": associate.id,
                "company_id": company.id,
                "date": fields.Date.context_today(self),
                "quantity": quantity,
                "requested_online": True,
                **self._portal_subscription_vals(associate, payment_method),
            }
        )
        if not subscription.share_class_id:
            raise ValidationError(
                _("No share class of %(company)s is open to you.", company=company.name)
            )
        if initial is not None:
            currency = subscription.currency_id
            if currency.compare_amounts(initial, subscription.amount) > 0:
                raise ValidationError(
                    _(
                        "You pay at most the subscription, %(amount)s, at once.",
                        amount=subscription._format_amount(subscription.amount),
                    )
                )
            subscription.initial_payment = currency.round(initial)
        # The rules of the registration, checked now (nothing is written by
        # them); the accountant runs them again when registering it.
        subscription._check_subscription()
        methods = dict(self._portal_payment_methods(associate))
        subscription.message_post(
            body=_(
                "Subscription of %(quantity)s share(s) requested online by "
                "%(name)s, paid %(method)s.",
                quantity=quantity,
                name=associate.partner_id.name,
                method=methods[payment_method].lower(),
            )
        )
        validator = company.cae_validator_id
        if validator:
            subscription.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_("Subscription requested online: register it"),
                user_id=validator.id,
            )
        return subscription

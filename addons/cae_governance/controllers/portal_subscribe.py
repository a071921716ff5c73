# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Subscribing more shares on the portal.

The holder is one of the user's own associate records, read with the user's
rights (record rules), or, for an entrepreneur not yet an associate of their
cooperative, their candidate record, created by the model's own method only
when the request is sent. The request is a draft subscription checked by the
model (``cae.share.operation._portal_request_subscription``), in a
savepoint: on any error the form comes back with a French message and
nothing is written.
"""

import logging

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from .portal import CaeGovernancePortal

_logger = logging.getLogger(__name__)


class CaeGovernanceSubscribePortal(CaeGovernancePortal):
    def _subscription_holders(self):
        """``[(key, associate, company)]`` the user may subscribe for: their
        associate records, then the cooperatives of their entrepreneur
        records where they are not an associate yet (a new record, not
        saved, to read the class open to them and how they may pay)."""
        mine = self._get_my_associates()
        holders = [
            (f"associate-{associate.id}", associate.sudo(), associate.company_id)
            for associate in mine.filtered(lambda a: a.state != "out")
        ]
        entrepreneurs = (
            request.env["cae.entrepreneur"]
            .sudo()
            .search([("user_id", "=", request.env.uid), ("stage", "!=", "exit")])
        )
        Associate = request.env["cae.associate"].sudo()
        partner = request.env.user.partner_id
        for company in entrepreneurs.company_id - mine.company_id:
            holders.append(
                (
                    f"company-{company.id}",
                    Associate.new({"partner_id": partner.id, "company_id": company.id}),
                    company,
                )
            )
        return holders

    def _subscription_holder(self, holders, key):
        """The associate record for ``key`` (created as a candidate for an
        entrepreneur's cooperative), else an error."""
        for holder_key, associate, company in holders:
            if holder_key == key:
                if associate.id:
                    return associate
                return (
                    request.env["cae.associate"]
                    .sudo()
                    ._ensure_for_partner(request.env.user.partner_id, company)
                )
        raise ValidationError(request.env._("Choose the cooperative."))

    @http.route(
        "/my/shares/subscribe",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_shares_subscribe(self, **post):
        holders = self._subscription_holders()
        if not holders:
            raise request.not_found()
        error = None
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():
                    associate = self._subscription_holder(holders, post.get("holder"))
                    subscription = (
                        request.env["cae.share.operation"]
                        .sudo()
                        ._portal_request_subscription(associate, post)
                    )
            except (UserError, ValidationError, AccessError) as exc:
                error = exc.args[0]
            else:
                _logger.info(
                    "Subscription %s requested from the portal by user %s",
                    subscription.id,
                    request.env.uid,
                )
                return request.redirect(
                    f"/my/shares/operation/{subscription.id}?requested=1"
                )
        Operation = request.env["cae.share.operation"].sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "cae_shares_subscribe",
                "holders": holders,
                # The class each would subscribe (the model's default).
                "classes": {
                    key: Operation.new(
                        {
                            "operation_type": "subscription",
                            "associate_id": associate,
                            "company_id": company.id,
                        }
                    ).share_class_id
                    for key, associate, company in holders
                },
                "payment_methods": list(
                    dict(
                        method
                        for _key, associate, _company in holders
                        for method in Operation._portal_payment_methods(associate)
                    ).items()
                ),
                "error": error,
                "values": post,
            }
        )
        return request.render("cae_governance.portal_my_shares_subscribe", values)

    @http.route()
    def portal_my_share_operation(self, operation_id, **kw):
        response = super().portal_my_share_operation(operation_id, **kw)
        if getattr(response, "qcontext", None) is not None:
            # A flag, never text from the address.
            response.qcontext["subscription_requested"] = kw.get("requested") == "1"
        return response

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, MissingError
from odoo.http import request, route

from odoo.addons.portal.controllers.portal import CustomerPortal

# Operations an associate sees: registered ones, and their drafts in progress.
PORTAL_STATES = ("draft", "to_reimburse", "done")


class CaeGovernancePortal(CustomerPortal):
    """An associate's shares on the portal.

    Everything is read with the user's own rights: the record rules of
    ``cae_governance_rules.xml`` give a portal user their own associate
    records, operations and calls only; any other id answers 404.
    """

    def _get_my_associates(self):
        """The user's own associate records (as a person, or as the contact
        of a legal entity); staff who may read every associate see only
        theirs here too."""
        Associate = request.env["cae.associate"]
        if not Associate.has_access("read"):
            return Associate
        partner = request.env.user.partner_id
        return Associate.search(
            [("partner_id", "in", (partner | partner.commercial_partner_id).ids)]
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "cae_share_count" in counters:
            values["cae_share_count"] = sum(
                self._get_my_associates().mapped("share_count")
            )
        return values

    @route(["/my/shares"], type="http", auth="user", website=True)
    def portal_my_shares(self, **kw):
        associates = self._get_my_associates()
        Operation = request.env["cae.share.operation"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "cae_shares",
                "associates": associates,
                "operations": {
                    associate.id: Operation.search(
                        associate._get_operations_domain()
                        + [("state", "in", PORTAL_STATES)],
                        order="date desc, number desc, id desc",
                    )
                    for associate in associates
                },
            }
        )
        return request.render("cae_governance.portal_my_shares", values)

    @route(
        ["/my/shares/operation/<int:operation_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_share_operation(self, operation_id, **kw):
        try:
            operation = self._document_check_access("cae.share.operation", operation_id)
        except (AccessError, MissingError):
            return request.not_found()
        if operation.state not in PORTAL_STATES:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "cae_share_operation",
                # Sudo, as Odoo's portal pages: the user may read this operation
                # (checked above), not necessarily the other party of a transfer.
                "operation": operation,
            }
        )
        return request.render("cae_governance.portal_my_share_operation", values)

    @route(
        ["/my/shares/certificate/<int:associate_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_share_certificate(self, associate_id, download=False, **kw):
        try:
            associate = self._document_check_access("cae.associate", associate_id)
        except (AccessError, MissingError):
            return request.not_found()
        return self._show_report(
            model=associate,
            report_type="pdf",
            report_ref="cae_governance.action_report_share_certificate",
            download=download,
        )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request, route
from odoo.tools import is_html_empty

from odoo.addons.portal.controllers.portal import CustomerPortal


class CaeAssemblyPortal(CustomerPortal):
    """General assemblies on the portal: the agenda and its documents, the
    vote while the votes are open, the results, the published receipts and
    the minutes once closed.

    An associate sees the assemblies they are convened to (record rules of
    ``cae_governance_rules.xml``); any other id answers 404. Who may vote for
    whom is decided from the attendance register: a person for themselves
    (unless represented), the representative designated by a legal entity's
    mandate for that legal entity (none of its other contacts), and either
    for the associates whose proxy they hold.

    The receipt codes of a vote are shown once, in the answer to the vote
    itself, and kept nowhere with the voter's name (nor in the session or
    the address of a page).
    """

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "cae_assembly_count" in counters:
            Assembly = request.env["cae.assembly"]
            values["cae_assembly_count"] = (
                Assembly.search_count(self._get_my_assemblies_domain())
                if Assembly.has_access("read")
                else 0
            )
        return values

    def _get_my_partners(self):
        partner = request.env.user.partner_id
        return partner | partner.commercial_partner_id

    def _get_my_assemblies_domain(self):
        partner = request.env.user.partner_id
        return [
            ("state", "!=", "draft"),
            "|",
            (
                "attendance_ids.associate_id.partner_id",
                "in",
                self._get_my_partners().ids,
            ),
            ("attendance_ids.representative_id", "=", partner.id),
        ]

    def _get_assembly(self, assembly_id):
        """The assembly, sudo but with the user's uid, if the user may read
        it; raises ``AccessError``/``MissingError`` otherwise."""
        self._document_check_access("cae.assembly", assembly_id)
        assembly = request.env["cae.assembly"].sudo().browse(assembly_id)
        if assembly.state == "draft":
            raise MissingError(request.env._("This assembly is not convened yet."))
        return assembly

    @staticmethod
    def _acts_for(line, partner):
        """Whether ``partner`` acts for the associate of ``line`` in its
        assembly: a person for themselves, a legal entity only through the
        representative of its mandate."""
        if line.associate_id.kind == "legal_entity":
            return line.representative_id == partner
        return line.associate_id.partner_id == partner

    def _get_my_voters(self, assembly):
        """``[(attendance line, cast_by)]``: the ballots the user casts in
        ``assembly``, for themselves (or the legal entity they represent)
        and for those whose proxy they (or it) hold."""
        partner = request.env.user.partner_id
        lines = {line.associate_id: line for line in assembly.attendance_ids}
        voters = []
        for line in assembly.attendance_ids:
            if line.state == "represented":
                holder_line = lines.get(line.proxy_holder_id)
                if holder_line and self._acts_for(holder_line, partner):
                    voters.append((line, line.proxy_holder_id))
            elif self._acts_for(line, partner):
                voters.append((line, line.associate_id))
        # Own ballots first, then the proxies.
        return sorted(voters, key=lambda v: (v[0].associate_id != v[1], v[0].name))

    @route(["/my/assemblies"], type="http", auth="user", website=True)
    def portal_my_assemblies(self, **kw):
        Assembly = request.env["cae.assembly"]
        assemblies = (
            Assembly.search(self._get_my_assemblies_domain())
            if Assembly.has_access("read")
            else Assembly
        )
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "cae_assemblies", "assemblies": assemblies})
        return request.render("cae_governance.portal_my_assemblies", values)

    @route(
        ["/my/assemblies/<int:assembly_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_assembly(self, assembly_id, **kw):
        try:
            assembly = self._get_assembly(assembly_id)
        except (AccessError, MissingError):
            return request.not_found()
        return self._render_assembly(assembly)

    def _render_assembly(self, assembly, receipts=None, error=None):
        voters = self._get_my_voters(assembly)
        partner = request.env.user.partner_id
        participations = (
            request.env["cae.assembly.participation"]
            .sudo()
            .search(
                [
                    ("assembly_id", "=", assembly.id),
                    (
                        "associate_id",
                        "in",
                        [line.associate_id.id for line, _by in voters],
                    ),
                ]
            )
        )
        closed = assembly.state == "closed"
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "cae_assembly",
                "assembly": assembly,
                "voters": voters,
                "my_lines": assembly.attendance_ids.filtered(
                    lambda line: self._acts_for(line, partner)
                ),
                "voted": {
                    (p.resolution_id.id, p.associate_id.id): p for p in participations
                },
                "tallies": assembly.resolution_ids._get_tally() if closed else {},
                "published": assembly.resolution_ids._get_published_receipts()
                if closed
                else {},
                "vote_open": assembly.state == "open",
                "receipts": receipts or [],
                "error": error,
                "is_html_empty": is_html_empty,
            }
        )
        return request.render("cae_governance.portal_my_assembly", values)

    @route(
        ["/my/assemblies/<int:assembly_id>/vote"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_assembly_vote(self, assembly_id, **post):
        try:
            assembly = self._get_assembly(assembly_id)
        except (AccessError, MissingError):
            return request.not_found()
        votes_by_caster = self._read_votes(assembly, request.httprequest.form)
        if not votes_by_caster:
            return self._render_assembly(
                assembly,
                error=request.env._("Choose your vote on at least one resolution."),
            )
        receipts = []
        try:
            # All of the form or nothing.
            with request.env.cr.savepoint():
                for cast_by, votes in votes_by_caster.items():
                    receipts += assembly._record_online_votes(votes, cast_by=cast_by)
        except UserError as exc:
            return self._render_assembly(assembly, error=exc.args[0])
        # Shown in this answer only: the page itself keeps no receipt.
        return self._render_assembly(assembly, receipts=receipts)

    def _read_votes(self, assembly, form):
        """``{cast_by: [vote]}`` from the vote form: ``vote_<resolution>_
        <associate>`` (for/against/abstain), ``candidates_<resolution>_
        <associate>`` (candidate ids) and ``blank_<resolution>_<associate>``
        for elections."""
        Candidate = request.env["cae.assembly.candidate"].sudo()
        votes = defaultdict(list)
        for line, cast_by in self._get_my_voters(assembly):
            for resolution in assembly.resolution_ids:
                key = f"{resolution.id}_{line.associate_id.id}"
                vote = {"resolution": resolution, "associate": line.associate_id}
                if resolution.kind == "election":
                    ids = [
                        int(i) for i in form.getlist(f"candidates_{key}") if i.isdigit()
                    ]
                    if not ids and not form.get(f"blank_{key}"):
                        continue
                    vote["candidates"] = Candidate.browse(ids)
                else:
                    choice = form.get(f"vote_{key}")
                    if not choice:
                        continue
                    vote["choice"] = choice
                votes[cast_by].append(vote)
        return votes

    @route(
        ["/my/assemblies/<int:assembly_id>/document/<int:attachment_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_assembly_document(self, assembly_id, attachment_id, **kw):
        try:
            assembly = self._get_assembly(assembly_id)
        except (AccessError, MissingError):
            return request.not_found()
        attachment = assembly.resolution_ids.attachment_ids.filtered(
            lambda a: a.id == attachment_id
        )
        if not attachment:
            return request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(attachment)
            .get_response(as_attachment=kw.get("download"))
        )

    @route(
        ["/my/assemblies/<int:assembly_id>/minutes"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_assembly_minutes(self, assembly_id, download=False, **kw):
        try:
            assembly = self._get_assembly(assembly_id)
        except (AccessError, MissingError):
            return request.not_found()
        if assembly.state != "closed" or not assembly.votes_opened_at:
            return request.not_found()
        return self._show_report(
            model=assembly,
            report_type="pdf",
            report_ref="cae_governance.action_report_assembly_minutes",
            download=download,
        )

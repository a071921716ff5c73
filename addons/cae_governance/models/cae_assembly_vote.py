# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import format_datetime

from .cae_assembly_ballot import BALLOT_CHOICES

CHOICE_KEYS = {key for key, _label in BALLOT_CHOICES}


class CaeAssembly(models.Model):
    """Recording votes: one entry point, :meth:`_record_votes`, for the
    portal (online, cast by the logged-in associate for themselves and for
    those whose proxy they hold) and for the back office (paper ballots of
    the room, see ``cae.assembly.paper.vote``)."""

    _inherit = "cae.assembly"

    def _record_votes(self, votes, channel="paper", cast_by=None):
        """Record ``votes`` on this assembly, all or nothing.

        ``votes``: a list of dicts ``{'resolution': record, 'associate':
        record, 'choice': 'for'|'against'|'abstain'}`` for a resolution, or
        ``{..., 'candidates': cae.assembly.candidate records}`` for an
        election (none: a blank ballot).

        ``cast_by``: the associate voting online; they may vote for
        themselves (unless represented) and for the associates whose proxy
        they hold. Without it (paper ballots entered by the staff), each
        ballot is cast by the voter or by their proxy holder.

        Everything is checked before anything is written. Returns the
        participations created.
        """
        self.ensure_one()
        self._lock_for_vote()
        self._check_vote_window(channel)
        prepared = self._prepare_votes(votes, cast_by)
        self._mark_attendance(prepared, channel)
        participations = (
            self.env["cae.assembly.participation"]
            .sudo()
            .create(
                [
                    {
                        "resolution_id": vote["resolution"].id,
                        "assembly_id": self.id,
                        "company_id": self.company_id.id,
                        "associate_id": vote["associate"].id,
                        "cast_by_id": vote["cast_by"].id,
                        "channel": channel,
                    }
                    for vote in prepared
                ]
            )
        )
        self.env["cae.assembly.ballot"].sudo().create(
            [row for vote in prepared for row in self._prepare_ballot_rows(vote)]
        )
        return participations

    def _lock_for_vote(self):
        """Share-lock the assembly row for the rest of the transaction.

        Votes lock it in share mode and do not block each other; closing
        the votes writes the row, so it waits for the votes in progress, and
        a vote starting after a closing it did not see fails to lock (the
        row changed since its snapshot) and is retried on fresh data, where
        the assembly is closed."""
        self.env.cr.execute(
            SQL("SELECT id FROM cae_assembly WHERE id = %s FOR SHARE", self.id)
        )
        self.invalidate_recordset(["state", "online_vote_end"])

    def _check_vote_window(self, channel):
        self.ensure_one()
        if self.state in ("draft", "convened"):
            raise UserError(
                self.env._(
                    "The votes of %(assembly)s are not open yet.", assembly=self.name
                )
            )
        if self.state == "closed":
            raise UserError(
                self.env._("The votes of %(assembly)s are closed.", assembly=self.name)
            )
        if (
            channel == "online"
            and self.online_vote_end
            and fields.Datetime.now() > self.online_vote_end
        ):
            raise UserError(
                self.env._(
                    "Online votes for %(assembly)s closed on %(end)s.",
                    assembly=self.name,
                    end=format_datetime(self.env, self.online_vote_end),
                )
            )

    def _prepare_votes(self, votes, cast_by=None):
        """Check ``votes`` and complete each with its attendance line and
        who casts it; raise on the first fault."""
        lines = {line.associate_id: line for line in self.attendance_ids}
        resolutions = {vote["resolution"] for vote in votes}
        done = set(
            self.env["cae.assembly.participation"]
            .sudo()
            ._read_group(
                [
                    ("resolution_id", "in", [r.id for r in resolutions]),
                    ("associate_id", "in", [v["associate"].id for v in votes]),
                ],
                ["resolution_id", "associate_id"],
            )
        )
        prepared = []
        for vote in votes:
            resolution, associate = vote["resolution"], vote["associate"]
            line = lines.get(associate)
            self._check_voter(resolution, associate, line, cast_by)
            if (resolution, associate) in done:
                raise UserError(
                    self.env._(
                        "%(name)s has already voted on %(resolution)s.",
                        name=associate.name,
                        resolution=resolution.name,
                    )
                )
            done.add((resolution, associate))
            self._check_choice(resolution, vote)
            holder = line.proxy_holder_id if line.state == "represented" else associate
            prepared.append(
                dict(vote, line=line, cast_by=holder, holder_line=lines.get(holder))
            )
        return prepared

    def _check_voter(self, resolution, associate, line, cast_by):
        if resolution.assembly_id != self:
            raise UserError(
                self.env._(
                    "%(resolution)s is not on the agenda of %(assembly)s.",
                    resolution=resolution.name,
                    assembly=self.name,
                )
            )
        if not line:
            raise UserError(
                self.env._(
                    "%(name)s is not on the attendance register of %(assembly)s: "
                    "they cannot vote.",
                    name=associate.name,
                    assembly=self.name,
                )
            )
        if not cast_by:
            return
        if line.state == "represented" and line.proxy_holder_id != cast_by:
            if associate == cast_by:
                raise UserError(
                    self.env._(
                        "You gave your proxy to %(holder)s: they vote for you.",
                        holder=line.proxy_holder_id.name,
                    )
                )
            raise UserError(
                self.env._("You do not hold the proxy of %(name)s.", name=line.name)
            )
        if line.state != "represented" and associate != cast_by:
            raise UserError(
                self.env._("You do not hold the proxy of %(name)s.", name=line.name)
            )

    def _check_choice(self, resolution, vote):
        if resolution.kind == "election":
            candidates = vote.get("candidates") or self.env["cae.assembly.candidate"]
            if candidates - resolution.candidate_ids:
                raise UserError(
                    self.env._(
                        "Only the candidates of %(election)s can be chosen.",
                        election=resolution.name,
                    )
                )
            if len(candidates) > resolution.seats:
                raise UserError(
                    self.env._(
                        "%(election)s fills %(seats)s seat(s): choose at most "
                        "%(seats)s candidate(s).",
                        election=resolution.name,
                        seats=resolution.seats,
                    )
                )
        elif vote.get("choice") not in CHOICE_KEYS:
            raise UserError(
                self.env._(
                    "Choose for, against or abstention on %(resolution)s.",
                    resolution=resolution.name,
                )
            )

    def _mark_attendance(self, prepared, channel):
        """An absent associate who votes (or casts a proxy's vote) takes
        part: remote when online, present when on paper in the room."""
        arrived = self.env["cae.assembly.attendance"].browse(
            {
                vote["holder_line"].id
                for vote in prepared
                if vote["holder_line"].state == "absent"
            }
        )
        if arrived:
            arrived.sudo().write(
                {"state": "remote" if channel == "online" else "present"}
            )

    def _prepare_ballot_rows(self, vote):
        """Rows of ``cae.assembly.ballot`` for one vote: no voter on a secret
        ballot."""
        resolution = vote["resolution"]
        common = {
            "resolution_id": resolution.id,
            "assembly_id": self.id,
            "company_id": self.company_id.id,
            "college_id": vote["line"].college_id.id if self.use_colleges else None,
            "associate_id": None if resolution.secret else vote["associate"].id,
        }
        if resolution.kind != "election":
            return [dict(common, choice=vote["choice"])]
        candidates = vote.get("candidates") or []
        return [dict(common, choice="for" if candidates else "abstain")] + [
            dict(common, candidate_id=candidate.id, choice="for")
            for candidate in candidates
        ]

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import format_datetime

from .cae_assembly_ballot import BALLOT_CHOICES, BALLOT_COLUMNS, new_receipt_code

CHOICE_KEYS = {key for key, _label in BALLOT_CHOICES}
# Counted from the ballots, never stored.
RESULT_FIELDS = [
    "voter_count",
    "count_for",
    "count_against",
    "count_abstain",
    "count_cast",
    "share_for",
    "required_for_count",
    "result",
    "results_available",
]
CANDIDATE_RESULT_FIELDS = ["vote_count", "vote_share", "rank", "elected", "tie"]


class CaeAssembly(models.Model):
    """Recording votes: one entry point, :meth:`_cast_votes`, for the
    portal (online, cast by the logged-in associate for themselves and for
    those whose proxy they hold: :meth:`_record_online_votes`) and for the
    back office (paper ballots of the room: :meth:`_record_votes` for open
    votes, :meth:`_record_paper_batch` for secret ones, see
    ``cae.assembly.paper.vote``); and counting the sealed ballot boxes of
    the secret votes at the closing (:meth:`_count_ballot_boxes`)."""

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
        ballot is cast by the voter or by their proxy holder; the paper
        ballots of a secret vote are only entered as a batch of counts
        (:meth:`_record_paper_batch`), never voter by voter.

        Everything is checked before anything is written. Returns the
        participations created.
        """
        return self._cast_votes(votes, channel, cast_by)[0]

    def _record_online_votes(self, votes, cast_by):
        """Online votes of ``cast_by`` (see :meth:`_record_votes`); returns
        ``[(resolution, associate, receipt code)]``, to be shown once to the
        voter and kept nowhere else with the voter's name."""
        return self._cast_votes(votes, "online", cast_by)[1]

    def _cast_votes(self, votes, channel, cast_by):
        self.ensure_one()
        self._lock_for_vote()
        self._check_vote_window(channel)
        prepared = self._prepare_votes(votes, cast_by)
        if channel != "online":
            secret = [vote for vote in prepared if vote["resolution"].secret]
            if secret:
                raise UserError(
                    self.env._(
                        "%(resolution)s is voted by secret ballot: enter the paper "
                        "ballots of the room as a count (how many for, against, "
                        "abstentions) and the list of who voted, never voter by "
                        "voter.",
                        resolution=secret[0]["resolution"].name,
                    )
                )
        for vote in prepared:
            vote["receipt"] = new_receipt_code() if channel == "online" else None
        participations = self._register_participations(prepared, channel)
        open_rows, sealed_rows = [], []
        for vote in prepared:
            rows = self._prepare_ballot_rows(vote)
            if vote["resolution"].secret:
                sealed_rows += rows
            else:
                open_rows += rows
        if open_rows:
            self.env["cae.assembly.ballot"].sudo().create(open_rows)
        if sealed_rows:
            self.env["cae.assembly.ballot.box"].sudo().create(sealed_rows)
        self._invalidate_results()
        receipts = [
            (vote["resolution"], vote["associate"], vote["receipt"])
            for vote in prepared
        ]
        return participations, receipts

    def _record_paper_batch(self, resolution, associates, counts):
        """Record the paper ballots of the room for the secret vote
        ``resolution``: who voted (``associates``) and, apart, what the urn
        holds (``counts``), so that no ballot is ever tied to a voter.

        ``counts``: a list of dicts ``{'choice', 'count', 'college_id',
        'candidate_id'}``. For a resolution, the number of ballots for,
        against and abstaining; for an election, the ballots naming
        candidates (``for``), the blank ballots (``abstain``), and the votes
        of each candidate (``for`` with ``candidate_id``). With colleges,
        one count per college. The room's urn is opened once: one batch per
        resolution.
        """
        self.ensure_one()
        self._lock_for_vote()
        self._check_vote_window("paper")
        if not resolution.secret:
            raise UserError(
                self.env._(
                    "%(resolution)s is not a secret ballot: enter its paper "
                    "ballots voter by voter.",
                    resolution=resolution.name,
                )
            )
        # Update the resolution's row first: a second batch entered at the
        # same moment waits, fails and is retried on fresh data, where it
        # finds this one.
        self.env.cr.execute(
            SQL(
                "UPDATE cae_assembly_resolution SET write_date = write_date "
                "WHERE id = %s",
                resolution.id,
            )
        )
        already = (
            self.env["cae.assembly.participation"]
            .sudo()
            .search_count(
                [("resolution_id", "=", resolution.id), ("channel", "=", "paper")]
            )
        )
        if already:
            raise UserError(
                self.env._(
                    "The paper ballots of %(resolution)s are already counted: the "
                    "urn of the room is opened once.",
                    resolution=resolution.name,
                )
            )
        if not associates:
            raise UserError(self.env._("Tick the associates who voted on paper."))
        prepared = self._prepare_votes(
            [{"resolution": resolution, "associate": a} for a in associates],
            check_choice=False,
        )
        rows = self._prepare_batch_rows(resolution, prepared, counts)
        self._register_participations(prepared, "paper")
        self.env["cae.assembly.ballot.box"].sudo().create(rows)
        self._invalidate_results()
        return True

    def _invalidate_results(self):
        """Ballots are written in SQL: forget the figures counted before."""
        self.env["cae.assembly.resolution"].invalidate_model(RESULT_FIELDS)
        self.env["cae.assembly.candidate"].invalidate_model(CANDIDATE_RESULT_FIELDS)
        self.env["cae.assembly.attendance"].invalidate_model(["has_voted"])

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
                    end=format_datetime(
                        self.env, self.online_vote_end, dt_format="short"
                    ),
                )
            )

    def _prepare_votes(self, votes, cast_by=None, check_choice=True):
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
            if check_choice:
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
            if vote.get("choice"):
                raise UserError(
                    self.env._(
                        "%(election)s is an election: choose candidates, or cast a "
                        "blank ballot.",
                        election=resolution.name,
                    )
                )
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

    def _register_participations(self, prepared, channel):
        """Mark who took part, record who voted (``cae.assembly.
        participation``) and touch the voters' attendance lines."""
        if not prepared:
            return self.env["cae.assembly.participation"]
        self._mark_attendance(prepared, channel)
        # A real update of each voter's line (not a mere lock): the closing
        # locks every line of the register, so that a closing whose snapshot
        # predates this vote fails to lock and is retried on fresh data,
        # where it finds this vote's sealed ballots (_count_ballot_boxes).
        self.env.cr.execute(
            SQL(
                "UPDATE cae_assembly_attendance SET write_date = write_date "
                "WHERE id IN %s",
                tuple({vote["line"].id for vote in prepared}),
            )
        )
        return (
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

    def _ballot_college(self, line, resolution):
        """College kept on a ballot: only when the assembly votes by
        colleges (then, for a secret vote, colleges are large enough: see
        ``_check_secret_colleges``)."""
        if not self.use_colleges:
            return None
        return line.college_id.id

    def _prepare_ballot_rows(self, vote):
        """Rows of ``cae.assembly.ballot`` (or of the sealed ballot box) for
        one vote: no voter on a secret ballot."""
        resolution = vote["resolution"]
        common = {
            "resolution_id": resolution.id,
            "assembly_id": self.id,
            "company_id": self.company_id.id,
            "college_id": self._ballot_college(vote["line"], resolution),
            "receipt_code": vote.get("receipt"),
        }
        if not resolution.secret:
            common["associate_id"] = vote["associate"].id
        if resolution.kind != "election":
            return [dict(common, choice=vote["choice"])]
        candidates = vote.get("candidates") or []
        return [dict(common, choice="for" if candidates else "abstain")] + [
            dict(common, candidate_id=candidate.id, choice="for")
            for candidate in candidates
        ]

    def _prepare_batch_rows(self, resolution, prepared, counts):
        """Anonymous rows of a paper batch, checked against who voted."""
        voters = Counter(
            self._ballot_college(vote["line"], resolution) for vote in prepared
        )
        ballots, filled, named = Counter(), Counter(), Counter()
        most_for_one = Counter()
        rows = []
        for item in counts:
            count = item.get("count") or 0
            if count < 0:
                raise UserError(self.env._("A count cannot be negative."))
            if item.get("choice") not in CHOICE_KEYS:
                raise UserError(self.env._("Each count needs its vote."))
            college = (item.get("college_id") or None) if self.use_colleges else None
            candidate = item.get("candidate_id") or None
            if candidate:
                if candidate not in resolution.candidate_ids.ids:
                    raise UserError(
                        self.env._(
                            "Only the candidates of %(election)s can be counted.",
                            election=resolution.name,
                        )
                    )
                named[college] += count
                most_for_one[college] = max(most_for_one[college], count)
            else:
                ballots[college] += count
                if item["choice"] == "for":
                    filled[college] += count
            rows += [
                {
                    "resolution_id": resolution.id,
                    "assembly_id": self.id,
                    "company_id": self.company_id.id,
                    "college_id": college,
                    "candidate_id": candidate,
                    "choice": item["choice"],
                }
            ] * count
        self._check_batch_counts(
            resolution, voters, ballots, (filled, named, most_for_one)
        )
        return rows

    def _check_batch_counts(self, resolution, voters, ballots, election):
        """Raise unless the urn holds one ballot per associate ticked (per
        college) and, for an election, the candidates' votes fit the ballots
        naming them."""
        _ = self.env._
        names = {
            college.id: college.name
            for college in self.env["cae.assembly.college"].browse(
                [c for c in set(voters) | set(ballots) if c]
            )
        }
        for college in sorted(set(voters) | set(ballots), key=lambda c: c or 0):
            where = (
                _(" (college %(college)s)", college=names[college]) if college else ""
            )
            if ballots[college] != voters[college]:
                raise UserError(
                    _(
                        "%(resolution)s%(where)s: the urn holds %(ballots)s "
                        "ballot(s) but %(voters)s associate(s) are ticked as "
                        "having voted on paper.",
                        resolution=resolution.name,
                        where=where,
                        ballots=ballots[college],
                        voters=voters[college],
                    )
                )
        if resolution.kind != "election":
            return
        filled, named, most_for_one = election
        for college in set(filled) | set(named):
            count, ballots_named = named[college], filled[college]
            if (
                most_for_one[college] > ballots_named
                or count > ballots_named * resolution.seats
                or count < ballots_named
            ):
                raise UserError(
                    _(
                        "%(election)s: %(filled)s ballot(s) naming candidates "
                        "give between %(filled)s and %(most)s votes in all, "
                        "at most %(filled)s to one candidate; the counts "
                        "give %(count)s.",
                        election=resolution.name,
                        filled=ballots_named,
                        most=ballots_named * resolution.seats,
                        count=count,
                    )
                )

    def _count_ballot_boxes(self):
        """The count, when the votes close: move every sealed ballot of
        these assemblies into ``cae.assembly.ballot`` in one shuffled
        statement and empty their ballot boxes.

        Called by :meth:`action_close` after it wrote the assemblies (which
        waits for the votes in progress). Locking the lines of the register
        then fails if a vote committed since this transaction's snapshot
        (votes update their voters' lines, see
        :meth:`_register_participations`): the closing is retried on fresh
        data, so that no sealed ballot is left out of the count."""
        if not self:
            return
        self.flush_recordset()
        ids = tuple(self.ids)
        self.env.cr.execute(
            SQL(
                "SELECT id FROM cae_assembly_attendance WHERE assembly_id IN %s "
                "FOR UPDATE",
                ids,
            )
        )
        self.env.cr.execute(
            SQL(
                "DELETE FROM cae_assembly_ballot_box WHERE assembly_id IN %s "
                "RETURNING %s",
                ids,
                SQL(", ").join(SQL.identifier(column) for column in BALLOT_COLUMNS),
            )
        )
        rows = [
            dict(zip(BALLOT_COLUMNS, row, strict=True))
            for row in self.env.cr.fetchall()
        ]
        if rows:
            self.env["cae.assembly.ballot"].sudo().create(rows)
        self.env["cae.assembly.ballot.box"].invalidate_model()
        self._invalidate_results()

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import fields, models

from ..tools.vote_rules import (
    majority_reached,
    rank_candidates,
    required_for,
    votes_cast,
    weighted_share,
)
from .cae_assembly_resolution import RESULTS

# Ballot of an election without candidate: 'for' = a ballot naming
# candidates, 'abstain' = a blank ballot.
CHOICES = ("for", "against", "abstain")


class CaeAssemblyResolution(models.Model):
    """Results, counted from the ballots in one grouped query for any number
    of resolutions (:meth:`_get_tally`).

    Counting: the votes cast are the "for" and "against" (and the
    abstentions, or blank election ballots, when the rules count them). A
    resolution is adopted when its share of "for" among the votes cast
    meets its majority. When the assembly votes by colleges, that share is
    the weighted average of each college's own share (see
    :func:`vote_rules.weighted_share`).
    """

    _inherit = "cae.assembly.resolution"

    voter_count = fields.Integer(string="Voters", compute="_compute_results")
    count_for = fields.Integer(string="For", compute="_compute_results")
    count_against = fields.Integer(string="Against", compute="_compute_results")
    count_abstain = fields.Integer(
        string="Abstentions",
        compute="_compute_results",
        help="Abstentions; for an election, blank ballots.",
    )
    count_cast = fields.Integer(string="Votes cast", compute="_compute_results")
    share_for = fields.Float(
        string="For (%)",
        digits=(5, 2),
        compute="_compute_results",
        help="Share of 'for' among the votes cast; weighted by colleges when "
        "the assembly votes by colleges.",
    )
    required_for_count = fields.Integer(
        string="'For' needed",
        compute="_compute_results",
        help="Votes 'for' needed for the majority, given the votes cast "
        "(without colleges).",
    )
    result = fields.Selection(selection=RESULTS, compute="_compute_results")
    results_available = fields.Boolean(
        string="Results available",
        compute="_compute_results",
        help="The figures of a secret ballot exist only once the votes are "
        "closed: its ballots stay sealed until then.",
    )

    def _compute_results(self):
        tallies = self._get_tally()
        for resolution in self:
            tally = tallies[resolution]
            resolution.update(
                {
                    key: tally[key]
                    for key in (
                        "voter_count",
                        "count_for",
                        "count_against",
                        "count_abstain",
                        "count_cast",
                        "share_for",
                        "required_for_count",
                        "result",
                        "results_available",
                    )
                }
            )

    def _get_tally(self):
        """``{resolution: figures}`` for every resolution of ``self``, from
        two grouped queries (ballots, voters) whatever their number.

        The figures: ``voter_count``, ``count_for``, ``count_against``,
        ``count_abstain``, ``count_cast``, ``share_for`` (percent),
        ``required_for_count``, ``result`` and, for elections,
        ``candidates``: ``{candidate: {votes, share, rank, elected, tie}}``;
        ``results_available``: false for a secret vote still open, whose
        figures are then all zero (its ballots are sealed until the count,
        see ``cae.assembly.ballot.box``).
        """
        resolutions = self.filtered(lambda r: r.id and r._results_available())
        # Ballots are readable by managers only; their counts by everyone
        # who may read the resolution.
        Ballot = self.env["cae.assembly.ballot"].sudo()
        Participation = self.env["cae.assembly.participation"].sudo()
        counts = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
        for resolution, candidate, college, choice, count in Ballot._read_group(
            [("resolution_id", "in", resolutions.ids)],
            ["resolution_id", "candidate_id", "college_id", "choice"],
            ["__count"],
        ):
            college = college if resolution.assembly_id.use_colleges else False
            counts[resolution][(candidate, college)][choice] += count
        voters = dict(
            Participation._read_group(
                [("resolution_id", "in", resolutions.ids)],
                ["resolution_id"],
                ["__count"],
            )
        )
        return {
            resolution: resolution._tally_one(
                counts.get(resolution, {}),
                voters.get(resolution, 0),
                available=resolution in resolutions,
            )
            for resolution in self
        }

    def _get_published_receipts(self):
        """``{resolution: [(receipt code, what the ballot says)]}``, sorted
        by code: the online ballots of each resolution whose assembly is
        closed (empty lists otherwise), as published to the associates and
        in the minutes, so that every voter finds their ballot and anyone
        can recount. One grouped query for all resolutions."""
        published = {resolution: [] for resolution in self}
        closed = self.filtered(lambda r: r.id and r.assembly_id.state == "closed")
        if not closed:
            return published
        choices = dict(
            self.env["cae.assembly.ballot"]
            ._fields["choice"]
            ._description_selection(self.env)
        )
        ballots = defaultdict(lambda: {"choice": False, "candidates": []})
        for resolution, code, candidate, choice in (
            self.env["cae.assembly.ballot"]
            .sudo()
            ._read_group(
                [
                    ("resolution_id", "in", closed.ids),
                    ("receipt_code", "!=", False),
                ],
                ["resolution_id", "receipt_code", "candidate_id", "choice"],
            )
        ):
            ballot = ballots[(resolution, code)]
            if candidate:
                ballot["candidates"].append(candidate.name)
            else:
                ballot["choice"] = choice
        blank = self.env._("Blank ballot")
        for (resolution, code), ballot in sorted(
            ballots.items(), key=lambda item: item[0][1]
        ):
            if resolution.kind == "election":
                label = ", ".join(sorted(ballot["candidates"])) or blank
            else:
                label = choices.get(ballot["choice"], "")
            published[resolution].append((code, label))
        return published

    def _results_available(self):
        """Whether the figures of this resolution may be counted: those of
        a secret ballot only once the votes are closed."""
        self.ensure_one()
        return not self.secret or self.assembly_id.state == "closed"

    def _get_college_weights(self):
        self.ensure_one()
        assembly = self.assembly_id
        if not assembly.use_colleges:
            return defaultdict(lambda: 1)
        return {line.college_id: line.weight for line in assembly.college_line_ids}

    def _tally_one(self, counts, voter_count, available=True):
        """Figures of this resolution from ``counts``: ``{(candidate,
        college): {choice: count}}`` (candidate empty for the ballot
        itself)."""
        self.ensure_one()
        weights = self._get_college_weights()
        ballots = {
            college: tuple(by_choice.get(choice, 0) for choice in CHOICES)
            for (candidate, college), by_choice in counts.items()
            if not candidate
        }
        total_for, total_against, total_abstain = (
            sum(values[i] for values in ballots.values()) for i in range(3)
        )
        cast_by_college = {
            college: votes_cast(f, a, ab, self.abstention_counts)
            for college, (f, a, ab) in ballots.items()
        }
        cast = votes_cast(
            total_for, total_against, total_abstain, self.abstention_counts
        )
        figures = {
            "voter_count": voter_count,
            "count_for": total_for,
            "count_against": total_against,
            "count_abstain": total_abstain,
            "count_cast": cast,
            "share_for": 0.0,
            "required_for_count": 0,
            "result": False,
            "candidates": {},
            "results_available": available,
        }
        if not available:
            return figures
        if self.kind == "election":
            figures.update(self._tally_election(counts, cast_by_college, weights))
            return figures
        share = weighted_share(
            {
                college: (ballots[college][0], cast_by_college[college])
                for college in ballots
            },
            weights,
        )
        figures["share_for"] = float(share * 100) if share is not None else 0.0
        figures["required_for_count"] = (
            0 if self.assembly_id.use_colleges else required_for(self.majority, cast)
        )
        figures["result"] = (
            "adopted" if majority_reached(self.majority, share) else "rejected"
        )
        return figures

    def _tally_election(self, counts, cast_by_college, weights):
        votes = defaultdict(int)
        shares = {}
        for candidate in self.candidate_ids:
            by_college = {}
            for college, cast in cast_by_college.items():
                count = counts.get((candidate, college), {}).get("for", 0)
                votes[candidate] += count
                by_college[college] = (count, cast)
            shares[candidate] = weighted_share(by_college, weights)
        ranking = rank_candidates(shares, self.seats, self.majority)
        candidates = {
            candidate: {
                "votes": votes[candidate],
                "share": float(shares[candidate] * 100)
                if shares[candidate] is not None
                else 0.0,
                "rank": ranking[candidate][0],
                "elected": ranking[candidate][1],
                "tie": ranking[candidate][2],
            }
            for candidate in self.candidate_ids
        }
        elected = any(values["elected"] for values in candidates.values())
        return {
            "candidates": candidates,
            "result": "elected" if elected else "none_elected",
        }

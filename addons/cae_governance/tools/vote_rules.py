# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Quorum, majority, proxy and college arithmetic of general assemblies.

Plain functions on integers and :class:`fractions.Fraction`, without the ORM,
so that the legal boundaries (exactly a quarter, exactly two thirds) are
computed exactly: a float such as 0.6667 would reject 200 votes out of 300.

How the models use it:

- the quorum of an assembly: :func:`quorum_reached` with the number of
  associates present, remote or represented, the electorate and the fraction
  of the assembly type for its call (first or second);
- the result of a resolution: :func:`majority_reached` on the share of "for"
  among the votes cast, that share being :func:`weighted_share` of the
  colleges' shares when the assembly votes by colleges;
- the proxies an associate may hold: :func:`proxy_limit`.

>>> quorum = parse_fraction("1/4")
>>> quorum_reached(5, 20, quorum), quorum_reached(4, 20, quorum)
(True, False)
>>> majority_reached("two_thirds", Fraction(20, 30))
True
>>> majority_reached("two_thirds", Fraction(19, 30))
False
>>> majority_reached("simple", Fraction(1, 2))
False
>>> proxy_limit(19, 20, 1, Fraction(1, 20)), proxy_limit(20, 20, 1, Fraction(1, 20))
(1, 1)
>>> proxy_limit(39, 20, 1, Fraction(1, 20)), proxy_limit(40, 20, 1, Fraction(1, 20))
(1, 2)
"""

import math
from fractions import Fraction

# Majority rules: the share of "for" among the votes cast must exceed
# (strictly) or reach the threshold. "relative" only ranks candidates.
MAJORITIES = [
    ("simple", "Simple majority of votes cast"),
    ("two_thirds", "Two-thirds of votes cast"),
    ("three_quarters", "Three-quarters of votes cast"),
    ("unanimity", "Unanimity of votes cast"),
    ("relative", "Most votes (elections)"),
]
# rule -> (threshold, strictly greater)
THRESHOLDS = {
    "simple": (Fraction(1, 2), True),
    "two_thirds": (Fraction(2, 3), False),
    "three_quarters": (Fraction(3, 4), False),
    "unanimity": (Fraction(1), False),
    "relative": (Fraction(0), True),
}


def parse_fraction(text):
    """The fraction written ``text`` ("1/4", "0.2", "20%", "" for none).

    Raises ``ValueError`` when it is not a number between 0 and 1.

    >>> parse_fraction("1/4"), parse_fraction("0.2"), parse_fraction("20 %")
    (Fraction(1, 4), Fraction(1, 5), Fraction(1, 5))
    >>> parse_fraction(""), parse_fraction(False)
    (Fraction(0, 1), Fraction(0, 1))
    """
    text = (text or "").strip().replace(",", ".").replace(" ", "")
    if not text:
        return Fraction(0)
    if text.endswith("%"):
        value = Fraction(text[:-1]) / 100
    else:
        value = Fraction(text)
    if not 0 <= value <= 1:
        raise ValueError(text)
    return value


def quorum_required(electorate, fraction):
    """Smallest number of participants that reaches ``fraction`` of the
    ``electorate``.

    >>> quorum_required(20, Fraction(1, 4)), quorum_required(21, Fraction(1, 4))
    (5, 6)
    >>> quorum_required(20, Fraction(0))
    0
    """
    return math.ceil(Fraction(electorate) * fraction)


def quorum_reached(participants, electorate, fraction):
    """Whether ``participants`` make at least ``fraction`` of the
    ``electorate`` (a quorum of 0 is always reached)."""
    return Fraction(participants) >= Fraction(electorate) * fraction


def votes_cast(count_for, count_against, count_abstain, abstention_counts):
    """Votes cast: for and against, with the abstentions if the rules count
    them (then an abstention weighs like a vote against).

    >>> votes_cast(5, 4, 2, False), votes_cast(5, 4, 2, True)
    (9, 11)
    """
    return count_for + count_against + (count_abstain if abstention_counts else 0)


def majority_reached(rule, share):
    """Whether a share of "for" (``None`` when nobody voted) meets ``rule``.

    >>> majority_reached("simple", Fraction(6, 10)), majority_reached("simple", None)
    (True, False)
    >>> majority_reached("unanimity", Fraction(1))
    True
    >>> majority_reached("unanimity", Fraction(9, 10))
    False
    """
    if share is None:
        return False
    threshold, strict = THRESHOLDS[rule]
    return share > threshold if strict else share >= threshold


def required_for(rule, cast):
    """Smallest number of "for" among ``cast`` votes that meets ``rule``.

    >>> required_for("simple", 10), required_for("simple", 9)
    (6, 5)
    >>> required_for("two_thirds", 30), required_for("three_quarters", 10)
    (20, 8)
    """
    threshold, strict = THRESHOLDS[rule]
    if strict:
        return math.floor(cast * threshold) + 1
    return math.ceil(cast * threshold)


def weighted_share(college_counts, weights):
    """Share of "for" when voting by colleges.

    ``college_counts``: ``{college: (for, cast)}``; ``weights``: ``{college:
    weight}`` (any positive numbers, e.g. percentages). Each college's result
    is its own share of "for" among its votes cast; the resolution's share is
    the average of those results weighted by the colleges' weights. A college
    where nobody cast a vote is left out and its weight spread over the
    others in proportion to theirs. ``None`` when no college voted.

    Without colleges, this is simply ``for / cast``:

    >>> weighted_share({None: (6, 10)}, {None: 1})
    Fraction(3, 5)

    Colleges A (50 %): 10 for out of 15 cast; B (30 %): 1 out of 4; C
    (20 %): 4 out of 4. 1/2 x 2/3 + 3/10 x 1/4 + 1/5 x 1 = 73/120 (60.8 %):

    >>> weighted_share({"A": (10, 15), "B": (1, 4), "C": (4, 4)},
    ...                {"A": 50, "B": 30, "C": 20})
    Fraction(73, 120)

    College C did not vote: A and B share its weight (5/8 and 3/8):

    >>> weighted_share({"A": (10, 15), "B": (1, 4), "C": (0, 0)},
    ...                {"A": 50, "B": 30, "C": 20})
    Fraction(49, 96)
    """
    voted = {
        college: Fraction(count_for, cast)
        for college, (count_for, cast) in college_counts.items()
        if cast
    }
    total_weight = sum(Fraction(str(weights[college])) for college in voted)
    if not voted or not total_weight:
        return None
    return (
        sum(Fraction(str(weights[college])) * share for college, share in voted.items())
        / total_weight
    )


def proxy_limit(electorate, threshold, below, ratio):
    """Proxies one associate may hold (loi 78-763 on SCOP: at most one under
    ``threshold`` (20) associates; from then on, no more votes than a
    twentieth of the associates, hence rounded down, and never less than
    ``below``).

    >>> [proxy_limit(n, 20, 1, Fraction(1, 20)) for n in (5, 19, 20, 39, 40, 100)]
    [1, 1, 1, 1, 2, 5]
    """
    if electorate < threshold:
        return below
    return max(below, math.floor(Fraction(electorate) * ratio))


def rank_candidates(shares, seats, rule):
    """Rank candidates and tell who is elected.

    ``shares``: ``{candidate: share of the votes cast or None}``. Candidates
    are ranked by share (equal shares, equal rank). The ``seats`` best are
    elected if they meet ``rule``; candidates tied for the last seat are not
    elected (the statutes decide, e.g. the eldest): ``tie`` is then true.
    Returns ``{candidate: (rank, elected, tie)}``.

    >>> half, quarter = Fraction(1, 2), Fraction(1, 4)
    >>> r = rank_candidates({"a": 3 * quarter, "b": half, "c": half}, 2, "relative")
    >>> r["a"], r["b"], r["c"]
    ((1, True, False), (2, False, True), (2, False, True))
    >>> r = rank_candidates({"a": 3 * quarter, "b": half, "c": quarter}, 2, "simple")
    >>> r["a"], r["b"], r["c"]
    ((1, True, False), (2, False, False), (3, False, False))
    """
    ordered = sorted(shares.values(), key=lambda s: s or 0, reverse=True)
    result = {}
    for candidate, share in shares.items():
        value = share or 0
        rank = 1 + sum(1 for other in ordered if (other or 0) > value)
        tied = sum(1 for other in ordered if (other or 0) == value)
        fits = rank + tied - 1 <= seats
        eligible = bool(value) and majority_reached(rule, share)
        tie = eligible and rank <= seats and not fits
        result[candidate] = (rank, eligible and fits, tie)
    return result

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import doctest
from fractions import Fraction

from odoo.tests.common import BaseCase

from odoo.addons.cae_governance.tools import vote_rules
from odoo.addons.cae_governance.tools.vote_rules import (
    majority_reached,
    parse_fraction,
    proxy_limit,
    quorum_reached,
    quorum_required,
    required_for,
    votes_cast,
    weighted_share,
)


class TestVoteRules(BaseCase):
    """The arithmetic of quorum, majorities, proxies and colleges, at the
    boundaries, without the ORM."""

    def test_doctests(self):
        result = doctest.testmod(vote_rules)
        self.assertGreater(result.attempted, 20)
        self.assertFalse(result.failed)

    def test_quorum_of_a_quarter(self):
        quarter = parse_fraction("1/4")
        for participants, electorate, reached in (
            (5, 20, True),  # exactly a quarter
            (4, 20, False),  # one below
            (6, 21, True),  # 21 / 4 = 5.25: six needed
            (5, 21, False),
            (0, 0, True),
        ):
            with self.subTest(participants=participants, electorate=electorate):
                self.assertEqual(
                    quorum_reached(participants, electorate, quarter), reached
                )
        self.assertEqual(quorum_required(20, quarter), 5)
        self.assertEqual(quorum_required(21, quarter), 6)
        # No quorum at second call: reached with nobody.
        self.assertTrue(quorum_reached(0, 20, parse_fraction("0")))

    def test_fractions_are_exact(self):
        self.assertEqual(parse_fraction("2/3"), Fraction(2, 3))
        self.assertEqual(parse_fraction("0,25"), Fraction(1, 4))
        self.assertEqual(parse_fraction("20%"), Fraction(1, 5))
        for wrong in ("3/2", "-1/4", "un quart", "1/0"):
            with (
                self.subTest(wrong=wrong),
                self.assertRaises((ValueError, ZeroDivisionError)),
            ):
                parse_fraction(wrong)

    def test_majorities_at_the_boundary(self):
        for rule, count_for, cast, adopted in (
            ("simple", 6, 10, True),
            ("simple", 5, 10, False),  # half is not a majority
            ("simple", 5, 9, True),
            ("two_thirds", 20, 30, True),  # exactly two thirds
            ("two_thirds", 19, 30, False),  # one below
            ("two_thirds", 200, 300, True),
            ("three_quarters", 15, 20, True),
            ("three_quarters", 14, 20, False),
            ("unanimity", 12, 12, True),
            ("unanimity", 11, 12, False),
            ("simple", 0, 0, False),  # nobody voted
        ):
            with self.subTest(rule=rule, count_for=count_for, cast=cast):
                share = Fraction(count_for, cast) if cast else None
                self.assertEqual(majority_reached(rule, share), adopted)
                if cast:
                    self.assertEqual(count_for >= required_for(rule, cast), adopted)

    def test_abstentions(self):
        # 5 for, 4 against, 2 abstentions: adopted when abstentions are left
        # out (5/9), rejected when they count (5/11).
        self.assertEqual(votes_cast(5, 4, 2, False), 9)
        self.assertEqual(votes_cast(5, 4, 2, True), 11)
        self.assertTrue(majority_reached("simple", Fraction(5, 9)))
        self.assertFalse(majority_reached("simple", Fraction(5, 11)))

    def test_proxy_limit(self):
        ratio = Fraction(1, 20)
        for electorate, limit in ((2, 1), (19, 1), (20, 1), (39, 1), (40, 2), (59, 2)):
            with self.subTest(electorate=electorate):
                self.assertEqual(proxy_limit(electorate, 20, 1, ratio), limit)

    def test_college_weighting(self):
        # SCIC with three colleges, by hand:
        # entrepreneurs (50 %): 10 for, 5 against -> 2/3
        # staff (30 %): 1 for, 3 against -> 1/4
        # partners (20 %): 4 for, 0 against -> 1
        # 0.5 x 2/3 + 0.3 x 1/4 + 0.2 x 1 = 1/3 + 3/40 + 1/5 = 73/120 = 60.83 %
        counts = {"entrepreneurs": (10, 15), "staff": (1, 4), "partners": (4, 4)}
        weights = {"entrepreneurs": 50, "staff": 30, "partners": 20}
        share = weighted_share(counts, weights)
        self.assertEqual(share, Fraction(73, 120))
        self.assertTrue(majority_reached("simple", share))
        self.assertFalse(majority_reached("two_thirds", share))
        # Counted by heads, the same ballots give 15 for out of 23 (65.2 %).
        self.assertEqual(Fraction(15, 23) > Fraction(2, 3), False)
        # Nobody voted in the partners' college: its 20 % go to the others
        # in proportion (50/80 and 30/80): 5/8 x 2/3 + 3/8 x 1/4 = 49/96.
        counts["partners"] = (0, 0)
        self.assertEqual(weighted_share(counts, weights), Fraction(49, 96))
        self.assertIsNone(weighted_share({"a": (0, 0)}, {"a": 100}))

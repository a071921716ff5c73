# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Share an amount among participants, to the cent.

How to use: build one weight per participant with :func:`equal_weights`,
:func:`hours_weights` or :func:`mix_weights` (exact fractions summing to 1),
then :func:`split` the amount, given in cents, by those weights.

How it works: each participant's exact share is ``amount × weight``; every
share is first rounded down to the cent, then the cents left over go one by
one to the largest remainders (the largest remainder method, also called
Hamilton's method), so that the shares add up to the amount exactly. Equal
remainders go to the participant listed first: callers list participants in
a stable order (by name, then id), which makes the result deterministic.

No ORM here: the functions work on plain numbers and are tested as such.
"""

import math
from fractions import Fraction


def to_fraction(value):
    """Exact fraction of a float as written (0.1 gives 1/10, not 0.1000…01)."""
    if isinstance(value, Fraction | int):
        return Fraction(value)
    return Fraction(str(value))


def equal_weights(count):
    """One equal weight per participant."""
    if count <= 0:
        raise ValueError("no participant")
    return [Fraction(1, count)] * count


def hours_weights(hours):
    """Weights proportional to the hours worked; zero hours give zero."""
    hours = [to_fraction(h) for h in hours]
    if any(h < 0 for h in hours):
        raise ValueError("negative hours")
    total = sum(hours)
    if total <= 0:
        raise ValueError("no hours worked")
    return [h / total for h in hours]


def mix_weights(hours, hours_share):
    """``hours_share`` of the amount by hours, the rest in equal shares.

    ``hours_share`` is a fraction between 0 and 1 (0.3 for 30 %).
    """
    share = to_fraction(hours_share)
    if not 0 <= share <= 1:
        raise ValueError("hours share out of [0, 1]")
    equal = equal_weights(len(hours))
    if share == 0:
        return equal
    by_hours = hours_weights(hours)
    return [(1 - share) * e + share * h for e, h in zip(equal, by_hours, strict=True)]


def split(amount_cents, weights):
    """Integer cents per weight, summing to ``amount_cents`` exactly.

    >>> split(100000, equal_weights(3))
    [33334, 33333, 33333]
    """
    if amount_cents < 0:
        raise ValueError("negative amount")
    if not weights:
        raise ValueError("no participant")
    if sum(weights) != 1:
        raise ValueError("weights must add up to 1")
    exact = [amount_cents * Fraction(w) for w in weights]
    cents = [math.floor(x) for x in exact]
    left = amount_cents - sum(cents)
    # Largest remainder first; on a tie, the participant listed first.
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - cents[i]), i))
    for index in order[:left]:
        cents[index] += 1
    return cents

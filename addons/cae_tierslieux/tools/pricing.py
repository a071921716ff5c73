# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The cheapest way to pay a stay, from hour, half-day and day prices.

Plain Python, no ORM: :func:`cheapest_combination` is called by bookings
and tested on its own.

How it works: a stay of ``hours`` can be paid with whole days (each covering
``day_hours``), half-days (``half_day_hours``) and the remaining hours at the
hourly price, pro rata. Every combination that covers the stay is tried
(there are few: a stay fits in one opening day) and the cheapest wins, e.g.
with 5 €/h, 15 € the half-day and 25 € the day:

- 5 h cost 20 € as a half-day and one hour (not 25 € as five hours);
- 7 h cost 25 € as a day (not 30 € as a half-day and three hours).

A price that is not offered is ``None`` (a rate card may have no hourly
price, then a short stay costs a half-day). On equal amounts the combination
with fewer packages wins, so that invoices stay as simple as possible.
"""

import math
from collections import namedtuple

Combination = namedtuple("Combination", "amount days half_days hours")

# Hundredths of a cent: enough to compare amounts built from floats.
_PRECISION = 6


def cheapest_combination(
    hours,
    price_hour=None,
    price_half_day=None,
    price_day=None,
    half_day_hours=4.0,
    day_hours=8.0,
):
    """Cheapest :class:`Combination` paying ``hours``, None if none can.

    The amount is not rounded: the caller multiplies it (desks booked) and
    rounds once with the currency.
    """
    if hours <= 0:
        return Combination(0.0, 0, 0, 0.0)
    best = None
    max_days = math.ceil(hours / day_hours) if price_day is not None else 0
    for days in range(max_days + 1):
        after_days = max(0.0, hours - days * day_hours)
        max_halves = (
            math.ceil(after_days / half_day_hours) if price_half_day is not None else 0
        )
        for halves in range(max_halves + 1):
            rest = max(0.0, after_days - halves * half_day_hours)
            if rest and price_hour is None:
                continue
            amount = (
                days * (price_day or 0.0)
                + halves * (price_half_day or 0.0)
                + rest * (price_hour or 0.0)
            )
            key = (round(amount, _PRECISION), days + halves, rest)
            if best is None or key < best[0]:
                best = (key, Combination(amount, days, halves, rest))
    return best and best[1]

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure date arithmetic of the legal limits of the entrepreneur path.

How to use::

    cape = Period(date(2024, 2, 1), date(2025, 1, 31))
    reduced_limit(date(2025, 2, 1), 36, [cape])  # date(2027, 2, 1)

The caller (``cae.entrepreneur``) lists the contracts of the path as
:class:`Period` and reads the number of months from the rules in force;
this module only does date arithmetic, so that each rule of the law can be
checked by hand (tests/test_path_calc.py).

Periods are inclusive: ``Period(start, end)`` covers ``start`` to ``end``,
both days included; ``end`` is ``None`` while the contract runs.

The two limits of the Code du travail that shorten with earlier contracts,
L7331-3 (3 years from the conclusion of the CESA to become an associate)
and L7332-1 (trial period of 8 months at most), are both "N months from
the CESA, less the duration of the CAPE or of any other contract concluded
between the parties". :func:`reduced_limit` computes it as follows:

1. the earlier contracts are those that started before the CESA; only
   their days before the CESA count (a CAPE that ends on the day the CESA
   starts shares that day with it: it counts once, for the CESA), and days
   covered by two contracts count once;
2. with no earlier contract: the CESA's start plus N months;
3. otherwise: N months from the start of the first earlier contract,
   postponed by each gap between that start and the CESA (the time no
   contract covered, which does not count), each gap measured in months
   and days like a contract's duration. Without a gap, the result is
   exactly N months after the first contract, whatever the length of the
   months in between; with contracts and gaps of whole months, it is the
   CESA plus N months less the months of the contracts;
4. never before the CESA's start (the delay cannot be negative) nor after
   the CESA's start plus N months.
"""

from collections import namedtuple
from datetime import timedelta

from dateutil.relativedelta import relativedelta

Period = namedtuple("Period", ["start", "end"])

ONE_DAY = timedelta(days=1)


def _merged(periods, before):
    """Half-open ``[start, stop)`` intervals of ``periods`` before ``before``,
    sorted, overlapping or touching ones merged."""
    intervals = sorted(
        (period.start, min(period.end + ONE_DAY, before) if period.end else before)
        for period in periods
        if period.start < before
    )
    merged = []
    for start, stop in intervals:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], stop)
        else:
            merged.append([start, stop])
    return [(start, stop) for start, stop in merged]


def gaps_before(periods, before):
    """The gaps between the ``periods`` and up to ``before``, as durations.

    >>> from datetime import date
    >>> cape = Period(date(2023, 12, 1), date(2024, 11, 30))
    >>> gaps_before([cape], date(2025, 2, 1))
    [relativedelta(months=+2)]
    >>> gaps_before([cape], date(2024, 12, 1))
    []
    """
    merged = _merged(periods, before)
    stops = [stop for _start, stop in merged]
    starts = [start for start, _stop in merged[1:]] + [before]
    return [
        relativedelta(start, stop)
        for stop, start in zip(stops, starts, strict=True)
        if start > stop
    ]


def reduced_limit(start, months, earlier):
    """``start`` plus ``months``, less the time under the ``earlier`` contracts.

    The day the delay runs out. See the module's docstring for the rule.

    >>> from datetime import date
    >>> cesa = date(2025, 2, 1)
    >>> reduced_limit(cesa, 36, [])
    datetime.date(2028, 2, 1)
    >>> reduced_limit(cesa, 36, [Period(date(2024, 2, 1), date(2025, 1, 31))])
    datetime.date(2027, 2, 1)
    >>> # Two months between the end of the CAPE and the CESA:
    >>> reduced_limit(cesa, 36, [Period(date(2023, 12, 1), date(2024, 11, 30))])
    datetime.date(2027, 2, 1)
    >>> reduced_limit(cesa, 8, [Period(date(2024, 2, 1), date(2025, 1, 31))])
    datetime.date(2025, 2, 1)
    """
    earlier = [period for period in earlier if period.start < start]
    latest = start + relativedelta(months=months)
    if not earlier:
        return latest
    first = min(period.start for period in earlier)
    delay = relativedelta(months=months)
    for gap in gaps_before(earlier, start):
        delay += gap
    return min(max(first + delay, start), latest)


def last_day(start, months):
    """Last day of a term of ``months`` that starts on ``start``.

    >>> from datetime import date
    >>> last_day(date(2024, 2, 1), 12)
    datetime.date(2025, 1, 31)
    """
    return start + relativedelta(months=months) - ONE_DAY


def whole_months_until(start, limit, maximum):
    """Most whole months from ``start`` (at most ``maximum``) ending by ``limit``.

    A term of ``m`` months from ``start`` fits when it ends before the
    exclusive ``limit``.

    >>> from datetime import date
    >>> whole_months_until(date(2025, 2, 1), date(2025, 6, 20), 8)
    4
    >>> whole_months_until(date(2025, 2, 1), date(2025, 2, 1), 8)
    0
    """
    months = 0
    while months < maximum and start + relativedelta(months=months + 1) <= limit:
        months += 1
    return months

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure computation of a treasury forecast, month by month.

How to use::

    rows = roll_forward(700.0, months, {"customers": {months[1]: 600.0}})
    rows[1].opening, rows[1].closing  # 700.0, 1300.0

The caller (``cae.activity._get_treasury_forecast``) gathers the opening
treasury and every flow in a few grouped queries; this function only adds
them up, so that a forecast can be checked by hand
(tests/test_treasury_forecast.py).

A flow is ``{month_start: amount}``, positive for money coming in, negative
for money going out. Amounts of months before the first one (overdue
invoices, claims to pay now) count in the first month; amounts after the
last month are left out of the forecast.
"""

from collections import namedtuple

# The flows of a forecast, in the order they are shown.
FLOWS = ("customers", "quotes", "bills", "expenses", "salaries", "contributions")

ForecastMonth = namedtuple(
    "ForecastMonth", ["month", "opening", "flows", "total", "closing"]
)


def month_of(day, months):
    """The month of ``months`` whose flow ``day`` counts in, else ``None``.

    >>> from datetime import date
    >>> months = [date(2026, 3, 1), date(2026, 4, 1)]
    >>> month_of(date(2026, 1, 10), months), month_of(date(2026, 4, 30), months)
    (datetime.date(2026, 3, 1), datetime.date(2026, 4, 1))
    >>> month_of(date(2026, 5, 1), months) is None
    True
    """
    start = day.replace(day=1)
    if start <= months[0]:
        return months[0]
    return start if start in months else None


def spread(amounts, months):
    """``{month_start: total}`` of ``[(day, amount)]`` (see :func:`month_of`).

    >>> from datetime import date
    >>> months = [date(2026, 3, 1), date(2026, 4, 1)]
    >>> spread([(date(2026, 2, 1), 10.0), (date(2026, 3, 9), 5.0),
    ...         (date(2026, 9, 1), 99.0)], months)
    {datetime.date(2026, 3, 1): 15.0}
    """
    result = {}
    for day, amount in amounts:
        month = month_of(day, months)
        if month is not None:
            result[month] = result.get(month, 0.0) + amount
    return result


def roll_forward(opening, months, flows, round_amount=lambda amount: amount):
    """The :class:`ForecastMonth` of each month: opening + flows = closing.

    ``flows`` is ``{flow: {month_start: amount}}`` (flows of :data:`FLOWS`
    that are missing count zero); the closing treasury of a month opens the
    next one.

    >>> from datetime import date
    >>> months = [date(2026, 3, 1), date(2026, 4, 1)]
    >>> rows = roll_forward(700.0, months, {
    ...     "customers": {date(2026, 4, 1): 600.0},
    ...     "salaries": {date(2026, 3, 1): -500.0, date(2026, 4, 1): -500.0},
    ... })
    >>> [(row.opening, row.total, row.closing) for row in rows]
    [(700.0, -500.0, 200.0), (200.0, 100.0, 300.0)]
    """
    rows = []
    for month in months:
        values = {
            flow: round_amount(flows.get(flow, {}).get(month, 0.0)) for flow in FLOWS
        }
        total = round_amount(sum(values.values()))
        closing = round_amount(opening + total)
        rows.append(ForecastMonth(month, opening, values, total, closing))
        opening = closing
    return rows

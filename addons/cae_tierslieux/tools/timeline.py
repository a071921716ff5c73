# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time arithmetic of bookings, without the ORM.

- :func:`peak_usage`: the most units used at once by bookings inside a
  period (shared desks may not exceed their units at any instant).
- :func:`free_starts`: the start times of a given duration that fit in
  opening intervals without clashing with existing bookings; used by the
  availability search of the portal.

Every interval is half-open ``[start, stop)``: a booking ending at 11:00 and
another starting at 11:00 do not overlap.
"""

import math
from datetime import timedelta


def overlaps(start, stop, other_start, other_stop):
    """Whether ``[start, stop)`` and ``[other_start, other_stop)`` overlap."""
    return start < other_stop and other_start < stop


def peak_usage(busy, start, stop):
    """Most units used at once within ``[start, stop)``.

    ``busy`` is an iterable of ``(start, stop, units)``. Sweep the boundaries:
    a release at the same instant as a take counts first, since intervals
    are half-open.
    """
    events = []
    for busy_start, busy_stop, units in busy:
        if overlaps(start, stop, busy_start, busy_stop):
            events.append((max(busy_start, start), 1, units))
            events.append((min(busy_stop, stop), 0, -units))
    peak = used = 0
    for _moment, _order, delta in sorted(events):
        used += delta
        peak = max(peak, used)
    return peak


def aligned(moment, step_minutes):
    """First instant at or after ``moment`` on a ``step_minutes`` grid.

    The grid starts at midnight of ``moment``'s day, so with a 30-minute
    step the starts are 9:00, 9:30... whatever the opening time.
    """
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    elapsed = (moment - midnight).total_seconds()
    step = step_minutes * 60
    return midnight + timedelta(seconds=math.ceil(elapsed / step) * step)


def free_starts(
    open_intervals,
    busy,
    duration,
    step_minutes,
    capacity=1,
    units=1,
    buffer=timedelta(0),
    not_before=None,
):
    """Start times of free slots of ``duration``, in chronological order.

    :param open_intervals: ``(start, stop)`` opening intervals, local time.
    :param busy: ``(start, stop, units)`` of existing bookings, local time,
        ``stop`` including their buffer for exclusive resources.
    :param capacity: units of the resource (1 for exclusive resources).
    :param buffer: time kept free after the new booking.
    :param not_before: earliest allowed start.
    """
    busy = sorted(busy)
    starts = []
    for open_start, open_stop in open_intervals:
        start = aligned(max(open_start, not_before or open_start), step_minutes)
        while start + duration <= open_stop:
            stop = start + duration + buffer
            clashing = [b for b in busy if overlaps(start, stop, b[0], b[1])]
            if peak_usage(clashing, start, stop) + units <= capacity:
                starts.append(start)
            start += timedelta(minutes=step_minutes)
    return starts

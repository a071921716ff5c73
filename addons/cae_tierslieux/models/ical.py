# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A read-only iCalendar feed (RFC 5545), written without the ORM.

:func:`calendar` turns a list of :class:`Event` into the text of a
``VCALENDAR`` with one ``VEVENT`` each, as calendar applications subscribe
to it (``METHOD:PUBLISH``). What the RFC asks and this module does:

- lines end with CRLF and are folded at 75 octets, the next line starting
  with a space (3.1), never inside a UTF-8 character;
- TEXT values escape backslash, semicolon, comma and new lines (3.3.11);
- times are UTC date-times (``19970714T173000Z``, 3.3.5), so that no
  ``VTIMEZONE`` is needed;
- every ``VEVENT`` has ``UID`` and ``DTSTAMP`` (3.6.1), here ``DTSTART``
  and ``DTEND`` too, and a ``STATUS`` (TENTATIVE, CONFIRMED, CANCELLED).
"""

from collections import namedtuple

Event = namedtuple(
    "Event",
    "uid start stop summary description location status last_modified",
)
STATUSES = ("TENTATIVE", "CONFIRMED", "CANCELLED")


def escape_text(value):
    """A TEXT value (RFC 5545 3.3.11)."""
    return (
        (value or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def format_utc(moment):
    """A naive UTC datetime as a UTC DATE-TIME value."""
    return moment.strftime("%Y%m%dT%H%M%SZ")


def fold(line):
    """Fold a content line at 75 octets (RFC 5545 3.1), on characters."""
    parts, current, size = [], "", 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            # Continuation lines start with a space, which counts.
            current, size, limit = " ", 1, 75
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def calendar(name, events, prodid, now):
    """The iCalendar text of ``events`` (a list of :class:`Event`)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{prodid}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    stamp = format_utc(now)
    for event in events:
        if event.status not in STATUSES:
            raise ValueError(f"Unknown status {event.status!r}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{format_utc(event.start)}",
            f"DTEND:{format_utc(event.stop)}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if event.location:
            lines.append(f"LOCATION:{escape_text(event.location)}")
        lines.append(f"STATUS:{event.status}")
        if event.last_modified:
            lines.append(f"LAST-MODIFIED:{format_utc(event.last_modified)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)

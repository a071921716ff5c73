# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Account selections written as prefixes, as in the reference CAE software.

``"6"`` selects every account whose code starts with 6; ``"6 -641 -645"``
(commas or spaces) selects class 6 except the accounts starting with 641 or
645. An exclusion wins over an inclusion.
"""

import re


def parse(spec):
    """``(included, excluded)`` prefix tuples of a selection."""
    included, excluded = [], []
    for token in re.split(r"[\s,;]+", spec or ""):
        if not token:
            continue
        if token.startswith("-"):
            if token[1:]:
                excluded.append(token[1:])
        else:
            included.append(token)
    return tuple(included), tuple(excluded)


def is_valid(spec):
    """True when the selection includes something and holds only digits."""
    included, excluded = parse(spec)
    return bool(included) and all(p.isalnum() for p in included + excluded)


def matcher(spec):
    """Function ``code -> bool`` for a selection."""
    included, excluded = parse(spec)

    def match(code):
        code = code or ""
        return code.startswith(included) and not (
            excluded and code.startswith(excluded)
        )

    return match

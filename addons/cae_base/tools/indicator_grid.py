# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure computation of the balance indicator grid (no ORM here).

How to use::

    grid = IndicatorGrid([
        IndicatorDef("cash", "accounts", prefixes="5"),
        IndicatorDef("suppliers", "accounts", prefixes="40"),
        IndicatorDef("treasury", "sum", operands=("cash", "suppliers")),
    ])
    mapping = grid.account_mapping({7: "512001", 9: "401100"})
    # -> {7: ["cash"], 9: ["suppliers"]}: one SQL query sums the analytic
    #    lines per (activity, leaf indicator) through this mapping...
    grid.evaluate({"cash": 100.0, "suppliers": -30.0})  # Σ(debit − credit)
    # -> {"cash": 100.0, "suppliers": -30.0, "treasury": 70.0}

How it works: leaf indicators ("accounts") select general accounts by code
prefix, a leading "-" excluding a sub-prefix, as autonomie/enDI do: "42,43,
44,-421,-425" takes every account whose code starts with 42, 43 or 44 except
those starting with 421 or 425. Sums add other indicators of the grid, in
dependency order (cycles are refused by :func:`check_acyclic`).
"""

import math
import re
from collections import namedtuple

from odoo.tools.float_utils import float_invert

IndicatorDef = namedtuple(
    "IndicatorDef",
    ["code", "kind", "prefixes", "operands", "sign"],
    defaults=("", (), 1),
)

PREFIX_TOKEN = re.compile(r"^-?[0-9A-Za-z.]+$")


class PrefixError(Exception):
    """Raised with the offending token when a prefix list cannot be read."""


class CycleError(Exception):
    """Raised with an indicator code of a sum that adds itself."""


def parse_prefixes(text):
    """``"42, 43,-421"`` -> ``(("42", "43"), ("421",))``.

    >>> parse_prefixes("42,43,44,-421,-425")
    (('42', '43', '44'), ('421', '425'))
    >>> parse_prefixes(" 5 ")
    (('5',), ())
    """
    included, excluded = [], []
    for token in (text or "").split(","):
        token = token.strip()
        if not token:
            continue
        if not PREFIX_TOKEN.match(token):
            raise PrefixError(token)
        if token.startswith("-"):
            excluded.append(token[1:])
        else:
            included.append(token)
    if not included:
        raise PrefixError(text or "")
    return tuple(included), tuple(excluded)


def code_matches(code, included, excluded):
    """True if the account ``code`` belongs to the prefix selection.

    >>> code_matches("445710", ("42", "43", "44"), ("421", "425"))
    True
    >>> code_matches("425000", ("42", "43", "44"), ("421", "425"))
    False
    """
    code = code or ""
    return code.startswith(included) and not (excluded and code.startswith(excluded))


def check_acyclic(operands_by_code):
    """Return the codes in an order where operands come first.

    Raise ``CycleError(code)`` with a code of the first cycle found.
    Unknown operands (inactive indicators) are ignored.

    >>> check_acyclic({"a": ("b",), "b": (), "c": ("a", "b")})
    ['b', 'a', 'c']
    """
    order, state = [], {}

    def visit(code):
        if state.get(code) == "done" or code not in operands_by_code:
            return
        if state.get(code) == "visiting":
            raise CycleError(code)
        state[code] = "visiting"
        for operand in operands_by_code.get(code, ()):
            visit(operand)
        state[code] = "done"
        order.append(code)

    for code in operands_by_code:
        visit(code)
    return order


def amount_rounder(rounding):
    """``round_(amount)``: ``float_round(amount, precision_rounding=rounding)``
    (HALF-UP), the same figures, ``0.0`` for no amount.

    The same arithmetic as Odoo's ``float_round`` with its checks done once:
    a grid rounds every indicator of every activity (10,000 activities make
    over 100,000 amounts), where ``float_round`` costs four times as much.

    >>> round_ = amount_rounder(0.01)
    >>> round_(2.675), round_(-2.675), round_(0.004999), round_(None)
    (2.68, -2.68, 0.0, 0.0)
    >>> amount_rounder(5.0)(12.5)
    15.0
    """
    if rounding < 1:
        # As float_round: a small rounding is inverted, the amount multiplied.
        factor = float_invert(rounding)
        scale, unscale = factor.__rmul__, factor.__rtruediv__
    else:
        scale, unscale = rounding.__rtruediv__, rounding.__rmul__

    def round_(amount):
        if not amount:
            return 0.0
        normalized = scale(amount)
        # float_round's epsilon: tips 2.6749999999999998 (2.675) up.
        epsilon = 2 ** (math.log2(abs(normalized)) - 50)
        return unscale(round(normalized + math.copysign(epsilon, normalized)))

    return round_


class IndicatorGrid:
    """The indicators of one company, ready to map accounts and evaluate."""

    def __init__(self, definitions):
        self.definitions = {d.code: d for d in definitions}
        self.order = check_acyclic(
            {d.code: tuple(d.operands) if d.kind == "sum" else () for d in definitions}
        )
        self._parsed = {
            d.code: parse_prefixes(d.prefixes)
            for d in definitions
            if d.kind == "accounts"
        }

    def leaves_needed(self, codes=None):
        """Leaf ("accounts") codes needed to evaluate ``codes`` (all if None)."""
        wanted = set(codes) if codes else set(self.definitions)
        leaves, stack = set(), list(wanted)
        while stack:
            code = stack.pop()
            definition = self.definitions.get(code)
            if not definition:
                continue
            if definition.kind == "sum":
                stack.extend(definition.operands)
            else:
                leaves.add(code)
        return leaves

    def account_mapping(self, codes_by_account, leaves=None):
        """``{account_id: code}`` -> ``{account_id: [leaf codes]}``.

        Accounts that belong to no leaf are left out.
        """
        leaves = self._parsed.keys() if leaves is None else leaves
        mapping = {}
        for account_id, account_code in codes_by_account.items():
            found = [
                leaf
                for leaf in leaves
                if code_matches(account_code, *self._parsed[leaf])
            ]
            if found:
                mapping[account_id] = found
        return mapping

    def evaluate(self, leaf_sums, codes=None):
        """Values of the indicators from the Σ(debit − credit) of the leaves.

        Every indicator applies its sign (1 or -1): a leaf to its own sum, a
        sum indicator to the total of its operands' values.

        >>> grid = IndicatorGrid([
        ...     IndicatorDef("revenue", "accounts", "7", sign=-1),
        ...     IndicatorDef("costs", "accounts", "6"),
        ...     IndicatorDef("cash", "accounts", "5"),
        ...     IndicatorDef("net", "sum", operands=("revenue", "cash")),
        ... ])
        >>> grid.evaluate({"revenue": -1000.0, "costs": 200.0, "cash": 50.0})
        {'revenue': 1000.0, 'costs': 200.0, 'cash': 50.0, 'net': 1050.0}
        """
        values = {}
        for code in self.order:
            definition = self.definitions[code]
            if definition.kind == "sum":
                total = sum(values.get(operand, 0.0) for operand in definition.operands)
            else:
                total = leaf_sums.get(code, 0.0)
            values[code] = definition.sign * total
        if codes:
            return {code: values.get(code, 0.0) for code in codes}
        return values

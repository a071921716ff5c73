# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure computation of one activity's contribution for one period.

How to use::

    figures = ActivityFigures(turnover=10000.0, resold_purchases=2000.0)
    terms = RuleTerms(base="margin", rate=10.0)
    result = compute_contribution(figures, terms, round_amount=currency.round)
    result.amount  # 800.0, rounded once with the company currency

The caller gathers the figures of every activity in a few queries (see
``cae.contribution.run``) and this function only does arithmetic, so that
each base can be checked by hand (tests/test_contribution_calc.py).

How it works, in this order:

1. gross base: turnover excl. VAT ("turnover"), turnover minus purchases
   re-invoiced ("margin"), untaxed total of the period's customer invoices
   ("invoice"), nothing ("fixed");
2. base = gross base minus the deductible expenses, never below zero;
3. amount = base × rate / 100, plus the fixed monthly amount × months;
4. the minimum and maximum per period apply when the activity had a base
   (or when the rule is a fixed amount): a dormant activity owes nothing;
5. the yearly fee is added when due (first contribution of the year);
6. the total is rounded once, with the company currency.
"""

from collections import namedtuple

BASES = ("turnover", "margin", "invoice", "fixed")

ActivityFigures = namedtuple(
    "ActivityFigures",
    ["turnover", "resold_purchases", "invoiced", "invoice_count", "deduction"],
    defaults=(0.0, 0.0, 0.0, 0, 0.0),
)

RuleTerms = namedtuple(
    "RuleTerms",
    [
        "base",
        "rate",
        "fixed_amount",
        "months",
        "amount_min",
        "amount_max",
        "yearly_fee",
        "yearly_fee_due",
    ],
    defaults=(0.0, 0.0, 1, 0.0, 0.0, 0.0, False),
)

Contribution = namedtuple(
    "Contribution",
    [
        "gross_base",
        "deduction",
        "base_amount",
        "proportional_amount",
        "fixed_amount",
        "limit",
        "yearly_fee",
        "amount",
    ],
)


def gross_base(figures, base):
    """The amount the rate applies to, before deductions.

    >>> gross_base(ActivityFigures(turnover=1000.0, resold_purchases=300.0), "margin")
    700.0
    """
    if base == "turnover":
        return figures.turnover
    if base == "margin":
        return figures.turnover - figures.resold_purchases
    if base == "invoice":
        return figures.invoiced
    return 0.0


def compute_contribution(figures, terms, round_amount=lambda amount: amount):
    """Return the :class:`Contribution` of one activity for one period.

    >>> smart = RuleTerms("invoice", 6.5, yearly_fee=25.0, yearly_fee_due=True)
    >>> compute_contribution(ActivityFigures(invoiced=1000.0), smart).amount
    90.0
    >>> capped = RuleTerms("turnover", 10.0, amount_min=50.0, amount_max=300.0)
    >>> compute_contribution(ActivityFigures(turnover=100.0), capped).amount
    50.0
    >>> compute_contribution(ActivityFigures(turnover=0.0), capped).amount
    0.0
    """
    gross = gross_base(figures, terms.base)
    deduction = figures.deduction if terms.base != "fixed" else 0.0
    base_amount = max(gross - deduction, 0.0)
    proportional = base_amount * terms.rate / 100.0 if terms.base != "fixed" else 0.0
    fixed = terms.fixed_amount * terms.months if terms.base == "fixed" else 0.0
    amount = proportional + fixed
    active = base_amount > 0.0 or terms.base == "fixed"
    limit = False
    if active and terms.amount_min and amount < terms.amount_min:
        amount, limit = terms.amount_min, "min"
    if active and terms.amount_max and amount > terms.amount_max:
        amount, limit = terms.amount_max, "max"
    fee = terms.yearly_fee if active and terms.yearly_fee_due else 0.0
    return Contribution(
        gross_base=gross,
        deduction=min(deduction, max(gross, 0.0)),
        base_amount=base_amount,
        proportional_amount=proportional,
        fixed_amount=fixed,
        limit=limit,
        yearly_fee=fee,
        amount=round_amount(amount + fee),
    )

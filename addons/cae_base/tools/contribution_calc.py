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
3. amount = base × rate / 100, plus the fixed monthly amount × months. For
   a "% of each invoice" rule the amount at the rate is computed and
   rounded invoice by invoice (refunds negative), less the rate of the
   deductible expenses, never below zero: the contribution of an invoice
   does not depend on the other invoices of the month;
4. the minimum and maximum are amounts per month: times the months of the
   period, like the fixed amount, they apply when the activity had a base
   (or when the rule is a fixed amount): a dormant activity owes nothing;
5. the yearly fee is added when due (first contribution of the year);
6. the total is rounded once more, with the company currency.
"""

from collections import namedtuple

BASES = ("turnover", "margin", "invoice", "fixed")

ActivityFigures = namedtuple(
    "ActivityFigures",
    [
        "turnover",
        "resold_purchases",
        "invoiced",
        "invoice_count",
        "deduction",
        "invoice_amounts",
    ],
    defaults=(0.0, 0.0, 0.0, 0, 0.0, ()),
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
    >>> from functools import partial
    >>> cents = partial(round, ndigits=2)
    >>> # 6.5 % of each invoice of 100.10: 6.51 three times, not 6.5 % of 300.30
    >>> three = ActivityFigures(invoiced=300.3, invoice_amounts=(100.1,) * 3)
    >>> compute_contribution(three, RuleTerms("invoice", 6.5), cents).amount
    19.53
    >>> capped = RuleTerms("turnover", 10.0, amount_min=50.0, amount_max=300.0)
    >>> compute_contribution(ActivityFigures(turnover=100.0), capped).amount
    50.0
    >>> compute_contribution(ActivityFigures(turnover=0.0), capped).amount
    0.0
    >>> quarter = capped._replace(months=3)
    >>> compute_contribution(ActivityFigures(turnover=1000.0), quarter).amount
    150.0
    """
    gross = gross_base(figures, terms.base)
    deduction = figures.deduction if terms.base != "fixed" else 0.0
    base_amount = max(gross - deduction, 0.0)
    if terms.base == "invoice" and figures.invoice_amounts:
        deducted = min(deduction, max(gross, 0.0))
        proportional = max(
            sum(
                round_amount(invoiced * terms.rate / 100.0)
                for invoiced in figures.invoice_amounts
            )
            - round_amount(deducted * terms.rate / 100.0),
            0.0,
        )
    elif terms.base != "fixed":
        proportional = base_amount * terms.rate / 100.0
    else:
        proportional = 0.0
    fixed = terms.fixed_amount * terms.months if terms.base == "fixed" else 0.0
    amount = proportional + fixed
    active = base_amount > 0.0 or terms.base == "fixed"
    amount_min = terms.amount_min * terms.months
    amount_max = terms.amount_max * terms.months
    limit = False
    if active and amount_min and amount < amount_min:
        amount, limit = amount_min, "min"
    if active and amount_max and amount > amount_max:
        amount, limit = amount_max, "max"
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

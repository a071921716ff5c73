# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pay arithmetic of the salaried entrepreneur, without the ORM.

How to use: rates are percentages (``21.84`` for 21.84 %) given as a list,
one per contribution line of the payslip; ``rnd`` rounds an amount to the
currency (``currency.round``). Each contribution line is rounded on its own,
exactly as the payslip rounds its lines, so that the budget, the simulation
and the payslip agree to the cent.

>>> rnd = lambda amount: round(amount + 0.0, 2)
>>> contributions(2500.0, [16.83, 5.01], rnd)
546.0
>>> net_from_gross(2500.0, [16.83, 5.01], rnd)
1954.0
>>> cost_from_gross(2500.0, [36.67, 7.01], rnd)
3592.0
>>> gross_from_net(1954.0, [16.83, 5.01], rnd)
2500.0
>>> fundable_gross(3592.0, [36.67, 7.01], rnd)
2500.0
>>> fundable_gross(-10.0, [36.67, 7.01], rnd)
0.0
"""

CENT = 0.01
# Enough steps to absorb the rounding of a handful of lines.
MAX_STEPS = 100


def contributions(gross, rates, rnd):
    """Total of the contribution lines on ``gross``, each line rounded."""
    return rnd(sum(rnd(gross * rate / 100.0) for rate in rates))


def net_from_gross(gross, employee_rates, rnd):
    """Net pay: gross minus the employee contributions."""
    return rnd(gross - contributions(gross, employee_rates, rnd))


def cost_from_gross(gross, employer_rates, rnd):
    """Total employer cost: gross plus the employer contributions."""
    return rnd(gross + contributions(gross, employer_rates, rnd))


def gross_from_net(net, employee_rates, rnd):
    """Smallest gross whose net pay reaches ``net``."""
    if net <= 0:
        return 0.0
    gross = rnd(net / (1.0 - sum(employee_rates) / 100.0))
    # The division lands within a cent or two; walk to the exact cent.
    for _step in range(MAX_STEPS):
        if net_from_gross(gross, employee_rates, rnd) < net - CENT / 2:
            gross = rnd(gross + CENT)
        elif net_from_gross(rnd(gross - CENT), employee_rates, rnd) >= net - CENT / 2:
            gross = rnd(gross - CENT)
        else:
            break
    return gross


def fundable_gross(available, employer_rates, rnd):
    """Largest gross whose total employer cost stays within ``available``."""
    if available <= 0:
        return 0.0
    gross = rnd(available / (1.0 + sum(employer_rates) / 100.0))
    for _step in range(MAX_STEPS):
        if gross > 0 and cost_from_gross(gross, employer_rates, rnd) > (
            available + CENT / 2
        ):
            gross = rnd(gross - CENT)
        elif cost_from_gross(rnd(gross + CENT), employer_rates, rnd) <= (
            available + CENT / 2
        ):
            gross = rnd(gross + CENT)
        else:
            break
    return max(gross, 0.0)


def amount_in_words_fr(amount):
    """The amount in euros, in French words, as written on a payslip.

    >>> amount_in_words_fr(1954.0)
    'mille neuf cent cinquante-quatre euros'
    >>> amount_in_words_fr(1992.47)
    'mille neuf cent quatre-vingt-douze euros et quarante-sept centimes'
    >>> amount_in_words_fr(1.01)
    'un euro et un centime'
    >>> amount_in_words_fr(2000000.0)
    "deux millions d'euros"
    """
    from num2words import num2words

    cents_total = int(round(abs(amount) * 100))
    euros, cents = divmod(cents_total, 100)
    words = num2words(euros, lang="fr")
    if words.endswith(("million", "millions", "milliard", "milliards")):
        words += " d'euros"
    else:
        words += " euro" if euros <= 1 else " euros"
    if cents:
        words += " et " + num2words(cents, lang="fr")
        words += " centime" if cents == 1 else " centimes"
    return ("moins " + words) if amount < 0 and cents_total else words

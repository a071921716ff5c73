# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Amounts in euros in French words, as written on a payslip or a share
certificate (num2words), for every add-on of the suite."""


def amount_in_words_fr(amount):
    """The amount in euros, in French words, as written on a payslip.

    >>> amount_in_words_fr(250.0)
    'deux cent cinquante euros'
    >>> amount_in_words_fr(21.5)
    'vingt et un euros et cinquante centimes'
    >>> amount_in_words_fr(1000000.0)
    "un million d'euros"

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

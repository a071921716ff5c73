# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""French company numbers made up for the demo, with valid check digits.

How to use::

    siren, nic, vat = made_up_ids(partner.id)

How it works: the SIREN is ``9`` followed by the number on 7 digits and its
Luhn check digit (INSEE: the SIREN is a Luhn number); the SIRET is the SIREN
and the NIC ``0001`` with the Luhn check digit of the whole 14 digits; the
VAT number is ``FR``, the key (12 + 3 × (SIREN mod 97)) mod 97 on two
digits, then the SIREN (article 286 ter of the CGI, the DGFiP's key).

>>> made_up_ids(42)
('900000423', '00013', 'FR73900000423')
>>> from stdnum.fr import siret, tva
>>> siren, nic, vat = made_up_ids(1234567)
>>> siret.is_valid(siren + nic), tva.is_valid(vat)
(True, True)
"""

from stdnum import luhn


def made_up_ids(number):
    """SIREN, NIC and VAT number made up from ``number`` (below 10 000 000)."""
    if not 0 <= number < 10_000_000:
        raise ValueError(f"{number} does not fit in 7 digits")
    base = f"9{number:07d}"
    siren = base + luhn.calc_check_digit(base)
    nic = "0001" + luhn.calc_check_digit(siren + "0001")
    key = (12 + 3 * (int(siren) % 97)) % 97
    return siren, nic, f"FR{key:02d}{siren}"

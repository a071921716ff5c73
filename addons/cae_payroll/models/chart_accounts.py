# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The pay accounts of the French chart and their equivalents (data only).

The rules name their accounts by the French chart's template xmlids
(``res_company.py``); a company on another chart the suite knows
(``cae_base/tools/chart_defaults.py``) gets the equivalent account of its
own chart, and a chart the suite does not know gets none: an account of the
same code means something else there (the French 641 salaries is the
Belgian 641 capital losses). Sources: cae_base readme, Charts of accounts.
"""

FRENCH_EQUIVALENTS = {
    # Belgian PCMN (arrêté royal du 12 septembre 1983)
    "be": {
        "pcg_6411": "a6202",  # rémunérations et avantages sociaux, employés
        "pcg_421": "a455",  # rémunérations (net pay owed)
        "pcg_431": "a454",  # Office national de sécurité sociale (ONSS)
        "pcg_437": "a459",  # autres dettes sociales
        "pcg_4421": "a453",  # précomptes retenus (précompte professionnel)
        "pcg_6451": "a621",  # cotisations patronales d'assurances sociales
        "pcg_6452": "a622",  # primes patronales pour assurances extralégales
        "pcg_6453": "a622",
        "pcg_6454": "a621",  # unemployment insurance is part of the ONSS
        "pcg_6333": "a623",  # autres frais de personnel
        "pcg_6334": "a623",
        "pcg_6318": "a640",  # charges fiscales d'exploitation
    },
    # Canadian chart of l10n_ca (template ca_2023); in Québec the source
    # deductions (RRQ, EI, QPIP, income tax) and the employer's shares and
    # contributions (FSS, CNESST...) are remitted together: 221206.
    "ca_2023": {
        "pcg_6411": "l10n_ca_512110",  # salaries, wages and commissions
        "pcg_421": "l10n_ca_221203",  # wages payable
        "pcg_431": "l10n_ca_221206",  # employee deductions payable
        "pcg_437": "l10n_ca_221206",
        "pcg_4421": "l10n_ca_221206",
        "pcg_6451": "l10n_ca_512120",  # employee benefits
        "pcg_6452": "l10n_ca_512120",
        "pcg_6453": "l10n_ca_512120",
        "pcg_6454": "l10n_ca_512120",
        "pcg_6333": "l10n_ca_512120",
        "pcg_6334": "l10n_ca_512120",
        "pcg_6318": "l10n_ca_512203",  # indirect taxes
    },
}

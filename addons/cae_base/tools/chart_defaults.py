# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the suite knows of each chart of accounts (data only, no ORM).

A *family* is the root chart template code of Odoo (``fr``, ``be``,
``ca_2023``): ``be_comp`` and ``be_asso`` are loaded on top of ``be`` and
share its accounts, so they share the Belgian grid. Any other chart gets no
default grid and no account: the suite warns instead of guessing, since a
prefix means something else in another chart (the French 40 suppliers and 41
customers are the Belgian 40 customers and 41 other receivables).

The sources of every prefix and account are in readme/CONFIGURE.md
("Charts of accounts"); the chart's own account codes are those of Odoo's
templates, ``addons/l10n_*/data/template/account.account-*.csv``.
"""

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

CHART_FAMILIES = {
    # family: name shown in warnings and documentation
    "fr": _lt("the French PCG (l10n_fr_account)"),
    "be": _lt("the Belgian PCMN (l10n_be)"),
    "ca_2023": _lt("the Canadian chart (l10n_ca)"),
}


def chart_family(template_codes):
    """The family of a chart from its template and parents, else None.

    ``template_codes`` is ``[code, parent, grand-parent...]`` as Odoo's
    ``account.chart.template._get_parent_template`` gives it.

    >>> chart_family(["be_comp", "be"])
    'be'
    >>> chart_family(["ch"]) is None
    True
    """
    for code in reversed(template_codes or []):
        if code in CHART_FAMILIES:
            return code
    return None


# ---------------------------------------------------------------------------
# Balance grids: the account prefixes of each leaf indicator, per family.
# The indicators themselves (names, sums, signs) are those of
# cae_balance_indicator.DEFAULT_INDICATORS; a leading "-" excludes a prefix.
# ---------------------------------------------------------------------------
GRID_PREFIXES = {
    # Plan comptable général (règlement ANC 2014-03), as autonomie/enDI
    # read it (docs/money-flows.md, the French grid).
    "fr": {
        "cash": "5",  # comptes financiers
        "taxes_due": "42,43,44,-421,-425",  # personnel, organismes sociaux, État
        "suppliers": "40",  # fournisseurs et comptes rattachés
        "salaries_to_pay": "421",  # personnel, rémunérations dues
        "customers": "41",  # clients et comptes rattachés
        "expense_claims": "425",  # 425100 created by the suite
        "turnover": "70",  # ventes, prestations de services
        "resold_purchases": "604,607",  # prestations achetées, marchandises
        "result": "6,7",  # charges, produits
    },
    # PCMN, annex of the Belgian royal decree of 12 September 1983
    # determining the minimum standard chart of accounts; the headings are
    # those of the annual accounts (AR 29 April 2019 executing the Code des
    # sociétés et des associations).
    "be": {
        # 54/58 "Valeurs disponibles": valeurs échues à l'encaissement (54),
        # établissements de crédit (55, Odoo's bank accounts 550xxx), office
        # des chèques postaux (56), caisses (57), virements internes (58,
        # the contribution's transfer account). 50/53 are investments.
        "cash": "54,55,56,57,58",
        # 411 TVA à récupérer, 412 impôts et précomptes à récupérer, 45
        # dettes fiscales, salariales et sociales (450 estimated taxes, 451
        # TVA à payer, 452 impôts, 453 précomptes retenus, 454 ONSS, 456
        # pécules de vacances, 459 autres dettes sociales) but the net pay
        # (455), as the French grid keeps 421 apart.
        "taxes_due": "411,412,45,-455",
        # 44 dettes commerciales (440 fournisseurs, 441 effets à payer, 444
        # factures à recevoir) and 406 acomptes versés (advances paid to
        # suppliers, the French 409 counted with the suppliers).
        "suppliers": "44,406",
        "salaries_to_pay": "455",  # rémunérations
        # 40 créances commerciales (400 clients, 401 effets à recevoir, 404
        # produits à recevoir, 407 créances douteuses) but the advances paid
        # (406) and the write-downs (409, as the French 491 are left out),
        # and 46 acomptes reçus sur commandes (the French 4191).
        "customers": "40,-406,-409,46",
        # 489100 created by the suite under 489 autres dettes diverses: what
        # an employer repays of its own costs is not pay (455).
        "expense_claims": "4891",
        "turnover": "70",  # chiffre d'affaires (708 rebates included)
        # 60 approvisionnements et marchandises: raw materials, consumables,
        # services and works bought (602), subcontracting (603), goods for
        # resale (604), stock variations (609): what "the gross margin of
        # the invoicing" of a business cooperative deducts.
        "resold_purchases": "60",
        # 60/66 charges, 70/76 produits; 69 and 79 are the appropriation of
        # the result (affectations et prélèvements), not part of it.
        "result": "6,7,-69,-79",
    },
    # Canadian chart of Odoo's l10n_ca (template ca_2023): no statutory
    # chart in Canada; codes of account.account-ca_2023.csv.
    "ca_2023": {
        # 1111xx cash and cash equivalents: bank journals (11131x), cash
        # (11121x) and the internal transfer account (1111xx).
        "cash": "111",
        # 118 GST/QST/HST receivable, 231000 GST to pay, 232000 PST/QST to
        # pay, 233-235 HST to pay, 221206 employee deductions payable
        # (source deductions), 221210 owing to governments, 222300 claims of
        # governments. 2310 rather than 231: 231410 is a bank lien note.
        "taxes_due": "118,2310,232,233,234,235,221206,221210,222300",
        # 2211 trade accounts payable (221110 default payable, 221120,
        # 221130 holdbacks).
        "suppliers": "2211",
        # 221203 wages payable, 221205 bonus payable.
        "salaries_to_pay": "221203,221205",
        # 11211 trade accounts receivable (112110 default, 112113 point of
        # sale), 11212 rent and lease receivable.
        "customers": "11211,11212",
        "expense_claims": "221212",  # created by the suite under 2212
        "turnover": "411",  # sales of goods and services
        # 511 cost of sales (purchases 511210, the default expense account,
        # goods for resale 511213, inventories) and 512204 sub-contracts.
        "resold_purchases": "511,512204",
        # 4 revenue, 5 expenses, 6 gains, losses and income taxes, 7
        # extraordinary items: classes 1-3 are the balance sheet.
        "result": "4,5,6,7",
    },
}


# ---------------------------------------------------------------------------
# Accounts created with the chart and company settings, per family.
# Settings name template xmlids: the accounts above, or the chart's own.
# ---------------------------------------------------------------------------
CHART_ACCOUNTS = {
    "fr": {
        # What the cooperative owes entrepreneurs for their expense claims:
        # under 425 for the "expense claims to pay" indicator of the French
        # grid, payable so that the claims can be paid like bills.
        "cae_pcg_4251": {
            "name": "Personnel - Notes de frais à payer",
            "name@en_US": "Staff - Expense claims to pay",
            "code": "425100",
            "account_type": "liability_payable",
            "non_trade": True,
            "reconcile": True,
        },
        # The contribution only moves money between activities: both
        # accounts net to zero for the company, not for each activity.
        "cae_pcg_6589": {
            "name": "Contribution coopérative des activités",
            "name@en_US": "Cooperative contribution of the activities",
            "code": "658900",
            "account_type": "expense",
        },
        "cae_pcg_7589": {
            "name": "Contribution coopérative reçue des activités",
            "name@en_US": "Cooperative contribution received from the activities",
            "code": "758900",
            "account_type": "income_other",
        },
    },
    "be": {
        "cae_pcmn_4891": {
            "name": "Expense claims to repay",
            "name@fr": "Notes de frais à rembourser",
            "name@nl": "Terug te betalen onkostennota's",
            "code": "489100",
            "account_type": "liability_payable",
            "non_trade": True,
            "reconcile": True,
        },
        # 643/648 charges d'exploitation diverses and 743/749 produits
        # d'exploitation divers, as the French 658/758.
        "cae_pcmn_6431": {
            "name": "Cooperative contribution of the activities",
            "name@fr": "Contribution coopérative des activités",
            "name@nl": "Coöperatieve bijdrage van de activiteiten",
            "code": "643100",
            "account_type": "expense",
        },
        "cae_pcmn_7431": {
            "name": "Cooperative contribution received from the activities",
            "name@fr": "Contribution coopérative reçue des activités",
            "name@nl": "Coöperatieve bijdrage ontvangen van de activiteiten",
            "code": "743100",
            "account_type": "income_other",
        },
    },
    "ca_2023": {
        # Under 2212 other accounts payable, outside the suppliers (2211).
        "cae_ca_221212": {
            "name": "Expense claims to repay",
            "name@fr": "Notes de frais à rembourser",
            "code": "221212",
            "account_type": "liability_payable",
            "non_trade": True,
            "reconcile": True,
        },
        # Under 5122 expenses other than labour and 4133 all other
        # operating revenue: outside turnover (411) and cost of sales (511).
        "cae_ca_512290": {
            "name": "Cooperative contribution of the activities",
            "name@fr": "Contribution coopérative des activités",
            "code": "512290",
            "account_type": "expense",
        },
        "cae_ca_413390": {
            "name": "Cooperative contribution received from the activities",
            "name@fr": "Contribution coopérative reçue des activités",
            "code": "413390",
            "account_type": "income_other",
        },
    },
}

CHART_SETTINGS = {
    "fr": {
        "cae_expense_claim_account_id": "cae_pcg_4251",
        "cae_contribution_journal_id": "general",
        "cae_contribution_expense_account_id": "cae_pcg_6589",
        "cae_contribution_income_account_id": "cae_pcg_7589",
        "cae_contribution_transfer_account_id": "pcg_58_account",
        # Internal invoices between activities: the accounts of the
        # tiers-lieux internal charges (613200 locations immobilières,
        # 708300 locations diverses, in the turnover 70).
        "cae_internal_journal_id": "general",
        "cae_internal_expense_account_id": "pcg_6132",
        "cae_internal_income_account_id": "pcg_7083",
    },
    "be": {
        "cae_expense_claim_account_id": "cae_pcmn_4891",
        "cae_contribution_journal_id": "general",
        "cae_contribution_expense_account_id": "cae_pcmn_6431",
        "cae_contribution_income_account_id": "cae_pcmn_7431",
        "cae_contribution_transfer_account_id": "a58",  # virements internes
        "cae_internal_journal_id": "general",
        # 61 services et biens divers; 7050 prestations de services en
        # Belgique, in the turnover (70) as the French 708300.
        "cae_internal_expense_account_id": "a61",
        "cae_internal_income_account_id": "a7050",
    },
    "ca_2023": {
        "cae_expense_claim_account_id": "cae_ca_221212",
        "cae_contribution_journal_id": "general",
        "cae_contribution_expense_account_id": "cae_ca_512290",
        "cae_contribution_income_account_id": "cae_ca_413390",
        # The transfer account has no template xmlid in l10n_ca: the
        # company's internal transfer account is taken after loading.
        "cae_internal_journal_id": "general",
        # 512207 purchased materials, supplies and services; 411230 sales
        # of services (in the turnover 411).
        "cae_internal_expense_account_id": "l10n_ca_512207",
        "cae_internal_income_account_id": "l10n_ca_411230",
    },
}

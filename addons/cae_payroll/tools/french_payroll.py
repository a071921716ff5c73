# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The French payslip of a salaried entrepreneur, without the ORM.

How to use:

1. Read the dated parameters in force on the last day of the month into a
   ``{code: value}`` dict (``hr.payslip._cae_payroll_params``; every code
   below is a ``cae.parameter`` with its legal source; rates are in %).
2. Describe the month with a :class:`Case` (gross pay, hours, status,
   headcount, entry or exit dates, the year-to-date figures of the general
   reduction, the withholding tax rate).
3. :func:`compute` returns a :class:`Result`: every employee and employer
   contribution separately (:class:`Item`), the general reduction, net pay
   before tax, taxable pay, tax withheld, net to pay, net social amount
   and labour cost. :func:`gross_from_net` and :func:`gross_from_cost` solve
   the inverse problems exactly (to the cent) with the same rules.

How it works: the bases are those of the code de la sécurité sociale
(monthly ceiling prorated for part time and for incomplete months, tranches
1 and 2, 4 ceilings for unemployment, CSG/CRDS on 98.25 % of the pay up to
4 ceilings plus the employer's welfare contributions). Amounts are computed
exactly, then rounded to the cent: each contribution on its own (each
tranche), except CSG/CRDS and the employer contributions on a flat rate of
the pay, rounded so that their total is their exact total rounded (largest
remainder), and the net pay before tax is its exact value rounded. The
general reduction (RGDU from 2026, CSS L241-13 and D241-7) is computed on
the year's cumulated pay and minimum wage and regularised each month: the
reduction of the year so far minus what previous payslips deducted.

Example (January 2026, full time, 20 employees, gross 2,000.00 €): net
before tax 1,583.20 €, employer contributions 839.32 €, general reduction
629.40 €, labour cost 2,209.92 € (see tests/test_french_payroll.py).
"""

import calendar
import dataclasses
import math
from datetime import date, timedelta

# ---------------------------------------------------------------------------
# Risks of the clarified payslip (arrêté du 25 février 2016 as amended)
# ---------------------------------------------------------------------------
HEALTH = "health"
WORK_ACCIDENT = "work_accident"
PENSION = "pension"
FAMILY = "family"
UNEMPLOYMENT = "unemployment"
OTHER_EMPLOYER = "other_employer"
CSG_DEDUCTIBLE = "csg_deductible"
CSG_NON_DEDUCTIBLE = "csg_non_deductible"
REDUCTIONS = "reductions"
RISKS = (
    HEALTH,
    WORK_ACCIDENT,
    PENSION,
    FAMILY,
    UNEMPLOYMENT,
    OTHER_EMPLOYER,
    CSG_DEDUCTIBLE,
    CSG_NON_DEDUCTIBLE,
    REDUCTIONS,
)

# Neutral withholding grids (CGI art. 204 H): zone → parameter prefix.
TAX_ZONES = {
    "metropole": "cae_pay_pas_metropole",
    "gmr": "cae_pay_pas_gmr",
    "gm": "cae_pay_pas_gm",
}
TAX_GRID_SIZE = 19

# Contributions: code → (risk, base, employee rate code, employer rate code,
# applies). ``base`` names a key of :func:`_bases`; ``applies`` names a
# condition of :func:`_conditions`. Rate codes are parameters (in %).
CONTRIBUTIONS = {
    "HEALTH": (HEALTH, "gross", None, "cae_pay_er_health", "always"),
    "EXEC_WELFARE": (HEALTH, "t1", None, "cae_pay_er_exec_welfare", "executive"),
    "WELFARE": (
        HEALTH,
        "t1",
        "cae_pay_welfare_employee",
        "cae_pay_welfare_employer",
        "always",
    ),
    "HEALTH_INSURANCE": (HEALTH, "flat", None, None, "always"),
    "WORK_ACCIDENT": (
        WORK_ACCIDENT,
        "gross",
        None,
        "cae_pay_er_work_accident",
        "always",
    ),
    "OLD_AGE_CAPPED": (
        PENSION,
        "t1",
        "cae_pay_ee_old_age_capped",
        "cae_pay_er_old_age_capped",
        "always",
    ),
    "OLD_AGE": (PENSION, "gross", "cae_pay_ee_old_age", "cae_pay_er_old_age", "always"),
    "AA_T1": (PENSION, "t1", "cae_pay_ee_aa_t1", "cae_pay_er_aa_t1", "always"),
    "CEG_T1": (PENSION, "t1", "cae_pay_ee_ceg_t1", "cae_pay_er_ceg_t1", "always"),
    "AA_T2": (PENSION, "t2", "cae_pay_ee_aa_t2", "cae_pay_er_aa_t2", "always"),
    "CEG_T2": (PENSION, "t2", "cae_pay_ee_ceg_t2", "cae_pay_er_ceg_t2", "always"),
    "CET": (PENSION, "cet", "cae_pay_ee_cet", "cae_pay_er_cet", "always"),
    "FAMILY": (FAMILY, "gross", None, "cae_pay_er_family", "always"),
    "UNEMPLOYMENT": (
        UNEMPLOYMENT,
        "b4",
        None,
        "cae_pay_er_unemployment",
        "always",
    ),
    "AGS": (UNEMPLOYMENT, "b4", None, "cae_pay_er_ags", "always"),
    "APEC": (UNEMPLOYMENT, "apec", "cae_pay_ee_apec", "cae_pay_er_apec", "executive"),
    "AUTONOMY": (OTHER_EMPLOYER, "gross", None, "cae_pay_er_autonomy", "always"),
    "HOUSING_SMALL": (
        OTHER_EMPLOYER,
        "t1",
        None,
        "cae_pay_er_housing_small",
        "below_50",
    ),
    "HOUSING_LARGE": (
        OTHER_EMPLOYER,
        "gross",
        None,
        "cae_pay_er_housing_large",
        "from_50",
    ),
    "SOCIAL_DIALOGUE": (
        OTHER_EMPLOYER,
        "gross",
        None,
        "cae_pay_er_social_dialogue",
        "always",
    ),
    "TRAINING_SMALL": (
        OTHER_EMPLOYER,
        "gross",
        None,
        "cae_pay_er_training_small",
        "below_11",
    ),
    "TRAINING_LARGE": (
        OTHER_EMPLOYER,
        "gross",
        None,
        "cae_pay_er_training_large",
        "from_11",
    ),
    "APPRENTICESHIP": (
        OTHER_EMPLOYER,
        "gross",
        None,
        "cae_pay_er_apprenticeship",
        "always",
    ),
    "CONSTRUCTION": (
        OTHER_EMPLOYER,
        "gross",
        None,
        "cae_pay_er_construction",
        "from_50",
    ),
    "MOBILITY": (OTHER_EMPLOYER, "gross", None, "cae_pay_er_mobility", "from_11"),
    "FLAT_SOCIAL": (
        OTHER_EMPLOYER,
        "welfare",
        None,
        "cae_pay_er_flat_social",
        "from_11",
    ),
    "CSG_DEDUCTIBLE": (
        CSG_DEDUCTIBLE,
        "csg",
        "cae_pay_csg_deductible",
        None,
        "always",
    ),
    "CSG_NON_DEDUCTIBLE": (
        CSG_NON_DEDUCTIBLE,
        "csg",
        "cae_pay_csg_non_deductible",
        None,
        "always",
    ),
    "CRDS": (CSG_NON_DEDUCTIBLE, "csg", "cae_pay_crds", None, "always"),
}
CSG_CODES = ("CSG_DEDUCTIBLE", "CSG_NON_DEDUCTIBLE", "CRDS")
# Employer contributions on a flat rate of the pay rounded together (their
# total is the exact total rounded); the others are rounded line by line,
# each tranche on its own, as OpenFisca-France rounds its scales.
# Contributions on the pay up to 4 ceilings, rounded tranche by tranche
# (up to the ceiling, then above it).
SPLIT_AT_CEILING = ("UNEMPLOYMENT", "APEC")
ROUNDED_TOGETHER = (
    "WORK_ACCIDENT",
    "EXEC_WELFARE",
    "WELFARE",
    "TRAINING_SMALL",
    "TRAINING_LARGE",
    "MOBILITY",
    "FLAT_SOCIAL",
)
REDUCTION_CODE = "REDUCTION"


@dataclasses.dataclass(frozen=True)
class Case:
    """One month of one employee.

    ``gross``: gross pay of the month (already prorated for an entry or an
    exit); ``monthly_hours``: hours of the contract (full time: the
    parameter ``cae_full_time_monthly_hours``); ``contract_start`` and
    ``contract_end``: the contract's dates when they fall inside the month;
    ``ytd_*``: figures of the previous payslips of the calendar year
    (general reduction's base, minimum wage and amount); ``tax_rate``: the
    personal withholding rate in % (``None``: neutral grid of ``tax_zone``).
    """

    date_from: date
    date_to: date
    gross: float
    monthly_hours: float
    executive: bool = False
    headcount: int = 0
    contract_start: date = None
    contract_end: date = None
    ytd_base: float = 0.0
    ytd_smic: float = 0.0
    ytd_reduction: float = 0.0
    tax_rate: float = None
    tax_zone: str = "metropole"

    def replace(self, **changes):
        return dataclasses.replace(self, **changes)


@dataclasses.dataclass(frozen=True)
class Item:
    """One contribution: its base, rates (%) and amounts (positive: due)."""

    code: str
    risk: str
    base: float
    employee_rate: float
    employee: float
    employer_rate: float
    employer: float


@dataclasses.dataclass(frozen=True)
class Result:
    """A computed payslip. Amounts in currency, rounded to the cent."""

    case: Case
    items: tuple
    pmss: float
    smic: float
    coefficient: float
    reduction: float
    employee_social: float
    employee_total: float
    employer_total: float
    net_before_tax: float
    taxable: float
    tax_rate: float
    tax: float
    net_to_pay: float
    net_social: float
    cost: float

    @property
    def gross(self):
        return self.case.gross

    def item(self, code):
        """The item ``code``, or ``None`` when it does not apply."""
        for item in self.items:
            if item.code == code:
                return item
        return None


# ---------------------------------------------------------------------------
# Rounding
# ---------------------------------------------------------------------------
def round_cents(amount):
    """Round half away from zero to the cent, like Odoo's ``float_round``.

    >>> round_cents(1583.195), round_cents(-0.005), round_cents(2.675)
    (1583.2, -0.01, 2.68)
    """
    cents = abs(amount) * 100.0
    rounded = math.floor(cents + 0.5 + 1e-7) / 100.0
    return math.copysign(rounded, amount) if rounded else 0.0


def distribute(amounts, total):
    """Round ``amounts`` to the cent so that they add up to ``total``.

    Largest remainder: each amount is rounded down, and the cents left go to
    the largest remainders (the first one on a tie). Every amount stays
    within a cent of its exact value.

    >>> distribute([0.004, 0.004, 0.004], 0.01)
    [0.01, 0.0, 0.0]
    >>> distribute([138.0, 8.0, 63.0], 209.0)
    [138.0, 8.0, 63.0]
    """
    cents = [round(amount * 100.0, 6) for amount in amounts]
    floors = [math.floor(value) for value in cents]
    left = int(round(total * 100.0)) - sum(floors)
    order = sorted(range(len(cents)), key=lambda i: (floors[i] - cents[i], i))
    for index in order[: max(left, 0)]:
        floors[index] += 1
    return [value / 100.0 for value in floors]


# ---------------------------------------------------------------------------
# Calendar
# ---------------------------------------------------------------------------
def _weekdays(start, end):
    """Days Monday to Friday from ``start`` to ``end`` included."""
    if end < start:
        return 0
    days = (end - start).days + 1
    weeks, extra = divmod(days, 7)
    count = weeks * 5
    for offset in range(extra):
        if (start + timedelta(days=weeks * 7 + offset)).weekday() < 5:
            count += 1
    return count


def presence(case):
    """``(calendar days present, working days present, working days of the
    month, whole month)`` for the payslip's month."""
    first = case.date_from.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    start = max(case.date_from, case.contract_start or first, first)
    end = min(case.date_to, case.contract_end or last, last)
    whole = start == first and end == last
    days = max((end - start).days + 1, 0)
    return days, _weekdays(start, end), _weekdays(first, last), whole


# ---------------------------------------------------------------------------
# Computation
# ---------------------------------------------------------------------------
def quotity(case, params):
    """Share of full time (at most 1)."""
    full = params["cae_full_time_monthly_hours"]
    if not case.monthly_hours or not full:
        return 1.0
    return min(case.monthly_hours / full, 1.0)


def monthly_ceiling(case, params):
    """Monthly social security ceiling (PMSS) of the payslip.

    Prorated for part time (CSS L242-8, R242-7) and, for a month not worked
    in full, by calendar days present over 30 (CSS R242-2), never above the
    full ceiling.
    """
    pmss = params["cae_pay_pmss"]
    ceiling = pmss * quotity(case, params)
    days, _worked, _month, whole = presence(case)
    if not whole:
        ceiling *= min(days, params["cae_pay_pmss_days"]) / params["cae_pay_pmss_days"]
    return round_cents(min(ceiling, pmss))


def reference_smic(case, params, hourly_code="cae_pay_rgdu_smic_hourly"):
    """Minimum wage of the month for the general reduction (CSS D241-7):
    the hourly SMIC × full-time hours, prorated for part time and for the
    working days of an incomplete month."""
    _days, worked, month_days, _whole = presence(case)
    if not month_days:
        return 0.0
    return (
        params[hourly_code]
        * params["cae_full_time_monthly_hours"]
        * quotity(case, params)
        * worked
        / month_days
    )


def _bases(case, params, pmss):
    gross = case.gross
    t2_ceiling = params["cae_pay_t2_ceiling"] * pmss
    b4 = min(gross, params["cae_pay_unemployment_ceiling"] * pmss)
    bases = {
        "gross": gross,
        "t1": min(gross, pmss),
        "t2": max(min(gross, t2_ceiling) - pmss, 0.0),
        "cet": min(gross, t2_ceiling) if gross > pmss else 0.0,
        "b4": b4,
        "apec": min(gross, params["cae_pay_apec_ceiling"] * pmss),
        "flat": 1.0,
    }
    return bases


def _conditions(case, params):
    small = params["cae_pay_headcount_11"]
    large = params["cae_pay_headcount_50"]
    return {
        "always": True,
        "executive": case.executive,
        "below_11": case.headcount < small,
        "from_11": case.headcount >= small,
        "below_50": case.headcount < large,
        "from_50": case.headcount >= large,
    }


def _reduced_rate(case, params, smic, rate_code, reduced_code, threshold_code):
    """Employer health or family rate: reduced below a number of SMIC while
    the law provided it (zero threshold from 2026, LFSS 2025 art. 18)."""
    threshold = params[threshold_code]
    if threshold and case.gross <= threshold * smic:
        return params[reduced_code]
    return params[rate_code]


def _exact_items(case, params, pmss):  # noqa: C901 (table-driven, one branch per base)
    """``[(code, risk, base, employee rate, employee, employer rate,
    employer)]`` with exact amounts, in the order of ``CONTRIBUTIONS``."""
    bases = _bases(case, params, pmss)
    applies = _conditions(case, params)
    smic = reference_smic(case, params, "cae_smic_hourly")
    rows = []
    welfare_employer = 0.0
    for code, (risk, base_key, ee_code, er_code, condition) in CONTRIBUTIONS.items():
        if not applies[condition]:
            continue
        if base_key == "flat":
            # Health insurance (complémentaire santé): monthly amounts.
            ee_amount = params["cae_pay_health_insurance_employee"]
            er_amount = params["cae_pay_health_insurance_employer"]
            if ee_amount or er_amount:
                rows.append([code, risk, 0.0, 0.0, ee_amount, 0.0, er_amount])
                welfare_employer += er_amount
            continue
        if base_key == "welfare":
            base = welfare_employer
        elif base_key == "csg":
            ceiling = params["cae_pay_csg_abatement_ceiling"] * pmss
            abated = min(case.gross, ceiling)
            base = (
                abated * (1.0 - params["cae_pay_csg_abatement"] / 100.0)
                + max(case.gross - ceiling, 0.0)
                + welfare_employer
            )
        else:
            base = bases[base_key]
        ee_rate = params[ee_code] if ee_code else 0.0
        if code == "HEALTH":
            er_rate = _reduced_rate(
                case,
                params,
                smic,
                "cae_pay_er_health",
                "cae_pay_er_health_reduced",
                "cae_pay_health_reduced_threshold",
            )
        elif code == "FAMILY":
            er_rate = _reduced_rate(
                case,
                params,
                smic,
                "cae_pay_er_family",
                "cae_pay_er_family_reduced",
                "cae_pay_family_reduced_threshold",
            )
        else:
            er_rate = params[er_code] if er_code else 0.0
        ee_amount = base * ee_rate / 100.0
        er_amount = base * er_rate / 100.0
        if not base or not (ee_amount or er_amount):
            continue
        rows.append([code, risk, base, ee_rate, ee_amount, er_rate, er_amount])
        if code in ("EXEC_WELFARE", "WELFARE"):
            welfare_employer += er_amount
    return rows, welfare_employer


def general_reduction(case, params, smic):
    """``(coefficient, reduction of the month)`` of the general reduction.

    From 2026 (RGDU, CSS D241-7): Tmin + Tdelta × [½ × (3 × SMIC / pay −
    1)]^P, rounded to 4 decimals, nil from 3 SMIC. Until 2025 (parameter
    ``cae_pay_reduction_formula`` 1): T / 0.6 × (1.6 × SMIC / pay − 1),
    at most T, nil from 1.6 SMIC. Both on the figures cumulated since
    January; the month's reduction is the reduction of the year so far
    minus what the previous payslips deducted.
    """
    pay = case.ytd_base + case.gross
    smic_ytd = case.ytd_smic + smic
    if pay <= 0 or smic_ytd <= 0:
        return 0.0, round_cents(-case.ytd_reduction)
    if params["cae_pay_reduction_formula"] == 1:
        coefficient = _reduction_until_2025(case, params, pay, smic_ytd)
        return coefficient, round_cents(coefficient * pay - case.ytd_reduction)
    t_min = params["cae_pay_rgdu_t_min"]
    if case.headcount < params["cae_pay_headcount_50"]:
        t_delta = params["cae_pay_rgdu_t_delta_small"]
    else:
        t_delta = params["cae_pay_rgdu_t_delta_large"]
    coefficient = 0.0
    if pay / smic_ytd < params["cae_pay_rgdu_ceiling"]:
        factor = max(0.5 * (3.0 * smic_ytd / pay - 1.0), 0.0)
        coefficient = t_min + round(t_delta * factor ** params["cae_pay_rgdu_power"], 4)
        coefficient = round(min(coefficient, t_min + t_delta), 4)
    return coefficient, round_cents(coefficient * pay - case.ytd_reduction)


def _reduction_until_2025(case, params, pay, smic):
    if case.headcount < params["cae_pay_headcount_50"]:
        maximum = params["cae_pay_rg_max_small"]
    else:
        maximum = params["cae_pay_rg_max_large"]
    ceiling = params["cae_pay_rg_ceiling"]
    if pay / smic >= ceiling:
        return 0.0
    coefficient = round(maximum / (ceiling - 1.0) * (ceiling * smic / pay - 1.0), 4)
    return min(coefficient, maximum)


def neutral_tax_rate(taxable, zone, params):
    """Rate (%) of the neutral grid of ``zone`` for a monthly taxable pay."""
    prefix = TAX_ZONES[zone]
    rate = 0.0
    for index in range(1, TAX_GRID_SIZE + 1):
        if taxable >= params[f"{prefix}_{index:02d}_from"]:
            rate = params[f"{prefix}_{index:02d}_rate"]
    return rate


def _round_line(row, rate_index, pmss):
    """A contribution rounded to the cent; those whose base runs past the
    ceiling (SPLIT_AT_CEILING) are rounded tranche by tranche."""
    amount = row[rate_index + 1]
    if row[0] not in SPLIT_AT_CEILING or row[2] <= pmss:
        return round_cents(amount)
    rate = row[rate_index] / 100.0
    return round_cents(round_cents(pmss * rate) + round_cents((row[2] - pmss) * rate))


def compute(case, params):
    """The payslip of ``case`` (see the module's docstring)."""
    pmss = monthly_ceiling(case, params)
    rows, _welfare = _exact_items(case, params, pmss)
    gross = round_cents(case.gross)
    # Employee side: each contribution rounded on its own (per tranche);
    # CSG/CRDS are what leaves the net pay before tax rounded from its
    # exact value, shared out between their three lines.
    social = [row for row in rows if row[0] not in CSG_CODES]
    csg = [row for row in rows if row[0] in CSG_CODES]
    for row in social:
        row[4] = _round_line(row, 3, pmss)
    social_total = round_cents(sum(row[4] for row in social))
    net_exact = gross - social_total - sum(row[4] for row in csg)
    csg_total = round_cents(gross - social_total - round_cents(net_exact))
    csg_amounts = distribute([r[4] for r in csg], csg_total)
    for row, amount in zip(csg, csg_amounts, strict=True):
        row[4] = amount
    employee_total = round_cents(social_total + csg_total)
    # Employer side: each contribution rounded on its own (per tranche),
    # except those on a flat rate of the pay (ROUNDED_TOGETHER), whose
    # total is their exact total rounded.
    together = [row for row in rows if row[0] in ROUNDED_TOGETHER]
    for row in rows:
        if row[0] not in ROUNDED_TOGETHER:
            row[6] = _round_line(row, 5, pmss)
    together_total = round_cents(sum(row[6] for row in together))
    together_amounts = distribute([r[6] for r in together], together_total)
    for row, amount in zip(together, together_amounts, strict=True):
        row[6] = amount
    employer_total = round_cents(sum(row[6] for row in rows))
    hourly = "cae_pay_rgdu_smic_hourly"
    if params["cae_pay_reduction_formula"] == 1:
        hourly = "cae_smic_hourly"
    smic = reference_smic(case, params, hourly)
    coefficient, reduction = general_reduction(case, params, smic)
    items = tuple(Item(*row) for row in rows)
    net_before_tax = round_cents(gross - employee_total)
    deductible = social_total + sum(r[4] for r in csg if r[0] == "CSG_DEDUCTIBLE")
    health_employer = params["cae_pay_health_insurance_employer"]
    taxable = round_cents(gross - deductible + health_employer)
    if case.tax_rate is None:
        tax_rate = neutral_tax_rate(taxable, case.tax_zone, params)
    else:
        tax_rate = case.tax_rate
    tax = round_cents(max(taxable, 0.0) * tax_rate / 100.0)
    return Result(
        case=case,
        items=items,
        pmss=pmss,
        smic=smic,
        coefficient=coefficient,
        reduction=reduction,
        employee_social=social_total,
        employee_total=employee_total,
        employer_total=employer_total,
        net_before_tax=net_before_tax,
        taxable=taxable,
        tax_rate=tax_rate,
        tax=tax,
        net_to_pay=round_cents(net_before_tax - tax),
        net_social=round_cents(net_before_tax + health_employer),
        cost=round_cents(gross + employer_total - reduction),
    )


# ---------------------------------------------------------------------------
# Inverse problems
# ---------------------------------------------------------------------------
def _search(predicate, low, high):
    """Smallest cent amount in [low, high] where ``predicate`` holds
    (``predicate`` is monotone: false, then true)."""
    low_cents, high_cents = int(round(low * 100)), int(round(high * 100))
    while low_cents < high_cents:
        middle = (low_cents + high_cents) // 2
        if predicate(middle / 100.0):
            high_cents = middle
        else:
            low_cents = middle + 1
    return low_cents / 100.0


def gross_from_net(net, case, params):
    """Smallest gross whose net pay before tax reaches ``net``."""
    if net <= 0:
        return 0.0

    def reaches(gross):
        return compute(case.replace(gross=gross), params).net_before_tax >= net

    return _search(reaches, net, net * 2.0 + 1.0)


def gross_from_cost(cost, case, params):
    """Largest gross whose labour cost stays within ``cost``."""
    if cost <= 0:
        return 0.0

    def exceeds(gross):
        return compute(case.replace(gross=gross), params).cost > cost

    if not exceeds(cost):
        return cost
    return max(round_cents(_search(exceeds, 0.0, cost) - 0.01), 0.0)

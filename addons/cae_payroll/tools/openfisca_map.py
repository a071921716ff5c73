# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Where OpenFisca-France keeps each of our payroll parameters.

Used by the yearly update command (``setup/caesetup.py payroll-params``),
which prints, for a date, the parameters whose OpenFisca-France value
differs from the suite's dated data, and by the oracle tests.

``OPENFISCA[code] = (path, part, factor)``: ``path`` of the OpenFisca
parameter (at a date), ``part`` ``None`` for a plain value or
``("rate"|"threshold", index)`` for a bracket of a scale, and ``factor``
turning OpenFisca's unit into ours (rates: 100, OpenFisca stores 0.069
for our 6.90 %). A missing OpenFisca value (a rule that ended) reads as 0.

:func:`parameters_from_xml` reads the values of the data files (no ORM).
"""

import ast
import xml.etree.ElementTree as ET
from datetime import date

from .french_payroll import TAX_GRID_SIZE

PS = "prelevements_sociaux."
RG = PS + "cotisations_securite_sociale_regime_general."
RC = PS + "regimes_complementaires_retraite_secteur_prive."
CH = PS + "cotisations_regime_assurance_chomage."
AT = PS + "autres_taxes_participations_assises_salaires."
RED = PS + "reductions_cotisations_sociales."
RGDU = RED + "allegement_general.ensemble_des_entreprises."
CSG = PS + "contributions_sociales."
SMIC = "marche_travail.salaire_minimum.smic."


def _rate(index):
    return ("rate", index)


def _threshold(index):
    return ("threshold", index)


OPENFISCA = {
    "cae_smic_hourly": (SMIC + "smic_b_horaire", None, 1),
    "cae_full_time_monthly_hours": (SMIC + "nb_heures_travail_mensuel", None, 1),
    "cae_pay_pmss": (PS + "pss.plafond_securite_sociale_mensuel", None, 1),
    "cae_pay_t2_ceiling": (RC + "agirc_arrco.salarie.agirc_arrco", _threshold(2), 1),
    "cae_pay_unemployment_ceiling": (
        CH + "chomage.employeur.chomage",
        _threshold(2),
        1,
    ),
    "cae_pay_apec_ceiling": (RC + "apec.salarie.apec", _threshold(2), 1),
    "cae_pay_csg_abatement_ceiling": (
        CSG + "csg.activite.abattement",
        _threshold(1),
        1,
    ),
    "cae_pay_csg_abatement": (CSG + "csg.activite.abattement", _rate(0), 100),
    "cae_pay_headcount_11": (
        PS + "contributions_assises_specifiquement_accessoires_salaire."
        "forfait_social.seuil_effectif_prevoyance_complementaire",
        None,
        1,
    ),
    "cae_pay_headcount_50": (RGDU + "seuil_taille_entreprise", None, 1),
    "cae_pay_ee_old_age_capped": (
        RG + "cnav.salarie.vieillesse_plafonnee",
        _rate(0),
        100,
    ),
    "cae_pay_ee_old_age": (RG + "cnav.salarie.vieillesse_deplafonnee", _rate(0), 100),
    "cae_pay_ee_aa_t1": (RC + "agirc_arrco.salarie.agirc_arrco", _rate(0), 100),
    "cae_pay_ee_aa_t2": (RC + "agirc_arrco.salarie.agirc_arrco", _rate(1), 100),
    "cae_pay_ee_ceg_t1": (RC + "ceg.salarie.ceg", _rate(0), 100),
    "cae_pay_ee_ceg_t2": (RC + "ceg.salarie.ceg", _rate(1), 100),
    "cae_pay_ee_cet": (RC + "cet2019.salarie.cet2019", _rate(0), 100),
    "cae_pay_ee_apec": (RC + "apec.salarie.apec", _rate(0), 100),
    "cae_pay_csg_deductible": (CSG + "csg.activite.deductible", None, 100),
    "cae_pay_csg_non_deductible": (CSG + "csg.activite.imposable", None, 100),
    "cae_pay_crds": (CSG + "crds", None, 100),
    "cae_pay_er_health": (RG + "mmid.employeur.maladie", _rate(0), 100),
    "cae_pay_er_health_reduced": (RG + "mmid.tx_red", None, 100),
    "cae_pay_health_reduced_threshold": (
        RED + "alleg_gen.mmid.plafond_smic_2025_01_01",
        None,
        1,
    ),
    "cae_pay_er_family": (RG + "famille.employeur.famille", _rate(0), 100),
    "cae_pay_er_family_reduced": (RG + "famille.taux_reduit", None, 100),
    "cae_pay_family_reduced_threshold": (
        RED + "allegement_cotisation_allocations_familiales.plafond_smic_2025_01_01",
        None,
        1,
    ),
    "cae_pay_er_work_accident": (RG + "accidents.taux.faible", None, 100),
    "cae_pay_er_old_age_capped": (
        RG + "cnav.employeur.vieillesse_plafonnee",
        _rate(0),
        100,
    ),
    "cae_pay_er_old_age": (RG + "cnav.employeur.vieillesse_deplafonnee", _rate(0), 100),
    "cae_pay_er_aa_t1": (RC + "agirc_arrco.employeur.agirc_arrco", _rate(0), 100),
    "cae_pay_er_aa_t2": (RC + "agirc_arrco.employeur.agirc_arrco", _rate(1), 100),
    "cae_pay_er_ceg_t1": (RC + "ceg.employeur.ceg", _rate(0), 100),
    "cae_pay_er_ceg_t2": (RC + "ceg.employeur.ceg", _rate(1), 100),
    "cae_pay_er_cet": (RC + "cet2019.employeur.cet2019", _rate(0), 100),
    "cae_pay_er_apec": (RC + "apec.employeur.apec", _rate(0), 100),
    "cae_pay_er_exec_welfare": (AT + "prevoyance.prevoyance_obligatoire", None, 100),
    "cae_pay_er_unemployment": (CH + "chomage.employeur.chomage", _rate(0), 100),
    "cae_pay_er_ags": (CH + "ags.employeur.ags", _rate(0), 100),
    "cae_pay_er_autonomy": (RG + "csa.employeur.csa", _rate(0), 100),
    "cae_pay_er_housing_small": (
        AT + "fnal.contribution_moins_de_50_salaries",
        _rate(0),
        100,
    ),
    "cae_pay_er_housing_large": (
        AT + "fnal.contribution_plus_de_50_salaries",
        _rate(0),
        100,
    ),
    "cae_pay_er_social_dialogue": (
        AT + "fin_syndic.financement_organisations_syndicales",
        _rate(0),
        100,
    ),
    "cae_pay_er_training_small": (
        AT + "contribution_unique_formation.contrib_formation_pro.moins_11_salaries",
        None,
        100,
    ),
    "cae_pay_er_training_large": (
        AT + "contribution_unique_formation.contrib_formation_pro."
        "onze_et_plus_salaries",
        None,
        100,
    ),
    "cae_pay_er_apprenticeship": (
        AT + "contribution_unique_formation.taxe_apprentissage.general",
        None,
        100,
    ),
    "cae_pay_er_construction": (AT + "construction.plus_50_salaries", _rate(0), 100),
    "cae_pay_er_flat_social": (
        PS + "contributions_assises_specifiquement_accessoires_salaire."
        "forfait_social.taux_reduit_1",
        None,
        100,
    ),
    "cae_pay_rgdu_smic_hourly": (RGDU + "smic_reference", None, 1),
    "cae_pay_rgdu_t_min": (RGDU + "t_min", None, 1),
    "cae_pay_rgdu_t_delta_small": (RGDU + "t_delta_petites_entreprises", None, 1),
    "cae_pay_rgdu_t_delta_large": (RGDU + "t_delta_grandes_entreprises", None, 1),
    "cae_pay_rgdu_power": (RGDU + "puissance", None, 1),
    "cae_pay_rgdu_ceiling": (RGDU + "plafond", None, 1),
}
_GRIDS = {
    "metropole": "bareme_metropole",
    "gmr": "bareme_guadeloupe_martinique_reunion",
    "gm": "bareme_guyane_mayotte",
}
for _zone, _name in _GRIDS.items():
    _path = "impot_revenu.bareme_ir_depuis_1945.bareme_taux_neutre." + _name
    for _index in range(1, TAX_GRID_SIZE + 1):
        _code = f"cae_pay_pas_{_zone}_{_index:02d}"
        OPENFISCA[_code + "_from"] = (_path, _threshold(_index), 1)
        OPENFISCA[_code + "_rate"] = (_path, _rate(_index), 100)


def parameters_from_xml(paths, on_date):
    """``{code: value}`` in force on ``on_date`` in the data files ``paths``
    (``cae.parameter`` and ``cae.parameter.value`` records)."""
    codes, values = {}, {}
    for path in paths:
        for record in ET.parse(path).getroot().iter("record"):
            fields = {field.get("name"): field for field in record.iter("field")}
            if record.get("model") == "cae.parameter":
                codes[record.get("id")] = fields["code"].text
            elif record.get("model") == "cae.parameter.value":
                day = date.fromisoformat(fields["date_from"].text)
                value = fields["value"]
                number = ast.literal_eval(value.get("eval") or value.text)
                values.setdefault(fields["parameter_id"].get("ref"), []).append(
                    (day, float(number))
                )
    result = {}
    for xmlid, dated in values.items():
        in_force = [value for day, value in sorted(dated) if day <= on_date]
        if xmlid in codes and in_force:
            result[codes[xmlid]] = in_force[-1]
    return result


def changed_parameters(ours, theirs, tolerance=1e-6):
    """What the yearly update prints: ``(changed, unmapped)``.

    ``ours``: ``{code: value}`` of the suite's data (:func:`parameters_from_xml`);
    ``theirs``: ``{code: value}`` answered by OpenFisca-France for the codes
    of :data:`OPENFISCA` (``None``: no value on that date, read as 0).
    ``changed``: ``[(code, ours or None, theirs)]`` sorted by code, where
    our value is missing or differs; ``unmapped``: our codes OpenFisca does
    not know, to be checked against their sources by hand.
    """
    changed = []
    for code in sorted(theirs):
        their_value = theirs[code] or 0.0
        our_value = ours.get(code)
        if our_value is None or abs(our_value - their_value) > tolerance:
            changed.append((code, our_value, their_value))
    return changed, sorted(set(ours) - set(theirs))

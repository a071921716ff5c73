#!/usr/bin/env python3
# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""OpenFisca-France as the oracle of the payroll tests, as a subprocess.

Runs with the Python of the OpenFisca virtualenv that ``setup/caesetup.py``
builds (OpenFisca pins packages Odoo cannot run with: never in Odoo's
environment). Reads a JSON request on stdin, writes a JSON answer on
stdout.

``{"command": "payslips", "cases": [...]}``: each case is ``{"id",
"month": "2026-06", "gross": {"2026-01": 2000.0, ...}`` (the pay of each
month of the year up to ``month``), ``"executive"``, ``"headcount"``,
``"monthly_hours"`` (``null``: full time), ``"contract_start"``
(``"2026-03-16"`` or ``null``)}``. The answer gives, for each case id and
for ``month``, the OpenFisca variables listed in ``VARIABLES`` (amounts
as OpenFisca signs them: contributions negative).

``{"command": "parameters", "date": "2027-01-01", "parameters": {code:
[path, part, factor]}}``: the value of each OpenFisca parameter on that
date, in our units (see addons/cae_payroll/tools/openfisca_map.py).

Corrections made to OpenFisca-France before computing (``CORRECTIONS``),
each a documented divergence from the law as we read it:

1. AGS rate: OpenFisca-France 176 still has 0.20 %; the AGS board raised
   it to 0.25 % on 1 July 2024 and kept it on 1 January 2026.
2. CSG/CRDS base: OpenFisca-France leaves the executives' mandatory
   welfare contribution (1.50 % of tranche 1) out of the CSG/CRDS base
   since 2018; URSSAF subjects every employer welfare contribution to
   CSG/CRDS from the first euro, without abatement (CSS L136-1-1 III 4°).
"""

import json
import sys

VARIABLES = (
    "salaire_de_base",
    "salaire_net",
    "salaire_imposable",
    "cotisations_salariales",
    "csg_deductible_salaire",
    "csg_imposable_salaire",
    "crds_salaire",
    "cotisations_employeur",
    "allegement_general",
    "cout_du_travail",
    "plafond_securite_sociale",
)
AGS_RATE = 0.0025
AGS_FROM = "2024-07-01"


def corrected_system():
    from openfisca_core import periods
    from openfisca_core.reforms import Reform
    from openfisca_france import FranceTaxBenefitSystem
    from openfisca_france.model.base import ADD, MONTH, Individu, Variable

    class assiette_csg_non_abattue(Variable):
        value_type = float
        entity = Individu
        label = "Assiette CSG - CRDS sans abattement (avec la prévoyance des cadres)"
        definition_period = MONTH

        def formula_2018_01_01(individu, period, parameters):
            return (
                individu("prevoyance_complementaire_employeur", period, options=[ADD])
                - individu("complementaire_sante_employeur", period, options=[ADD])
                - individu("prevoyance_obligatoire_cadre", period, options=[ADD])
            )

    class Corrections(Reform):
        name = "CAE suite corrections"

        def apply(self):
            self.update_variable(assiette_csg_non_abattue)

            def modify(parameters):
                ags = (
                    parameters.prelevements_sociaux.cotisations_regime_assurance_chomage
                )
                ags.ags.employeur.ags.brackets[0].rate.update(
                    period=periods.period(f"month:{AGS_FROM}:1200"), value=AGS_RATE
                )
                return parameters

            self.modify_parameters(modifier_function=modify)

    return Corrections(FranceTaxBenefitSystem())


def _months_until(month):
    year, last = (int(part) for part in month.split("-"))
    return [f"{year}-{index:02d}" for index in range(1, last + 1)]


def _person(case):
    months = _months_until(case["month"])
    person = {
        "salaire_de_base": {m: case["gross"].get(m, 0.0) for m in months},
        "categorie_salarie": {
            m: "prive_cadre" if case["executive"] else "prive_non_cadre" for m in months
        },
        "effectif_entreprise": {m: case["headcount"] for m in months},
        "allegement_general_mode_recouvrement": {m: "progressif" for m in months},
    }
    if case.get("monthly_hours"):
        person["contrat_de_travail"] = {m: "temps_partiel" for m in months}
        person["heures_remunerees_volume"] = {m: case["monthly_hours"] for m in months}
    else:
        person["contrat_de_travail"] = {m: "temps_plein" for m in months}
    if case.get("contract_start"):
        person["contrat_de_travail_debut"] = {m: case["contract_start"] for m in months}
    return person


def payslips(request):
    """One simulation per case: OpenFisca-France 176 fails to vectorise
    some exemptions over several people with different contract dates."""
    from openfisca_core.simulation_builder import SimulationBuilder

    system = corrected_system()
    answer = {}
    for case in request["cases"]:
        simulation = SimulationBuilder().build_from_entities(
            system,
            {
                "individus": {"p": _person(case)},
                "familles": {"f": {"parents": ["p"]}},
                "foyers_fiscaux": {"h": {"declarants": ["p"]}},
                "menages": {"m": {"personne_de_reference": ["p"]}},
            },
        )
        # The progressive general reduction of a month subtracts the
        # reductions of the previous months, which OpenFisca-France 176
        # reads as zero unless they were computed first: compute them in
        # order (a month asked first alone got the year's total).
        for month in _months_until(case["month"]):
            simulation.calculate("allegement_general", month)
        answer[str(case["id"])] = {
            name: float(simulation.calculate(name, case["month"])[0])
            for name in VARIABLES
        }
    return answer


def parameters(request):
    from openfisca_france import FranceTaxBenefitSystem

    system = FranceTaxBenefitSystem()
    at_date = system.parameters(request["date"])
    answer = {}
    for code, (path, part, factor) in request["parameters"].items():
        node = at_date
        try:
            for name in path.split("."):
                node = getattr(node, name)
            if part:
                kind, index = part
                values = node.rates if kind == "rate" else node.thresholds
                node = values[index] if index < len(values) else None
        except (AttributeError, KeyError):
            node = None
        answer[code] = None if node is None else round(float(node) * factor, 6)
    return answer


def main():
    request = json.load(sys.stdin)
    command = {"payslips": payslips, "parameters": parameters}[request["command"]]
    json.dump(command(request), sys.stdout)


if __name__ == "__main__":
    main()

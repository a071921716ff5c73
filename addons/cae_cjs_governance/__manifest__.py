# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CAE - Ballots for the youths' assemblies",
    "summary": "The youths of a CJS or Flashcoop vote with the one-person-one-vote "
    "ballots of the cooperative's general assemblies",
    "version": "18.0.1.1.1",
    "category": "Cooperative",
    "author": "CAE suite contributors",
    "website": "https://github.com/cae-suite/cae-suite",
    "license": "AGPL-3",
    "depends": [
        "cae_cjs",
        "cae_governance",
    ],
    "external_dependencies": {"python": []},
    "data": [
        "security/ir.model.access.csv",
        "security/cae_cjs_governance_rules.xml",
        "views/cae_cjs_assembly_views.xml",
        "views/cae_assembly_views.xml",
    ],
    "demo": [
        "demo/cae_cjs_governance_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cae_cjs_governance/static/src/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
    "development_status": "Beta",
    "maintainers": [],
}

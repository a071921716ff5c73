# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..tools.sheet import normalize
from .cae_import_mixin import Column, RowError

# Values of the column "Type" -> (kind of associate, legal entity).
KIND_VALUES = {
    "entrepreneur": "entrepreneur",
    "salarie": "staff",
    "salarie permanent": "staff",
    "permanent": "staff",
    "externe": "external",
    "personne physique": "external",
    "personne morale": "legal_entity",
}


class CaeImportAssociate(models.AbstractModel):
    """Associates of the former register: persons and legal entities.

    One row per associate, matched on *Référence associé*. An associate who
    is an imported entrepreneur shares their contact (*Référence
    entrepreneur*); a legal entity is a company contact with its
    representative as a contact person. *N° associé* keeps the number of
    the former register of associates; associates without one get the next
    number at their first shares.
    """

    _name = "cae.import.associate"
    _inherit = "cae.import.mixin"
    _description = "Import of associates"

    @api.model
    def _cae_import_columns(self):
        _ = self.env._
        return [
            Column(
                "reference",
                "Référence associé",
                "char",
                True,
                _("the associate's reference in the former register"),
            ),
            Column("name", "Nom", "char", True, _("name of the person or entity")),
            Column(
                "kind",
                "Type",
                "char",
                False,
                _(
                    "Entrepreneur, Salarié, Externe or Personne morale (empty: "
                    "Entrepreneur with an entrepreneur reference, else Externe)"
                ),
            ),
            Column(
                "representative",
                "Représentant",
                "char",
                False,
                _("for a legal entity, the name of the person who represents it"),
            ),
            Column("email", "Courriel", "char"),
            Column(
                "entrepreneur",
                "Référence entrepreneur",
                "char",
                False,
                _("the reference of an imported entrepreneur"),
            ),
            Column(
                "number",
                "N° associé",
                "int",
                False,
                _("the number in the former register of associates"),
            ),
        ]

    @api.model
    def _cae_import_prepare(self, wizard, rows):
        company = wizard.company_id
        Associate = self.env["cae.associate"].with_context(active_test=False)
        references = [v["reference"] for _n, v in rows]
        existing = Associate.search(
            [("company_id", "=", company.id), ("import_reference", "in", references)]
        )
        entrepreneurs = (
            self.env["cae.entrepreneur"]
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", company.id),
                    ("reference", "in", [v.get("entrepreneur") for _n, v in rows]),
                ]
            )
        )
        numbers = dict(
            Associate.search(
                [("company_id", "=", company.id), ("number", "!=", False)]
            ).mapped(lambda a: (a.number, a))
        )
        return {
            "existing": {a.import_reference: a for a in existing},
            "entrepreneurs": {e.reference: e for e in entrepreneurs},
            "numbers": numbers,
            "register": self.env["cae.share.register"]._get_for_company(company),
        }

    @api.model
    def _cae_import_row(self, wizard, values, cache):
        _ = self.env._
        kind = self._kind(values)
        entrepreneur = self.env["cae.entrepreneur"]
        if values.get("entrepreneur"):
            entrepreneur = cache["entrepreneurs"].get(values["entrepreneur"])
            if not entrepreneur:
                raise RowError(
                    "entrepreneur",
                    _(
                        "No entrepreneur with the reference “%(ref)s”.",
                        ref=values["entrepreneur"],
                    ),
                    _("the reference of an entrepreneur imported before"),
                )
        elif kind == "entrepreneur":
            raise RowError(
                "entrepreneur",
                _("An entrepreneur associate without an entrepreneur reference."),
                _("the reference of an imported entrepreneur"),
            )
        if values.get("representative") and kind != "legal_entity":
            raise RowError(
                "representative",
                _("Only a legal entity has a representative."),
                _("an empty cell, or the type Personne morale"),
            )
        number = values.get("number")
        associate = cache["existing"].get(values["reference"])
        holder = cache["numbers"].get(number) if number else None
        if holder and holder != associate:
            raise RowError(
                "number",
                _(
                    "The number %(number)s is already given to %(name)s.",
                    number=number,
                    name=holder.name,
                ),
                _("a number of the register of associates not given yet"),
            )
        if associate:
            return self._update(associate, values, kind, number)
        partner = entrepreneur.partner_id or self._create_partner(wizard, values, kind)
        associate = self.env["cae.associate"].create(
            {
                "partner_id": partner.id,
                "company_id": wizard.company_id.id,
                "kind": kind,
                "import_reference": values["reference"],
                "number": number or False,
            }
        )
        cache["existing"][values["reference"]] = associate
        if number:
            cache["numbers"][number] = associate
            self._reserve_number(cache["register"], number)
        return "created"

    @api.model
    def _kind(self, values):
        _ = self.env._
        text = normalize(values.get("kind"))
        if not text:
            return "entrepreneur" if values.get("entrepreneur") else "external"
        if text not in KIND_VALUES:
            raise RowError(
                "kind",
                _("Unknown type “%(value)s”.", value=values["kind"]),
                _("Entrepreneur, Salarié, Externe or Personne morale"),
            )
        return KIND_VALUES[text]

    @api.model
    def _create_partner(self, wizard, values, kind):
        Partner = self.env["res.partner"]
        partner = Partner.create(
            {
                "name": values["name"],
                "email": values.get("email") or False,
                "is_company": kind == "legal_entity",
                "company_id": wizard.company_id.id,
            }
        )
        if values.get("representative"):
            Partner.create(
                {
                    "name": values["representative"],
                    "parent_id": partner.id,
                    "type": "contact",
                    "company_id": wizard.company_id.id,
                }
            )
        return partner

    @api.model
    def _update(self, associate, values, kind, number):
        changes = {}
        if associate.kind != kind:
            changes["kind"] = kind
        if number and associate.number != number:
            changes["number"] = number
        partner_changes = {}
        if associate.partner_id.name != values["name"]:
            partner_changes["name"] = values["name"]
        if values.get("email") and associate.partner_id.email != values["email"]:
            partner_changes["email"] = values["email"]
        if partner_changes:
            associate.partner_id.write(partner_changes)
        if changes:
            associate.write(changes)
        return "updated" if changes or partner_changes else "skipped"

    @api.model
    def _reserve_number(self, register, number):
        # Numbers of the former register are kept: the next associate
        # without one gets the number after the highest.
        if register.next_associate_number <= number:
            register.sudo().write({"next_associate_number": number + 1})

    @api.model
    def _cae_import_figures(self, wizard, rows):
        return self.env["cae.import.share"]._cae_import_figures(wizard, rows)

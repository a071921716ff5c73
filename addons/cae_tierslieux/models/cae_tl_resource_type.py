# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

RESOURCE_KINDS = [
    ("desk", "Desks"),
    ("room", "Meeting room"),
    ("machine", "Machine"),
]
# Kinds used by one person or group at a time: never double-booked.
EXCLUSIVE_KINDS = ("room", "machine")


class CaeTlResourceType(models.Model):
    """A kind of resource shared by several places: "open-space desk",
    "meeting room", "laser cutter"...

    Prices may be set per type instead of per resource, and a training for
    a machine type qualifies its holder on every machine of that type.
    """

    _name = "cae.tl.resource.type"
    _description = "Third-place resource type"
    _order = "sequence, name"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(selection=RESOURCE_KINDS, required=True, default="desk")
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share the type between companies.",
    )
    requires_training = fields.Boolean(
        help="Machines of this type may only be booked by people holding a "
        "valid training for the machine or its type.",
    )
    training_validity_months = fields.Integer(
        string="Training valid for (months)",
        default=24,
        help="Default validity of a training record; 0 for no expiry.",
    )
    description = fields.Text()

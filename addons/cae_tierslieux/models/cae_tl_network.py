# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CaeTlNetwork(models.Model):
    """A network of third places run by several structures.

    Like the "networks" of Nexudus or the "booking network" of Cobot, the
    places of the network are open to the members of its structures under
    the network's rules, without a membership of the place:

    - the entrepreneurs of the member cooperatives (companies of this
      database), if the network says so;
    - the members of any place of the network, if the network says so;
    - the holders of a plan valid in the network (a network pass).

    A booking made under the network's rules is a *guest* booking: the
    place's "network" rate card applies, the host structure bills it to the
    guest's home structure each month (an inter-company invoice when both
    are companies of the database), and the home structure charges it to its
    member like any internal charge. A network belongs to no company: its
    structures are the companies and partners listed in it.
    """

    _name = "cae.tl.network"
    _description = "Network of third places"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, tracking=True, translate=True)
    active = fields.Boolean(default=True)
    description = fields.Html(translate=True)
    structure_ids = fields.One2many(
        comodel_name="cae.tl.network.structure",
        inverse_name="network_id",
        string="Structures",
    )
    place_ids = fields.Many2many(
        comodel_name="cae.tl.place",
        relation="cae_tl_network_place_rel",
        column1="network_id",
        column2="place_id",
        string="Places",
        help="Places open to the members of the network's structures. Each "
        "is run by one of the structures.",
    )
    allow_entrepreneurs = fields.Boolean(
        string="Open to the entrepreneurs",
        default=True,
        tracking=True,
        help="Active entrepreneurs of the cooperatives of the network book "
        "in all its places, at the network's rate of each place.",
    )
    allow_members = fields.Boolean(
        string="Open to the members of the places",
        tracking=True,
        help="Whoever holds a current membership of a place of the network "
        "books in all its places, at the network's rate of each place.",
    )
    guest_horizon_days = fields.Integer(
        string="Guests' booking horizon (days)",
        tracking=True,
        help="How far ahead guests of the network may book in the places of "
        "the other structures; 0 to keep each resource's own horizon.",
    )
    place_count = fields.Integer(compute="_compute_counts")
    structure_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        (
            "guest_horizon_positive",
            "CHECK(guest_horizon_days >= 0)",
            "The guests' booking horizon cannot be negative.",
        ),
    ]

    @api.depends("place_ids", "structure_ids")
    def _compute_counts(self):
        for network in self:
            network.place_count = len(network.place_ids)
            network.structure_count = len(network.structure_ids)

    @api.constrains("place_ids", "structure_ids")
    def _check_places_run_by_structures(self):
        for network in self:
            structures = network.structure_ids.partner_id
            # sudo: the places of the other structures are not readable here.
            strays = network.sudo().place_ids.filtered(
                lambda p, s=structures: p.operator_id not in s
            )
            if strays:
                raise ValidationError(
                    self.env._(
                        "The place %(place)s is run by %(operator)s, which is not "
                        "a structure of the network %(network)s: add it first.",
                        place=strays[0].name,
                        operator=strays[0].operator_id.name,
                        network=network.name,
                    )
                )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _structure_of(self, partner):
        """The structure line of ``partner`` (a company's partner) in this
        network, if it is one of its structures."""
        self.ensure_one()
        return self.structure_ids.filtered(lambda s: s.partner_id == partner)[:1]

    def action_view_places(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_tierslieux.cae_tl_place_action"
        )
        action["domain"] = [("network_ids", "in", self.id)]
        action["context"] = {"active_test": False}
        return action

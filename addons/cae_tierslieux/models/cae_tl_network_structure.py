# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class CaeTlNetworkStructure(models.Model):
    """A structure of a network: a company of this database (a cooperative,
    a SCIC running third places...) or a partner outside it, whose places
    the companies list with their resources.

    For a company of the database, the *activity* of the structure bears
    what the other structures bill to it for its members' bookings, and
    receives what it charges its members for them.
    """

    _name = "cae.tl.network.structure"
    _description = "Structure of a third-place network"
    _order = "network_id, sequence, id"

    network_id = fields.Many2one(
        comodel_name="cae.tl.network",
        string="Network",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Structure",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", True)],
        help="The legal entity: for a company of this database, its partner.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Company of this database",
        compute="_compute_company_id",
        store=True,
        index=True,
        help="Set when the structure is a company of this database: the "
        "bookings of its members in the other structures' places are billed "
        "to it by inter-company invoices.",
    )
    activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Activity of the network",
        domain="[('kind', '!=', 'entrepreneur'), ('company_id', '=', company_id)]",
        help="Activity of the company that bears the other structures' bills "
        "for its members' bookings and receives their charges. Empty: the "
        "company's own activity (shared services).",
    )
    place_ids = fields.Many2many(
        comodel_name="cae.tl.place",
        string="Places",
        compute="_compute_place_ids",
    )

    _sql_constraints = [
        (
            "structure_unique",
            "unique(network_id, partner_id)",
            "A structure is listed once per network.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self._check_may_join(
            self.env["cae.tl.network"].browse(
                {vals["network_id"] for vals in vals_list if vals.get("network_id")}
            )
        )
        return super().create(vals_list)

    def _check_may_join(self, networks):
        """Only the managers of a network's structures add structures to it
        (the record rules judge after the insert, when the new structure
        already counts as one of the network's)."""
        if self.env.su:
            return
        for network in networks.sudo():
            if network.structure_ids and not (
                network.structure_ids.company_id & self.env.companies
            ):
                raise AccessError(
                    self.env._(
                        "Only the structures of the network %(network)s add "
                        "other structures to it.",
                        network=network.name,
                    )
                )

    @api.depends("partner_id")
    def _compute_company_id(self):
        # sudo: every company of the database, whatever the user's.
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("partner_id", "in", self.partner_id.ids)])
        )
        by_partner = {company.partner_id: company for company in companies}
        for structure in self:
            structure.company_id = by_partner.get(structure.partner_id, False)

    @api.depends("network_id.place_ids", "partner_id")
    def _compute_place_ids(self):
        for structure in self:
            structure.place_ids = structure.network_id.sudo().place_ids.filtered(
                lambda p, s=structure: p.operator_id == s.partner_id
            )

    @api.depends("partner_id")
    def _compute_display_name(self):
        for structure in self:
            structure.display_name = structure.partner_id.display_name

    def _get_activity(self):
        """Activity bearing the network's bills of this company."""
        self.ensure_one()
        return (
            self.sudo().activity_id
            or self.company_id.sudo().cae_cooperative_activity_id
        )

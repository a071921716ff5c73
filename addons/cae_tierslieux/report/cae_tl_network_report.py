# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class CaeTlNetworkReport(models.Model):
    """The bookings of the places of the networks, per month, place and home
    structure of the bookers: hours, members, what they were charged and
    what the host structure billed to the home structure.

    Grouped by structure (the host) and home structure, it answers "what
    each structure billed to the others in a month"; by place, "how many
    members used it". Counts and amounts only, no names: the structures of
    a network see each other's figures (see the record rule). The members
    count is exact on each row (a month, a place and a home structure) and
    summed above it (someone booking two places counts in both).
    """

    _name = "cae.tl.network.report"
    _description = "Third-place network report"
    _auto = False
    _order = "month desc, place_id, home_partner_id"
    # Flushed before the view is read.
    _depends = {
        "cae.tl.booking": [
            "date",
            "place_id",
            "company_id",
            "host_partner_id",
            "home_company_id",
            "network_id",
            "partner_id",
            "duration",
            "units",
            "exclusive",
            "amount",
            "network_amount",
            "network_bill_id",
            "state",
            "late_cancel",
        ],
        "res.company": ["partner_id", "currency_id"],
    }

    month = fields.Date(readonly=True)
    place_id = fields.Many2one(comodel_name="cae.tl.place", readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Company of the place", readonly=True
    )
    host_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Host structure", readonly=True
    )
    home_company_id = fields.Many2one(
        comodel_name="res.company", string="Home company", readonly=True
    )
    home_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Home structure", readonly=True
    )
    is_guest = fields.Boolean(
        string="Guests of the network",
        readonly=True,
        help="Bookings of members of another structure, under a network's rules.",
    )
    currency_id = fields.Many2one(comodel_name="res.currency", readonly=True)
    booking_count = fields.Integer(string="Bookings", readonly=True, aggregator="sum")
    hours = fields.Float(string="Booked hours", readonly=True, aggregator="sum")
    member_count = fields.Integer(string="Members", readonly=True, aggregator="sum")
    amount = fields.Monetary(
        string="Charged to the members", readonly=True, aggregator="sum"
    )
    network_amount = fields.Monetary(
        string="Network price", readonly=True, aggregator="sum"
    )
    billed_amount = fields.Monetary(
        string="Billed to the home structure",
        readonly=True,
        aggregator="sum",
        help="What the host structure billed (excluding taxes) to the home "
        "structure for these bookings.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def _query(self):
        return SQL(
            """
            WITH rows AS (
                SELECT date_trunc('month', b.date)::date AS month,
                       b.place_id,
                       b.company_id,
                       b.host_partner_id,
                       b.home_company_id,
                       b.network_id IS NOT NULL AS is_guest,
                       COUNT(*) AS booking_count,
                       SUM(b.duration
                           * CASE WHEN b.exclusive THEN 1 ELSE b.units END) AS hours,
                       COUNT(DISTINCT b.partner_id) AS member_count,
                       SUM(COALESCE(b.amount, 0)) AS amount,
                       SUM(COALESCE(b.network_amount, 0)) AS network_amount,
                       SUM(CASE WHEN b.network_bill_id IS NOT NULL
                                THEN b.network_amount ELSE 0 END) AS billed_amount
                  FROM cae_tl_booking b
                 WHERE b.state IN ('confirmed', 'done') OR b.late_cancel
                 GROUP BY 1, 2, 3, 4, 5, 6
            )
            SELECT row_number() OVER (
                       ORDER BY r.month, r.place_id, r.home_company_id, r.is_guest
                   ) AS id,
                   r.*,
                   home.partner_id AS home_partner_id,
                   company.currency_id
              FROM rows r
              JOIN res_company home ON home.id = r.home_company_id
              JOIN res_company company ON company.id = r.company_id
            """
        )

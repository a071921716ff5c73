# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class CaeShareHolding(models.Model):
    """Shares held today by each associate in each class (a view of the
    share ledger)."""

    _name = "cae.share.holding"
    _description = "Shares held"
    _auto = False
    _order = "associate_id, share_class_id"

    associate_id = fields.Many2one(comodel_name="cae.associate", readonly=True)
    partner_id = fields.Many2one(comodel_name="res.partner", readonly=True)
    share_class_id = fields.Many2one(comodel_name="cae.share.class", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    nominal_value = fields.Monetary(
        related="share_class_id.nominal_value", string="Nominal value"
    )
    quantity = fields.Integer(string="Shares", readonly=True, aggregator="sum")
    amount_subscribed = fields.Monetary(
        string="Share capital", readonly=True, aggregator="sum"
    )
    amount_paid = fields.Monetary(string="Paid", readonly=True, aggregator="sum")
    amount_unpaid = fields.Monetary(string="To pay", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(table)s AS (
                    SELECT MIN(line.id) AS id,
                           line.associate_id,
                           associate.partner_id,
                           line.share_class_id,
                           line.company_id,
                           SUM(line.quantity) AS quantity,
                           SUM(line.amount_subscribed) AS amount_subscribed,
                           SUM(line.amount_paid) AS amount_paid,
                           SUM(line.amount_subscribed - line.amount_paid)
                               AS amount_unpaid
                      FROM cae_share_line line
                      JOIN cae_associate associate
                        ON associate.id = line.associate_id
                  GROUP BY line.associate_id, associate.partner_id,
                           line.share_class_id, line.company_id
                    HAVING SUM(line.quantity) <> 0
                )
                """,
                table=SQL.identifier(self._table),
            )
        )

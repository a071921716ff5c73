# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CaeShareLine(models.Model):
    """The share ledger: what each registered operation changed for one
    associate in one class, signed.

    ==============  =======  ==========  ======
    operation       shares   subscribed  paid
    ==============  =======  ==========  ======
    subscription    +n       +n × value  0
    release         0        0           +paid
    transfer        −n / +n  ∓n × value  ∓n × value (fully paid shares)
    withdrawal      −n       −n × value  −n × value
    ==============  =======  ==========  ======

    Holdings, the capital, its history and the register at any date are sums
    of these lines (``_read_group`` or one SQL query). Lines are only written
    by :meth:`cae.share.operation._do_validate`.
    """

    _name = "cae.share.line"
    _description = "Share ledger line"
    _order = "date, id"

    operation_id = fields.Many2one(
        comodel_name="cae.share.operation",
        required=True,
        ondelete="restrict",
        index=True,
    )
    operation_type = fields.Selection(
        related="operation_id.operation_type", string="Type of operation"
    )
    number = fields.Integer(related="operation_id.number", string="Register number")
    associate_id = fields.Many2one(
        comodel_name="cae.associate",
        required=True,
        ondelete="restrict",
        index=True,
    )
    partner_id = fields.Many2one(related="associate_id.partner_id")
    share_class_id = fields.Many2one(
        comodel_name="cae.share.class", required=True, index=True
    )
    company_id = fields.Many2one(comodel_name="res.company", required=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, index=True)
    quantity = fields.Integer(string="Shares", aggregator="sum")
    amount_subscribed = fields.Monetary(string="Share capital", aggregator="sum")
    amount_paid = fields.Monetary(string="Paid capital", aggregator="sum")

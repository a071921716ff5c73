# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL, sql


class CaeTurnoverReport(models.Model):
    """Turnover excl. VAT of the activities: invoiced and collected.

    Invoiced (accrual view): the untaxed amount of posted customer invoices
    and credit notes, in the month of their invoice date. Collected (cash
    view): each payment reconciled with an invoice, in the month of the
    reconciliation, counted excl. VAT in the invoice's proportion (a payment
    of 600 on an invoice of 1,000 + 200 VAT collects 500); refunds paid back
    count negative. Reconciling a credit note with an invoice collects
    nothing.
    """

    _name = "cae.turnover.report"
    _description = "Invoiced and collected turnover"
    _auto = False
    _order = "date desc, activity_id"
    _rec_name = "activity_id"

    date = fields.Date(string="Month", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    activity_id = fields.Many2one(comodel_name="cae.activity", readonly=True)
    advisor_id = fields.Many2one(comodel_name="res.users", readonly=True)
    invoiced = fields.Monetary(string="Invoiced excl. VAT", readonly=True)
    collected = fields.Monetary(string="Collected excl. VAT", readonly=True)
    uncollected = fields.Monetary(
        string="Invoiced not collected",
        readonly=True,
        help="Invoiced minus collected: summed up to a month, what customers "
        "still owe (excl. VAT).",
    )

    def _query(self):
        return SQL(
            """
            WITH flow AS (
                SELECT inv.cae_activity_id AS activity_id, inv.company_id,
                       date_trunc('month', inv.invoice_date)::date AS date,
                       inv.amount_untaxed_signed AS invoiced, 0.0 AS collected
                  FROM account_move inv
                 WHERE inv.state = 'posted' AND inv.cae_activity_id IS NOT NULL
                   AND inv.move_type IN ('out_invoice', 'out_refund')
             UNION ALL
                SELECT inv.cae_activity_id, inv.company_id,
                       date_trunc('month', part.max_date)::date, 0.0,
                       part.amount * inv.amount_untaxed_signed
                           / NULLIF(inv.amount_total_signed, 0)
                  FROM account_partial_reconcile part
                  JOIN account_move_line invoice_line
                    ON invoice_line.id = part.debit_move_id
                  JOIN account_move inv
                    ON inv.id = invoice_line.move_id AND inv.state = 'posted'
                   AND inv.move_type = 'out_invoice' AND inv.cae_activity_id IS NOT NULL
                  JOIN account_move_line pay_line ON pay_line.id = part.credit_move_id
                  JOIN account_move pay
                    ON pay.id = pay_line.move_id AND pay.move_type = 'entry'
             UNION ALL
                SELECT inv.cae_activity_id, inv.company_id,
                       date_trunc('month', part.max_date)::date, 0.0,
                       -part.amount * inv.amount_untaxed_signed
                           / NULLIF(inv.amount_total_signed, 0)
                  FROM account_partial_reconcile part
                  JOIN account_move_line invoice_line
                    ON invoice_line.id = part.credit_move_id
                  JOIN account_move inv
                    ON inv.id = invoice_line.move_id AND inv.state = 'posted'
                   AND inv.move_type = 'out_refund' AND inv.cae_activity_id IS NOT NULL
                  JOIN account_move_line pay_line ON pay_line.id = part.debit_move_id
                  JOIN account_move pay
                    ON pay.id = pay_line.move_id AND pay.move_type = 'entry'
            )
            SELECT row_number() OVER (ORDER BY flow.activity_id, flow.date) AS id,
                   flow.activity_id, flow.company_id, flow.date,
                   entrepreneur.advisor_id,
                   SUM(flow.invoiced) AS invoiced,
                   SUM(flow.collected) AS collected,
                   SUM(flow.invoiced - flow.collected) AS uncollected
              FROM flow
              LEFT JOIN LATERAL (
                  SELECT e.advisor_id FROM cae_entrepreneur e
                   WHERE e.activity_id = flow.activity_id
                ORDER BY e.active DESC, e.id LIMIT 1
              ) entrepreneur ON TRUE
          GROUP BY flow.activity_id, flow.company_id, flow.date, entrepreneur.advisor_id
            """
        )

    def init(self):
        # At installation, the tables of the models this view reads may not
        # exist yet: res.company._cae_install_balance builds it afterwards.
        if not all(
            sql.table_exists(self.env.cr, table)
            for table in ("cae_activity", "cae_entrepreneur")
        ):
            return
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL, sql


class CaeBalanceReport(models.Model):
    """Balance indicators per activity and month, for pivot and graph views.

    A row is the movement of one indicator of one activity in one month:
    Σ(debit − credit) of the posted journal items of the activity on the
    indicator's accounts, signed as the indicator. Added over every month
    up to a date, a position indicator (cash, debts) gives its value at that
    date; a movement indicator (turnover, result) gives its value over the
    months chosen. Sums of indicators are expanded to their leaves with a
    recursive query, and prefixes matched as ``indicator_grid`` does (tests
    check both give the same figures).
    """

    _name = "cae.balance.report"
    _description = "Balance of the activities"
    _auto = False
    _order = "date desc, activity_id"
    _rec_name = "activity_id"

    date = fields.Date(string="Month", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    activity_id = fields.Many2one(comodel_name="cae.activity", readonly=True)
    entrepreneur_id = fields.Many2one(comodel_name="cae.entrepreneur", readonly=True)
    advisor_id = fields.Many2one(comodel_name="res.users", readonly=True)
    trade_id = fields.Many2one(comodel_name="cae.trade", readonly=True)
    indicator_id = fields.Many2one(comodel_name="cae.balance.indicator", readonly=True)
    indicator_code = fields.Char(readonly=True)
    amount = fields.Monetary(readonly=True, currency_field="currency_id")

    def _plan_columns(self):
        """The analytic line columns of the companies' activities plans.

        Empty while the module is being installed (the default plan is
        created by its data): ``res.company._cae_install_balance`` then
        rebuilds the view, as does a change of plan in the settings.
        """
        default = self.env.ref(
            "cae_base.analytic_plan_cae_activities", raise_if_not_found=False
        )
        companies = self.env["res.company"].sudo().search([])
        plans = companies.cae_activity_plan_id | (
            default or companies.cae_activity_plan_id
        )
        return sorted({plan._column_name() for plan in plans.sudo()})

    def _movements_query(self):
        """Σ(debit − credit) per activity, month and general account."""
        columns = self._plan_columns()
        if not columns:
            return SQL(
                "SELECT NULL::int AS activity_id, NULL::int AS company_id, "
                "NULL::date AS date, NULL::int AS account_id, "
                "NULL::numeric AS balance WHERE FALSE"
            )
        return SQL(" UNION ALL ").join(
            SQL(
                """
                SELECT act.id AS activity_id, act.company_id,
                       date_trunc('month', aal.date)::date AS date,
                       aal.general_account_id AS account_id,
                       -SUM(aal.amount) AS balance
                  FROM account_analytic_line aal
                  JOIN account_move_line aml
                    ON aml.id = aal.move_line_id AND aml.parent_state = 'posted'
                  JOIN cae_activity act ON act.analytic_account_id = aal.%s
              GROUP BY 1, 2, 3, 4
                """,
                SQL.identifier(column),
            )
            for column in columns
        )

    def _leaf_accounts_query(self):
        """Accounts of each leaf indicator: code prefixes, '-' excluding."""
        return SQL(
            """
            SELECT ind.id AS leaf_id, acc.id AS account_id
              FROM cae_balance_indicator ind
              JOIN res_company company ON company.id = ind.company_id
              JOIN account_account_res_company_rel rel
                ON rel.res_company_id = ind.company_id
              JOIN account_account acc ON acc.id = rel.account_account_id
              CROSS JOIN LATERAL (
                  SELECT acc.code_store ->> split_part(company.parent_path, '/', 1)
                      AS code
              ) account
             WHERE ind.kind = 'accounts' AND ind.active
               AND EXISTS (
                   SELECT 1 FROM unnest(string_to_array(ind.account_prefixes, ',')) p
                    WHERE trim(p) NOT LIKE '-%%' AND trim(p) <> ''
                      AND starts_with(account.code, trim(p)))
               AND NOT EXISTS (
                   SELECT 1 FROM unnest(string_to_array(ind.account_prefixes, ',')) p
                    WHERE trim(p) LIKE '-%%'
                      AND starts_with(account.code, substr(trim(p), 2)))
            """
        )

    def _expansion_query(self):
        """(indicator, leaf, factor): value(indicator) = Σ factor × leaf sum."""
        return SQL(
            """
            SELECT ind.id AS indicator_id, ind.id AS leaf_id,
                   CASE WHEN ind.sign = 'credit' THEN -1 ELSE 1 END AS factor
              FROM cae_balance_indicator ind
             WHERE ind.kind = 'accounts' AND ind.active
         UNION ALL
            SELECT parent.id, expansion.leaf_id,
                   expansion.factor
                   * CASE WHEN parent.sign = 'credit' THEN -1 ELSE 1 END
              FROM cae_balance_indicator_operand_rel rel
              JOIN expansion ON expansion.indicator_id = rel.operand_id
              JOIN cae_balance_indicator parent
                ON parent.id = rel.indicator_id AND parent.active
            """
        )

    def _query(self):
        return SQL(
            """
            WITH RECURSIVE expansion(indicator_id, leaf_id, factor) AS (%(expansion)s),
            leaf_account AS (%(leaf_accounts)s),
            movement AS (%(movements)s)
            SELECT row_number() OVER (
                       ORDER BY movement.activity_id, movement.date, ind.id
                   ) AS id,
                   movement.activity_id, movement.company_id, movement.date,
                   ind.id AS indicator_id, ind.code AS indicator_code,
                   entrepreneur.id AS entrepreneur_id,
                   entrepreneur.advisor_id, act.trade_id,
                   SUM(expansion.factor * movement.balance) AS amount
              FROM movement
              JOIN leaf_account ON leaf_account.account_id = movement.account_id
              JOIN cae_balance_indicator leaf
                ON leaf.id = leaf_account.leaf_id
               AND leaf.company_id = movement.company_id
              JOIN expansion ON expansion.leaf_id = leaf.id
              JOIN cae_balance_indicator ind ON ind.id = expansion.indicator_id
              JOIN cae_activity act ON act.id = movement.activity_id
              LEFT JOIN LATERAL (
                  SELECT e.id, e.advisor_id FROM cae_entrepreneur e
                   WHERE e.activity_id = movement.activity_id
                ORDER BY e.active DESC, e.id LIMIT 1
              ) entrepreneur ON TRUE
          GROUP BY movement.activity_id, movement.company_id, movement.date,
                   ind.id, ind.code, entrepreneur.id, entrepreneur.advisor_id,
                   act.trade_id
            """,
            expansion=self._expansion_query(),
            leaf_accounts=self._leaf_accounts_query(),
            movements=self._movements_query(),
        )

    def init(self):
        # At installation, the tables of the models this view reads may not
        # exist yet: res.company._cae_install_balance builds it afterwards.
        if not all(
            sql.table_exists(self.env.cr, table)
            for table in (
                "cae_activity",
                "cae_balance_indicator",
                "cae_balance_indicator_operand_rel",
                "cae_entrepreneur",
            )
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

    @api.model
    def _refresh_view(self):
        """Rebuild the view (new activities plan, module installed)."""
        self.init()

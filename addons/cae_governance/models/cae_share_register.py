# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL


class CaeShareRegister(models.Model):
    """The share register of one company, and its gapless counters.

    Register numbers (of operations) and associate numbers must follow each
    other without gaps, even when several users validate operations at the
    same time. Both counters live in this company's row, which
    :meth:`_lock` locks with ``SELECT ... FOR UPDATE`` before any check of a
    validation: concurrent validations of one company run one after the
    other (under Odoo's repeatable-read isolation the later one fails with a
    serialization error and is retried by Odoo on fresh data). A rollback
    also rolls back the counter, so no number is lost; a unique index on
    ``(company_id, number)`` of the operations guards the result.
    """

    _name = "cae.share.register"
    _description = "Share register"
    _rec_name = "company_id"

    company_id = fields.Many2one(
        comodel_name="res.company", required=True, readonly=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    next_number = fields.Integer(default=1, readonly=True, copy=False)
    next_associate_number = fields.Integer(default=1, readonly=True, copy=False)
    # Figures of the capital today (see _compute_capital).
    capital_subscribed = fields.Monetary(
        string="Share capital", compute="_compute_capital"
    )
    capital_paid = fields.Monetary(string="Paid capital", compute="_compute_capital")
    capital_unpaid = fields.Monetary(
        string="Capital still to be paid", compute="_compute_capital"
    )
    capital_called_unpaid = fields.Monetary(
        string="Called, not paid", compute="_compute_capital"
    )
    capital_max = fields.Monetary(
        string="Highest capital reached",
        compute="_compute_capital",
        help="Highest share capital at the end of a day since the first "
        "operation of the register.",
    )
    capital_floor = fields.Monetary(
        string="Capital floor",
        compute="_compute_capital",
        help="The capital may not fall below this share of the highest capital "
        "ever reached (loi 47-1775, art. 13).",
    )
    associate_count = fields.Integer(compute="_compute_capital")
    share_count = fields.Integer(string="Shares", compute="_compute_capital")

    _sql_constraints = [
        (
            "company_unique",
            "unique(company_id)",
            "A company has a single share register.",
        ),
    ]

    def _compute_capital(self):
        today = fields.Date.context_today(self)
        Parameter = self.env["cae.parameter"]
        Line = self.env["cae.share.line"]
        totals = {
            company: (quantity, subscribed, paid)
            for company, quantity, subscribed, paid in Line._read_group(
                [("company_id", "in", self.company_id.ids)],
                ["company_id"],
                ["quantity:sum", "amount_subscribed:sum", "amount_paid:sum"],
            )
        }
        called = dict(
            self.env["cae.share.operation"]._read_group(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("operation_type", "=", "subscription"),
                    ("state", "=", "done"),
                ],
                ["company_id"],
                ["amount_due:sum"],
            )
        )
        associates = dict(
            self.env["cae.associate"]._read_group(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("state", "=", "associate"),
                ],
                ["company_id"],
                ["__count"],
            )
        )
        for register in self:
            company = register.company_id
            quantity, subscribed, paid = totals.get(company, (0, 0.0, 0.0))
            register.share_count = quantity
            register.capital_subscribed = subscribed
            register.capital_paid = paid
            register.capital_unpaid = subscribed - paid
            register.capital_called_unpaid = called.get(company, 0.0)
            register.capital_max = register._get_capital_max()
            ratio = Parameter._get_value("cae_capital_floor_ratio", today, company)
            register.capital_floor = company.currency_id.round(
                register.capital_max * ratio
            )
            register.associate_count = associates.get(company, 0)

    @api.model
    def _get_for_company(self, company):
        """The register of ``company``, created on first use."""
        register = self.sudo().search([("company_id", "=", company.id)], limit=1)
        if not register:
            register = self.sudo().create({"company_id": company.id})
        return register.with_env(self.env)

    # ------------------------------------------------------------------
    # Gapless counters (see the class docstring)
    # ------------------------------------------------------------------
    def _lock(self):
        """Lock this register until the end of the transaction."""
        self.ensure_one()
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM cae_share_register WHERE id = %s FOR UPDATE",
                self.id,
            )
        )

    def _take(self, column):
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                "UPDATE cae_share_register SET %(col)s = %(col)s + 1 "
                "WHERE id = %(id)s RETURNING %(col)s - 1",
                col=SQL.identifier(column),
                id=self.id,
            )
        )
        number = self.env.cr.fetchone()[0]
        self.invalidate_recordset([column])
        return number

    def _next_number(self):
        return self._take("next_number")

    def _take_numbers(self, count, column="next_number"):
        """Take ``count`` numbers following each other (for a batch): the
        first of them, in one query."""
        self.ensure_one()
        if not count:
            return 0
        self.env.cr.execute(
            SQL(
                "UPDATE cae_share_register SET %(col)s = %(col)s + %(count)s "
                "WHERE id = %(id)s RETURNING %(col)s - %(count)s",
                col=SQL.identifier(column),
                count=count,
                id=self.id,
            )
        )
        number = self.env.cr.fetchone()[0]
        self.invalidate_recordset([column])
        return number

    def _next_associate_number(self):
        return self._take("next_associate_number")

    # ------------------------------------------------------------------
    # Capital history
    # ------------------------------------------------------------------
    def _get_capital_history(self):
        """``[(date, capital at the end of that day)]``, oldest first."""
        self.ensure_one()
        self.env["cae.share.line"].flush_model(
            ["company_id", "date", "amount_subscribed"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT date, SUM(SUM(amount_subscribed)) OVER (ORDER BY date)
                  FROM cae_share_line
                 WHERE company_id = %s
              GROUP BY date
              ORDER BY date
                """,
                self.company_id.id,
            )
        )
        return self.env.cr.fetchall()

    def _get_capital_max(self):
        return max(
            (capital for _date, capital in self._get_capital_history()), default=0.0
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.model
    def action_open_current(self):
        register = self._get_for_company(self.env.company)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Share capital"),
            "res_model": self._name,
            "res_id": register.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_print_register(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Print the register"),
            "res_model": "cae.share.register.print",
            "view_mode": "form",
            "target": "new",
            "context": {"default_register_id": self.id},
        }

    def action_capital_history(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_governance.cae_share_line_action_history"
        )
        action["domain"] = [("company_id", "=", self.company_id.id)]
        return action

    def action_view_associates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_governance.cae_associate_action"
        )
        action["domain"] = [("company_id", "=", self.company_id.id)]
        return action

    # ------------------------------------------------------------------
    # The register of associates (PDF and XLSX reports)
    # ------------------------------------------------------------------
    def _get_register_data(self, date):
        """The register as it stood on ``date`` (included).

        :return: dict with ``date``, ``classes`` (those with shares),
            ``rows`` (one per associate who held shares by then, in number
            order: ``associate``, ``quantities`` by class, ``quantity``,
            ``subscribed``, ``paid``, ``admission_date``, ``exit_date``),
            ``operations`` (numbered operations up to the date, in register
            order) and the totals ``quantity``, ``subscribed``, ``paid``.
        """
        self.ensure_one()
        Line = self.env["cae.share.line"]
        domain = [("company_id", "=", self.company_id.id), ("date", "<=", date)]
        groups = Line._read_group(
            domain,
            ["associate_id", "share_class_id"],
            ["quantity:sum", "amount_subscribed:sum", "amount_paid:sum"],
        )
        admissions = dict(
            Line._read_group(
                domain + [("quantity", ">", 0)], ["associate_id"], ["date:min"]
            )
        )
        exits = dict(
            Line._read_group(
                domain + [("quantity", "<", 0)], ["associate_id"], ["date:max"]
            )
        )
        rows = {}
        classes = self.env["cae.share.class"]
        for associate, share_class, quantity, subscribed, paid in groups:
            row = rows.setdefault(
                associate,
                {
                    "associate": associate,
                    "quantities": {},
                    "quantity": 0,
                    "subscribed": 0.0,
                    "paid": 0.0,
                    "admission_date": admissions.get(associate),
                    "exit_date": False,
                },
            )
            row["quantities"][share_class] = quantity
            row["quantity"] += quantity
            row["subscribed"] += subscribed
            row["paid"] += paid
            if quantity:
                classes |= share_class
        for row in rows.values():
            if not row["quantity"]:
                row["exit_date"] = exits.get(row["associate"])
        ordered = sorted(
            rows.values(),
            key=lambda r: (r["associate"].number or 0, r["associate"].name or ""),
        )
        operations = self.env["cae.share.operation"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("number", "!=", False),
                ("date", "<=", date),
            ],
            order="number",
        )
        return {
            "date": date,
            "classes": classes.sorted(lambda c: (c.sequence, c.id)),
            "rows": ordered,
            "operations": operations,
            "quantity": sum(r["quantity"] for r in ordered),
            "subscribed": sum(r["subscribed"] for r in ordered),
            "paid": sum(r["paid"] for r in ordered),
        }

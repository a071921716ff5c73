# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

EVENT_SALE_STATES = [
    ("draft", "Draft"),
    ("posted", "Posted"),
]


class CaeCjsEventSale(models.Model):
    """The takings of a sales event, entered in one go at the end of the day.

    A Flashcoop sells its products on a market or at a festival without a
    till: the group counts what it sold of each product and the money in
    the cash box (or on the card terminal). Posting makes one sales receipt
    of the hosting cooperative on the project's analytic account, paid at
    once in the chosen cash or bank journal.
    """

    _name = "cae.cjs.event.sale"
    _inherit = ["cae.workflow.mixin", "cae.cjs.project.mixin", "mail.thread"]
    # Workflow guard (cae_base's cae.workflow.mixin): posted sales keep
    # their receipt.
    _cae_workflow_fields = frozenset({"move_id"})
    _description = "Event sales"
    _order = "date desc, id desc"

    date = fields.Date(required=True, default=fields.Date.context_today)
    journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Paid into",
        required=True,
        check_company=True,
        domain="[('type', 'in', ('cash', 'bank')), ('company_id', '=', company_id)]",
        compute="_compute_journal_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        check_company=True,
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    line_ids = fields.One2many(
        comodel_name="cae.cjs.event.sale.line",
        inverse_name="sale_id",
        string="Products sold",
    )
    amount_untaxed = fields.Monetary(
        string="Amount excl. taxes",
        compute="_compute_amount_untaxed",
        store=True,
    )
    move_id = fields.Many2one(
        comodel_name="account.move",
        string="Receipt",
        readonly=True,
        copy=False,
        check_company=True,
    )
    amount_total = fields.Monetary(
        string="Amount collected",
        related="move_id.amount_total",
    )
    state = fields.Selection(
        selection=EVENT_SALE_STATES,
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
    )

    @api.depends("project_id")
    def _compute_journal_id(self):
        for sale in self:
            if not sale.journal_id and sale.company_id:
                sale.journal_id = self.env["account.journal"].search(
                    [
                        *self.env["account.journal"]._check_company_domain(
                            sale.company_id
                        ),
                        ("type", "=", "cash"),
                    ],
                    limit=1,
                )

    @api.depends("project_id")
    def _compute_partner_id(self):
        for sale in self:
            if not sale.partner_id:
                sale.partner_id = sale.project_id.event_customer_id

    @api.depends("line_ids.subtotal")
    def _compute_amount_untaxed(self):
        for sale in self:
            sale.amount_untaxed = sum(sale.line_ids.mapped("subtotal"))

    @api.depends("project_id", "date")
    def _compute_display_name(self):
        for sale in self:
            sale.display_name = self.env._(
                "Sales of %(date)s", date=format_date(self.env, sale.date)
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(sale.state == "posted" for sale in self):
            raise UserError(
                self.env._("Posted sales cannot be deleted: reverse the receipt.")
            )

    def action_post(self):
        """Book the takings: a sales receipt, paid into the journal."""
        self._check_can_post()
        for sale in self:
            move = self.env["account.move"].create(sale._prepare_receipt_vals())
            move.action_post()
            sale._register_payment(move)
            sale.write({"move_id": move.id, "state": "posted"})

    def action_view_receipt(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
        }

    def _check_can_post(self):
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(
                self.env._(
                    "Only the invoicing staff of the hosting cooperative can post "
                    "the event sales."
                )
            )
        for sale in self:
            if sale.state != "draft":
                raise UserError(
                    self.env._(
                        "The sales of %(date)s are already posted.",
                        date=format_date(self.env, sale.date),
                    )
                )
            if sale.project_id.state != "running":
                raise UserError(
                    self.env._(
                        "The project %(project)s is not running: its sales cannot "
                        "be posted.",
                        project=sale.project_id.display_name,
                    )
                )
            if not sale.line_ids:
                raise UserError(
                    self.env._("Enter the products sold before posting the sales.")
                )

    def _prepare_receipt_vals(self):
        self.ensure_one()
        project = self.project_id
        return {
            "move_type": "out_receipt",
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "invoice_date": self.date,
            "cae_activity_id": project.activity_id.id,
            "ref": f"{project.reference} {project.event_name or ''}".strip(),
            "invoice_line_ids": [
                Command.create(line._prepare_receipt_line_vals())
                for line in self.line_ids
            ],
        }

    def _register_payment(self, move):
        self.ensure_one()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create(
            {"journal_id": self.journal_id.id, "payment_date": self.date}
        )._create_payments()

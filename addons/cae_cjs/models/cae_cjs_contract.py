# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

CONTRACT_STATES = [
    ("draft", "Draft"),
    ("quoted", "Quoted"),
    ("confirmed", "Accepted"),
    ("invoiced", "Invoiced"),
    ("cancelled", "Cancelled"),
]


class CaeCjsContract(models.Model):
    """A service the group sells to a customer (mowing, moving, pet care...).

    The youths prepare it with their prices; the hosting cooperative issues
    the quote (a ``sale.order``) and the invoice, both on the project's
    analytic account, because the project has no legal existence of its own.
    The hours each participant worked on it are recorded against it.
    """

    _name = "cae.cjs.contract"
    _inherit = ["cae.workflow.mixin", "cae.cjs.project.mixin", "mail.thread"]
    # Workflow guard (cae_base's cae.workflow.mixin): the state follows the
    # quote the steps make; once quoted, the services are those of the
    # quote, and the hours worked on the contract are still recorded.
    _cae_workflow_fields = frozenset({"sale_order_id"})
    _cae_workflow_open_states = frozenset({"draft", "cancelled"})
    _cae_workflow_writable = {None: ("date", "work_ids")}
    _description = "Service contract"
    _order = "date desc, id desc"

    name = fields.Char(string="Service", required=True, tracking=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        check_company=True,
        tracking=True,
    )
    date = fields.Date(
        string="Service date",
        required=True,
        default=fields.Date.context_today,
    )
    line_ids = fields.One2many(
        comodel_name="cae.cjs.contract.line",
        inverse_name="contract_id",
        string="Lines",
        copy=True,
    )
    amount_untaxed = fields.Monetary(
        string="Amount excl. taxes",
        compute="_compute_amount_untaxed",
        store=True,
    )
    work_ids = fields.One2many(
        comodel_name="cae.cjs.work",
        inverse_name="contract_id",
        string="Hours worked",
    )
    hours_total = fields.Float(
        string="Hours",
        compute="_compute_hours_total",
        digits=(16, 2),
    )
    sale_order_id = fields.Many2one(
        comodel_name="sale.order",
        string="Quote",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    state = fields.Selection(
        selection=CONTRACT_STATES,
        compute="_compute_state",
        store=True,
        index=True,
        tracking=True,
    )
    invoice_count = fields.Integer(compute="_compute_invoices")
    amount_invoiced = fields.Monetary(
        string="Invoiced excl. taxes",
        compute="_compute_invoices",
        help="Posted invoices minus credit notes.",
    )

    @api.depends("line_ids.subtotal")
    def _compute_amount_untaxed(self):
        for contract in self:
            contract.amount_untaxed = sum(contract.line_ids.mapped("subtotal"))

    @api.depends("work_ids.hours")
    def _compute_hours_total(self):
        for contract in self:
            contract.hours_total = sum(contract.work_ids.mapped("hours"))

    @api.depends("sale_order_id.state", "sale_order_id.invoice_status")
    def _compute_state(self):
        for contract in self:
            order = contract.sale_order_id
            if not order:
                contract.state = "draft"
            elif order.state == "cancel":
                contract.state = "cancelled"
            elif order.state in ("draft", "sent"):
                contract.state = "quoted"
            elif order.invoice_status == "invoiced":
                contract.state = "invoiced"
            else:
                contract.state = "confirmed"

    def _compute_invoices(self):
        # sudo: the group follows its invoicing without accounting rights.
        for contract in self:
            invoices = contract.sudo().sale_order_id.invoice_ids
            posted = invoices.filtered(lambda move: move.state == "posted")
            contract.invoice_count = len(invoices)
            contract.amount_invoiced = sum(posted.mapped("amount_untaxed_signed"))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_create_quote(self):
        """The hosting cooperative's quote for the contract (draft)."""
        self._check_can_quote()
        for contract in self:
            # sudo: facilitators prepare quotes without sales rights; the
            # quote is the cooperative's, made out from the checked contract.
            order = (
                self.env["sale.order"]
                .sudo()
                .with_company(contract.company_id)
                .create(contract._prepare_sale_order_vals())
            )
            contract.sale_order_id = order
        if len(self) == 1 and self.env.user.has_group("sales_team.group_sale_salesman"):
            return self.action_view_quote()
        return True

    def action_invoice(self):
        """Confirm the quote (made if missing) and draw up the invoice."""
        self._check_can_invoice()
        self.filtered(lambda c: c.state in ("draft", "cancelled")).action_create_quote()
        orders = self.sale_order_id.sudo()
        orders.filtered(lambda o: o.state in ("draft", "sent")).action_confirm()
        # One invoice per contract, even for a customer with several.
        invoices = orders._create_invoices(grouped=True)
        return self._action_view_invoices(invoices.with_env(self.env))

    def action_view_quote(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.sale_order_id.id,
            "view_mode": "form",
        }

    def action_view_invoices(self):
        invoices = self.sudo().sale_order_id.invoice_ids
        return self._action_view_invoices(invoices.with_env(self.env))

    def _action_view_invoices(self, invoices):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        if len(invoices) == 1:
            action.update(
                views=[(self.env.ref("account.view_move_form").id, "form")],
                res_id=invoices.id,
            )
        else:
            action["domain"] = [("id", "in", invoices.ids)]
        action["context"] = {"default_move_type": "out_invoice"}
        return action

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _check_can_quote(self):
        self.check_access("write")
        for contract in self:
            if contract.project_id.state != "running":
                raise UserError(
                    self.env._(
                        "Start the project %(project)s before quoting its "
                        "contracts.",
                        project=contract.project_id.display_name,
                    )
                )
            if contract.state not in ("draft", "cancelled"):
                raise UserError(
                    self.env._(
                        "The contract %(contract)s already has a quote.",
                        contract=contract.display_name,
                    )
                )
            if not contract.line_ids:
                raise UserError(
                    self.env._(
                        "Add the services of the contract %(contract)s before "
                        "quoting it.",
                        contract=contract.display_name,
                    )
                )

    def _check_can_invoice(self):
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(
                self.env._(
                    "Only the invoicing staff of the hosting cooperative can "
                    "invoice a contract."
                )
            )
        self.check_access("write")
        invoiced = self.filtered(lambda c: c.state == "invoiced")
        if invoiced:
            raise UserError(
                self.env._(
                    "The contract %(contract)s is already invoiced.",
                    contract=invoiced[0].display_name,
                )
            )
        self.filtered(lambda c: c.state in ("draft", "cancelled"))._check_can_quote()

    def _prepare_sale_order_vals(self):
        self.ensure_one()
        project = self.project_id
        return {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "user_id": self.env.user.id,
            "origin": f"{project.reference} - {self.name}",
            "cae_cjs_contract_id": self.id,
            "order_line": [
                Command.create(line._prepare_sale_order_line_vals())
                for line in self.line_ids
            ],
        }

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

INTERNAL_INVOICE_STATES = [
    ("draft", "Draft"),
    ("to_validate", "To validate"),
    ("posted", "Posted"),
    ("cancel", "Cancelled"),
]


class CaeInternalInvoice(models.Model):
    """One activity sells a service to another activity of the cooperative.

    Both activities belong to the same company: no VAT, no receivable. Once
    validated by an accountant, the invoice posts one entry charging the
    buying activity (internal charges account, its analytic account) and
    crediting the selling one (internal income account, its analytic
    account), as the tiers-lieux bookings do.
    """

    _name = "cae.internal.invoice"
    _description = "Internal invoice between activities"
    _inherit = ["cae.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    # Workflow guard (cae.workflow.mixin): the number and the entry come
    # from the steps; once submitted, nothing changes but the note of a
    # posted invoice.
    _cae_workflow_fields = frozenset({"name", "move_id"})
    _cae_workflow_writable = {"posted": ("note",)}
    _cae_workflow_extra_steps = ("_cae_send_back",)
    _cae_workflow_initial_values = {"name": ("/",)}
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", readonly=True, copy=False, default="/", index="trigram"
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    seller_activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Selling activity",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        default=lambda self: self._default_seller_activity_id(),
        help="Provides the service: credited on the internal income account.",
    )
    buyer_activity_id = fields.Many2one(
        comodel_name="cae.activity",
        string="Buying activity",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        help="Receives the service: charged on the internal charges account.",
    )
    line_ids = fields.One2many(
        comodel_name="cae.internal.invoice.line",
        inverse_name="invoice_id",
        string="Lines",
        copy=True,
    )
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True
    )
    state = fields.Selection(
        selection=INTERNAL_INVOICE_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    move_id = fields.Many2one(
        comodel_name="account.move",
        string="Journal entry",
        readonly=True,
        copy=False,
        check_company=True,
    )
    note = fields.Text()
    is_seller = fields.Boolean(
        string="Selling side",
        compute="_compute_is_seller",
        help="The user may prepare this invoice: staff, or an entrepreneur "
        "of the selling activity (the buyer only reads it).",
    )

    _sql_constraints = [
        (
            "activities_differ",
            "CHECK(seller_activity_id != buyer_activity_id)",
            "An activity cannot invoice itself.",
        ),
    ]

    def _default_seller_activity_id(self):
        if not self.env.user._cae_is_entrepreneur_only():
            return False
        return self.env.user._cae_own_activities().filtered(
            lambda a: a.company_id == self.env.company
        )[:1]

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for invoice in self:
            invoice.amount_total = sum(invoice.line_ids.mapped("amount"))

    @api.depends_context("uid")
    @api.depends("seller_activity_id")
    def _compute_is_seller(self):
        if not self.env.user._cae_is_entrepreneur_only():
            self.is_seller = True
            return
        own = self.env.user._cae_own_activities()
        for invoice in self:
            invoice.is_seller = (
                not invoice.seller_activity_id or invoice.seller_activity_id in own
            )

    @api.constrains("seller_activity_id", "buyer_activity_id")
    def _check_activities(self):
        for invoice in self:
            if invoice.seller_activity_id == invoice.buyer_activity_id:
                raise ValidationError(self.env._("An activity cannot invoice itself."))

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "cae.internal.invoice", sequence_date=vals.get("date")
                )
        invoices = super().create(vals_list)
        invoices._check_entrepreneur_side()
        return invoices

    def write(self, vals):
        res = super().write(vals)
        if "seller_activity_id" in vals:
            self._check_entrepreneur_side()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(invoice.state == "posted" for invoice in self):
            raise UserError(self.env._("A posted internal invoice cannot be deleted."))

    def _check_entrepreneur_side(self):
        """Entrepreneurs invoice on behalf of their own activity only."""
        if self.env.su or not self.env.user._cae_is_entrepreneur_only():
            return
        own = self.env.user._cae_own_activities()
        if any(invoice.seller_activity_id not in own for invoice in self):
            raise AccessError(
                self.env._("You can only invoice on behalf of your own activity.")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self):
        for invoice in self:
            if invoice.state != "draft":
                raise UserError(
                    self.env._(
                        "%(invoice)s is not a draft.", invoice=invoice.display_name
                    )
                )
            if not invoice.line_ids or invoice.amount_total <= 0:
                raise UserError(
                    self.env._(
                        "Add the lines of %(invoice)s (a positive total) before "
                        "submitting it.",
                        invoice=invoice.display_name,
                    )
                )
        self.write({"state": "to_validate"})
        for invoice in self:
            invoice.message_post(body=self.env._("Submitted for validation."))
            validator = invoice.company_id.cae_validator_id
            if validator:
                invoice.sudo().activity_schedule(
                    "cae_base.mail_activity_type_cae_validation",
                    user_id=validator.id,
                )
        return True

    def action_validate(self):
        """Post the entry between the two activities (accountants)."""
        self._check_accountant()
        if any(invoice.state != "to_validate" for invoice in self):
            raise UserError(
                self.env._(
                    "Only internal invoices waiting for validation can be posted."
                )
            )
        for invoice in self:
            if invoice.amount_total <= 0:
                raise UserError(
                    self.env._(
                        "The total of %(invoice)s must be positive.",
                        invoice=invoice.display_name,
                    )
                )
            move = self.env["account.move"].create(invoice._prepare_move_vals())
            move.action_post()
            invoice.write({"state": "posted", "move_id": move.id})
        self.activity_feedback(["cae_base.mail_activity_type_cae_validation"])
        return True

    def action_send_back(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send back"),
            "res_model": "cae.send.back",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def _cae_send_back(self, reason):
        self._check_accountant()
        if any(invoice.state != "to_validate" for invoice in self):
            raise UserError(
                self.env._("Only internal invoices waiting for validation go back.")
            )
        self.write({"state": "draft"})
        self.activity_unlink(["cae_base.mail_activity_type_cae_validation"])
        for invoice in self:
            users = invoice.seller_activity_id.sudo().entrepreneur_ids.user_id
            invoice.message_post(
                body=self.env._("Sent back: %(reason)s", reason=reason),
                partner_ids=users.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def action_cancel(self):
        if any(invoice.state == "posted" for invoice in self):
            raise UserError(
                self.env._(
                    "A posted internal invoice is cancelled by reversing its "
                    "journal entry."
                )
            )
        self.write({"state": "cancel"})
        self.activity_unlink(["cae_base.mail_activity_type_cae_validation"])
        return True

    def action_draft(self):
        self.filtered(lambda i: i.state == "cancel").write({"state": "draft"})
        return True

    def action_view_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _check_accountant(self):
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(
                self.env._("Only the cooperative's accountants validate documents.")
            )

    def _prepare_move_vals(self):
        """The entry: each line charges the buyer and credits the seller."""
        self.ensure_one()
        journal, expense, income = self.company_id._cae_internal_invoice_accounts()
        buyer = str(self.buyer_activity_id.analytic_account_id.id)
        seller = str(self.seller_activity_id.analytic_account_id.id)
        lines = []
        for line in self.line_ids:
            label = f"{self.name} - {line.name}"
            lines += [
                fields.Command.create(
                    {
                        "name": label,
                        "account_id": expense.id,
                        "balance": line.amount,
                        "analytic_distribution": {buyer: 100},
                    }
                ),
                fields.Command.create(
                    {
                        "name": label,
                        "account_id": income.id,
                        "balance": -line.amount,
                        "analytic_distribution": {seller: 100},
                    }
                ),
            ]
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "company_id": self.company_id.id,
            "date": self.date,
            "ref": self.env._(
                "Internal invoice %(number)s: %(seller)s to %(buyer)s",
                number=self.name,
                seller=self.seller_activity_id.name,
                buyer=self.buyer_activity_id.name,
            ),
            "line_ids": lines,
        }

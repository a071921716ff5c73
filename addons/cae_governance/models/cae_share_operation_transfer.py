# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


# One model, one register: each kind of operation lives in its own file.
# pylint: disable=consider-merging-classes-inherited
class CaeShareOperation(models.Model):
    """Transfers of fully paid shares from one associate to another contact.

    The capital does not change (no journal entry). A transfer to someone
    who is not an associate yet is refused until a manager records its
    approval (by the board or the assembly, as the statutes require); the
    transferee then becomes an associate.
    """

    _inherit = "cae.share.operation"

    partner_to_id = fields.Many2one(
        comodel_name="res.partner",
        string="Transferee",
        check_company=True,
        tracking=True,
    )
    associate_to_id = fields.Many2one(
        comodel_name="cae.associate",
        string="Receiving associate",
        compute="_compute_associate_to_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
    )
    transferee_is_associate = fields.Boolean(
        compute="_compute_transferee_is_associate",
        help="The transferee holds shares already.",
    )
    transfer_approved = fields.Boolean(readonly=True, copy=False, tracking=True)
    approved_by_id = fields.Many2one(
        comodel_name="res.users", readonly=True, copy=False
    )
    approval_date = fields.Date(readonly=True, copy=False)

    @api.depends("partner_to_id", "company_id")
    def _compute_associate_to_id(self):
        Associate = self.env["cae.associate"]
        for operation in self:
            if operation.state != "draft":
                operation.associate_to_id = operation.associate_to_id
                continue
            operation.associate_to_id = (
                Associate.search(
                    [
                        ("partner_id", "=", operation.partner_to_id.id),
                        ("company_id", "=", operation.company_id.id),
                    ],
                    limit=1,
                )
                if operation.partner_to_id
                else Associate
            )

    @api.depends("associate_to_id.state")
    def _compute_transferee_is_associate(self):
        for operation in self:
            operation.transferee_is_associate = (
                operation.associate_to_id.state == "associate"
            )

    def action_approve_transfer(self):
        if not self.env.user.has_group("cae_base.group_cae_manager"):
            raise UserError(
                self.env._("Only a manager of the cooperative approves transfers.")
            )
        for operation in self:
            if operation.operation_type != "transfer" or operation.state != "draft":
                raise UserError(self.env._("Only draft transfers are approved."))
            operation.write(
                {
                    "transfer_approved": True,
                    "approved_by_id": self.env.user.id,
                    "approval_date": fields.Date.context_today(self),
                }
            )
            operation.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Transfer to %(name)s approved.",
                    name=operation.partner_to_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _get_transferee(self):
        """The receiving associate, or a new one in memory (not saved)."""
        return self.associate_to_id or self.env["cae.associate"].new(
            {"partner_id": self.partner_to_id.id, "company_id": self.company_id.id}
        )

    def _check_transfer(self):
        _ = self.env._
        if not self.partner_to_id:
            raise UserError(_("Choose who receives the shares."))
        if self.partner_to_id == self.associate_id.partner_id:
            raise UserError(_("An associate cannot transfer shares to themselves."))
        self._check_shares_held()
        transferee = self._get_transferee()
        self._check_holder_allowed(transferee)
        if transferee.state != "associate" and not self.transfer_approved:
            raise UserError(
                _(
                    "%(name)s is not an associate: a transfer to a non-associate "
                    "needs the approval of the cooperative first (as the statutes "
                    "require).",
                    name=self.partner_to_id.name,
                )
            )
        held = self._get_holding(transferee)[0] if transferee.id else 0
        self._check_min_shares(transferee, held + self.quantity)
        transferee._check_can_promote(self.date)

    def _do_transfer(self, register):
        transferee = self.associate_to_id or self.env[
            "cae.associate"
        ]._ensure_for_partner(self.partner_to_id, self.company_id)
        self.associate_to_id = transferee
        self.env["cae.share.line"].create(
            [
                self._prepare_line_vals(
                    self.associate_id, -self.quantity, -self.amount, -self.amount
                ),
                self._prepare_line_vals(
                    transferee, self.quantity, self.amount, self.amount
                ),
            ]
        )
        transferee._assign_number(register)
        transferee._promote_entrepreneur(self.date)

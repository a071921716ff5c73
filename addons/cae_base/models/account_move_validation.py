# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Entrepreneurs prepare their activity's invoices; staff validate them.

An entrepreneur without accounting rights (``res.users._cae_is_entrepreneur_only``)
creates and edits the documents of their own activity (record rules do the
rest), submits them, and an accountant posts them or sends them back with a
reason (``cae.move.send.back``).
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

VALIDATION_STATES = [
    ("to_validate", "To validate"),
    ("sent_back", "Sent back"),
    ("validated", "Validated"),
]

# Fields an entrepreneur may not change once the document is submitted.
LOCKED_WHEN_SUBMITTED = {
    "partner_id",
    "invoice_line_ids",
    "line_ids",
    "invoice_date",
    "currency_id",
    "cae_activity_id",
    "move_type",
}


class AccountMove(models.Model):
    _inherit = "account.move"

    cae_activity_id = fields.Many2one(default=lambda self: self._default_cae_activity())
    cae_validation_state = fields.Selection(
        selection=VALIDATION_STATES,
        string="Validation",
        copy=False,
        index=True,
        tracking=True,
        readonly=True,
        help="Documents prepared by entrepreneurs are submitted to the "
        "cooperative's accountants, who post them or send them back.",
    )
    cae_advisor_id = fields.Many2one(
        comodel_name="res.users",
        string="Advisor",
        compute="_compute_cae_advisor_id",
        store=True,
        help="Advisor of the activity's entrepreneur, to share the validations.",
    )
    cae_activity_locked = fields.Boolean(
        compute="_compute_cae_activity_locked",
        help="The user is an entrepreneur: the activity is theirs, fixed.",
    )

    def _default_cae_activity(self):
        if not self.env.user._cae_is_entrepreneur_only():
            return False
        activities = self.env.user._cae_own_activities().filtered(
            lambda a: a.company_id == self.env.company
        )
        return activities[:1].id

    @api.depends("cae_activity_id.entrepreneur_ids.advisor_id")
    def _compute_cae_advisor_id(self):
        for move in self:
            move.cae_advisor_id = move.cae_activity_id.sudo().entrepreneur_ids[
                :1
            ].advisor_id

    @api.depends_context("uid")
    def _compute_cae_activity_locked(self):
        locked = self.env.user._cae_is_entrepreneur_only()
        for move in self:
            move.cae_activity_locked = locked

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        moves = super().create(vals_list)
        if self.env.user._cae_is_entrepreneur_only() and not self.env.su:
            moves._cae_check_entrepreneur_activity()
        moves._cae_tag_partners()
        return moves

    def write(self, vals):
        restricted = self.env.user._cae_is_entrepreneur_only() and not self.env.su
        if restricted and LOCKED_WHEN_SUBMITTED.intersection(vals):
            submitted = self.filtered(lambda m: m.cae_validation_state == "to_validate")
            if submitted:
                raise UserError(
                    self.env._(
                        "%(document)s is waiting for validation: ask the "
                        "accountant to send it back before changing it.",
                        document=submitted[0].display_name,
                    )
                )
        res = super().write(vals)
        if restricted and "cae_activity_id" in vals:
            self._cae_check_entrepreneur_activity()
        if "partner_id" in vals or "cae_activity_id" in vals:
            self._cae_tag_partners()
        return res

    def _cae_check_entrepreneur_activity(self):
        """Entrepreneurs only work on their own activities' documents."""
        own = self.env.user._cae_own_activities()
        if any(move.cae_activity_id not in own for move in self):
            raise AccessError(
                self.env._("You can only prepare documents of your own activity.")
            )

    def _cae_tag_partners(self):
        """The customers and suppliers of an activity become its contacts.

        Entrepreneurs see the contacts of their activities only
        (``res.partner.cae_activity_ids``): a document of their activity
        makes its partner one of them, whoever created it.
        """
        for move in self.sudo().filtered(lambda m: m.cae_activity_id and m.partner_id):
            partners = move.partner_id | move.partner_id.commercial_partner_id
            partners = partners.filtered(
                lambda p, move=move: move.cae_activity_id not in p.cae_activity_ids
                and not p.user_ids
                and not p.cae_entrepreneur_ids
                and p != move.company_id.partner_id
            )
            if partners:
                partners.write({"cae_activity_ids": [(4, move.cae_activity_id.id)]})

    # ------------------------------------------------------------------
    # Posting
    # ------------------------------------------------------------------
    def _post(self, soft=True):
        if not self.env.su and self.env.user._cae_is_entrepreneur_only():
            raise AccessError(
                self.env._(
                    "Only the cooperative's accountants post documents: submit "
                    "it for validation instead."
                )
            )
        posted = super()._post(soft=soft)
        submitted = posted.filtered("cae_validation_state")
        if submitted:
            submitted.write({"cae_validation_state": "validated"})
            submitted.activity_feedback(
                ["cae_base.mail_activity_type_cae_validation"]
            )
        return posted

    def button_draft(self):
        res = super().button_draft()
        self.filtered("cae_validation_state").write({"cae_validation_state": False})
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_cae_submit(self):
        """Submit draft documents to the accountants."""
        for move in self:
            if move.state != "draft" or move.cae_validation_state == "to_validate":
                raise UserError(
                    self.env._(
                        "Only draft documents not yet submitted can be "
                        "submitted: %(document)s.",
                        document=move.display_name,
                    )
                )
            if not move.cae_activity_id:
                raise UserError(
                    self.env._(
                        "Set the activity of %(document)s before submitting it.",
                        document=move.display_name,
                    )
                )
            if not move.invoice_line_ids.filtered(lambda line: line.display_type == "product"):
                raise UserError(
                    self.env._(
                        "Add at least one line to %(document)s before "
                        "submitting it.",
                        document=move.display_name,
                    )
                )
        self.write({"cae_validation_state": "to_validate"})
        for move in self:
            move.message_post(body=self.env._("Submitted for validation."))
        self.sudo()._cae_schedule_validation()
        return True

    def _cae_schedule_validation(self):
        """A to-do for the company's validating accountant, if one is set."""
        for move in self:
            validator = move.company_id.cae_validator_id
            if validator:
                move.activity_schedule(
                    "cae_base.mail_activity_type_cae_validation",
                    user_id=validator.id,
                )

    def action_cae_send_back(self):
        """Open the wizard asking the accountant for the reason."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send back"),
            "res_model": "cae.move.send.back",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": "account.move", "active_ids": self.ids},
        }

    def _cae_send_back(self, reason):
        """Back to the entrepreneur, who is told why."""
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(
                self.env._("Only the cooperative's accountants send documents back.")
            )
        not_submitted = self.filtered(
            lambda m: m.state != "draft" or m.cae_validation_state != "to_validate"
        )
        if not_submitted:
            raise UserError(
                self.env._(
                    "%(document)s is not waiting for validation.",
                    document=not_submitted[0].display_name,
                )
            )
        self.write({"cae_validation_state": "sent_back"})
        self.activity_unlink(["cae_base.mail_activity_type_cae_validation"])
        for move in self:
            users = move.cae_activity_id.sudo().entrepreneur_ids.user_id
            move.message_post(
                body=self.env._("Sent back: %(reason)s", reason=reason),
                partner_ids=users.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

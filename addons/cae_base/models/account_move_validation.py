# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Entrepreneurs prepare their activity's invoices; staff validate them.

An entrepreneur without accounting rights creates and edits the documents
of their own activity (record rules hide the others), submits them, and an
accountant posts them or sends them back with a reason
(``cae.validation.mixin``).
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "cae.validation.mixin"]
    # Set by the steps only, for the cooperative's members but its managers.
    _cae_workflow_fields = frozenset(
        {
            "posted_before",
            "payment_state",
            "cae_validation_state",
            "inalterable_hash",
            "secure_sequence_number",
        }
    )
    # ... and for the entrepreneurs: the number, and the automatic posting
    # (the cron would post the document without any accountant).
    _cae_entrepreneur_workflow_fields = frozenset(
        {"name", "sequence_prefix", "sequence_number", "auto_post", "auto_post_until"}
    )
    # What entrepreneurs still change on a submitted, posted or cancelled
    # document: sending a posted invoice to the customer.
    _cae_workflow_writable = {"posted": ("is_move_sent", "sending_data")}
    _cae_workflow_steps = (
        "_post",
        "action_post",
        "button_draft",
        "button_cancel",
        "button_request_cancel",
        "button_set_checked",
        "button_hash",
        "_reverse_moves",
        "action_toggle_block_payment",
        "_autopost_draft_entries",
        "_cae_submit",
        "_cae_mark_validated",
        "_cae_send_back",
    )
    # A new draft's values, as the form sends them (force_save).
    _cae_workflow_initial_values = {"name": ("/",), "payment_state": ("not_paid",)}

    cae_activity_id = fields.Many2one(default=lambda self: self._cae_default_activity())

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        moves = super().create(vals_list)
        moves._cae_after_create()
        return moves

    def write(self, vals):
        res = super().write(vals)
        self._cae_after_write(vals)
        return res

    def _cae_workflow_guarded_fields(self):
        fields = super()._cae_workflow_guarded_fields()
        if self.env.user._cae_is_entrepreneur_only():
            fields |= self._cae_entrepreneur_workflow_fields
        return fields

    @api.model
    def _cae_tag_existing_partners(self):
        """At installation: the partners of existing documents get tagged."""
        moves = self.sudo().search(
            [("cae_activity_id", "!=", False), ("partner_id", "!=", False)]
        )
        moves._cae_tag_partners()

    # ------------------------------------------------------------------
    # Posting
    # ------------------------------------------------------------------
    def _post(self, soft=True):
        if self._cae_is_restricted():
            raise AccessError(
                self.env._(
                    "Only the cooperative's accountants post documents: submit "
                    "it for validation instead."
                )
            )
        posted = super()._post(soft=soft)
        posted._cae_mark_validated()
        return posted

    def button_draft(self):
        self._cae_check_can_reopen()
        res = super().button_draft()
        self.filtered("cae_validation_state").write({"cae_validation_state": False})
        return res

    def button_cancel(self):
        self._cae_check_can_reopen()
        return super().button_cancel()

    def button_request_cancel(self):
        self._cae_check_can_reopen()
        return super().button_request_cancel()

    def _cae_check_can_reopen(self):
        """Entrepreneurs cancel their drafts, never a posted document."""
        if self._cae_is_restricted() and any(
            move.state == "posted" or move.cae_validation_state == "to_validate"
            for move in self
        ):
            raise AccessError(
                self.env._(
                    "Only the cooperative's accountants reset or cancel a posted "
                    "or submitted document."
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_cae_submit(self):
        """Submit draft documents to the accountants."""
        return self._cae_submit()

    def _cae_check_submittable(self):
        res = super()._cae_check_submittable()
        for move in self:
            if move.state != "draft":
                raise UserError(
                    self.env._(
                        "Only draft documents can be submitted: %(document)s.",
                        document=move.display_name,
                    )
                )
            lines = move.invoice_line_ids.filtered(
                lambda line: line.display_type == "product"
            )
            if not lines:
                raise UserError(
                    self.env._(
                        "Add at least one line to %(document)s before "
                        "submitting it.",
                        document=move.display_name,
                    )
                )
            move._cae_check_lines_submittable(lines, "tax_ids")
        return res

    def _cae_send_back(self, reason):
        if any(move.state != "draft" for move in self):
            raise UserError(self.env._("Only draft documents can be sent back."))
        return super()._cae_send_back(reason)

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
    # Fields an entrepreneur may not change once submitted.
    _cae_locked_when_submitted = frozenset(
        {
            "partner_id",
            "invoice_line_ids",
            "line_ids",
            "invoice_date",
            "currency_id",
            "cae_activity_id",
            "move_type",
        }
    )

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
        restricted = self._cae_before_write(vals)
        res = super().write(vals)
        self._cae_after_write(vals, restricted)
        return res

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
        res = super().button_draft()
        self.filtered("cae_validation_state").write({"cae_validation_state": False})
        return res

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
            if not move.invoice_line_ids.filtered(
                lambda line: line.display_type == "product"
            ):
                raise UserError(
                    self.env._(
                        "Add at least one line to %(document)s before "
                        "submitting it.",
                        document=move.display_name,
                    )
                )
        return res

    def _cae_send_back(self, reason):
        if any(move.state != "draft" for move in self):
            raise UserError(self.env._("Only draft documents can be sent back."))
        return super()._cae_send_back(reason)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

VALIDATION_STATES = [
    ("to_validate", "To validate"),
    ("sent_back", "Sent back"),
    ("validated", "Validated"),
]


class CaeValidationMixin(models.AbstractModel):
    """Documents entrepreneurs prepare and the cooperative's staff validate.

    For models with a ``cae_activity_id`` and a ``company_id`` (invoices,
    sale orders): an entrepreneur without accounting rights
    (``res.users._cae_is_entrepreneur_only``) prepares the document of their
    own activity and submits it (:meth:`_cae_submit`); an accountant
    validates it (the model's own posting or confirmation, which calls
    :meth:`_cae_mark_validated`) or sends it back with a reason
    (``cae.send.back`` wizard, :meth:`_cae_send_back`).

    The workflow guard (``cae.workflow.mixin``) keeps the workflow fields to
    the steps for every member of the cooperative but its managers, and for
    entrepreneurs the whole document once submitted (state ``to_validate``
    of :meth:`_cae_workflow_state`) or validated: the model's
    ``_cae_workflow_writable`` lists what they may still change.
    """

    _name = "cae.validation.mixin"
    _inherit = ["cae.workflow.mixin"]
    _description = "Validation of the entrepreneurs' documents"
    # Odoo's own documents: the guard concerns the cooperative's people only.
    _cae_workflow_cooperative_only = True

    cae_validation_state = fields.Selection(
        selection=VALIDATION_STATES,
        string="Validation",
        copy=False,
        index=True,
        tracking=True,
        readonly=True,
        help="Documents prepared by entrepreneurs are submitted to the "
        "cooperative's accountants, who validate them or send them back.",
    )
    cae_advisor_id = fields.Many2one(
        comodel_name="res.users",
        string="Advisor",
        compute="_compute_cae_advisor_id",
        store=True,
        help="Advisor of the activity's entrepreneur, to share the validations.",
    )
    cae_activity_locked = fields.Boolean(
        string="Activity fixed",
        compute="_compute_cae_activity_locked",
        help="The user is an entrepreneur: the activity is theirs, fixed.",
    )

    def _cae_default_activity(self):
        """The entrepreneur's activity in the current company."""
        if not self.env.user._cae_is_entrepreneur_only():
            return False
        activities = self.env.user._cae_own_activities().filtered(
            lambda a: a.company_id == self.env.company
        )
        return activities[:1].id

    @api.depends("cae_activity_id.entrepreneur_ids.advisor_id")
    def _compute_cae_advisor_id(self):
        for record in self:
            entrepreneurs = record.cae_activity_id.sudo().entrepreneur_ids
            record.cae_advisor_id = entrepreneurs[:1].advisor_id

    # company_id: a dependency with a default, so that the form of a new
    # document computes it too (onchange computes nothing else at first).
    @api.depends("company_id")
    @api.depends_context("uid")
    def _compute_cae_activity_locked(self):
        locked = self.env.user._cae_is_entrepreneur_only()
        for record in self:
            record.cae_activity_locked = locked

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _cae_is_restricted(self):
        """Whether the current user works as an entrepreneur (not sudo)."""
        return not self.env.su and self.env.user._cae_is_entrepreneur_only()

    def _cae_after_create(self):
        """Called by the model's ``create`` on the new documents."""
        self._cae_check_own_activity()
        self._cae_tag_partners()

    def _cae_after_write(self, vals):
        """Called by the model's ``write`` once written."""
        if "cae_activity_id" in vals and self._cae_is_restricted():
            self._cae_check_own_activity()
        if "partner_id" in vals or "cae_activity_id" in vals:
            self._cae_tag_partners()

    # Workflow guard: entrepreneurs lock their submitted documents.
    def _cae_workflow_locks(self):
        return self.env.user._cae_is_entrepreneur_only()

    def _cae_workflow_state(self):
        self.ensure_one()
        if self.cae_validation_state == "to_validate" and self._cae_is_quotation():
            return "to_validate"
        return super()._cae_workflow_state()

    def _cae_is_quotation(self):
        """Whether the document is still a draft of its model (hook)."""
        return self[self._cae_workflow_state_field] in self._cae_workflow_open_states

    def _cae_workflow_error(self, names, record):
        if record and record._cae_workflow_state() == "to_validate":
            error = UserError(
                self.env._(
                    "%(document)s is waiting for validation: ask the "
                    "accountant to send it back before changing it.",
                    document=record.display_name,
                )
            )
            error.cae_workflow = True
            return error
        return super()._cae_workflow_error(names, record)

    def _cae_check_own_activity(self):
        """Entrepreneurs only work on their own activities' documents."""
        if not self._cae_is_restricted():
            return
        own = self.env.user._cae_own_activities()
        if any(record.cae_activity_id not in own for record in self):
            raise AccessError(
                self.env._("You can only prepare documents of your own activity.")
            )

    def _cae_check_accountant(self):
        if not self.env.su and not self.env.user.has_group(
            "account.group_account_invoice"
        ):
            raise AccessError(
                self.env._("Only the cooperative's accountants validate documents.")
            )

    def _cae_check_submittable(self):
        """Raise if a document cannot be submitted (hook: add checks)."""
        for record in self:
            if record.cae_validation_state == "to_validate":
                raise UserError(
                    self.env._(
                        "%(document)s is already waiting for validation.",
                        document=record.display_name,
                    )
                )
            if not record.cae_activity_id:
                raise UserError(
                    self.env._(
                        "Set the activity of %(document)s before submitting it.",
                        document=record.display_name,
                    )
                )

    def _cae_check_lines_submittable(self, lines, taxes_field):
        """Each line says what is sold (a product and its label) and its VAT:
        a French invoice states the designation and the rate of each line
        (CGI art. 242 nonies A), an exempt sale an exempt rate."""
        self.ensure_one()
        _ = self.env._
        for line in lines:
            label = (line.name or "").strip()
            if not line.product_id:
                raise UserError(
                    _(
                        "The line “%(line)s” of %(document)s has no product: "
                        "choose what you sell from the catalogue.",
                        line=label or _("without description"),
                        document=self.display_name,
                    )
                )
            if not label:
                raise UserError(
                    _(
                        "A line of %(document)s (%(product)s) has no description: "
                        "say what is sold.",
                        document=self.display_name,
                        product=line.product_id.display_name,
                    )
                )
            if not line[taxes_field]:
                raise UserError(
                    _(
                        "The line “%(line)s” of %(document)s has no tax: choose "
                        "its VAT rate (an exempt rate if the sale is exempt).",
                        line=label,
                        document=self.display_name,
                    )
                )

    def _cae_tag_partners(self):
        """The customers and suppliers of an activity become its contacts.

        Entrepreneurs see the contacts of their activities only
        (``res.partner.cae_activity_ids``): a document of their activity
        makes its partner one of them, whoever created it. People (users,
        entrepreneurs) and the company itself stay shared.
        """
        to_tag = defaultdict(lambda: self.env["res.partner"])
        for record in self.sudo().filtered(
            lambda r: r.cae_activity_id and r.partner_id
        ):
            partners = record.partner_id | record.partner_id.commercial_partner_id
            to_tag[record.cae_activity_id] |= partners.filtered(
                lambda p, record=record: record.cae_activity_id
                not in p.cae_activity_ids
                and not p.user_ids
                and not p.cae_entrepreneur_ids
                and p != record.company_id.partner_id
            )
        for activity, partners in to_tag.items():
            if partners:
                partners.sudo().write({"cae_activity_ids": [(4, activity.id)]})

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def _cae_submit(self):
        self._cae_check_submittable()
        self.write({"cae_validation_state": "to_validate"})
        for record in self:
            record.message_post(body=self.env._("Submitted for validation."))
            validator = record.company_id.cae_validator_id
            if validator:
                record.sudo().activity_schedule(
                    "cae_base.mail_activity_type_cae_validation",
                    user_id=validator.id,
                )
        return True

    def _cae_mark_validated(self):
        submitted = self.filtered("cae_validation_state")
        if submitted:
            submitted.write({"cae_validation_state": "validated"})
            submitted.sudo().activity_feedback(
                ["cae_base.mail_activity_type_cae_validation"]
            )

    def action_cae_send_back(self):
        """Open the wizard asking the accountant for the reason."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send back"),
            "res_model": "cae.send.back",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def _cae_send_back(self, reason):
        """Back to the entrepreneurs, who are told why."""
        self._cae_check_accountant()
        not_submitted = self.filtered(lambda r: r.cae_validation_state != "to_validate")
        if not_submitted:
            raise UserError(
                self.env._(
                    "%(document)s is not waiting for validation.",
                    document=not_submitted[0].display_name,
                )
            )
        self.write({"cae_validation_state": "sent_back"})
        self.sudo().activity_unlink(["cae_base.mail_activity_type_cae_validation"])
        for record in self:
            users = record.cae_activity_id.sudo().entrepreneur_ids.user_id
            record.message_post(
                body=self.env._("Sent back: %(reason)s", reason=reason),
                partner_ids=users.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import models

# Records whose chatter notes an import writes in one go.
DEFERRED_MODELS = {"cae.entrepreneur", "cae.share.operation"}


class MessageQueue(list):
    """Notes of an import waiting to be written (kept in the context: hashed
    by identity, as a context value must be hashable)."""

    __hash__ = object.__hash__


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def message_post(self, **kwargs):
        """During an import, a plain note of the path or of the register
        (``Path: Candidate → CAPE on...``, ``Registered under number...``)
        is queued and written with the others at the end of the import, in
        one batch and without notifying anyone: the history of hundreds of
        records, most of the time of an import otherwise."""
        queue = self.env.context.get("cae_import_messages")
        if (
            queue is None
            or self._name not in DEFERRED_MODELS
            or len(self) != 1
            or kwargs.get("subtype_xmlid") != "mail.mt_note"
            or set(kwargs) - {"body", "subtype_xmlid"}
        ):
            return super().message_post(**kwargs)
        body = kwargs.get("body") or ""
        if not isinstance(body, Markup):
            body = Markup("<p>%s</p>") % escape(body)
        queue.append({"model": self._name, "res_id": self.id, "body": body})
        return self.env["mail.message"]

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# Models whose documents entrepreneurs submit (``_cae_send_back(reason)``).
SEND_BACK_MODELS = ("account.move", "sale.order", "cae.internal.invoice")


class CaeSendBack(models.TransientModel):
    """Ask for the reason of sending a submitted document back."""

    _name = "cae.send.back"
    _description = "Send a submitted document back to the entrepreneur"

    res_model = fields.Char(string="Document model", required=True, readonly=True)
    res_ids = fields.Char(
        string="Documents",
        required=True,
        readonly=True,
        help="Ids of the documents, comma-separated.",
    )
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model = self.env.context.get("active_model")
        ids = self.env.context.get("active_ids") or []
        if model in SEND_BACK_MODELS and ids:
            values.update(res_model=model, res_ids=",".join(map(str, ids)))
        return values

    def action_send_back(self):
        self.ensure_one()
        if self.res_model not in SEND_BACK_MODELS:
            raise UserError(self.env._("These documents cannot be sent back."))
        ids = [int(res_id) for res_id in self.res_ids.split(",") if res_id.isdigit()]
        self.env[self.res_model].browse(ids)._cae_send_back(self.reason)
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AccountPaymentRegister(models.TransientModel):
    _inherit = "account.payment.register"

    @api.model
    def _get_line_batch_key(self, line):
        # One payment per activity: each activity's cash must move alone.
        key = super()._get_line_batch_key(line)
        key["cae_activity_id"] = line.move_id.cae_activity_id.id
        return key

    def _cae_activity_vals(self, lines):
        activity = lines.move_id.cae_activity_id
        return {"cae_activity_id": activity.id} if len(activity) == 1 else {}

    def _create_payment_vals_from_wizard(self, batch_result):
        vals = super()._create_payment_vals_from_wizard(batch_result)
        vals.update(self._cae_activity_vals(batch_result["lines"]))
        return vals

    def _create_payment_vals_from_batch(self, batch_result):
        vals = super()._create_payment_vals_from_batch(batch_result)
        vals.update(self._cae_activity_vals(batch_result["lines"]))
        return vals

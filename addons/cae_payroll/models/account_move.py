# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AccountMove(models.Model):
    _inherit = "account.move"

    @api.model_create_multi
    def create(self, vals_list):
        """Journal entries of CESA payslips: one line per account and side.

        payroll_account writes a debit and a credit line per payslip line;
        a French payslip has some forty lines, most of them owed to the same
        bodies (431 URSSAF, 437 pension and welfare). With the context key
        ``cae_payroll_merge_move_lines`` (set when a CESA payslip is
        confirmed), lines of the same account, partner, analytic
        distribution are netted into one line.
        """
        if self.env.context.get("cae_payroll_merge_move_lines"):
            vals_list = [self._cae_merge_payslip_lines(vals) for vals in vals_list]
        return super().create(vals_list)

    @api.model
    def _cae_merge_payslip_lines(self, vals):
        commands = vals.get("line_ids")
        if not commands:
            return vals
        merged, order = {}, []
        for command in commands:
            line = command[2]
            if command[0] != 0 or line.get("tax_ids") or line.get("tax_line_id"):
                order.append(("keep", command))
                continue
            debit, credit = line.get("debit", 0.0), line.get("credit", 0.0)
            key = (
                line.get("account_id"),
                line.get("partner_id"),
                str(sorted((line.get("analytic_distribution") or {}).items())),
            )
            if key not in merged:
                merged[key] = dict(line, debit=0.0, credit=0.0, cae_names=[])
                order.append(("merged", key))
            target = merged[key]
            balance = target["debit"] - target["credit"] + debit - credit
            target["debit"], target["credit"] = max(balance, 0.0), max(-balance, 0.0)
            target["cae_names"].append(line.get("name") or "")
        lines = []
        for kind, item in order:
            if kind == "keep":
                lines.append(item)
                continue
            line = merged[item]
            names = line.pop("cae_names")
            if len(names) > 1:
                account = self.env["account.account"].browse(line["account_id"])
                line["name"] = account.name
            if line["debit"] or line["credit"]:
                lines.append((0, 0, line))
        return dict(vals, line_ids=lines)

    def action_post(self):
        """With ``cae_payroll_defer_post`` (the confirming jobs of a payroll
        batch), the payslips' entries stay drafts, and the batch's
        conclusion posts them all at once: jobs posting in one journal at
        the same time would each wait for the other's commit, the entry
        numbers being locked until then (``sequence.mixin``)."""
        if self.env.context.get("cae_payroll_defer_post"):
            return False
        return super().action_post()

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CaeJobChunk(models.Model):
    """What one background job of a run did: its items, done or failed.

    Each job inserts its own row instead of updating counters on the run:
    jobs running at once would otherwise all update the run's row, and
    PostgreSQL would make every one but the first fail to serialize and
    start again (the work of a whole chunk lost each time). The run's
    counts are read from these rows (``cae.job.progress.mixin``).

    Technical: no group has rights on it; only the run's code writes and
    reads it, as superuser, for the run the user works on.
    """

    _name = "cae.job.chunk"
    _description = "Chunk of a run made of background jobs"
    _order = "id"
    _log_access = False

    res_model = fields.Char(string="Run model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Run", model_field="res_model", required=True, index=True
    )
    item_ids = fields.Json(string="Items", required=True)
    state = fields.Selection(
        selection=[("done", "Done"), ("failed", "Failed")], required=True
    )
    message = fields.Text(string="Error")

    @api.model
    def _cae_read_runs(self, runs):
        """``{run id: {"done": set, "failed": set, "messages": [str]}}``
        for ``runs`` (one model), in one query. An item done by a retry
        is no longer failed."""
        result = {
            run_id: {"done": set(), "failed": set(), "messages": []}
            for run_id in runs.ids
        }
        if not runs.ids:
            return result
        rows = self.sudo().search_read(
            [("res_model", "=", runs._name), ("res_id", "in", runs.ids)],
            ["res_id", "state", "item_ids", "message"],
            order="id",
        )
        for row in rows:
            figures = result[row["res_id"]]
            figures[row["state"]].update(row["item_ids"] or [])
            if row["message"]:
                figures["messages"].append(row["message"])
        for figures in result.values():
            figures["failed"] -= figures["done"]
        return result

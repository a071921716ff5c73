# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportAssemblyMinutes(models.AbstractModel):
    """Values of the minutes ("procès-verbal"): the attendance register, the
    quorum, each resolution's result, counted once for all resolutions, and
    the published receipts of its online ballots."""

    _name = "report.cae_governance.report_assembly_minutes"
    _description = "Minutes of an assembly"

    @api.model
    def _get_report_values(self, docids, data=None):
        assemblies = self.env["cae.assembly"].browse(docids)
        tallies = assemblies.resolution_ids._get_tally()
        published = assemblies.resolution_ids._get_published_receipts()
        minutes = {}
        for assembly in assemblies:
            resolutions = []
            for resolution in assembly.resolution_ids.sorted(
                lambda r: (r.sequence, r.id)
            ):
                tally = tallies[resolution]
                candidates = sorted(
                    tally["candidates"].items(),
                    key=lambda item: (item[1]["rank"], item[0].name),
                )
                resolutions.append(
                    {
                        "resolution": resolution,
                        "tally": tally,
                        "candidates": candidates,
                        "receipts": published[resolution],
                    }
                )
            minutes[assembly.id] = {
                # Names of other associates: printed by whoever may print
                # the minutes (checked by the report action or the portal).
                "attendance": assembly.sudo().attendance_ids.sorted(
                    lambda line: (line.name or "", line.id)
                ),
                "resolutions": resolutions,
            }
        return {
            "doc_ids": docids,
            "doc_model": "cae.assembly",
            "docs": assemblies,
            "minutes": minutes,
        }

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The hours worked store the limits of L3162-1 (8 hours a day, 35 a week
for minors); computed when the columns were added, before the new weekly
parameter was loaded: compute them again now that it is."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    works = env["cae.cjs.work"].search([])
    for fname in ("max_daily_hours", "max_weekly_hours"):
        env.add_to_compute(works._fields[fname], works)
    works.flush_recordset()

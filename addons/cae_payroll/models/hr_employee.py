# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

PAS_RATE_TYPES = [
    ("neutral", "Neutral rate (grid)"),
    ("personal", "Personal rate (tax administration)"),
]
PAS_ZONES = [
    ("metropole", "Mainland France"),
    ("gmr", "Guadeloupe, Martinique, La Réunion"),
    ("gm", "French Guiana, Mayotte"),
]


class HrEmployee(models.Model):
    """Withholding tax of the employee (prélèvement à la source).

    The personal rate is the one the tax administration sends in the DSN
    return file; without it (or when the employee opted out), the neutral
    grid of their zone applies to the monthly taxable pay (CGI art. 204 H).
    """

    _inherit = "hr.employee"

    cae_pas_rate_type = fields.Selection(
        selection=PAS_RATE_TYPES,
        string="Withholding rate",
        default="neutral",
        required=True,
        groups="hr.group_hr_user,payroll.group_payroll_user",
    )
    cae_pas_rate = fields.Float(
        string="Personal withholding rate (%)",
        digits=(5, 2),
        groups="hr.group_hr_user,payroll.group_payroll_user",
    )
    cae_pas_zone = fields.Selection(
        selection=PAS_ZONES,
        string="Neutral grid",
        default="metropole",
        required=True,
        groups="hr.group_hr_user,payroll.group_payroll_user",
        help="Zone of the employee's tax residence, for the neutral rate.",
    )

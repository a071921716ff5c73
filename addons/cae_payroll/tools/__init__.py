# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure computation of the French payslip (no ORM): see ``french_payroll``."""

from . import french_payroll
from . import openfisca_map

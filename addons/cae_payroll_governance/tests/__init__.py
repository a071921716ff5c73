# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_capital_deduction
from . import test_portal_subscribe_salary

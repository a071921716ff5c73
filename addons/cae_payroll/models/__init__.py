# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import account_chart_template
from . import account_move
from . import cae_parameter
from . import cae_parameter_value
from . import res_company
from . import res_config_settings
from . import hr_employee
from . import hr_contract
from . import hr_salary_rule
from . import hr_payslip
from . import hr_payslip_funding
from . import hr_payslip_report
from . import hr_payslip_line
from . import hr_payslip_run
from . import cae_entrepreneur
from . import cae_activity

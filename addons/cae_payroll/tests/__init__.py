# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_french_payroll
from . import test_payslip
from . import test_batch
from . import test_posting
from . import test_reports
from . import test_simulation
from . import test_portal
from . import test_funding
from . import test_chart_accounts
from . import test_payroll_access
from . import test_openfisca_oracle
from . import test_ui
from . import test_payroll_french
from . import test_treasury_forecast
from . import test_parameter_cache
from . import test_payroll_jobs

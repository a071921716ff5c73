# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_pay_math
from . import test_payslip
from . import test_batch
from . import test_posting
from . import test_reports
from . import test_simulation
from . import test_portal
from . import test_funding
from . import test_chart_accounts

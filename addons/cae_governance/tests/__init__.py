# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_subscription
from . import test_release
from . import test_accounting
from . import test_transfer
from . import test_withdrawal
from . import test_register
from . import test_salary_deduction
from . import test_bad_input
from . import test_concurrency
from . import test_access
from . import test_portal
from . import test_ui

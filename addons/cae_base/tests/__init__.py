# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_parameter
from . import test_activity
from . import test_path
from . import test_deadlines
from . import test_documents
from . import test_access
from . import test_indicator_grid
from . import test_balance_indicator
from . import test_balance_documents
from . import test_contribution_calc
from . import test_contribution_rule
from . import test_contribution_run
from . import test_balance_reports
from . import test_portal
from . import test_ui

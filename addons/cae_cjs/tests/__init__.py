# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_distribution_split
from . import test_age_rule
from . import test_project
from . import test_governance
from . import test_work
from . import test_work_concurrency
from . import test_privacy
from . import test_contract
from . import test_event_sale
from . import test_closing
from . import test_ui
from . import test_quebec
from . import test_statements
from . import test_journey

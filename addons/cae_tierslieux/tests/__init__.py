# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_booking_overlap
from . import test_billing
from . import test_cancel
from . import test_capacity
from . import test_concurrency
from . import test_occupancy
from . import test_pricing
from . import test_rules
from . import test_training
from . import test_access
from . import test_portal
from . import test_ui
from . import test_network
from . import test_calendar_feed
from . import test_bounds
from . import test_query_counts
from . import test_billing_jobs

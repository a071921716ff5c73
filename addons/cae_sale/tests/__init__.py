# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_sale_validation
from . import test_sale_portal
from . import test_treasury_forecast
from . import test_portal_sale

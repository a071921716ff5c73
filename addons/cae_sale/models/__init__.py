# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import account_move
from . import cae_activity
from . import sale_order
from . import sale_order_line
from . import sale_order_portal

# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import cae_tl_booking_rules
from . import cae_tl_place
from . import cae_tl_resource_type
from . import cae_tl_resource
from . import cae_tl_booking
from . import cae_tl_price
from . import cae_tl_membership_plan
from . import cae_tl_membership
from . import cae_tl_training
from . import cae_tl_billing_run
from . import cae_tl_demo
from . import account_move
from . import event_event
from . import res_partner

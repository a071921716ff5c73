# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import cae_path_transition
from . import account_payment_register
from . import cae_contribution_reverse
from . import cae_balance_export
from . import cae_send_back

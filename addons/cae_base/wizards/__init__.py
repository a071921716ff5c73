# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import cae_path_transition
from . import account_payment_register

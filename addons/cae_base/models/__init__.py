# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import cae_parameter
from . import cae_parameter_value
from . import res_company
from . import res_config_settings
from . import cae_trade
from . import cae_exit_reason
from . import cae_activity
from . import cae_entrepreneur
from . import cae_path_step
from . import cae_followup
from . import account_analytic_account
from . import account_move
from . import account_move_line
from . import hr_employee
from . import hr_expense
from . import res_partner
from . import res_users

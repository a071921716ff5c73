# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import cae_balance_report
from . import cae_turnover_report
from . import balance_grid_xlsx
from . import balance_statement

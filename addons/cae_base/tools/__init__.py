# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import forecast_calc
from . import path_calc
from . import contribution_calc
from . import indicator_grid
from . import chart_defaults
from . import amount_words

# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import cae_tl_occupancy_report
from . import cae_tl_network_report

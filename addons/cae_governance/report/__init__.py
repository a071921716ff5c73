# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import report_share_register
from . import report_share_register_xlsx
from . import report_share_certificate
from . import report_assembly_minutes

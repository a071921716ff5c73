# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_import_entrepreneur
from . import test_import_activity
from . import test_import_share
from . import test_import_ui
from . import test_import_endi
from . import test_import_templates
from . import test_import_customer

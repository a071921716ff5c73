# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import cae_import_mixin
from . import cae_import_entrepreneur
from . import account_move
from . import cae_import_activity
from . import cae_entrepreneur
from . import cae_activity
from . import cae_associate
from . import cae_share_operation
from . import cae_import_associate
from . import cae_import_share
from . import res_partner
from . import cae_import_customer
from . import mail_thread

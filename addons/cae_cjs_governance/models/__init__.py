# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import cae_associate
from . import cae_assembly
from . import cae_assembly_resolution
from . import cae_cjs_assembly
from . import cae_cjs_decision
from . import cae_share_operation

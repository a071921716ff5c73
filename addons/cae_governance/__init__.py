# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import controllers
from . import models
from . import report
from . import tools
from . import wizards


def post_init_hook(env):
    """Assembly types for the companies that existed before the module."""
    env["res.company"].search([])._cae_create_assembly_types()

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib
import os
import re
import threading

from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.modules.module import get_module_path

# A Python name: no dots, slashes or other paths.
LOADER_NAME = re.compile(r"[a-z][a-z0-9_]*")


class IrModuleModule(models.Model):
    """The dispatcher of the suite's demo loaders.

    The demo data that follows the rules of the suite (a year of documents,
    payslips, bookings in free slots, dates relative to today) is built by
    plain Python in each add-on's ``demo/`` folder, which the add-on does not
    import: those loaders are not models of the production registry. A demo
    XML file of the add-on calls them where the data must be loaded, inside
    Odoo's demo savepoint and in the order of the manifest::

        <function model="ir.module.module" name="_cae_load_demo">
            <value>cae_base</value>
            <value>cae_balance_demo</value>
        </function>

    On ``ir.module.module`` because the loader is code of an add-on, found
    through its module record, and loaded when that module's demo data is.
    """

    _inherit = "ir.module.module"

    @api.model
    def _cae_load_demo(self, addon, loader, *args):
        """Call ``load(env, *args)`` of ``<addon>/demo/<loader>.py``.

        Refused (a clear error, nothing run) unless ``addon`` is an installed
        (or installing) ``cae_*`` add-on with demo data, ``loader`` a Python
        file of its ``demo/`` folder, and Odoo is loading demo data (Odoo's
        ``testing`` flag of the thread, set while it loads demo files, and by
        the test runner).
        """
        self._cae_check_demo_loader(addon, loader)
        module = importlib.import_module(f"odoo.addons.{addon}.demo.{loader}")
        load = getattr(module, "load", None)
        if not callable(load):
            raise UserError(
                _(
                    "%(addon)s/demo/%(loader)s.py has no load(env) function.",
                    addon=addon,
                    loader=loader,
                )
            )
        return load(self.env, *args)

    @api.model
    def _cae_check_demo_loader(self, addon, loader):
        names = (addon, loader)
        if not (
            all(isinstance(name, str) and LOADER_NAME.fullmatch(name) for name in names)
            and addon.startswith("cae_")
        ):
            raise UserError(
                _(
                    "%(addon)s/demo/%(loader)s is not a demo loader of the suite: "
                    "give the name of a cae_* add-on and the name of a Python "
                    "file of its demo folder.",
                    addon=addon,
                    loader=loader,
                )
            )
        module = self.sudo().search(
            [
                ("name", "=", addon),
                ("state", "in", ("installed", "to install", "to upgrade")),
            ]
        )
        if not module:
            raise UserError(_("The add-on %(addon)s is not installed.", addon=addon))
        if not (module.demo and getattr(threading.current_thread(), "testing", False)):
            raise UserError(
                _(
                    "The demo data of %(addon)s is not being loaded: its demo "
                    "loaders run only while Odoo loads the demo data.",
                    addon=addon,
                )
            )
        path = get_module_path(addon, display_warning=False)
        if not (path and os.path.isfile(os.path.join(path, "demo", f"{loader}.py"))):
            raise UserError(
                _(
                    "The add-on %(addon)s has no demo loader %(loader)s "
                    "(no file demo/%(loader)s.py).",
                    addon=addon,
                    loader=loader,
                )
            )

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tag the Odoo test classes of this folder as Odoo tags those of add-ons.

Odoo's ``MetaCase`` gives ``test_tags`` and ``test_module`` only to classes
of ``odoo.addons.*`` modules, and a test case without them cannot even be
instantiated. Cross-module scenarios and benchmarks live here, outside any
add-on, so they get the same defaults under the name ``cae_suite``.
"""

from odoo.tests import common

_meta_init = common.MetaCase.__init__


def _tag_suite_tests(cls, name, bases, attrs):
    _meta_init(cls, name, bases, attrs)
    if getattr(cls, "test_tags", None) is None:
        cls.test_tags = {"standard", "at_install"}
        cls.test_module = "cae_suite"
        cls.test_class = cls.__name__
        cls.test_sequence = 0


common.MetaCase.__init__ = _tag_suite_tests

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Run a test's background jobs for real: OCA queue_job's ``trap_jobs``.

How to use: ``from odoo.addons.cae_base.tests.jobs import trap_jobs``, then
``with trap_jobs() as trap: run.action_x(); trap.perform_enqueued_jobs()``:
the jobs are enqueued as in production, then performed synchronously, each
through the real job method and with the context it was enqueued with.

queue_job 18.0.4.1.2 imports ``SETATTR_SOURCES`` from ``odoo.tests.common``,
which the Odoo 18 the suite runs on does not have yet (queue_job only adds
its path to it, to silence a warning about patched methods): an empty one
is given first when it is missing.
"""

from odoo.tests import common as odoo_common

if not hasattr(odoo_common, "SETATTR_SOURCES"):
    odoo_common.SETATTR_SOURCES = {}

from odoo.addons.queue_job.tests.common import trap_jobs  # noqa: E402

__all__ = ["trap_jobs"]

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fail the run when a test is skipped.

Odoo skips browser tours silently when Chromium or the websocket-client
package is missing; a green run must mean that every tour really ran.
"""

import logging

import pytest


class _QuietTestFrameworkImport(logging.Filter):
    """pytest-odoo imports odoo.tests before switching Odoo to test mode, which
    Odoo reports as an error with a stack trace: nothing is wrong."""

    def filter(self, record):
        return not record.getMessage().startswith("Importing test framework")


logging.getLogger("odoo.tests.common").addFilter(_QuietTestFrameworkImport())


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == pytest.ExitCode.OK:
        reporter.write_line(
            f"{len(skipped)} test(s) skipped: failing the run, every test must run "
            "(browser tours need Chromium and websocket-client).",
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED

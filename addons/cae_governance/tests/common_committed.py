# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid

from odoo import SUPERUSER_ID, api
from odoo.tests.common import TransactionCase
from odoo.tools import SQL

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

# Tables of the share register, children first.
SHARE_TABLES = (
    "cae_share_line",
    "cae_share_call",
    "cae_share_operation",
    "cae_associate",
    "cae_share_class",
    "cae_share_register",
)


class CaeCommittedCompanyCase(TransactionCase):
    """Tests of concurrent transactions (threads with their own cursors,
    committed, as HTTP requests would): their data lives in a company of
    its own, register only (no chart of accounts), removed at the end."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, dict(DISABLED_MAIL_CONTEXT))

    def _create_company(self, env, prefix):
        return env["res.company"].create(
            {
                "name": f"{prefix} {uuid.uuid4().hex[:8]}",
                "cae_capital_accounting": False,
            }
        )

    def _remove_company(self, tables, messages):
        """Delete the company's rows of ``tables`` (children first), the
        mail messages matched by the SQL condition ``messages`` and its
        partners (named after it), then archive it."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env["res.company"].browse(self.company_id)
            for table in tables:
                cr.execute(
                    SQL(
                        "DELETE FROM %s WHERE company_id = %s",
                        SQL.identifier(table),
                        company.id,
                    )
                )
            cr.execute(SQL("DELETE FROM mail_message WHERE %s", messages))
            env["res.partner"].search(
                [("name", "like", company.name), ("id", "!=", company.partner_id.id)]
            ).unlink()
            env.invalidate_all()
            company.active = False

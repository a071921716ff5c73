# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import formatLang

from ..models.cae_import_mixin import IMPORT_CONTEXT

# Kind of import -> abstract model doing it.
KINDS = {
    "entrepreneur": "cae.import.entrepreneur",
    "activity": "cae.import.activity",
    "associate": "cae.import.associate",
    "share": "cae.import.share",
    "customer": "cae.import.customer",
}
TEMPLATE_URL = "/cae_import/static/templates/%s.%s"


class CaeImportWizard(models.TransientModel):
    """Import a file of the former software: check it, then import it.

    *Check* is a dry run: the whole import runs and is rolled back, and
    every error of every row is listed (row, column, what is wrong, what is
    expected). *Import* runs it again and keeps it only if no row has an
    error: all or nothing. The work is done by the kind's model
    (``cae.import.mixin``); this wizard checks the user's rights first, then
    runs it as superuser in the wizard's company, since the import writes
    what only the workflow steps of several models write.
    """

    _name = "cae.import.wizard"
    _description = "Import from a former software"
    _check_company_auto = True

    kind = fields.Selection(
        selection=[
            ("entrepreneur", "Entrepreneurs and their path"),
            ("activity", "Activities and opening balances"),
            ("associate", "Associates"),
            ("share", "Share register"),
            ("customer", "Customers, open invoices and bills"),
        ],
        string="What to import",
        required=True,
        default="entrepreneur",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    data_file = fields.Binary(string="File", attachment=False)
    filename = fields.Char()
    opening_date = fields.Date(
        string="Date of the balances",
        help="Date of the opening entries: the day the balances of the former "
        "accounting are taken over.",
    )
    journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Journal",
        check_company=True,
        domain="[('type', '=', 'general'), ('company_id', '=', company_id)]",
        default=lambda self: self._default_journal_id(),
    )
    suspense_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Suspense account",
        check_company=True,
        domain="[('company_ids', 'in', company_id)]",
        help="Account that balances each activity's opening entry (e.g. 471 "
        "or 4730): the accountant clears it against the cooperative's own "
        "opening balance.",
    )
    share_accounting = fields.Boolean(
        string="Journal entries for the operations",
        help="Post the journal entries of each imported share operation. Leave "
        "it unticked when the opening balances of the former accounting already "
        "hold the capital accounts.",
    )
    state = fields.Selection(
        selection=[("draft", "To check"), ("checked", "Checked"), ("done", "Imported")],
        default="draft",
        readonly=True,
    )
    error_count = fields.Integer(readonly=True)
    created_count = fields.Integer(string="Created", readonly=True)
    updated_count = fields.Integer(string="Updated", readonly=True)
    skipped_count = fields.Integer(string="Unchanged", readonly=True)
    result_html = fields.Html(string="Result", readonly=True, sanitize=False)

    @api.model
    def _default_journal_id(self):
        return self.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", self.env.company.id)],
            limit=1,
        )

    @api.onchange(
        "kind", "data_file", "opening_date", "journal_id", "suspense_account_id"
    )
    def _onchange_reset_check(self):
        # A changed file or option must be checked again.
        self.state = "draft"

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_check(self):
        self.ensure_one()
        self._run(dry_run=True)
        return self._reopen()

    def action_import(self):
        self.ensure_one()
        self._run(dry_run=False)
        return self._reopen()

    def action_download_template(self):
        self.ensure_one()
        self._check_import_rights()
        fmt = self.env.context.get("template_format", "xlsx")
        return {
            "type": "ir.actions.act_url",
            "url": TEMPLATE_URL % (self.kind, fmt),
            "target": "download",
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import"),
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _check_import_rights(self):
        if not self.env.user.has_group("cae_base.group_cae_accountant"):
            raise AccessError(
                self.env._(
                    "Only the cooperative's accountants and managers import data."
                )
            )
        if self.company_id not in self.env.user.company_ids:
            raise AccessError(
                self.env._(
                    "You do not work in the company %(company)s.",
                    company=self.company_id.name,
                )
            )

    def _check_options(self):
        _ = self.env._
        if not self.data_file:
            raise UserError(_("Choose the file to import."))
        if self.kind in ("activity", "customer"):
            needed = [("opening_date", _("the date of the balances"))]
            if self.kind == "activity":
                needed.append(("journal_id", _("the journal")))
            needed.append(("suspense_account_id", _("the suspense account")))
            missing = [label for field, label in needed if not self[field]]
            if missing and self.kind == "activity":
                raise UserError(
                    _(
                        "Give %(what)s before importing opening balances.",
                        what=", ".join(missing),
                    )
                )
            if missing:
                raise UserError(
                    _(
                        "Give %(what)s before importing open invoices and bills.",
                        what=", ".join(missing),
                    )
                )

    def _importer(self):
        # Rights checked by _check_import_rights: the import writes through
        # the models' own steps and checks, as superuser in the company.
        return (
            self.env[KINDS[self.kind]]
            .sudo()
            .with_company(self.company_id)
            .with_context(**IMPORT_CONTEXT)
        )

    def _run(self, dry_run):
        """Run the import (``dry_run``: roll it back) and show its result."""
        self.ensure_one()
        self._check_import_rights()
        self._check_options()
        content = base64.b64decode(self.data_file)
        result = self._importer()._cae_import_run(
            self.sudo(), content, self.filename, dry_run
        )
        counts = result["counts"]
        errors = result["errors"]
        if errors:
            state = "draft"
        else:
            state = "checked" if dry_run else "done"
        self.write(
            {
                "state": state,
                "error_count": len(errors),
                "created_count": counts["created"],
                "updated_count": counts["updated"],
                "skipped_count": counts["skipped"],
                "result_html": self._render_result(result, dry_run),
            }
        )
        return result

    def _render_result(self, result, dry_run):
        _ = self.env._
        counts = result["counts"]
        errors = result["errors"]
        if errors:
            title = _(
                "%(count)s error(s): nothing was imported. Correct the file and "
                "check it again.",
                count=len(errors),
            )
        elif dry_run:
            title = _("No error: the file can be imported.")
        else:
            title = _("The file was imported.")
        html = Markup('<p class="fw-bold o_cae_import_title">%s</p>') % title
        if dry_run or errors:
            summary = _(
                "%(created)s to create, %(updated)s to update, %(skipped)s "
                "unchanged.",
                created=counts["created"],
                updated=counts["updated"],
                skipped=counts["skipped"],
            )
        else:
            summary = _(
                "%(created)s created, %(updated)s updated, %(skipped)s unchanged.",
                created=counts["created"],
                updated=counts["updated"],
                skipped=counts["skipped"],
            )
        html += Markup('<p class="o_cae_import_counts">%s</p>') % summary
        if result["ignored"]:
            html += Markup('<p class="text-muted o_cae_import_ignored">%s</p>') % _(
                "Columns left aside: %(names)s.", names=", ".join(result["ignored"])
            )
        if errors:
            html += Markup(
                '<table class="table table-sm o_cae_import_errors"><thead><tr>'
                "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>"
            ) % (_("Row"), _("Column"), _("Problem"), _("Expected"))
            for error in errors:
                html += Markup(
                    "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>"
                ) % (error["row"], error["column"], error["problem"], error["expected"])
            html += Markup("</tbody></table>")
        html += self._render_figures(result)
        return html

    def _render_figures(self, result):
        _ = self.env._
        before = dict(result["before"])
        after = result["after"]
        currency = self.company_id.currency_id
        html = Markup(
            '<table class="table table-sm o_cae_import_figures"><thead><tr>'
            "<th></th><th>%s</th><th>%s</th></tr></thead><tbody>"
        ) % (_("Before"), _("After the import"))
        for label, value in after:
            old = before.get(label, 0)
            if isinstance(value, float):
                old = formatLang(self.env, old, currency_obj=currency)
                value = formatLang(self.env, value, currency_obj=currency)
            html += Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>") % (
                label,
                old,
                value,
            )
        return html + Markup("</tbody></table>")

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The engine shared by the kinds of import.

How to use
----------
A kind of import is an abstract model inheriting ``cae.import.mixin`` that
defines:

- :meth:`_cae_import_columns`: the columns of its file, a list of
  :class:`Column` (the French header is the name the user sees in the
  template: it is the file format, hence not translated);
- :meth:`_cae_import_row`: import one parsed row (``{key: value}``) and
  return ``"created"``, ``"updated"`` or ``"skipped"`` (or a ``Counter``
  of them when one row or group writes several records), or raise
  :class:`RowError` (or any ``UserError``/``ValidationError`` of the
  models, reported on the row);
- :meth:`_cae_import_figures`: ``[(label, value)]`` to compare before and
  after the import (capital, balances...).

How it works
------------
:meth:`_cae_import_run` reads the file, checks the headers and the type of
each cell, then imports the rows in one go (:meth:`_cae_import_fast`); if a
row fails, it starts again with each row in its own savepoint
(:meth:`_cae_import_careful`), so that one bad row is reported and the
others still checked. The whole import runs inside one savepoint: a dry
run, or any error, rolls it all back (nothing is written);
otherwise it is kept and committed with the request: all or nothing.
"""

from collections import Counter, namedtuple

from odoo import api, models
from odoo.exceptions import UserError, ValidationError

from ..tools import sheet
from .mail_thread import MessageQueue

Column = namedtuple(
    "Column", "key name kind required expected aliases", defaults=(False, "", ())
)
"""``kind``: char, date, dates, int or amount; ``aliases``: other headers
read as this column (the names of enDI's exports, see readme/USAGE.md)."""

# Keep the import fast: no tracking values, no log of each creation.
IMPORT_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_auto_subscribe_no_notify": True,
}


class RowError(Exception):
    """An error of one row: ``column`` (key), what is wrong, what is expected."""

    def __init__(self, column, problem, expected="", row=None):
        super().__init__(problem)
        self.row = row
        self.column = column
        self.problem = problem
        self.expected = expected


class RowErrors(RowError):
    """Several errors of the rows of one group (``errors``: RowError list)."""

    def __init__(self, errors):
        first = errors[0]
        super().__init__(first.column, first.problem, first.expected, first.row)
        self.errors = errors


class CaeImportMixin(models.AbstractModel):
    _name = "cae.import.mixin"
    _description = "Kind of import"
    # Rows sharing their key make one record (the lines of one entry).
    _cae_import_grouped = False

    # ------------------------------------------------------------------
    # Hooks of the kinds
    # ------------------------------------------------------------------
    @api.model
    def _cae_import_columns(self):
        return []

    @api.model
    def _cae_import_key(self):
        """Key of the column matching a row to an existing record."""
        return "reference"

    @api.model
    def _cae_import_prepare(self, wizard, rows):
        """Lookups shared by the rows (one query per kind of record)."""
        return {}

    @api.model
    def _cae_import_row(self, wizard, values, cache):
        raise NotImplementedError

    @api.model
    def _cae_import_group(self, wizard, rows, cache):
        """Import the rows ``[(number, values)]`` sharing one key."""
        raise NotImplementedError

    @api.model
    def _cae_import_finish(self, wizard, cache):
        """After the last row (restore what the import changed for itself)."""

    @api.model
    def _cae_import_figures(self, wizard, rows):
        return []

    # ------------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------------
    @api.model
    def _cae_cell_expected(self, column):
        _ = self.env._
        by_kind = {
            "date": _("a date as DD/MM/YYYY (or YYYY-MM-DD)"),
            "dates": _("dates as DD/MM/YYYY separated by ;"),
            "int": _("a positive whole number"),
            "amount": _("an amount such as 1234,56"),
        }
        return column.expected or by_kind.get(column.kind, "")

    @api.model
    def _cae_parse(self, content, filename):
        """``(rows, errors, ignored)``: ``rows`` is ``[(number, {key: value})]``,
        ``ignored`` the headers that are no column of the kind."""
        _ = self.env._
        columns = self._cae_import_columns()
        try:
            headers, raw_rows = sheet.read_sheet(content, filename)
        except (sheet.SheetError, UnicodeDecodeError) as error:
            raise UserError(
                _(
                    "The file %(name)s cannot be read: give a CSV (separated by ; "
                    "or ,) or an XLSX file whose first row holds the column names "
                    "of the template.",
                    name=filename or "",
                )
            ) from error
        found, errors, ignored = self._cae_parse_headers(headers, columns)
        if errors:
            # Without its columns no row can be read.
            return [], errors, ignored
        rows = []
        key = self._cae_import_key()
        seen = {}
        for number, raw in raw_rows:
            values, row_errors = {}, []
            for header, column in found.items():
                text = raw.get(header, "")
                try:
                    values[column.key] = self._cae_parse_cell(column, text)
                except sheet.CellError as error:
                    row_errors.append(
                        self._cae_error(
                            number,
                            column.name,
                            _("“%(value)s” is not valid.", value=error.value),
                            self._cae_cell_expected(column),
                        )
                    )
                    continue
                if column.required and values[column.key] in (None, "", []):
                    row_errors.append(
                        self._cae_error(
                            number,
                            column.name,
                            _("Empty cell."),
                            self._cae_cell_expected(column) or _("a value"),
                        )
                    )
            if values.get(key) and not row_errors and not self._cae_import_grouped:
                if values[key] in seen:
                    name = next(c.name for c in columns if c.key == key)
                    row_errors.append(
                        self._cae_error(
                            number,
                            name,
                            _(
                                "“%(value)s” is already on row %(row)s.",
                                value=values[key],
                                row=seen[values[key]],
                            ),
                            _("one row per %(name)s", name=name),
                        )
                    )
                seen.setdefault(values[key], number)
            errors += row_errors
            if not row_errors:
                rows.append((number, values))
        return rows, errors, ignored

    @api.model
    def _cae_parse_headers(self, headers, columns):
        """``(found, errors, ignored)``: ``found`` maps headers to columns."""
        _ = self.env._
        by_name = {}
        for column in columns:
            for name in (column.name, *column.aliases):
                by_name.setdefault(sheet.normalize(name), column)
        errors = []
        found = {}
        ignored = []
        for header in headers:
            column = by_name.get(sheet.normalize(header))
            if header and (not column or column in found.values()):
                # Other columns of an export (enDI's has dozens) are left.
                ignored.append(header)
            elif column:
                found[header] = column
        present = {column.key for column in found.values()}
        for column in columns:
            if column.required and column.key not in present:
                errors.append(
                    self._cae_error(
                        1,
                        column.name,
                        _("Missing column."),
                        _("a column named %(name)s", name=column.name),
                    )
                )
        return found, errors, ignored

    @api.model
    def _cae_parse_cell(self, column, text):
        parser = {
            "date": sheet.parse_date,
            "dates": sheet.parse_dates,
            "int": sheet.parse_int,
            "amount": sheet.parse_amount,
        }.get(column.kind)
        return parser(text) if parser else (text or "").strip()

    @api.model
    def _cae_error(self, row, column, problem, expected):
        return {
            "row": row,
            "column": column,
            "problem": problem,
            "expected": expected,
        }

    @api.model
    def _cae_column_name(self, key):
        for column in self._cae_import_columns():
            if column.key == key:
                return column.name
        return key or ""

    @api.model
    def _cae_units(self, rows):
        """``(first row number, values or [(number, values)])`` to import."""
        if not self._cae_import_grouped:
            return rows
        key = self._cae_import_key()
        groups = {}
        for number, values in rows:
            groups.setdefault(values[key], []).append((number, values))
        return [(group[0][0], group) for group in groups.values()]

    @api.model
    def _cae_import_fast(self, wizard, rows, counts):
        """Import every row in one go; False at the first row that fails
        (the caller rolls back and starts again with
        :meth:`_cae_import_careful`). A file already checked has no error:
        this saves a savepoint and a flush per row."""
        cache = self._cae_import_prepare(wizard, rows)
        # The kinds may write their records in batches at the end (an error
        # there also sends the file to the careful pass).
        cache["batch"] = True
        try:
            for _number, group in self._cae_units(rows):
                self._cae_count(counts, self._cae_import_one(wizard, group, cache))
            self._cae_import_finish(wizard, cache)
            self.env.flush_all()
        except (RowError, UserError, ValidationError):
            self._cae_messages().clear()
            return False
        return True

    @api.model
    def _cae_import_careful(self, wizard, rows, counts, errors):
        """Import each row in its own savepoint and collect the errors."""
        cr = self.env.cr
        cache = self._cae_import_prepare(wizard, rows)
        messages = self._cae_messages()
        for number, group in self._cae_units(rows):
            queued = len(messages)
            try:
                with cr.savepoint():
                    status = self._cae_import_one(wizard, group, cache)
                self._cae_count(counts, status)
            except RowError as error:
                # The notes of the rolled back row go with it.
                del messages[queued:]
                for one in getattr(error, "errors", [error]):
                    errors.append(
                        self._cae_error(
                            one.row or number,
                            self._cae_column_name(one.column),
                            one.problem,
                            one.expected,
                        )
                    )
            except (UserError, ValidationError) as error:
                del messages[queued:]
                errors.append(self._cae_error(number, "", str(error.args[0]), ""))
        self._cae_import_finish(wizard, cache)

    @api.model
    def _cae_messages(self):
        """The chatter notes queued by the import (see ``mail_thread``)."""
        queue = self.env.context.get("cae_import_messages")
        return queue if queue is not None else MessageQueue()

    @api.model
    def _cae_write_messages(self):
        """Write the queued notes in one batch (the queue is emptied)."""
        queue = self._cae_messages()
        if not queue:
            return
        note = self.env.ref("mail.mt_note")
        author = self.env.user.partner_id
        self.env["mail.message"].create(
            [
                {
                    **values,
                    "message_type": "notification",
                    "subtype_id": note.id,
                    "author_id": author.id,
                    "email_from": author.email_formatted or False,
                }
                for values in queue
            ]
        )
        queue.clear()

    @api.model
    def _cae_count(self, counts, status):
        """Add a row's ``status``: one word, or a ``Counter`` of the records
        of a group (a contact and their documents)."""
        if isinstance(status, dict):
            counts.update(status)
        else:
            counts[status] += 1

    @api.model
    def _cae_import_one(self, wizard, group, cache):
        if self._cae_import_grouped:
            return self._cae_import_group(wizard, group, cache)
        return self._cae_import_row(wizard, group, cache)

    @api.model
    def _cae_import_run(self, wizard, content, filename, dry_run):
        """Check, and unless ``dry_run``, import the file: all or nothing.

        Returns ``{"errors": [...], "counts": Counter, "before": [...],
        "after": [...], "ignored": [headers]}``.
        """
        if self.env.context.get("cae_import_messages") is None:
            # The chatter notes of the records are written in one go at the
            # end (never for a dry run or a file with errors: rolled back).
            return self.with_context(
                cae_import_messages=MessageQueue()
            )._cae_import_run(wizard, content, filename, dry_run)
        rows, errors, ignored = self._cae_parse(content, filename)
        counts = Counter()
        cr = self.env.cr
        before = self._cae_import_figures(wizard, rows)
        outer = cr.savepoint()
        try:
            if not errors and not self._cae_import_fast(wizard, rows, counts):
                # A row failed: start again, each row in its own savepoint,
                # to list the errors of every row.
                outer.rollback()
                counts.clear()
                self._cae_import_careful(wizard, rows, counts, errors)
            elif errors:
                self._cae_import_careful(wizard, rows, counts, errors)
            if dry_run or errors:
                self._cae_messages().clear()
            else:
                self._cae_write_messages()
            self.env.flush_all()
            after = self._cae_import_figures(wizard, rows)
        except BaseException:
            outer.close(rollback=True)
            raise
        outer.close(rollback=bool(dry_run or errors))
        if dry_run or errors:
            self.env.invalidate_all()
        errors.sort(key=lambda e: e["row"])
        return {
            "errors": errors,
            "counts": counts,
            "before": before,
            "after": after,
            "ignored": ignored,
        }

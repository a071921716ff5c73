# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading an import file, without the ORM.

How to use
----------
:func:`read_sheet` turns the bytes of a CSV or XLSX file into
``(headers, rows)``: ``rows`` is a list of ``(row_number, {header: text})``
where ``row_number`` is the number the user sees in their spreadsheet (the
header is row 1). The ``parse_*`` functions turn one cell into a Python
value or raise :class:`CellError`, whose ``code`` says what was expected
(the import translates it for the user).
"""

import csv
import datetime
import io
import re
import unicodedata

import openpyxl


class CellError(ValueError):
    """A cell that does not hold what its column expects."""

    def __init__(self, code, value=""):
        super().__init__(code)
        self.code = code
        self.value = value


class SheetError(ValueError):
    """A file that cannot be read at all."""


def normalize(header):
    """Header as compared: no accent, case or surrounding space."""
    text = unicodedata.normalize("NFKD", str(header or "")).strip().lower()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text)


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_csv(content):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";"
    return list(csv.reader(io.StringIO(text), dialect))


def _read_xlsx(content):
    try:
        book = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=True
        )
    except Exception as error:  # openpyxl raises many kinds of errors
        raise SheetError(str(error)) from error
    sheet = book.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def read_sheet(content, filename):
    """``(headers, rows)`` of the first sheet of a CSV or XLSX file."""
    name = (filename or "").lower()
    if name.endswith(".xlsx") or content[:2] == b"PK":
        table = _read_xlsx(content)
    elif name.endswith((".csv", ".txt")) or not name:
        table = _read_csv(content)
    else:
        raise SheetError(filename)
    table = [[_cell_text(value) for value in row] for row in table]
    if not table or not any(table[0]):
        raise SheetError(filename)
    headers = table[0]
    rows = []
    for index, row in enumerate(table[1:], start=2):
        if not any(row):
            continue
        values = {
            header: (row[position] if position < len(row) else "")
            for position, header in enumerate(headers)
            if header
        }
        rows.append((index, values))
    return headers, rows


DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y")


def parse_date(text):
    text = (text or "").strip()
    if not text:
        return None
    text = text.split(" ")[0].split("T")[0]
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CellError("date", text)


def parse_dates(text):
    """Dates separated by ``;`` (or ``,``)."""
    parts = [p for p in re.split(r"[;,|]", text or "") if p.strip()]
    return [parse_date(part) for part in parts]


def parse_int(text):
    text = (text or "").strip().replace(" ", "").replace("\u202f", "")
    if not text:
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise CellError("integer", text) from None
    if not number.is_integer() or number < 0:
        raise CellError("integer", text)
    return int(number)


def parse_amount(text):
    """French or English amount: ``1 234,56``, ``1234.56``, ``-12``."""
    text = (text or "").strip()
    for char in (" ", "\u202f", "\u00a0", "€"):
        text = text.replace(char, "")
    if not text:
        return None
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    try:
        return round(float(text), 2)
    except ValueError:
        raise CellError("amount", text) from None

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PDF with the wkhtmltopdf of Linux distributions ("unpatched qt").

Odoo expects the wkhtmltopdf builds "with patched qt". Debian's and
Ubuntu's packages are not, and two things break with them:

- several records in one PDF: they cannot take several HTML pages in one
  run, exit with "unknown error" and an empty file, which Odoo fails to
  read (HTTP 500 for two invoices, or the statements of a project);
- text: they draw the web fonts of the reports (Lato...) as outlines, so
  the PDF holds no text (nothing to search, copy or read aloud, and ten
  times heavier).

With such a build, each page is converted alone and the PDFs merged, and
the reports use the system's fonts (icons keep theirs).
"""

import functools
import logging
import subprocess

from odoo import models
from odoo.tools.pdf import merge_pdf

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

_logger = logging.getLogger(__name__)

SYSTEM_FONTS_STYLE = (
    "<style>body, body *:not(.fa):not([class^='fa-']):not([class*=' fa-'])"
    " { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif !important; }"
    "</style>"
)


@functools.cache
def wkhtmltopdf_is_patched():
    """Whether the wkhtmltopdf found is a build "with patched qt"."""
    try:
        out = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    except (OSError, ValueError):
        return True
    return "patched qt" in out


def with_system_fonts(html):
    """``html`` with the system fonts style at the end of its head."""
    if not html or "</head>" not in html:
        return html
    # str(): Odoo hands Markup, whose replace() would escape the style.
    return str(html).replace("</head>", SYSTEM_FONTS_STYLE + "</head>", 1)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(
        self, bodies, report_ref=False, header=None, footer=None, **kwargs
    ):
        if wkhtmltopdf_is_patched():
            return super()._run_wkhtmltopdf(
                bodies, report_ref=report_ref, header=header, footer=footer, **kwargs
            )
        header, footer = with_system_fonts(header), with_system_fonts(footer)
        pdfs = [
            super(IrActionsReport, self)._run_wkhtmltopdf(
                [with_system_fonts(body)],
                report_ref=report_ref,
                header=header,
                footer=footer,
                **kwargs,
            )
            for body in bodies
        ]
        return pdfs[0] if len(pdfs) == 1 else merge_pdf(pdfs)

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class CaePayrollPortal(CustomerPortal):
    """Entrepreneurs' own payslips and salary budget on the portal.

    Entrepreneurs (portal or internal users) have no access right on
    payslips: every read goes through ``sudo`` on a domain limited to the
    payslips of the entrepreneur records of the logged-in user, and any
    other id answers 404.
    """

    def _cae_payslips_domain(self):
        return [
            ("cae_entrepreneur_id.user_id", "=", request.env.user.id),
            ("state", "=", "done"),
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "cae_payslip_count" in counters:
            values["cae_payslip_count"] = (
                request.env["hr.payslip"]
                .sudo()
                .search_count(self._cae_payslips_domain())
            )
        return values

    @http.route(
        ["/my/payslips", "/my/payslips/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_cae_payslips(self, page=1, **kw):
        Payslip = request.env["hr.payslip"].sudo()
        domain = self._cae_payslips_domain()
        pager = portal_pager(
            url="/my/payslips",
            total=Payslip.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        payslips = Payslip.search(
            domain,
            order="date_from desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        entrepreneurs = request.env.user.sudo().cae_entrepreneur_ids
        budgets = entrepreneurs._cae_salary_budget()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "cae_payslips",
                "default_url": "/my/payslips",
                "pager": pager,
                "payslips": payslips,
                "budgets": [
                    (entrepreneur, budgets[entrepreneur.id])
                    for entrepreneur in entrepreneurs
                    if entrepreneur.id in budgets
                    and entrepreneur.stage in ("cesa", "associate")
                ],
            }
        )
        return request.render("cae_payroll.portal_my_cae_payslips", values)

    @http.route(
        ["/my/payslips/<int:payslip_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_cae_payslip(self, payslip_id, download=False, **kw):
        payslip = (
            request.env["hr.payslip"]
            .sudo()
            .search([("id", "=", payslip_id), *self._cae_payslips_domain()])
        )
        if not payslip:
            return request.not_found()
        return self._show_report(
            model=payslip,
            report_type="pdf",
            report_ref="cae_payroll.cae_payslip_report_action",
            download=download,
        )

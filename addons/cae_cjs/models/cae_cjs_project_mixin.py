# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CaeCjsProjectMixin(models.AbstractModel):
    """A record that belongs to one collective project.

    Gives the project, its hosting company (for the multi-company rule) and
    currency. Records whose model sets ``_cjs_frozen_when_closed`` (the
    figures the closing was computed from: participants, contracts, hours,
    prices, sales) can no longer be created, changed or deleted once their
    project is closed; the check runs before anything is written.
    """

    _name = "cae.cjs.project.mixin"
    _description = "Record of a collective project"
    _check_company_auto = True
    _cjs_frozen_when_closed = True

    project_id = fields.Many2one(
        comodel_name="cae.cjs.project",
        string="Project",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id",
        store=True,
        index=True,
    )
    currency_id = fields.Many2one(related="project_id.currency_id")

    @api.model_create_multi
    def create(self, vals_list):
        self._check_projects_open(self._get_projects_of_vals(vals_list))
        return super().create(vals_list)

    def write(self, vals):
        self._check_projects_open(self.project_id | self._get_projects_of_vals([vals]))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed_project(self):
        self._check_projects_open(self.project_id)

    @api.model
    def _get_projects_of_vals(self, vals_list):
        """Projects that values to create or write attach records to."""
        ids = {vals["project_id"] for vals in vals_list if vals.get("project_id")}
        return self.env["cae.cjs.project"].browse(ids)

    @api.model
    def _check_projects_open(self, projects):
        if not self._cjs_frozen_when_closed:
            return
        closed = projects.exists().filtered(lambda p: p.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "The project %(project)s is closed: its participants, "
                    "contracts, hours, prices and sales can no longer change.",
                    project=closed[0].display_name,
                )
            )

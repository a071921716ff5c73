# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class CaePriorContract(models.Model):
    """Another contract between the entrepreneur and the cooperative.

    Code du travail L7331-3 and L7332-1 deduct from the associate deadline
    and from the CESA's trial period the duration of the CAPE "ou de tout
    autre contrat conclu entre les parties": a fixed-term contract, an
    internship... recorded here, they count like a CAPE when they started
    before the CESA (see ``path_calc``).
    """

    _name = "cae.prior.contract"
    _description = "Other contract with the cooperative"
    _order = "entrepreneur_id, date_start, id"
    _check_company_auto = True

    entrepreneur_id = fields.Many2one(
        comodel_name="cae.entrepreneur",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="entrepreneur_id.company_id",
        store=True,
        index=True,
    )
    name = fields.Char(
        string="Contract",
        required=True,
        help="Kind of contract, e.g. fixed-term contract as a trainer.",
    )
    date_start = fields.Date(string="Start", required=True)
    date_end = fields.Date(string="End", help="Last day; empty: still running.")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "The contract %(contract)s of %(name)s cannot end "
                        "(%(end)s) before it starts (%(start)s).",
                        contract=contract.name,
                        name=contract.entrepreneur_id.name,
                        end=format_date(self.env, contract.date_end),
                        start=format_date(self.env, contract.date_start),
                    )
                )
        # Their duration shortens the trial period of a later CESA (L7332-1).
        cesas = self.entrepreneur_id.path_step_ids.filtered(lambda s: s.stage == "cesa")
        cesas._check_trial_period()

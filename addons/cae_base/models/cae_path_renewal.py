# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import format_date

from ..tools.path_calc import ONE_DAY, last_day


class CaePathRenewal(models.Model):
    """A renewal of a test contract (CAPE): a new term after the current end.

    Created from the entrepreneur's *Renew* button while the CAPE is the
    current stage; the renewal starts the day after the contract's current
    end and moves that end to its own. The length of each term and the
    number of renewals are checked by the CAPE step against the rules of
    the cooperative (France: 12 months, renewable twice, Code de commerce
    L127-2). Kept as the history of the contract.
    """

    _name = "cae.path.renewal"
    _description = "Renewal of a test contract"
    _order = "step_id, date_start, id"
    _check_company_auto = True

    step_id = fields.Many2one(
        comodel_name="cae.path.step",
        string="Contract",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('stage', '=', 'cape')]",
    )
    entrepreneur_id = fields.Many2one(
        related="step_id.entrepreneur_id",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        related="step_id.company_id",
        store=True,
        index=True,
    )
    date_signed = fields.Date(
        string="Signed on",
        required=True,
        default=fields.Date.context_today,
    )
    date_start = fields.Date(
        string="From",
        compute="_compute_date_start",
        store=True,
        precompute=True,
        help="The day after the end of the contract before this renewal.",
    )
    date_end = fields.Date(
        string="Renewed until",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        help="Last day of the contract once renewed; proposed: the longest "
        "term the rules of the cooperative allow.",
    )
    note = fields.Text()

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("step_id")
    def _compute_date_start(self):
        # Only on creation: the renewal then moves the step's end.
        for renewal in self:
            end = renewal.step_id.date_end
            renewal.date_start = end + ONE_DAY if end else False

    @api.depends("step_id")
    def _compute_date_end(self):
        RuleSet = self.env["cae.rule.set"]
        for renewal in self:
            start = renewal.date_start
            company = renewal.step_id.company_id
            term = RuleSet._figure_getter("test_contract_term", company)(start)
            renewal.date_end = last_day(start, int(term)) if start and term else False

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        steps = self.env["cae.path.step"].browse(
            [vals.get("step_id") for vals in vals_list if vals.get("step_id")]
        )
        steps._check_can_renew()
        renewals = super().create(vals_list)
        renewals._apply_to_step()
        return renewals

    def _apply_to_step(self):
        """The renewed contract ends on the renewal's end (a step of the
        path's workflow guard, cae.path.step)."""
        for renewal in self:
            renewal.step_id.date_end = renewal.date_end
            renewal._post_renewal_message()

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _post_renewal_message(self):
        self.ensure_one()
        entrepreneur = self.entrepreneur_id
        body = Markup("<p>%s</p>") % self.env._(
            "%(contract)s renewed from %(start)s to %(end)s (renewal %(number)s).",
            contract=self.env["cae.rule.set"]._test_contract_label(
                entrepreneur.company_id
            ),
            start=format_date(self.env, self.date_start),
            end=format_date(self.env, self.date_end),
            number=len(self.step_id.renewal_ids),
        )
        entrepreneur.message_post(body=body, subtype_xmlid="mail.mt_note")

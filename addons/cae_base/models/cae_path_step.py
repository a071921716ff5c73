# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

# The entrepreneur path, in its forward order.
STAGES = [
    ("candidate", "Candidate"),
    ("cape", "CAPE"),
    ("cesa", "CESA"),
    ("associate", "Associate"),
    ("exit", "Exited"),
]
STAGE_RANK = {code: rank for rank, (code, _label) in enumerate(STAGES)}
# Stages that start the L7331-3 countdown to becoming an associate.
CONTRACT_STAGES = ("cape", "cesa")


class CaePathStep(models.Model):
    """One dated stage of an entrepreneur's path; the steps form its history.

    Steps are written by :meth:`cae.entrepreneur._do_transition`, which checks
    the rules of the path (no CESA before the CAPE ends, an exit reason, a
    reason to go back...). The current stage is the latest step.

    A CAPE step is also the contract: ``date_end`` is its last day, planned
    when it is signed, moved by each renewal (``renewal_ids``) and brought
    forward when the entrepreneur leaves the stage earlier. The terms
    (first contract and renewals) and the CESA's trial period are checked
    against the rules of the cooperative whenever they change.
    """

    _name = "cae.path.step"
    _description = "Stage of an entrepreneur's path"
    _order = "entrepreneur_id, date_start, id"
    _rec_name = "stage"
    _inherit = ["cae.workflow.mixin", "cae.stage.label.mixin"]
    # Workflow guard (cae.workflow.mixin): the history is written by the
    # entrepreneur's steps (its transitions) only; notes stay editable.
    _cae_workflow_state_field = None
    _cae_workflow_fields = frozenset(
        {
            "entrepreneur_id",
            "stage",
            "date_start",
            "date_end",
            "trial_period_months",
            "exit_reason_id",
            "is_backward",
        }
    )
    _cae_workflow_steps = (("cae.path.renewal", "_apply_to_step"),)
    _cae_workflow_step_models = ("cae.entrepreneur",)

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
    stage = fields.Selection(selection=STAGES, required=True)
    date_start = fields.Date(string="Start", required=True)
    date_end = fields.Date(
        string="End",
        help="For a CAPE, the last day of the support contract (planned when "
        "signed, moved by its renewals); otherwise the day before the next "
        "stage.",
    )
    renewal_ids = fields.One2many(
        comodel_name="cae.path.renewal",
        inverse_name="step_id",
        string="Renewals",
    )
    renewal_count = fields.Integer(
        string="Renewals done",
        compute="_compute_renewal_count",
    )
    trial_period_months = fields.Integer(
        string="Trial period (months)",
        help="CESA trial period; at most the legal maximum (L7332-1).",
    )
    exit_reason_id = fields.Many2one(comodel_name="cae.exit.reason")
    reason = fields.Text(help="Why the path goes back, or notes on the exit.")
    is_backward = fields.Boolean(
        string="Going back",
        readonly=True,
        help="This step moved the entrepreneur back in the path.",
    )

    @api.depends("renewal_ids")
    def _compute_renewal_count(self):
        for step in self:
            step.renewal_count = len(step.renewal_ids)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for step in self:
            if step.date_end and step.date_end < step.date_start:
                raise ValidationError(
                    self.env._(
                        "The %(stage)s stage of %(name)s cannot end (%(end)s) "
                        "before it starts (%(start)s).",
                        stage=step._stage_label(),
                        name=step.entrepreneur_id.name,
                        end=format_date(self.env, step.date_end),
                        start=format_date(self.env, step.date_start),
                    )
                )

    @api.constrains("stage", "date_start", "date_end", "renewal_ids")
    def _check_test_contract_terms(self):
        for step in self.filtered(lambda s: s.stage == "cape"):
            step.entrepreneur_id._check_test_contract(
                step.date_start,
                step.date_end,
                [(r.date_start, r.date_end) for r in step.renewal_ids],
            )

    @api.constrains("stage", "exit_reason_id")
    def _check_exit_reason(self):
        for step in self:
            if step.stage == "exit" and not step.exit_reason_id:
                raise ValidationError(
                    self.env._(
                        "An exit from the cooperative needs a reason (%(name)s).",
                        name=step.entrepreneur_id.name,
                    )
                )

    @api.constrains("stage", "trial_period_months", "date_start")
    def _check_trial_period(self):
        for step in self.filtered(lambda s: s.stage == "cesa"):
            entrepreneur = step.entrepreneur_id
            entrepreneur._check_trial_period(
                step.date_start,
                step.trial_period_months,
                entrepreneur._contract_periods(),
            )

    def _check_can_renew(self):
        """Only the current test contract, with an end, can be renewed."""
        RuleSet = self.env["cae.rule.set"]
        for step in self:
            entrepreneur = step.entrepreneur_id
            contract = RuleSet._test_contract_label(entrepreneur.company_id)
            if step.stage != "cape" or entrepreneur._sorted_steps()[-1:] != step:
                raise UserError(
                    self.env._(
                        "Only the current %(contract)s of %(name)s can be renewed.",
                        contract=contract,
                        name=entrepreneur.name,
                    )
                )
            if not step.date_end:
                raise UserError(
                    self.env._(
                        "The %(contract)s of %(name)s has no end date: there is "
                        "nothing to renew.",
                        contract=contract,
                        name=entrepreneur.name,
                    )
                )

    def _stage_label(self):
        self.ensure_one()
        labels = self.env["cae.rule.set"]._stage_labels(
            self._fields["stage"]._description_selection(self.env),
            self.company_id or self.entrepreneur_id.company_id,
        )
        return dict(labels)[self.stage]

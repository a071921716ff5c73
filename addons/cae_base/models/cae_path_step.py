# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

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
    _cae_workflow_steps = ()
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
        help="For a CAPE, the end of the support contract; otherwise the day "
        "before the next stage.",
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
                        end=step.date_end,
                        start=step.date_start,
                    )
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
            step._check_trial_period_months(
                step.trial_period_months, step.date_start, step.company_id
            )

    @api.model
    def _check_trial_period_months(self, months, date, company):
        # The company's rules (French law by default); none: no maximum.
        maximum = self.env["cae.rule.set"]._figure_getter("trial_period_max", company)(
            date
        )
        if months < 0:
            raise ValidationError(
                self.env._(
                    "The trial period of a CESA cannot be negative (%(months)s "
                    "months).",
                    months=months,
                )
            )
        if maximum is not None and months > maximum:
            raise ValidationError(
                self.env._(
                    "The trial period of a CESA lasts at most %(max)s months "
                    "(L7332-1); %(months)s months were given.",
                    max=int(maximum),
                    months=months,
                )
            )

    def _stage_label(self):
        self.ensure_one()
        labels = self.env["cae.rule.set"]._stage_labels(
            self._fields["stage"]._description_selection(self.env),
            self.company_id or self.entrepreneur_id.company_id,
        )
        return dict(labels)[self.stage]

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

# Stages in which an entrepreneur is employed by the cooperative. CAPE is a
# support contract, not employment: never on the payroll.
EMPLOYED_STAGES = ("cesa", "associate")
DEFAULT_JOB_CHUNK_SIZE = 100


class HrPayslipRun(models.Model):
    """Monthly batch of the salaried entrepreneurs of a company."""

    _name = "hr.payslip.run"
    _inherit = ["hr.payslip.run", "cae.workflow.mixin", "cae.job.progress.mixin"]
    # Workflow guard (cae_base's cae.workflow.mixin), for the cooperative's
    # people: a batch is closed and reopened by its steps only, and a
    # closed batch keeps its payslips.
    _cae_workflow_cooperative_only = True
    _cae_workflow_open_states = frozenset({"draft"})
    _cae_workflow_writable = {None: ("name",)}
    _cae_workflow_steps = (
        "draft_payslip_run",
        "close_payslip_run",
        "action_cae_generate_payslips",
        "action_cae_confirm_payslips",
        "action_cae_job_retry",
        "cae_job_compute_chunk",
        "cae_job_confirm_chunk",
        "cae_job_conclude",
    )
    # Background jobs (cae.job.progress.mixin, channel root.cae.payroll).
    _cae_job_chunk_param = "cae_payroll.job_chunk_size"
    _cae_job_chunk_default = DEFAULT_JOB_CHUNK_SIZE

    cae_unfunded_count = fields.Integer(
        string="Waiting for a funding decision",
        compute="_compute_cae_counts",
    )
    cae_to_confirm_count = fields.Integer(
        string="Ready to confirm",
        compute="_compute_cae_counts",
    )
    cae_job_step = fields.Selection(
        selection=[("compute", "Compute"), ("confirm", "Confirm and post")],
        string="Step of the jobs",
        readonly=True,
        copy=False,
    )

    @api.depends("slip_ids.state", "slip_ids.cae_funding_state")
    def _compute_cae_counts(self):
        for run in self:
            slips = run.slip_ids.filtered(lambda s: s.state in ("draft", "verify"))
            unfunded = slips.filtered(
                lambda s: s.cae_funding_state == "unfunded" or s.cae_below_minimum_wage
            )
            run.cae_unfunded_count = len(unfunded)
            run.cae_to_confirm_count = len(slips.filtered("cae_is_cesa") - unfunded)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_cae_generate_payslips(self):
        """Create the payslips; compute them here, or by background jobs
        (OCA queue_job, channel ``root.cae.payroll``) when there are more
        than a job chunk."""
        self.ensure_one()
        self._cae_job_check_not_running()
        payslips = self._cae_generate_payslips(compute=False)
        chunks = payslips._cae_chunks(self._cae_job_chunk_size())
        self.sudo().cae_job_step = "compute"
        if len(chunks) == 1:
            payslips.compute_sheet()
            self._cae_job_record_done(len(payslips))
            return True
        self._cae_job_start(len(payslips))
        self._cae_job_enqueue(payslips.ids)
        return self._cae_notify(
            self.env._(
                "%(count)s payslips created; they are being computed by "
                "%(jobs)s background jobs.",
                count=len(payslips),
                jobs=len(chunks),
            )
        )

    def action_cae_confirm_payslips(self):
        """Confirm the CESA payslips that need no decision; keep the others."""
        self.ensure_one()
        self._cae_job_check_not_running()
        slips = self._cae_slips_to_confirm()
        chunks = slips._cae_chunks(self._cae_job_chunk_size())
        self.sudo().cae_job_step = "confirm"
        if len(chunks) > 1:
            self._cae_job_start(len(slips))
            self._cae_job_enqueue(slips.ids)
            return self._cae_notify(
                self.env._(
                    "%(count)s payslips are being confirmed by %(jobs)s "
                    "background jobs; those waiting for a decision stay.",
                    count=len(slips),
                    jobs=len(chunks),
                )
            )
        ready = slips.cae_job_confirm_ready()
        waiting = slips - ready
        self._cae_job_record_done(len(slips))
        return self._cae_notify(
            self.env._(
                "%(done)s payslips confirmed; %(waiting)s wait for a "
                "decision (funding or minimum wage).",
                done=len(ready),
                waiting=len(waiting),
            ),
            warning=bool(waiting),
        )

    def _cae_notify(self, message, warning=False):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning" if warning else "success",
                "message": message,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_cae_open_undecided(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Payslips waiting for a decision"),
            "res_model": "hr.payslip",
            "view_mode": "list,form",
            "domain": [
                ("payslip_run_id", "=", self.id),
                ("cae_funding_state", "=", "unfunded"),
                ("state", "in", ("draft", "verify")),
            ],
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _cae_eligible_contracts(self):
        """Running CESA contracts whose entrepreneur is employed in the period.

        Exited entrepreneurs (no employed stage overlapping the period) and
        people under a CAPE are left out even if a contract was left open.
        Two queries, whatever the number of contracts.
        """
        self.ensure_one()
        contracts = self.env["hr.contract"].search(
            self._cae_get_contracts_domain(), order="id"
        )
        steps = self.env["cae.path.step"].search(
            [
                ("entrepreneur_id", "in", contracts.cae_entrepreneur_id.ids),
                ("stage", "in", EMPLOYED_STAGES),
                ("date_start", "<=", self.date_end),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", self.date_start),
            ]
        )
        employed = steps.entrepreneur_id
        return contracts.filtered(lambda c: c.cae_entrepreneur_id in employed)

    def _cae_get_contracts_domain(self):
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            ("cae_is_cesa", "=", True),
            ("state", "=", "open"),
            ("date_start", "<=", self.date_end),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", self.date_start),
        ]

    def _cae_slips_to_confirm(self):
        self.ensure_one()
        return self.slip_ids.filtered(
            lambda s: s.cae_is_cesa and s.state in ("draft", "verify")
        )

    # ------------------------------------------------------------------
    # Background jobs (cae.job.progress.mixin)
    # ------------------------------------------------------------------
    def _cae_job_enqueue(self, ids):
        """One job per chunk of payslips of the current step."""
        self.ensure_one()
        payslips = self.env["hr.payslip"].browse(ids)
        confirm = self.cae_job_step == "confirm"
        for chunk in payslips._cae_chunks(self._cae_job_chunk_size()):
            if confirm:
                description = self.env._(
                    "Confirm %(count)s payslips of %(batch)s",
                    count=len(chunk),
                    batch=self.name,
                )
            else:
                description = self.env._(
                    "Compute %(count)s payslips of %(batch)s",
                    count=len(chunk),
                    batch=self.name,
                )
            delayed = self.with_delay(description=description)
            if confirm:
                delayed.cae_job_confirm_chunk(chunk.ids)
            else:
                delayed.cae_job_compute_chunk(chunk.ids)

    def _cae_job_payslips(self, payslip_ids):
        """The payslips of the chunk still open: a payslip confirmed by an
        earlier run of the chunk is skipped (never posted twice)."""
        return (
            self.env["hr.payslip"]
            .browse(payslip_ids)
            .exists()
            .filtered(
                lambda s: s.payslip_run_id == self and s.state in ("draft", "verify")
            )
        )

    def cae_job_compute_chunk(self, payslip_ids):
        """Job: compute a chunk of payslips and check their funding."""
        self.ensure_one()
        return self._cae_job_run_chunk(
            payslip_ids, lambda: self._cae_job_payslips(payslip_ids).cae_job_compute()
        )

    def cae_job_confirm_chunk(self, payslip_ids):
        """Job: confirm and post the payslips of a chunk that need no decision."""
        self.ensure_one()
        return self._cae_job_run_chunk(
            payslip_ids,
            lambda: self._cae_job_payslips(payslip_ids).cae_job_confirm_ready(
                defer_post=True
            ),
        )

    def _cae_job_finished(self):
        """Every chunk confirmed: post their entries, in one batch."""
        if self.cae_job_step != "confirm":
            return
        moves = self.slip_ids.filtered(lambda s: s.state == "done").move_id
        moves.filtered(lambda m: m.state == "draft").action_post()

    def _cae_job_check_can_retry(self):
        if self.state != "draft":
            raise UserError(self.env._("The batch %(name)s is closed.", name=self.name))

    def _cae_job_summary_detail(self):
        slips = self.slip_ids
        if self.cae_job_step == "confirm":
            return self.env._(
                "%(done)s payslips confirmed and posted; %(waiting)s wait for "
                "a decision (funding or minimum wage).",
                done=len(slips.filtered(lambda s: s.state == "done")),
                waiting=self.cae_unfunded_count,
            )
        return self.env._(
            "%(count)s payslips computed; %(waiting)s wait for a decision "
            "(funding or minimum wage).",
            count=len(slips.filtered(lambda s: s.state == "verify")),
            waiting=self.cae_unfunded_count,
        )

    def _cae_generate_payslips(self, compute=True):
        """Create (and compute) one payslip per eligible contract, in one batch.

        Contracts that already have a payslip in this batch are skipped, so
        the button can be pressed again after adding contracts.
        """
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("The batch %(name)s is closed.", name=self.name))
        contracts = self._cae_eligible_contracts()
        done = self.slip_ids.contract_id
        contracts -= done
        if not contracts:
            raise UserError(
                self.env._(
                    "No running CESA contract of a salaried entrepreneur left "
                    "to pay in %(company)s for this period.",
                    company=self.company_id.name,
                )
            )
        Payslip = self.env["hr.payslip"].with_company(self.company_id)
        payslips = Payslip.create(
            [self._cae_prepare_payslip_vals(contract) for contract in contracts]
        )
        payslips._compute_name()
        self._cae_log_skipped(contracts | done)
        if compute:
            payslips.compute_sheet()
        return payslips

    def _cae_prepare_payslip_vals(self, contract):
        self.ensure_one()
        # Named in the payslip's language, whoever generates the batch.
        lang = self.env["hr.payslip"]._cae_default_lang()
        variable_name = self.with_context(lang=lang).env._("Variable part (L7332-3)")
        return {
            "employee_id": contract.employee_id.id,
            "contract_id": contract.id,
            "struct_id": contract.struct_id.id
            or self.company_id.cae_payroll_structure_id.id,
            "payslip_run_id": self.id,
            "date_from": self.date_start,
            "date_to": self.date_end,
            "credit_note": self.credit_note,
            "company_id": self.company_id.id,
            "input_line_ids": [
                fields.Command.create(
                    {
                        "name": variable_name,
                        "code": "CAE_VARIABLE",
                        "contract_id": contract.id,
                        "amount": 0.0,
                    }
                )
            ],
        }

    def _cae_log_skipped(self, paid_contracts):
        """Tell in the chatter which open CESA contracts were not paid, and why."""
        self.ensure_one()
        domain = expression.AND(
            [self._cae_get_contracts_domain(), [("id", "not in", paid_contracts.ids)]]
        )
        skipped = self.env["hr.contract"].search(domain)
        if not skipped:
            return
        labels = dict(
            self.env["cae.entrepreneur"]
            ._fields["stage"]
            ._description_selection(self.env)
        )
        items = Markup("").join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(name)s (%(stage)s)",
                name=contract.employee_id.name,
                stage=labels.get(contract.cae_entrepreneur_id.stage, ""),
            )
            for contract in skipped
        )
        self.message_post(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (
                escape(
                    self.env._(
                        "Running CESA contracts left out: the entrepreneur is "
                        "not employed (CAPE or exited) during the period."
                    )
                ),
                items,
            ),
            subtype_xmlid="mail.mt_note",
        )

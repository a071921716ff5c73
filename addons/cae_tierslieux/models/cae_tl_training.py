# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CaeTlTraining(models.Model):
    """Proof that a person was trained on a machine, or on a machine type.

    Machines that require a training can only be booked by people holding
    one valid on the day of the booking: dated on or before it, and not
    expired (the expiry defaults from the type's validity).
    """

    _name = "cae.tl.training"
    _description = "Machine training"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Trained person",
        required=True,
        index=True,
        tracking=True,
    )
    resource_id = fields.Many2one(
        comodel_name="cae.tl.resource",
        string="Machine",
        index=True,
        check_company=True,
        domain=[("kind", "=", "machine")],
        tracking=True,
    )
    type_id = fields.Many2one(
        comodel_name="cae.tl.resource.type",
        string="Machine type",
        index=True,
        check_company=True,
        domain=[("kind", "=", "machine")],
        tracking=True,
        help="A training on a type qualifies on every machine of the type.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    trainer_id = fields.Many2one(
        comodel_name="res.partner", string="Trainer", tracking=True
    )
    date_expiry = fields.Date(
        string="Valid until",
        compute="_compute_date_expiry",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Empty: never expires.",
    )
    event_id = fields.Many2one(
        comodel_name="event.event",
        string="Training session",
        check_company=True,
        index="btree_not_null",
    )
    note = fields.Text()
    is_valid = fields.Boolean(
        string="Valid today", compute="_compute_is_valid", search="_search_is_valid"
    )

    _sql_constraints = [
        (
            "expiry_after_date",
            "CHECK(date_expiry IS NULL OR date_expiry >= date)",
            "A training cannot expire before it took place.",
        ),
    ]

    @api.depends("date", "type_id", "resource_id")
    def _compute_date_expiry(self):
        for training in self:
            kind = training.type_id or training.resource_id.type_id
            months = kind.training_validity_months
            training.date_expiry = (
                training.date + relativedelta(months=months)
                if training.date and months
                else False
            )

    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for training in self:
            training.is_valid = training.date <= today and (
                not training.date_expiry or training.date_expiry >= today
            )

    def _search_is_valid(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [
            ("date", "<=", today),
            "|",
            ("date_expiry", "=", False),
            ("date_expiry", ">=", today),
        ]
        if (operator == "=") != bool(value):
            domain = ["!", *domain]
        return domain

    @api.depends("partner_id", "resource_id", "type_id")
    def _compute_display_name(self):
        for training in self:
            machine = training.resource_id or training.type_id
            training.display_name = (
                f"{training.partner_id.name or ''} - {machine.display_name or ''}"
            )

    @api.constrains("resource_id", "type_id")
    def _check_machine(self):
        for training in self:
            if not (training.resource_id or training.type_id):
                raise ValidationError(
                    self.env._("A training is on a machine or on a machine type.")
                )

    @api.model
    def _search_for(self, partner, resource):
        """Trainings of ``partner`` qualifying on the machine ``resource``."""
        machine_domain = [("resource_id", "=", resource.id)]
        if resource.type_id:
            machine_domain = [
                "|",
                *machine_domain,
                ("type_id", "=", resource.type_id.id),
            ]
        return self.search([("partner_id", "=", partner.id), *machine_domain])

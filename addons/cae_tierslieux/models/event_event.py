# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class EventEvent(models.Model):
    """Events held in a third place: information meetings, entrepreneurs'
    breakfasts, trainings. A machine training session can certify its
    attendees, who may then book the machines of its type."""

    _inherit = "event.event"

    cae_tl_place_id = fields.Many2one(
        comodel_name="cae.tl.place",
        string="Third place",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    cae_tl_type_id = fields.Many2one(
        comodel_name="cae.tl.resource.type",
        string="Machine training on",
        domain=[("kind", "=", "machine")],
        help="For a machine training session: attendees marked as attended "
        "can be given a training record for this machine type.",
    )
    cae_tl_training_ids = fields.One2many(
        comodel_name="cae.tl.training",
        inverse_name="event_id",
        string="Trainings recorded",
    )

    @api.onchange("cae_tl_place_id")
    def _onchange_cae_tl_place_id(self):
        if self.cae_tl_place_id.partner_id:
            self.address_id = self.cae_tl_place_id.partner_id

    def action_cae_tl_record_trainings(self):
        """Give every attendee a training record on the event's machine type."""
        self.ensure_one()
        if not self.cae_tl_type_id:
            raise UserError(
                self.env._("Set the machine type this session trains on first.")
            )
        trained = self.cae_tl_training_ids.partner_id
        attendees = self.registration_ids.filtered(
            lambda r: r.state == "done" and r.partner_id
        ).partner_id
        new = attendees - trained
        if not new:
            raise UserError(
                self.env._("No attendee marked as attended is left to record.")
            )
        day = fields.Datetime.context_timestamp(
            self.with_context(tz=self.date_tz), self.date_end
        ).date()
        self.env["cae.tl.training"].create(
            [
                {
                    "partner_id": partner.id,
                    "type_id": self.cae_tl_type_id.id,
                    "company_id": (self.company_id or self.env.company).id,
                    "date": day,
                    "trainer_id": self.organizer_id.id,
                    "event_id": self.id,
                }
                for partner in new
            ]
        )
        return True

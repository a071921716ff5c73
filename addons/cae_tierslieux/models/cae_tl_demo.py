# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CaeTlDemo(models.AbstractModel):
    """Demo data that must follow the rules: two months of bookings.

    Bookings are placed in free slots found by the availability search, so
    that they respect opening hours, closed days, capacities and trainings
    whatever today's date; the same seed gives the same bookings. Labels
    (price details, invoice lines) are in the cooperative's language.
    """

    _name = "cae.tl.demo"
    _description = "Third-place demo data"

    def _company_env(self):
        lang = self.env.company.partner_id.lang or self.env.lang
        return self.with_context(lang=lang, tracking_disable=True).env

    @api.model
    def _generate_bookings(self, bookers_per_place, days_back=61, days_ahead=14):
        """Book the resources of each place for its bookers.

        :param bookers_per_place: ``[(place_id, [partner_id, ...]), ...]``
        """
        env = self._company_env()
        today = fields.Date.context_today(self)
        first_day = (today - timedelta(days=days_back)).replace(day=1)
        for place_id, partner_ids in bookers_per_place:
            place = env["cae.tl.place"].browse(place_id)
            partners = env["res.partner"].browse(partner_ids)
            rng = random.Random(place.name)
            day = first_day
            while day <= today + timedelta(days=days_ahead):
                for resource in place.resource_ids:
                    for _i in range(self._bookings_per_day(resource, rng)):
                        vals = self._pick_booking(resource, partners, day, rng)
                        if vals:
                            env["cae.tl.booking"].create(vals).action_confirm()
                day += timedelta(days=1)
        env["cae.tl.booking"].search(
            [("state", "=", "confirmed"), ("stop", "<=", fields.Datetime.now())]
        ).action_done()

    @api.model
    def _bookings_per_day(self, resource, rng):
        if resource.kind == "desk":
            return rng.randint(0, max(resource.capacity // 2, 1))
        return rng.choice([0, 0, 1] if resource.kind == "machine" else [0, 1, 1])

    @api.model
    def _pick_booking(self, resource, partners, day, rng):
        if resource.requires_training:
            partners = partners.filtered(
                lambda p: self.env["cae.tl.training"]
                ._search_for(p, resource)
                .filtered(
                    lambda t: t.date <= day
                    and (not t.date_expiry or t.date_expiry >= day)
                )
            )
        if not partners:
            return None
        hours = rng.choice([1.0, 2.0, 3.0, 4.0, 5.0, 8.0])
        hours = min(max(hours, resource.min_duration), resource.max_duration)
        slots = resource._get_free_slots(day, day, hours)
        if not slots:
            return None
        start = rng.choice(slots)
        return {
            "resource_id": resource.id,
            "partner_id": rng.choice(partners).id,
            "start": start,
            "stop": start + timedelta(hours=hours),
            "people": min(rng.randint(2, 6), resource.capacity),
        }

    @api.model
    def _setup_partner_company(self, company_id):
        """The partner structure of the demo network: a French company of
        the database, with its chart of accounts (and so its settings of
        internal invoices, see ``cae_base``)."""
        company = self.env["res.company"].browse(company_id)
        company.partner_id.write({"is_company": True, "lang": "fr_FR"})
        self.env.ref("base.main_company").partner_id.is_company = True
        self.env["account.chart.template"].try_loading(
            "fr", company=company, install_demo=False
        )

    @api.model
    def _setup_network(self, network_id, company_ids, place_ids):
        """The companies as structures of the network, then its places."""
        network = self.env["cae.tl.network"].browse(network_id)
        companies = self.env["res.company"].browse(company_ids)
        network.structure_ids = [
            fields.Command.create({"partner_id": company.partner_id.id, "sequence": i})
            for i, company in enumerate(companies)
        ]
        network.place_ids = [fields.Command.set(place_ids)]

    @api.model
    def _run_last_month_billing(self, place_ids):
        env = self._company_env()
        last_month = fields.Date.context_today(self).replace(day=1) - relativedelta(
            months=1
        )
        for place in env["cae.tl.place"].browse(place_ids):
            env["cae.tl.billing.run"]._run_for(place, last_month)

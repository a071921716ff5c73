# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data that must follow the rules: two months of bookings, then last
month's billing.

Called from ``demo/cae_tl_booking_demo.xml`` (``load(env, bookers_per_place,
place_ids)``, through ``ir.module.module._cae_load_demo`` of cae_base).
Bookings are placed in free slots found by the availability search, so
that they respect opening hours, closed days, capacities and trainings
whatever today's date; the same seed gives the same bookings. Labels
(price details, invoice lines) are in the cooperative's language.
"""

import random
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields


def load(env, bookers_per_place, place_ids):
    """Book the places' resources for their bookers, then bill last month.

    :param bookers_per_place: ``[(place_id, [partner_id, ...]), ...]``
    :param place_ids: the places billed for last month
    """
    generate_bookings(env, bookers_per_place)
    run_last_month_billing(env, place_ids)


def company_env(env):
    lang = env.company.partner_id.lang or env.lang
    return env(context=dict(env.context, lang=lang, tracking_disable=True))


def generate_bookings(env, bookers_per_place, days_back=61, days_ahead=14):
    """Book the resources of each place for its bookers.

    :param bookers_per_place: ``[(place_id, [partner_id, ...]), ...]``
    """
    as_company = company_env(env)
    today = fields.Date.context_today(env.user)
    first_day = (today - timedelta(days=days_back)).replace(day=1)
    for place_id, partner_ids in bookers_per_place:
        place = as_company["cae.tl.place"].browse(place_id)
        partners = as_company["res.partner"].browse(partner_ids)
        rng = random.Random(place.name)
        day = first_day
        while day <= today + timedelta(days=days_ahead):
            for resource in place.resource_ids:
                for _i in range(bookings_per_day(resource, rng)):
                    vals = pick_booking(env, resource, partners, day, rng)
                    if vals:
                        as_company["cae.tl.booking"].create(vals).action_confirm()
            day += timedelta(days=1)
    as_company["cae.tl.booking"].search(
        [("state", "=", "confirmed"), ("stop", "<=", fields.Datetime.now())]
    ).action_done()


def bookings_per_day(resource, rng):
    if resource.kind == "desk":
        return rng.randint(0, max(resource.capacity // 2, 1))
    return rng.choice([0, 0, 1] if resource.kind == "machine" else [0, 1, 1])


def pick_booking(env, resource, partners, day, rng):
    if resource.requires_training:
        partners = partners.filtered(
            lambda p: env["cae.tl.training"]
            ._search_for(p, resource)
            .filtered(
                lambda t: t.date <= day and (not t.date_expiry or t.date_expiry >= day)
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


def run_last_month_billing(env, place_ids):
    as_company = company_env(env)
    last_month = fields.Date.context_today(env.user).replace(day=1) - relativedelta(
        months=1
    )
    for place in as_company["cae.tl.place"].browse(place_ids):
        as_company["cae.tl.billing.run"]._run_for(place, last_month)

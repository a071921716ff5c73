# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.cae_tl_resource_type import RESOURCE_KINDS


class CaeTlOccupancyReport(models.Model):
    """Booked hours against open hours, per resource and month.

    A SQL view: open hours come from the place's calendar (working times of
    each day of the month, minus the closed days), booked hours from the
    confirmed and done bookings. Desks count in desk-hours (open hours times
    the desks, booked hours times the desks booked). The rate is recomputed
    from the sums at every grouping level (see :meth:`_read_group_select`),
    so a place's rate is its booked hours over its open hours, not an
    average of rates.
    """

    _name = "cae.tl.occupancy.report"
    _description = "Third-place occupancy"
    _auto = False
    # Flushed before the view is read.
    _depends = {
        "cae.tl.booking": [
            "resource_id",
            "date",
            "start",
            "stop",
            "units",
            "state",
            "exclusive",
        ],
        "cae.tl.resource": [
            "place_id",
            "type_id",
            "kind",
            "capacity",
            "active",
            "company_id",
        ],
        "cae.tl.place": ["calendar_id", "operator_id"],
    }
    _order = "month desc, place_id, resource_id"

    month = fields.Date(readonly=True)
    resource_id = fields.Many2one(
        comodel_name="cae.tl.resource", string="Resource", readonly=True
    )
    place_id = fields.Many2one(
        comodel_name="cae.tl.place", string="Place", readonly=True
    )
    type_id = fields.Many2one(
        comodel_name="cae.tl.resource.type", string="Type", readonly=True
    )
    kind = fields.Selection(selection=RESOURCE_KINDS, readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    operator_id = fields.Many2one(
        comodel_name="res.partner", string="Structure", readonly=True
    )
    booked_hours = fields.Float(readonly=True, aggregator="sum")
    open_hours = fields.Float(readonly=True, aggregator="sum")
    occupancy_rate = fields.Float(
        string="Occupancy (%)",
        readonly=True,
        aggregator="sum",
        help="Booked hours / open hours.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec in ("occupancy_rate:sum", "occupancy_rate:avg"):
            return SQL(
                "COALESCE(SUM(%s) * 100.0 / NULLIF(SUM(%s), 0), 0)",
                self._field_to_sql(self._table, "booked_hours", query),
                self._field_to_sql(self._table, "open_hours", query),
            )
        return super()._read_group_select(aggregate_spec, query)

    def _query(self):
        return SQL(
            """
            WITH bounds AS (
                SELECT date_trunc('month', COALESCE(MIN(date), CURRENT_DATE))::date
                           AS first_month,
                       date_trunc('month', COALESCE(MAX(date), CURRENT_DATE))::date
                           AS last_month
                  FROM cae_tl_booking
                 WHERE state IN ('confirmed', 'done')
            ),
            days AS (
                SELECT generate_series(
                           b.first_month,
                           b.last_month + interval '1 month - 1 day',
                           interval '1 day'
                       )::date AS day
                  FROM bounds b
            ),
            %(opening)s,
            %(open_hours)s,
            booked AS (
                SELECT resource_id,
                       date_trunc('month', date)::date AS month,
                       SUM(EXTRACT(EPOCH FROM (stop - start)) / 3600.0
                           * CASE WHEN exclusive THEN 1 ELSE units END) AS hours
                  FROM cae_tl_booking
                 WHERE state IN ('confirmed', 'done')
                 GROUP BY 1, 2
            )
            SELECT row_number() OVER (ORDER BY oh.month, r.id) AS id,
                   oh.month,
                   r.id AS resource_id,
                   r.place_id,
                   r.type_id,
                   r.kind,
                   r.company_id,
                   p.operator_id,
                   COALESCE(bk.hours, 0) AS booked_hours,
                   oh.hours * cap.units AS open_hours,
                   CASE WHEN oh.hours > 0
                        THEN COALESCE(bk.hours, 0) * 100.0 / (oh.hours * cap.units)
                        ELSE 0 END AS occupancy_rate
              FROM cae_tl_resource r
              JOIN cae_tl_place p ON p.id = r.place_id
              JOIN open_hours oh ON oh.calendar_id = p.calendar_id
              CROSS JOIN LATERAL (
                  SELECT CASE WHEN r.kind = 'desk' THEN r.capacity ELSE 1 END AS units
              ) cap
              LEFT JOIN booked bk ON bk.resource_id = r.id AND bk.month = oh.month
             WHERE r.active OR bk.hours IS NOT NULL
            """,
            opening=self._opening_cte(),
            open_hours=self._open_hours_cte(),
        )

    def _opening_cte(self):
        """Local opening intervals of each place calendar, day by day
        (two-week calendars follow Odoo's week parity)."""
        return SQL(
            """
            opening AS (
                SELECT c.id AS calendar_id,
                       c.company_id,
                       COALESCE(c.tz, 'UTC') AS tz,
                       d.day,
                       d.day + a.hour_from * interval '1 hour' AS open_start,
                       d.day + a.hour_to * interval '1 hour' AS open_stop
                  FROM resource_calendar c
                  JOIN resource_calendar_attendance a
                    ON a.calendar_id = c.id
                   AND a.resource_id IS NULL
                   AND a.display_type IS NULL
                   AND COALESCE(a.day_period, '') != 'lunch'
                  JOIN days d
                    ON a.dayofweek::int = EXTRACT(ISODOW FROM d.day)::int - 1
                   AND (a.date_from IS NULL OR a.date_from <= d.day)
                   AND (a.date_to IS NULL OR a.date_to >= d.day)
                   AND (NOT COALESCE(c.two_weeks_calendar, FALSE)
                        OR a.week_type::int = mod((d.day - DATE '0001-01-01') / 7, 2))
                 WHERE c.id IN (SELECT calendar_id FROM cae_tl_place)
            )
            """
        )

    def _open_hours_cte(self):
        """Open hours per calendar and month: opening intervals minus the
        closed days (global time off of the calendar or of its company)."""
        return SQL(
            """
            open_hours AS (
                SELECT o.calendar_id,
                       date_trunc('month', o.day)::date AS month,
                       SUM(GREATEST(
                           EXTRACT(EPOCH FROM (o.open_stop - o.open_start))
                           - COALESCE(closed.seconds, 0), 0)) / 3600.0 AS hours
                  FROM opening o
                  LEFT JOIN LATERAL (
                      SELECT SUM(EXTRACT(EPOCH FROM (
                                 LEAST(o.open_stop, closing.stop)
                                 - GREATEST(o.open_start, closing.start)
                             ))) AS seconds
                        FROM resource_calendar_leaves l
                       CROSS JOIN LATERAL (
                           SELECT (l.date_from AT TIME ZONE 'UTC') AT TIME ZONE o.tz
                                      AS start,
                                  (l.date_to AT TIME ZONE 'UTC') AT TIME ZONE o.tz
                                      AS stop
                       ) closing
                       WHERE l.resource_id IS NULL
                         AND COALESCE(l.time_type, 'leave') = 'leave'
                         AND (l.calendar_id = o.calendar_id
                              OR (l.calendar_id IS NULL
                                  AND l.company_id = o.company_id))
                         AND closing.start < o.open_stop
                         AND closing.stop > o.open_start
                  ) closed ON TRUE
                 GROUP BY 1, 2
            )
            """
        )

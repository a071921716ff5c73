# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, float_compare, format_date, formatLang

from .cae_cjs_participant import age_on

# The database's guard of the minors' hours: at commit, lock the
# participant's row and add the hours of the day and of the civil week
# (Monday to Sunday) of the line, against the limits stored on it.
TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION cae_cjs_work_check_minor_hours() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    total numeric;
    monday date := date_trunc('week', NEW.date)::date;
BEGIN
    IF COALESCE(NEW.max_daily_hours, 0) = 0
       AND COALESCE(NEW.max_weekly_hours, 0) = 0 THEN
        RETURN NULL;
    END IF;
    UPDATE cae_cjs_participant SET write_date = write_date
     WHERE id = NEW.participant_id;
    SELECT COALESCE(SUM(hours), 0) INTO total FROM cae_cjs_work
     WHERE participant_id = NEW.participant_id AND date = NEW.date;
    IF NEW.max_daily_hours > 0 AND total > NEW.max_daily_hours THEN
        RAISE EXCEPTION 'a minor works % hours on %, more than % a day',
            total, NEW.date, NEW.max_daily_hours
            USING ERRCODE = 'check_violation',
                  CONSTRAINT = 'cae_cjs_work_minor_hours';
    END IF;
    SELECT COALESCE(SUM(hours), 0) INTO total FROM cae_cjs_work
     WHERE participant_id = NEW.participant_id
       AND date >= monday AND date < monday + 7;
    IF NEW.max_weekly_hours > 0 AND total > NEW.max_weekly_hours THEN
        RAISE EXCEPTION 'a minor works % hours in the week of %, more than % a week',
            total, monday, NEW.max_weekly_hours
            USING ERRCODE = 'check_violation',
                  CONSTRAINT = 'cae_cjs_work_minor_hours';
    END IF;
    RETURN NULL;
END
$$
"""
TRIGGER = """
DROP TRIGGER IF EXISTS cae_cjs_work_minor_hours ON cae_cjs_work;
CREATE CONSTRAINT TRIGGER cae_cjs_work_minor_hours
    AFTER INSERT OR UPDATE ON cae_cjs_work
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION cae_cjs_work_check_minor_hours()
"""


class CaeCjsWork(models.Model):
    """Hours a participant worked, on a contract or for the group.

    Like a timesheet line: the hours key of the distribution reads them.

    Minors may work neither more than 8 hours a day nor more than 35 hours a
    week (Code du travail L3162-1, dated legal parameters; the civil week,
    Monday to Sunday). Each line stores the limits that apply to it (none
    for an adult) and the rule holds three ways:

    - in Python, after writing and before the end of the transaction, with a
      clear message; the participant's row is locked first (a no-op
      update, see :meth:`_lock_participants`), so that two facilitators
      recording hours of the same youth at once are serialized: the second
      fails to serialize, Odoo replays the request, which sees the first
      one's hours and is refused in clear;
    - in the database, by the constraint trigger ``cae_cjs_work_minor_hours``
      (checked at commit, after the Python check), which locks the same row
      and adds the same hours, whatever wrote them.
    """

    _name = "cae.cjs.work"
    _inherit = ["cae.cjs.project.mixin"]
    _description = "Hours worked"
    _order = "date desc, id desc"

    date = fields.Date(required=True, default=fields.Date.context_today)
    participant_id = fields.Many2one(
        comodel_name="cae.cjs.participant",
        string="Participant",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('project_id', '=', project_id)]",
    )
    contract_id = fields.Many2one(
        comodel_name="cae.cjs.contract",
        string="Contract",
        ondelete="restrict",
        index="btree_not_null",
        domain="[('project_id', '=', project_id)]",
        help="Leave empty for work for the group itself (committees, "
        "production, sales event...).",
    )
    name = fields.Char(string="Task")
    hours = fields.Float(required=True, digits=(16, 2))
    max_daily_hours = fields.Float(
        string="Maximum hours a day",
        compute="_compute_hour_limits",
        store=True,
        precompute=True,
        digits=(16, 2),
        help="Legal maximum for a minor on that day (L3162-1); 0: none.",
    )
    max_weekly_hours = fields.Float(
        string="Maximum hours a week",
        compute="_compute_hour_limits",
        store=True,
        precompute=True,
        digits=(16, 2),
        help="Legal maximum for a minor in that week (L3162-1); 0: none.",
    )

    def init(self):
        # The database's own guard of the minors' hours (see the class
        # docstring), created or replaced at each update of the module. Plain
        # constant DDL: the function's RAISE formats use "%".
        self.env.cr.execute(TRIGGER_FUNCTION)
        self.env.cr.execute(TRIGGER)

    @api.depends("participant_id.birth_date", "date", "project_id")
    def _compute_hour_limits(self):
        for company, works in self.grouped("company_id").items():
            daily = self._parameter_getter("cae_minor_max_daily_hours", company)
            weekly = self._parameter_getter("cae_minor_max_weekly_hours", company)
            majority = self._parameter_getter("cae_cjs_majority_age", company, 18)
            for work in works:
                birth_date = work.participant_id.birth_date
                minor = bool(
                    birth_date
                    and work.date
                    and age_on(birth_date, work.date) < majority(work.date)
                )
                work.max_daily_hours = daily(work.date) if minor else 0.0
                work.max_weekly_hours = weekly(work.date) if minor else 0.0

    @api.model
    def _parameter_getter(self, code, company, default=0.0):
        """``date -> value`` of a legal parameter; ``default`` before its first
        value or while it is not loaded yet (module update: the stored
        limits are computed before the data files, then recomputed by the
        migration)."""
        Parameter = self.env["cae.parameter"].sudo()
        if not Parameter.search_count([("code", "=", code)], limit=1):
            return lambda date: default
        return Parameter._get_value_getter(code, company, default=default)

    @api.constrains("hours", "date", "participant_id", "contract_id", "project_id")
    def _check_work(self):
        for work in self:
            project = work.project_id
            if work.hours <= 0:
                raise ValidationError(self.env._("The hours worked must be positive."))
            if work.participant_id.project_id != project or (
                work.contract_id and work.contract_id.project_id != project
            ):
                raise ValidationError(
                    self.env._(
                        "Hours of %(project)s can only be recorded for its own "
                        "participants and contracts.",
                        project=project.display_name,
                    )
                )
            if not project.date_start <= work.date <= project.date_end:
                raise ValidationError(
                    self.env._(
                        "The hours of %(name)s on %(date)s fall outside the dates "
                        "of the project.",
                        name=work.participant_id.name,
                        date=format_date(self.env, work.date),
                    )
                )
        self._check_minors_hours()

    @api.constrains("max_daily_hours", "max_weekly_hours")
    def _check_minors_limits(self):
        # A birth date corrected to a minor's: the hours already recorded.
        self._check_minors_hours()

    def _lock_participants(self):
        """Serialize the recording of these participants' hours.

        Odoo runs transactions in REPEATABLE READ: a mere ``SELECT ... FOR
        UPDATE`` would make a concurrent writer wait, then let it add the
        hours on its old snapshot. A real (no-op) update makes it fail with
        a serialization error instead; Odoo then replays the request, which
        sees the first hours and adds them up right.
        """
        participants = self.participant_id
        if participants:
            self.env.cr.execute(
                SQL(
                    "UPDATE cae_cjs_participant SET write_date = write_date "
                    "WHERE id IN %s",
                    tuple(sorted(participants.ids)),
                )
            )

    def _check_minors_hours(self):
        """A minor's hours of one day and of one week stay within the law."""
        # sudo: the limits come from birth dates, restricted to facilitators.
        works = self.sudo().filtered(lambda w: w.max_daily_hours or w.max_weekly_hours)
        if not works:
            return
        works._lock_participants()
        works.flush_model()
        mondays = {w.date - timedelta(days=w.date.weekday()) for w in works}
        groups = works._read_group(
            [
                ("participant_id", "in", works.participant_id.ids),
                ("date", ">=", min(mondays)),
                ("date", "<=", max(mondays) + timedelta(days=6)),
            ],
            ["participant_id", "date:day"],
            ["hours:sum"],
        )
        by_day, by_week = defaultdict(float), defaultdict(float)
        for participant, day, hours in groups:
            by_day[participant, day] += hours
            by_week[participant, day - timedelta(days=day.weekday())] += hours
        for work in works:
            participant = work.participant_id
            monday = work.date - timedelta(days=work.date.weekday())
            day_hours = by_day[participant, work.date]
            week_hours = by_week[participant, monday]
            if work.max_daily_hours and self._over(day_hours, work.max_daily_hours):
                raise ValidationError(
                    self.env._(
                        "%(name)s is a minor and cannot work %(hours)s hours on "
                        "%(date)s: the labour code allows %(maximum)s hours a day.",
                        name=participant.name,
                        hours=formatLang(self.env, day_hours),
                        date=format_date(self.env, work.date),
                        maximum=formatLang(self.env, work.max_daily_hours),
                    )
                )
            if work.max_weekly_hours and self._over(week_hours, work.max_weekly_hours):
                raise ValidationError(
                    self.env._(
                        "%(name)s is a minor and cannot work %(hours)s hours in the "
                        "week of %(date)s: the labour code allows %(maximum)s hours "
                        "a week.",
                        name=participant.name,
                        hours=formatLang(self.env, week_hours),
                        date=format_date(self.env, monday),
                        maximum=formatLang(self.env, work.max_weekly_hours),
                    )
                )

    @staticmethod
    def _over(hours, maximum):
        return float_compare(hours, maximum, precision_digits=2) > 0

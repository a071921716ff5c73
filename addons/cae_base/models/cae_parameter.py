# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import bisect

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date


class CaeParameter(models.Model):
    """A figure of law or of the statutes that changes over time.

    Business rules never hard-code such figures (the 3-year associate
    deadline, the maximum trial period, contribution rates, the minimum
    wage...): they read them through :meth:`_get_value` for the date that
    matters, so that a change of law is a new dated value, not a new release.
    A value may be specific to one company; otherwise it applies to all.
    """

    _name = "cae.parameter"
    _description = "Dated legal parameter"
    _order = "category, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    category = fields.Char(translate=True)
    description = fields.Text(translate=True)
    legal_reference = fields.Char(help="Text of law or statute the value comes from.")
    unit = fields.Char(translate=True, help="Unit of the value, e.g. months, %, €.")
    value_ids = fields.One2many(
        comodel_name="cae.parameter.value",
        inverse_name="parameter_id",
        string="Values",
        copy=True,
    )
    current_value = fields.Float(
        compute="_compute_current_value",
        digits=(16, 4),
        help="Value in force today for the current company.",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "A parameter code must be unique."),
    ]

    @api.depends("value_ids.value", "value_ids.date_from", "value_ids.company_id")
    @api.depends_context("company")
    def _compute_current_value(self):
        today = fields.Date.context_today(self)
        for parameter in self:
            values = parameter._dated_values(self.env.company)
            parameter.current_value = self._value_at(values, today, default=0.0)

    def _dated_values(self, company):
        """Sorted ``[(date_from, value)]`` for ``company``.

        A company's own values replace the shared ones from their date on:
        both lists are merged, the company's value winning on equal dates.
        """
        self.ensure_one()
        shared = {}
        own = {}
        for line in self.value_ids:
            if not line.company_id:
                shared[line.date_from] = line.value
            elif line.company_id == company:
                own[line.date_from] = line.value
        if own:
            # From the first company-specific date on, only its values count.
            first_own = min(own)
            shared = {d: v for d, v in shared.items() if d < first_own}
        return sorted({**shared, **own}.items())

    @staticmethod
    def _value_at(values, date, default=None):
        """Value in force on ``date`` in a sorted ``[(date_from, value)]``."""
        dates = [d for d, _v in values]
        index = bisect.bisect_right(dates, date)
        if not index:
            return default
        return values[index - 1][1]

    @api.model
    def _get_parameter(self, code):
        parameter = self.sudo().search([("code", "=", code)], limit=1)
        if not parameter:
            raise UserError(
                self.env._(
                    "The parameter %(code)s is missing. Restore it under "
                    "Cooperative > Configuration > Legal parameters.",
                    code=code,
                )
            )
        return parameter

    @api.model
    def _get_value(self, code, date=None, company=None):
        """Value of parameter ``code`` in force on ``date`` for ``company``."""
        date = date or fields.Date.context_today(self)
        values = self._get_parameter(code)._dated_values(company or self.env.company)
        value = self._value_at(values, date)
        if value is None:
            raise UserError(
                self.env._(
                    "The parameter %(code)s has no value in force on %(date)s.",
                    code=code,
                    date=format_date(self.env, date),
                )
            )
        return value

    @api.model
    def _get_value_getter(self, code, company=None, default=None):
        """Function ``date -> value`` for batch computations (one query).

        Dates before the first value give ``default``.
        """
        values = self._get_parameter(code)._dated_values(company or self.env.company)
        return lambda date: self._value_at(values, date, default=default)

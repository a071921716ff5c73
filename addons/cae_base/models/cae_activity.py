# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

ACTIVITY_KINDS = [
    ("entrepreneur", "Entrepreneur's activity"),
    ("cooperative", "Cooperative (shared services)"),
]


class CaeActivity(models.Model):
    """An economic activity run inside the cooperative.

    Décret 2015-1363 requires a separate analytic account per activity: each
    activity owns exactly one ``account.analytic.account`` of the company's
    activities plan, created with it and named after it. Everything the
    activity earns or spends carries that account in its analytic
    distribution. One entrepreneur has one activity by default; several
    entrepreneurs may share one (with a written agreement).
    """

    _name = "cae.activity"
    _description = "Activity"
    _inherit = ["mail.thread"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        string="Analytic code",
        tracking=True,
        help="Reference of the analytic account, e.g. ACT-0042.",
    )
    kind = fields.Selection(
        selection=ACTIVITY_KINDS,
        required=True,
        default="entrepreneur",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    analytic_account_id = fields.Many2one(
        comodel_name="account.analytic.account",
        required=True,
        ondelete="restrict",
        index=True,
        copy=False,
        check_company=True,
        tracking=True,
        help="Created with the activity in the company's activities plan.",
    )
    entrepreneur_ids = fields.One2many(
        comodel_name="cae.entrepreneur",
        inverse_name="activity_id",
        string="Entrepreneurs",
    )
    trade_id = fields.Many2one(comodel_name="cae.trade")
    sharing_agreement = fields.Html(
        help="Written agreement between the entrepreneurs sharing this "
        "activity, including how pay is split (décret 2015-1363).",
    )

    _sql_constraints = [
        (
            "analytic_account_unique",
            "unique(analytic_account_id)",
            "Two activities cannot share the same analytic account.",
        ),
    ]

    @api.constrains("analytic_account_id")
    def _check_analytic_account_plan(self):
        for activity in self:
            plan = activity.company_id._get_cae_activity_plan()
            if activity.analytic_account_id.root_plan_id != plan:
                raise ValidationError(
                    self.env._(
                        "The analytic account of the activity %(activity)s must "
                        "belong to the plan %(plan)s.",
                        activity=activity.display_name,
                        plan=plan.display_name,
                    )
                )

    def _check_analytic_account_free(self, account_ids):
        """Refuse accounts that another activity already owns.

        Checked before writing, with one query for the whole batch; the
        unique index stays the guard against concurrent transactions.
        """
        account_ids = [account_id for account_id in account_ids if account_id]
        if len(account_ids) != len(set(account_ids)):
            raise ValidationError(
                self.env._("Two activities cannot share the same analytic account.")
            )
        taken = self.sudo().search(
            [("analytic_account_id", "in", account_ids), ("id", "not in", self.ids)],
            limit=1,
        )
        if taken:
            raise ValidationError(
                self.env._(
                    "The analytic account %(account)s already belongs to another "
                    "activity: each activity needs its own analytic account.",
                    account=taken.analytic_account_id.display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_analytic_account_free(
            [vals.get("analytic_account_id") for vals in vals_list]
        )
        for vals in vals_list:
            if not vals.get("analytic_account_id"):
                vals["analytic_account_id"] = self._create_analytic_account(vals).id
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("analytic_account_id"):
            if len(self) > 1:
                raise ValidationError(
                    self.env._("Two activities cannot share the same analytic account.")
                )
            self._check_analytic_account_free([vals["analytic_account_id"]])
        res = super().write(vals)
        sync = {
            field: vals[field] for field in ("name", "code", "active") if field in vals
        }
        if "code" in sync:
            sync["code"] = sync["code"] or False
        if sync:
            self.analytic_account_id.sudo().write(sync)
        return res

    @api.model
    def _prepare_analytic_account_vals(self, vals):
        company = self.env["res.company"].browse(
            vals.get("company_id") or self.env.company.id
        )
        return {
            "name": vals.get("name"),
            "code": vals.get("code"),
            "plan_id": company._get_cae_activity_plan().id,
            "company_id": company.id,
        }

    @api.model
    def _create_analytic_account(self, vals):
        # sudo: entrepreneurs' creators (advisors) need not manage analytics.
        return (
            self.env["account.analytic.account"]
            .sudo()
            .create(self._prepare_analytic_account_vals(vals))
        )

    # ------------------------------------------------------------------
    # Balance indicators
    # ------------------------------------------------------------------
    def _get_indicator_values(self, date_from=None, date_to=None, codes=None):
        """Balance indicators of the activities: ``{activity_id: {code: amount}}``.

        :param date_from: first day of the period (``None``: from the start);
            only used by indicators of type "movements" (turnover, result).
        :param date_to: last day (``None``: everything posted); indicators of
            type "position" (cash, debts) are balances at this date.
        :param codes: indicator codes wanted (``None``: the whole grid of
            each activity's company, see ``cae.balance.indicator``).
        :return: amounts in company currency, rounded once with its rounding.

        Convention (autonomie/enDI): a leaf indicator is Σ(debit − credit) of
        the posted journal items of the activity on the accounts matching its
        prefixes, i.e. minus the analytic amount Odoo stores. Cash at bank and
        customers to collect are positive, suppliers, taxes, salaries and
        expense claims to pay negative; indicators signed "credit − debit"
        (turnover, result = revenue − costs) are positive for a profit.

        Cost: one SQL query per company, whatever the number of activities.
        """
        Indicator = self.env["cae.balance.indicator"]
        result = {}
        for company, activities in self.grouped("company_id").items():
            values = Indicator._compute_values(
                company,
                activities.analytic_account_id,
                date_from=date_from,
                date_to=date_to,
                codes=codes,
            )
            for activity in activities:
                result[activity.id] = values[activity.analytic_account_id.id]
        return result

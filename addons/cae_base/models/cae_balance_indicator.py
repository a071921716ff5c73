# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from ..tools.chart_defaults import GRID_PREFIXES
from ..tools.indicator_grid import (
    CycleError,
    IndicatorDef,
    IndicatorGrid,
    PrefixError,
    amount_rounder,
    code_matches,
    parse_prefixes,
)

_lt = LazyTranslate(__name__)

KINDS = [
    ("accounts", "Account prefixes"),
    ("sum", "Sum of indicators"),
]
SIGNS = [
    ("debit", "Debit − credit"),
    ("credit", "Credit − debit"),
]
BALANCE_TYPES = [
    ("position", "Position at the end date"),
    ("movement", "Movements of the period"),
]
SIGN_FACTOR = {"debit": 1, "credit": -1}
CODE_FORMAT = re.compile(r"^[a-z][a-z0-9_]*$")

# The grid of docs/money-flows.md (autonomie/enDI): positions are Σ(debit − credit)
# at the end date, so cash is positive and what the activity owes
# (suppliers, taxes, salaries, expense claims) negative. The account prefixes
# of the leaves depend on the chart (chart_defaults.GRID_PREFIXES).
DEFAULT_INDICATORS = [
    {
        "code": "cash",
        "name": _lt("Cash today"),
        "kind": "accounts",
        "description": _lt("Money on the activity's bank and cash accounts"),
    },
    {
        "code": "taxes_due",
        "name": _lt("Taxes and contributions due"),
        "kind": "accounts",
    },
    {
        "code": "suppliers",
        "name": _lt("Suppliers to pay"),
        "kind": "accounts",
    },
    {
        "code": "reference_treasury",
        "name": _lt("Reference treasury"),
        "kind": "sum",
        "operands": ("cash", "taxes_due", "suppliers"),
        "description": _lt(
            "The activity's treasury: its cash once taxes, contributions and "
            "suppliers are paid"
        ),
    },
    {
        "code": "salaries_to_pay",
        "name": _lt("Salaries to pay"),
        "kind": "accounts",
    },
    {
        "code": "customers",
        "name": _lt("Customers to collect"),
        "kind": "accounts",
    },
    {
        "code": "expense_claims",
        "name": _lt("Expense claims to pay"),
        "kind": "accounts",
    },
    {
        "code": "future_treasury",
        "name": _lt("Future treasury"),
        "description": _lt(
            "The reference treasury once salaries and expense claims are paid "
            "and customers have paid"
        ),
        "kind": "sum",
        "operands": (
            "reference_treasury",
            "salaries_to_pay",
            "customers",
            "expense_claims",
        ),
    },
    {
        "code": "turnover",
        "name": _lt("Turnover excl. VAT"),
        "kind": "accounts",
        "sign": "credit",
        "balance_type": "movement",
    },
    {
        "code": "resold_purchases",
        "name": _lt("Purchases re-invoiced"),
        "kind": "accounts",
        "balance_type": "movement",
        "description": _lt(
            "Purchases sold on to customers (services bought, goods for resale): "
            "turnover minus these is the gross margin of the contribution."
        ),
    },
    {
        "code": "result",
        "name": _lt("Result"),
        "kind": "accounts",
        "sign": "credit",
        "balance_type": "movement",
    },
]


class CaeBalanceIndicator(models.Model):
    """One line of a company's balance grid (docs/money-flows.md).

    A leaf indicator ("accounts") sums the posted analytic lines of an
    activity whose general account code matches its prefixes; a "sum"
    indicator adds other indicators of the same grid. Values follow the
    Σ(debit − credit) convention of autonomie/enDI, turned into
    Σ(credit − debit) by the sign "credit" (revenue, result). Read them with
    ``cae.activity._get_indicator_values``.
    """

    _name = "cae.balance.indicator"
    _description = "Balance indicator"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical key other modules and reports use, e.g. cash.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    kind = fields.Selection(selection=KINDS, required=True, default="accounts")
    account_prefixes = fields.Char(
        help="Account code prefixes separated by commas; a leading '-' "
        "excludes a sub-prefix, e.g. 42,43,44,-421,-425.",
    )
    operand_ids = fields.Many2many(
        comodel_name="cae.balance.indicator",
        relation="cae_balance_indicator_operand_rel",
        column1="indicator_id",
        column2="operand_id",
        string="Indicators added",
        check_company=True,
        domain="[('id', '!=', id), ('company_id', '=', company_id)]",
    )
    sign = fields.Selection(
        selection=SIGNS,
        required=True,
        default="debit",
        help="Debit − credit gives positive cash and receivables and negative "
        "debts; credit − debit gives positive revenue and profit.",
    )
    balance_type = fields.Selection(
        selection=BALANCE_TYPES,
        required=True,
        default="position",
        help="A position (cash, debts) adds every movement up to the end "
        "date; movements (turnover, result) only those of the period.",
    )
    description = fields.Text(translate=True)
    account_count = fields.Integer(
        string="Accounts",
        compute="_compute_account_count",
        help="Accounts of the company's chart that the prefixes select: an "
        "indicator that selects none always shows zero.",
    )
    definition = fields.Char(
        compute="_compute_definition",
        help="What the figure is, in words: shown on hover wherever it appears "
        "(portal, entrepreneur form, PDF statement).",
    )

    _sql_constraints = [
        (
            "code_company_unique",
            "unique(company_id, code)",
            "An indicator code must be unique per company.",
        ),
    ]

    @api.depends("kind", "account_prefixes", "company_id")
    def _compute_account_count(self):
        self.account_count = 0
        leaves = self.filtered(lambda i: i.kind == "accounts" and i.account_prefixes)
        for company, indicators in leaves.grouped("company_id").items():
            codes = self._account_codes(company).values()
            for indicator in indicators:
                try:
                    included, excluded = parse_prefixes(indicator.account_prefixes)
                except PrefixError:
                    continue
                indicator.account_count = sum(
                    1 for code in codes if code_matches(code, included, excluded)
                )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends_context("lang")
    @api.depends(
        "description",
        "kind",
        "account_prefixes",
        "operand_ids.name",
        "balance_type",
    )
    def _compute_definition(self):
        _ = self.env._
        for indicator in self:
            if indicator.kind == "sum":
                formula = _(
                    "%(operands)s (what is owed counts as negative)",
                    operands=" + ".join(indicator.operand_ids.mapped("name")),
                )
            else:
                try:
                    included, excluded = parse_prefixes(indicator.account_prefixes)
                except PrefixError:
                    included, excluded = (), ()
                accounts = ", ".join(included)
                if excluded:
                    accounts = _(
                        "%(accounts)s except %(excluded)s",
                        accounts=accounts,
                        excluded=", ".join(excluded),
                    )
                formula = (
                    _(
                        "movements of the period on accounts %(accounts)s",
                        accounts=accounts,
                    )
                    if indicator.balance_type == "movement"
                    else _(
                        "balance on the date of accounts %(accounts)s",
                        accounts=accounts,
                    )
                )
            description = (indicator.description or "").strip()
            indicator.definition = (
                f"{description} ({formula})"
                if description
                else formula[:1].upper() + formula[1:]
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("code")
    def _check_code(self):
        for indicator in self:
            if not CODE_FORMAT.match(indicator.code or ""):
                raise ValidationError(
                    self.env._(
                        "The code %(code)s of the indicator %(name)s must be lower "
                        "case letters, digits and underscores, starting with a "
                        "letter.",
                        code=indicator.code,
                        name=indicator.name,
                    )
                )

    @api.constrains("kind", "account_prefixes")
    def _check_account_prefixes(self):
        for indicator in self.filtered(lambda i: i.kind == "accounts"):
            try:
                parse_prefixes(indicator.account_prefixes)
            except PrefixError as error:
                raise ValidationError(
                    self.env._(
                        "The account prefixes of the indicator %(name)s cannot be "
                        "read near “%(token)s”: give account code prefixes separated "
                        "by commas, a leading '-' excluding a sub-prefix, e.g. "
                        "42,43,44,-421,-425.",
                        name=indicator.name,
                        token=str(error),
                    )
                ) from error

    @api.constrains("kind", "operand_ids")
    def _check_operands(self):
        for indicator in self.filtered(lambda i: i.kind == "sum"):
            if not indicator.operand_ids:
                raise ValidationError(
                    self.env._(
                        "The indicator %(name)s is a sum: choose the indicators "
                        "it adds.",
                        name=indicator.name,
                    )
                )
        for company in self.company_id:
            try:
                self._load_grid(company)
            except CycleError as error:
                raise ValidationError(
                    self.env._(
                        "The indicator %(code)s adds itself, directly or through "
                        "other indicators.",
                        code=str(error),
                    )
                ) from error

    # ------------------------------------------------------------------
    # Defaults
    # ------------------------------------------------------------------
    @api.model
    def _prepare_default_indicators(self, company):
        """Values of the default grid of ``company``'s chart (none if unknown)."""
        prefixes = GRID_PREFIXES.get(company._cae_chart_family())
        if not prefixes:
            return []
        return [
            dict(
                values,
                company_id=company.id,
                sequence=10 * (index + 1),
                **(
                    {"account_prefixes": prefixes[values["code"]]}
                    if values["kind"] == "accounts"
                    else {}
                ),
            )
            for index, values in enumerate(DEFAULT_INDICATORS)
        ]

    @api.model
    def _create_default_indicators(self, companies=None):
        """Create the default grid of every company that has no indicator.

        The grid of the company's chart of accounts (French, Belgian or
        Canadian); companies on another chart, or without one yet, get none
        (``res.company._cae_get_chart_warnings`` says why). Names are stored
        in English and in every installed language.
        """
        companies = companies or self.env["res.company"].search([])
        existing = self.with_context(active_test=False)._read_group(
            [("company_id", "in", companies.ids)], ["company_id"]
        )
        done = {company for (company,) in existing}
        langs = [
            code
            for code, _name in self.env["res.lang"].get_installed()
            if code != "en_US"
        ]
        created = self.browse()
        for company in companies - self.env["res.company"].union(*done):
            by_code = {}
            for values in self._prepare_default_indicators(company):
                values = dict(values)
                label = values.pop("name")
                description = values.pop("description", None)
                operands = values.pop("operands", ())
                indicator = self.sudo().create(
                    {
                        **values,
                        "name": self.with_context(lang="en_US").env._(label),
                        "description": description
                        and self.with_context(lang="en_US").env._(description),
                        "operand_ids": [
                            fields.Command.set([by_code[c].id for c in operands])
                        ],
                    }
                )
                for fname, term in (("name", label), ("description", description)):
                    if langs and term:
                        indicator.update_field_translations(
                            fname,
                            {
                                lang: self.with_context(lang=lang).env._(term)
                                for lang in langs
                            },
                        )
                by_code[indicator.code] = indicator
                created |= indicator
        return created

    @api.model
    def _replace_french_defaults(self, companies):
        """Give companies on the Belgian or Canadian chart their own prefixes
        where their grid still has the French defaults untouched (grids made
        before the grids per chart read the Belgian 40 customers as
        suppliers)."""
        french = GRID_PREFIXES["fr"]
        for company in companies:
            prefixes = GRID_PREFIXES.get(company._cae_chart_family())
            if not prefixes or prefixes == french:
                continue
            leaves = (
                self.sudo()
                .with_context(active_test=False)
                .search([("company_id", "=", company.id), ("kind", "=", "accounts")])
            )
            if {leaf.code: leaf.account_prefixes for leaf in leaves} == french:
                for leaf in leaves:
                    leaf.account_prefixes = prefixes[leaf.code]

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    @api.model
    def _load_grid(self, company):
        """``(IndicatorGrid, indicators)`` of ``company`` (active ones)."""
        indicators = (
            self.sudo()
            .with_context(active_test=True)
            .search([("company_id", "=", company.id)])
        )
        return IndicatorGrid(
            [
                IndicatorDef(
                    code=indicator.code,
                    kind=indicator.kind,
                    prefixes=indicator.account_prefixes or "",
                    operands=tuple(indicator.operand_ids.mapped("code")),
                    sign=SIGN_FACTOR[indicator.sign],
                )
                for indicator in indicators
            ]
        ), indicators

    @api.model
    def _account_codes(self, company):
        """``{account_id: code}`` of the general accounts of ``company``."""
        Account = self.env["account.account"].sudo().with_company(company.root_id)
        accounts = Account.search_fetch(
            Account._check_company_domain(company), ["code"]
        )
        return {account.id: account.code for account in accounts}

    @api.model
    def _get_leaves_without_account(self, company):
        """Active leaf indicators of ``company`` selecting no account."""
        leaves = (
            self.sudo()
            .with_context(active_test=True)
            .search([("company_id", "=", company.id), ("kind", "=", "accounts")])
        )
        return leaves.filtered(lambda indicator: not indicator.account_count)

    @api.model
    def _prepare_grid_query(self, company, codes=None):
        """The grid of ``company`` and the rows of its account mapping.

        :return: ``(grid, wanted codes, (account_ids, leaf_codes, positions))``
        """
        grid, indicators = self._load_grid(company)
        wanted = list(codes or [indicator.code for indicator in indicators])
        leaves = grid.leaves_needed(wanted)
        by_code = {indicator.code: indicator for indicator in indicators}
        mapping = grid.account_mapping(self._account_codes(company), leaves)
        account_ids, leaf_codes, positions = [], [], []
        for account_id, found in mapping.items():
            for leaf in found:
                account_ids.append(account_id)
                leaf_codes.append(leaf)
                positions.append(by_code[leaf].balance_type == "position")
        return grid, wanted, (account_ids, leaf_codes, positions)

    @api.model
    def _amount_rounder(self, company):
        """``round_(amount)`` in the company's currency (its rounding read
        once, not once per amount as ``currency.round`` does)."""
        return amount_rounder(company.currency_id.rounding)

    @api.model
    def _compute_values(
        self, company, analytic_accounts, date_from=None, date_to=None, codes=None
    ):
        """``{analytic_account_id: {code: amount}}`` for one company.

        One SQL query sums the posted analytic lines of ``analytic_accounts``
        (all in the activities plan of ``company``) per analytic account and
        leaf indicator; sums are then evaluated in Python.
        """
        grid, wanted, grid_rows = self._prepare_grid_query(company, codes)
        rows = []
        if analytic_accounts and grid_rows[0]:
            rows = self._query_leaf_sums(
                company, analytic_accounts, grid_rows, date_from, date_to
            )
        sums = defaultdict(dict)
        for analytic_id, code, _month, amount in rows:
            sums[analytic_id][code] = amount or 0.0
        round_ = self._amount_rounder(company)
        return {
            analytic_id: {
                code: round_(amount)
                for code, amount in grid.evaluate(sums[analytic_id], wanted).items()
            }
            for analytic_id in analytic_accounts.ids
        }

    @api.model
    def _compute_selection_values(
        self, company, analytic_accounts, selections, date_to=None
    ):
        """``{analytic_account_id: {key: Σ(debit − credit)}}`` up to ``date_to``.

        For modules that sum their own account selections (e.g. a project's
        revenue and costs) with the same engine and the same single query as
        the grid, outside the company's indicators. ``selections`` is
        ``{key: prefixes}`` in the grid's syntax ("7,-775"); an account
        matching several selections counts in each.
        """
        grid = IndicatorGrid(
            [
                IndicatorDef(key, "accounts", prefixes=prefixes)
                for key, prefixes in selections.items()
            ]
        )
        mapping = grid.account_mapping(self._account_codes(company))
        account_ids, keys = [], []
        for account_id, found in mapping.items():
            account_ids.extend([account_id] * len(found))
            keys.extend(found)
        sums = defaultdict(dict)
        if analytic_accounts and account_ids:
            rows = self._query_leaf_sums(
                company,
                analytic_accounts,
                (account_ids, keys, [True] * len(keys)),
                None,
                date_to,
            )
            for analytic_id, key, _month, amount in rows:
                sums[analytic_id][key] = amount or 0.0
        round_ = self._amount_rounder(company)
        return {
            analytic_id: {
                key: round_(sums[analytic_id].get(key, 0.0)) for key in selections
            }
            for analytic_id in analytic_accounts.ids
        }

    @api.model
    def _compute_monthly_values(
        self, company, analytic_accounts, date_from, date_to, codes=None
    ):
        """Month by month: ``{analytic_id: [(month_start, {code: amount})]}``.

        For each month of ``date_from``..``date_to`` (whole months), the
        positions at the end of the month and the movements of the month, for
        a 12-month chart or statement. One SQL query for all the accounts.
        """
        grid, wanted, grid_rows = self._prepare_grid_query(company, codes)
        date_from = date_from.replace(day=1)
        months = []
        month = date_from
        while month <= date_to:
            months.append(month)
            month += relativedelta(months=1)
        date_to = months[-1] + relativedelta(months=1, days=-1)
        rows = []
        if analytic_accounts and grid_rows[0]:
            rows = self._query_leaf_sums(
                company, analytic_accounts, grid_rows, date_from, date_to, by_month=True
            )
        positions = {
            code
            for code, position in zip(grid_rows[1], grid_rows[2], strict=True)
            if position
        }
        by_month = defaultdict(lambda: defaultdict(dict))
        for analytic_id, code, month, amount in rows:
            by_month[analytic_id][month][code] = amount or 0.0
        round_ = self._amount_rounder(company)
        result = {}
        for analytic_id in analytic_accounts.ids:
            sums = by_month[analytic_id]
            running = dict.fromkeys(positions, 0.0)
            for code in positions:
                running[code] += sums[None].get(code, 0.0)  # before date_from
            series = []
            for month in months:
                leaf_sums = dict(sums[month])
                for code in positions:
                    running[code] += leaf_sums.get(code, 0.0)
                    leaf_sums[code] = running[code]
                values = grid.evaluate(leaf_sums, wanted)
                series.append((month, {code: round_(v) for code, v in values.items()}))
            result[analytic_id] = series
        return result

    @api.model
    def _query_leaf_sums(
        self, company, analytic_accounts, grid_rows, date_from, date_to, by_month=False
    ):
        """Rows ``(analytic_id, leaf code, month, Σ(debit − credit))``.

        Odoo stores analytic amounts as ``-balance`` of the journal item,
        hence the minus sign. Only lines of posted journal items count.
        Positions add every line up to ``date_to``; movements only those
        from ``date_from``. ``by_month``: one row per month from
        ``date_from`` (month None: what positions carry from before it);
        otherwise month is None.
        """
        account_ids, leaf_codes, positions = grid_rows
        plan = company._get_cae_activity_plan()
        column = plan._column_name()
        self.env["account.analytic.line"].flush_model(
            [column, "amount", "date", "general_account_id", "move_line_id"]
        )
        self.env["account.move.line"].flush_model(["parent_state"])
        in_period = SQL("aal.date >= %s", date_from) if date_from else SQL("TRUE")
        month = (
            SQL(
                "CASE WHEN %s THEN date_trunc('month', aal.date)::date END",
                in_period,
            )
            if by_month
            else SQL("NULL::date")
        )
        query = SQL(
            """
            SELECT aal.%(column)s, grid.code, %(month)s, -SUM(aal.amount)
              FROM account_analytic_line aal
              JOIN account_move_line aml
                ON aml.id = aal.move_line_id AND aml.parent_state = 'posted'
              JOIN unnest(%(account_ids)s::int[], %(codes)s::varchar[],
                          %(positions)s::bool[]) AS grid(account_id, code, position)
                ON grid.account_id = aal.general_account_id
             WHERE aal.%(column)s = ANY(%(analytic_ids)s)
               AND (grid.position OR %(in_period)s)
               AND %(date_to)s
          GROUP BY 1, 2, 3
            """,
            column=SQL.identifier(column),
            month=month,
            in_period=in_period,
            date_to=SQL("aal.date <= %s", date_to) if date_to else SQL("TRUE"),
            account_ids=account_ids,
            codes=leaf_codes,
            positions=positions,
            analytic_ids=analytic_accounts.ids,
        )
        return self.env.execute_query(query)

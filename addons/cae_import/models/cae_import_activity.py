# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date, formatLang

from ..tools.sheet import normalize
from .cae_import_mixin import Column, RowError

# Values of the column "Base contribution" -> base of the rule.
RULE_BASES = {
    "chiffre d'affaires": "turnover",
    "ca": "turnover",
    "marge": "margin",
    "marge brute": "margin",
    "facture": "invoice",
    "par facture": "invoice",
    "forfait": "fixed",
    "forfait mensuel": "fixed",
}
# Columns of the override -> field of cae.contribution.rule.
RULE_AMOUNTS = {
    "rule_rate": "rate",
    "rule_fixed": "fixed_amount",
    "rule_min": "amount_min",
    "rule_max": "amount_max",
    "rule_yearly": "yearly_fee",
}


class CaeImportActivity(models.AbstractModel):
    """Activities, their entrepreneurs and their opening balances.

    One row per activity and general account (the balance of the account
    on the activity's analytic code in the former accounting). The rows of
    one *Code activité* make one activity and one opening entry, dated and
    journaled as the wizard says, each line on the activity's analytic
    account, balanced on the suspense account the accountant chose. A new
    import of the same file finds the entry by its import key and leaves
    it, or rewrites it if the balances changed.
    """

    _name = "cae.import.activity"
    _inherit = "cae.import.mixin"
    _description = "Import of activities and opening balances"
    _cae_import_grouped = True

    @api.model
    def _cae_import_key(self):
        return "code"

    @api.model
    def _cae_import_columns(self):
        _ = self.env._
        return [
            Column(
                "code",
                "Code activité",
                "char",
                True,
                _("the analytic code of the activity in the former software"),
                ("Code analytique", "Compte analytique"),
            ),
            Column(
                "name",
                "Nom activité",
                "char",
                False,
                _("the activity's name"),
                ("Enseigne", "Nom de l'enseigne"),
            ),
            Column(
                "entrepreneurs",
                "Entrepreneurs",
                "char",
                False,
                _("references of imported entrepreneurs separated by ;"),
            ),
            Column(
                "account",
                "Compte",
                "char",
                False,
                _("the code of a general account of the company, e.g. 512000"),
                ("Compte général", "Numéro de compte"),
            ),
            Column("debit", "Débit", "amount", False, "", ("Total débit",)),
            Column("credit", "Crédit", "amount", False, "", ("Total crédit",)),
            Column("label", "Libellé", "char", False, "", ("Libellé du compte",)),
            Column(
                "rule_base",
                "Base contribution",
                "char",
                False,
                _(
                    "Chiffre d'affaires, Marge, Facture or Forfait (empty: the "
                    "company's default rule)"
                ),
            ),
            Column(
                "rule_rate",
                "Taux contribution (%)",
                "amount",
                False,
                _("a percentage between 0 and 100, such as 10,5"),
            ),
            Column("rule_fixed", "Forfait mensuel contribution", "amount", False, ""),
            Column("rule_min", "Minimum mensuel contribution", "amount", False, ""),
            Column("rule_max", "Maximum mensuel contribution", "amount", False, ""),
            Column("rule_yearly", "Frais annuels contribution", "amount", False, ""),
            Column(
                "rule_from",
                "Contribution depuis le",
                "date",
                False,
                _(
                    "the first day of the override, as DD/MM/YYYY (empty: the day "
                    "after the date of the balances)"
                ),
            ),
        ]

    @api.model
    def _cae_import_prepare(self, wizard, rows):
        company = wizard.company_id
        codes = {values["code"] for _n, values in rows}
        activities = (
            self.env["cae.activity"]
            .with_context(active_test=False)
            .search([("company_id", "=", company.id), ("code", "in", list(codes))])
        )
        references = set()
        for _n, values in rows:
            references.update(self._split(values.get("entrepreneurs")))
        entrepreneurs = (
            self.env["cae.entrepreneur"]
            .with_context(active_test=False)
            .search(
                [("company_id", "=", company.id), ("reference", "in", list(references))]
            )
        )
        accounts = self.env["account.account"].search(
            [("company_ids", "in", company.id)]
        )
        moves = self.env["account.move"].search(
            [
                ("company_id", "=", company.id),
                ("cae_import_key", "in", [self._move_key(wizard, c) for c in codes]),
            ]
        )
        rules = self.env["cae.contribution.rule"].search(
            [("company_id", "=", company.id), ("activity_id", "in", activities.ids)]
        )
        return {
            "rules": {(r.activity_id.id, r.date_from): r for r in rules},
            "activities": {a.code: a for a in activities},
            "entrepreneurs": {e.reference: e for e in entrepreneurs},
            "accounts": {a.code: a for a in accounts},
            "moves": {m.cae_import_key: m for m in moves},
        }

    @api.model
    def _split(self, text):
        return [part.strip() for part in (text or "").split(";") if part.strip()]

    @api.model
    def _move_key(self, wizard, code):
        return f"opening:{code}:{wizard.opening_date}"

    # ------------------------------------------------------------------
    # One activity
    # ------------------------------------------------------------------
    @api.model
    def _cae_import_group(self, wizard, rows, cache):
        code = rows[0][1]["code"]
        name = next((v["name"] for _n, v in rows if v.get("name")), False)
        references = []
        for _n, values in rows:
            references += self._split(values.get("entrepreneurs"))
        entrepreneurs = self.env["cae.entrepreneur"]
        for reference in dict.fromkeys(references):
            entrepreneur = cache["entrepreneurs"].get(reference)
            if not entrepreneur:
                raise RowError(
                    "entrepreneurs",
                    self.env._(
                        "No entrepreneur with the reference “%(ref)s”.", ref=reference
                    ),
                    self.env._("the reference of an entrepreneur imported before"),
                )
            entrepreneurs |= entrepreneur
        rule = self._rule_values(wizard, rows)
        activity, changed = self._ensure_activity(
            wizard, code, name, entrepreneurs, cache
        )
        lines = self._prepare_lines(wizard, rows, activity, cache)
        if rule:
            changed |= self._ensure_rule(activity, rule, cache)
        status = self._ensure_opening_entry(wizard, code, activity, lines, cache)
        if status == "skipped" and changed:
            return "updated"
        return status

    # ------------------------------------------------------------------
    # Contribution rule override
    # ------------------------------------------------------------------
    @api.model
    def _rule_values(self, wizard, rows):
        """``(row number, values of cae.contribution.rule)`` of the first row
        of the activity giving an override, checked; None without one."""
        _ = self.env._
        keys = ("rule_base", "rule_from", *RULE_AMOUNTS)
        given = [
            (n, v) for n, v in rows if any(v.get(k) not in (None, "") for k in keys)
        ]
        if not given:
            return None
        number, values = given[0]
        for other, other_values in given[1:]:
            if any(other_values.get(k) != values.get(k) for k in keys):
                raise RowError(
                    "rule_base",
                    _(
                        "Another contribution rule than on row %(row)s for the "
                        "same activity.",
                        row=number,
                    ),
                    _("the override on one row of the activity only"),
                    row=other,
                )
        text = normalize(values.get("rule_base"))
        if not text:
            raise RowError(
                "rule_base",
                _("Contribution amounts without a base."),
                _("Chiffre d'affaires, Marge, Facture or Forfait"),
                row=number,
            )
        base = RULE_BASES.get(text)
        if not base:
            raise RowError(
                "rule_base",
                _("Unknown contribution base “%(value)s”.", value=values["rule_base"]),
                _("Chiffre d'affaires, Marge, Facture or Forfait"),
                row=number,
            )
        rule = {"base": base}
        for key, field in RULE_AMOUNTS.items():
            amount = values.get(key)
            if amount is not None and amount < 0:
                raise RowError(
                    key,
                    _("A negative amount."),
                    _("a positive amount, or an empty cell"),
                    row=number,
                )
            rule[field] = amount or 0.0
        rate = values.get("rule_rate")
        if base != "fixed" and rate is None:
            raise RowError(
                "rule_rate",
                _("No rate for a contribution on a percentage."),
                _("a percentage between 0 and 100, such as 10,5"),
                row=number,
            )
        if rate is not None and rate > 100:
            raise RowError(
                "rule_rate",
                _("A rate of %(rate)s %%.", rate=formatLang(self.env, rate)),
                _("a percentage between 0 and 100, such as 10,5"),
                row=number,
            )
        if base == "fixed" and not rule["fixed_amount"]:
            raise RowError(
                "rule_fixed",
                _("No amount per month for a fixed contribution."),
                _("the amount per month, such as 150"),
                row=number,
            )
        if rule["amount_max"] and rule["amount_min"] > rule["amount_max"]:
            raise RowError(
                "rule_min",
                _("The minimum is above the maximum."),
                _("a minimum at most the maximum"),
                row=number,
            )
        rule["date_from"] = values.get("rule_from") or wizard.opening_date + timedelta(
            days=1
        )
        return number, rule

    @api.model
    def _ensure_rule(self, activity, rule, cache):
        """Create or update the activity's override; True if it changed."""
        number, vals = rule
        current = cache["rules"].get((activity.id, vals["date_from"]))
        try:
            if current:
                changes = {
                    field: value
                    for field, value in vals.items()
                    if field != "date_from" and current[field] != value
                }
                if not current.active:
                    changes["active"] = True
                if not changes:
                    return False
                current.write(changes)
                return True
            cache["rules"][(activity.id, vals["date_from"])] = self.env[
                "cae.contribution.rule"
            ].create(
                {
                    **vals,
                    "name": self.env._(
                        "Contribution of %(code)s (imported)", code=activity.code
                    ),
                    "company_id": activity.company_id.id,
                    "activity_id": activity.id,
                }
            )
        except ValidationError as error:
            raise RowError(
                "rule_from",
                str(error.args[0]),
                self.env._(
                    "a first day after the end of the activity's other override"
                ),
                row=number,
            ) from error
        return True

    @api.model
    def _ensure_activity(self, wizard, code, name, entrepreneurs, cache):
        """``(activity, changed)``: the activity of ``code``, created,
        adopted from its entrepreneur or updated."""
        activity = cache["activities"].get(code)
        changed = False
        if not activity:
            # The activity created with an imported entrepreneur, still
            # empty, becomes the activity of the former software.
            own = entrepreneurs.activity_id
            if (
                len(entrepreneurs) == 1
                and len(own) == 1
                and own.code == entrepreneurs.reference
                and own.entrepreneur_ids == entrepreneurs
            ):
                activity = own
                activity.write({"code": code, "name": name or activity.name})
            else:
                activity = self.env["cae.activity"].create(
                    {
                        "name": name or code,
                        "code": code,
                        "company_id": wizard.company_id.id,
                    }
                )
            cache["activities"][code] = activity
            changed = True
        elif name and activity.name != name:
            activity.name = name
            changed = True
        others = entrepreneurs.filtered(lambda e: e.activity_id != activity)
        if others:
            others.write({"activity_id": activity.id})
            changed = True
        return activity, changed

    @api.model
    def _prepare_lines(self, wizard, rows, activity, cache):
        _ = self.env._
        analytic = {str(activity.analytic_account_id.id): 100}
        lines = []
        for number, values in rows:
            debit = values.get("debit") or 0.0
            credit = values.get("credit") or 0.0
            if not values.get("account"):
                if debit or credit:
                    raise RowError(
                        "account",
                        _("An amount without an account."),
                        _("the code of a general account of the company"),
                        row=number,
                    )
                continue
            account = cache["accounts"].get(values["account"])
            if not account:
                raise RowError(
                    "account",
                    _("No account %(code)s in the company.", code=values["account"]),
                    _("the code of a general account of the company, e.g. 512000"),
                    row=number,
                )
            if account == wizard.suspense_account_id:
                raise RowError(
                    "account",
                    _("The suspense account cannot hold a balance of the file."),
                    _("another general account"),
                    row=number,
                )
            if debit < 0 or credit < 0:
                raise RowError(
                    "debit" if debit < 0 else "credit",
                    _("A negative amount."),
                    _("a positive amount in Débit or in Crédit"),
                    row=number,
                )
            balance = round(debit - credit, 2)
            if not balance:
                continue
            lines.append(
                {
                    "account_id": account.id,
                    "name": values.get("label")
                    or _("Opening balance %(code)s", code=activity.code),
                    "debit": max(balance, 0.0),
                    "credit": max(-balance, 0.0),
                    "analytic_distribution": analytic,
                }
            )
        total = round(sum(line["debit"] - line["credit"] for line in lines), 2)
        if total:
            lines.append(
                {
                    "account_id": wizard.suspense_account_id.id,
                    "name": _("Opening balances to clear %(code)s", code=activity.code),
                    "debit": max(-total, 0.0),
                    "credit": max(total, 0.0),
                }
            )
        return lines

    @api.model
    def _ensure_opening_entry(self, wizard, code, activity, lines, cache):
        key = self._move_key(wizard, code)
        move = cache["moves"].get(key)
        if move and self._same_lines(move, lines):
            return "skipped"
        if not lines and not move:
            return "skipped"
        commands = [Command.create(line) for line in lines]
        try:
            if move:
                if move.state == "posted":
                    move.button_draft()
                move.write({"line_ids": [Command.clear()] + commands})
                if lines:
                    move.action_post()
                else:
                    move.unlink()
                return "updated"
            move = self.env["account.move"].create(
                {
                    "move_type": "entry",
                    "journal_id": wizard.journal_id.id,
                    "date": wizard.opening_date,
                    "ref": self.env._(
                        "Opening balances of %(code)s on %(date)s",
                        code=code,
                        date=format_date(self.env, wizard.opening_date),
                    ),
                    "cae_activity_id": activity.id,
                    "cae_import_key": key,
                    "line_ids": commands,
                }
            )
            move.action_post()
        except (UserError, ValidationError) as error:
            raise RowError("account", str(error.args[0]), "") from error
        cache["moves"][key] = move
        return "created"

    @api.model
    def _same_lines(self, move, lines):
        def signature(items):
            return sorted(
                (item["account_id"], round(item["debit"], 2), round(item["credit"], 2))
                for item in items
            )

        current = [
            {"account_id": aml.account_id.id, "debit": aml.debit, "credit": aml.credit}
            for aml in move.line_ids
        ]
        return move.state == "posted" and signature(current) == signature(lines)

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    @api.model
    def _cae_import_figures(self, wizard, rows):
        """Balance on the date of each account of the file and of the
        suspense account, all activities together (one query)."""
        codes = sorted({v["account"] for _n, v in rows if v.get("account")})
        accounts = (
            self.env["account.account"].search(
                [("company_ids", "in", wizard.company_id.id), ("code", "in", codes)]
            )
            | wizard.suspense_account_id
        )
        self.env["account.move.line"].flush_model()
        balances = dict(
            self.env["account.move.line"]._read_group(
                [
                    ("company_id", "=", wizard.company_id.id),
                    ("account_id", "in", accounts.ids),
                    ("parent_state", "=", "posted"),
                    ("date", "<=", wizard.opening_date),
                ],
                ["account_id"],
                ["balance:sum"],
            )
        )
        figures = []
        for account in accounts.sorted("code"):
            label = self.env._(
                "Balance of %(account)s on %(date)s",
                account=account.display_name,
                date=format_date(self.env, wizard.opening_date),
            )
            figures.append((label, float(balances.get(account, 0.0))))
        figures.append(
            (
                self.env._("Opening entries of the file"),
                self.env["account.move"].search_count(
                    [
                        ("company_id", "=", wizard.company_id.id),
                        ("cae_import_key", "=like", "opening:%"),
                        ("date", "=", wizard.opening_date),
                    ]
                ),
            )
        )
        return figures

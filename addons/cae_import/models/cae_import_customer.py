# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from collections import Counter

from odoo import Command, api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date, formatLang

from ..tools.sheet import normalize
from .cae_import_mixin import Column, RowError, RowErrors

# Values of the column "Type de pièce" -> move type.
DOCUMENT_TYPES = {
    "facture": "out_invoice",
    "facture client": "out_invoice",
    "avoir": "out_refund",
    "avoir client": "out_refund",
    "facture fournisseur": "in_invoice",
    "avoir fournisseur": "in_refund",
}
# Partner fields of the file: column key -> field of res.partner.
PARTNER_FIELDS = {
    "name": "name",
    "email": "email",
    "phone": "phone",
    "street": "street",
    "zip": "zip",
    "city": "city",
    "siret": "company_registry",
}
EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")


class CaeImportCustomer(models.AbstractModel):
    """Customers and suppliers of the activities, and their open documents.

    One row per contact and open document (a contact without open document
    takes one row with the document's cells empty). The rows of one
    *Référence tiers* make one contact (``res.partner``, found again by its
    ``cae_import_reference``), linked to the activities of their rows. Each
    row with a *N° pièce* carries one open customer invoice, customer credit
    note, supplier bill or supplier credit note over: a posted document of
    the activity (``cae_activity_id``, analytic account), dated on its
    original date, accounted on the date of the balances, for its amount
    still due only, its one line on the suspense account the accountant
    chose. The receivable or payable comes out as in the former accounting,
    and the suspense account is cleared against the cooperative's own
    opening balance of the customers' and suppliers' accounts. A new import
    finds each document by its import key and leaves it, or rewrites it if
    it changed and nothing was paid on it yet.
    """

    _name = "cae.import.customer"
    _inherit = "cae.import.mixin"
    _description = "Import of customers, open invoices and bills"
    _cae_import_grouped = True

    @api.model
    def _cae_import_key(self):
        return "reference"

    @api.model
    def _cae_import_columns(self):
        _ = self.env._
        return [
            Column(
                "activity",
                "Code activité",
                "char",
                True,
                _("the code of an activity imported before"),
                ("Code analytique", "Compte analytique"),
            ),
            Column(
                "reference",
                "Référence tiers",
                "char",
                True,
                _("the customer's or supplier's reference in the former software"),
                ("Code client", "Compte tiers"),
            ),
            Column(
                "name",
                "Nom",
                "char",
                False,
                _("the name of the customer or supplier"),
                ("Raison sociale", "Nom du client"),
            ),
            Column("email", "Courriel", "char", False, _("an email address")),
            Column("phone", "Téléphone", "char", False, ""),
            Column("street", "Adresse", "char", False, ""),
            Column("zip", "Code postal", "char", False, ""),
            Column("city", "Ville", "char", False, ""),
            Column(
                "siret",
                "SIRET",
                "char",
                False,
                _("the 14 digits of the SIRET"),
            ),
            Column(
                "document_type",
                "Type de pièce",
                "char",
                False,
                _(
                    "Facture client, Avoir client, Facture fournisseur or Avoir "
                    "fournisseur (empty: a contact without open document)"
                ),
            ),
            Column(
                "number",
                "N° pièce",
                "char",
                False,
                _("the number of the invoice or bill in the former software"),
                ("Numéro de facture", "N° facture"),
            ),
            Column("date", "Date pièce", "date", False, "", ("Date de facture",)),
            Column("date_due", "Échéance", "date", False, "", ("Date d'échéance",)),
            Column("total", "Montant TTC", "amount", False, "", ("Total TTC",)),
            Column("residual", "Reste dû", "amount", False, "", ("Restant dû",)),
            Column("label", "Libellé", "char", False, ""),
        ]

    # ------------------------------------------------------------------
    # Lookups
    # ------------------------------------------------------------------
    @api.model
    def _cae_import_prepare(self, wizard, rows):
        company = wizard.company_id
        codes = {values["activity"] for _n, values in rows}
        references = {values["reference"] for _n, values in rows}
        activities = (
            self.env["cae.activity"]
            .with_context(active_test=False)
            .search([("company_id", "=", company.id), ("code", "in", list(codes))])
        )
        partners = (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", company.id),
                    ("cae_import_reference", "in", list(references)),
                ]
            )
        )
        keys = [
            self._move_key(
                values, DOCUMENT_TYPES.get(normalize(values["document_type"]))
            )
            for _n, values in rows
            if values.get("number") and values.get("document_type")
        ]
        moves = self.env["account.move"].search(
            [("company_id", "=", company.id), ("cae_import_key", "in", keys)]
        )
        journals = {}
        for journal_type in ("sale", "purchase"):
            journals[journal_type] = self.env["account.journal"].search(
                [("type", "=", journal_type), ("company_id", "=", company.id)],
                limit=1,
            )
        return {
            "activities": {a.code: a for a in activities},
            "partners": {p.cae_import_reference: p for p in partners},
            "moves": {m.cae_import_key: m for m in moves},
            "journals": journals,
            "pending": [],
        }

    @api.model
    def _move_key(self, values, move_type):
        return f"open:{move_type}:{values['reference']}:{values['number']}"

    # ------------------------------------------------------------------
    # One contact and their documents
    # ------------------------------------------------------------------
    @api.model
    def _cae_import_group(self, wizard, rows, cache):
        counts = Counter()
        activities = self.env["cae.activity"]
        # Every row of the contact is checked: all their errors are listed.
        problems, documents, seen = [], [], {}
        for number, values in rows:
            try:
                activities |= self._activity(values, cache, number)
                move_type = self._check_document(wizard, values, cache, number)
            except RowError as error:
                problems.append(error)
                continue
            documents.append((number, values, move_type))
            if not move_type:
                continue
            key = self._move_key(values, move_type)
            if key in seen:
                problems.append(
                    RowError(
                        "number",
                        self.env._(
                            "The document %(number)s is already on row %(row)s.",
                            number=values["number"],
                            row=seen[key],
                        ),
                        self.env._("one row per document"),
                        row=number,
                    )
                )
            seen.setdefault(key, number)
        try:
            self._partner_values(rows)
        except RowError as error:
            problems.append(error)
        if problems:
            raise RowErrors(sorted(problems, key=lambda e: e.row))
        partner, status = self._ensure_partner(
            wizard, rows, activities, documents, cache
        )
        counts[status] += 1
        for number, values, move_type in documents:
            if move_type:
                activity = cache["activities"][values["activity"]]
                counts[
                    self._ensure_document(
                        wizard, partner, activity, number, values, move_type, cache
                    )
                ] += 1
        return counts

    @api.model
    def _activity(self, values, cache, number):
        activity = cache["activities"].get(values["activity"])
        if not activity:
            raise RowError(
                "activity",
                self.env._(
                    "No activity with the code “%(code)s”.", code=values["activity"]
                ),
                self.env._("the code of an activity imported before"),
                row=number,
            )
        return activity

    @api.model
    def _check_document(self, wizard, values, cache, number):
        """The move type of the row's document (False: none), or RowError."""
        _ = self.env._
        document_cells = ("number", "date", "date_due", "total", "residual")
        text = normalize(values.get("document_type"))
        if not text:
            given = [key for key in document_cells if values.get(key) not in (None, "")]
            if given:
                raise RowError(
                    "document_type",
                    _("A document without its type."),
                    _(
                        "Facture client, Avoir client, Facture fournisseur or Avoir "
                        "fournisseur"
                    ),
                    row=number,
                )
            return False
        move_type = DOCUMENT_TYPES.get(text)
        if not move_type:
            raise RowError(
                "document_type",
                _(
                    "Unknown type of document “%(value)s”.",
                    value=values["document_type"],
                ),
                _(
                    "Facture client, Avoir client, Facture fournisseur or Avoir "
                    "fournisseur"
                ),
                row=number,
            )
        for key, expected in (
            ("number", _("the number of the document in the former software")),
            ("date", _("the date of the document, as DD/MM/YYYY")),
            ("residual", _("the amount still due, such as 1234,56")),
        ):
            if values.get(key) in (None, ""):
                raise RowError(key, _("Empty cell."), expected, row=number)
        if values["date"] > wizard.opening_date:
            raise RowError(
                "date",
                _(
                    "The document is dated after the date of the balances "
                    "(%(date)s).",
                    date=format_date(self.env, wizard.opening_date),
                ),
                _(
                    "a document of the former software dated on the date of the "
                    "balances or before (later ones are entered in the suite)"
                ),
                row=number,
            )
        if values.get("date_due") and values["date_due"] < values["date"]:
            raise RowError(
                "date_due",
                _("The due date is before the date of the document."),
                _("a due date on the date of the document or later"),
                row=number,
            )
        residual = values["residual"]
        if residual <= 0:
            raise RowError(
                "residual",
                _(
                    "The amount still due must be above zero, not %(amount)s.",
                    amount=formatLang(self.env, residual),
                ),
                _("a positive amount (a document paid in full is not carried over)"),
                row=number,
            )
        total = values.get("total")
        if total is not None and residual > total:
            raise RowError(
                "residual",
                _(
                    "The amount still due (%(residual)s) is above the total of "
                    "the document (%(total)s).",
                    residual=formatLang(self.env, residual),
                    total=formatLang(self.env, total),
                ),
                _("an amount still due at most the total including taxes"),
                row=number,
            )
        journal_type = "sale" if move_type.startswith("out_") else "purchase"
        if not cache["journals"][journal_type]:
            raise RowError(
                "document_type",
                _("The company has no journal of this kind of document."),
                _("a sales journal and a purchase journal in the company"),
                row=number,
            )
        return move_type

    @api.model
    def _partner_values(self, rows):
        """Contact details: for each field, the first row that gives it."""
        _ = self.env._
        found = {}
        for number, values in rows:
            for key, field in PARTNER_FIELDS.items():
                if values.get(key) and field not in found:
                    found[field] = values[key]
                    if key == "email" and not EMAIL.match(values[key]):
                        raise RowError(
                            "email",
                            _("“%(value)s” is no email address.", value=values[key]),
                            _("an email address such as name@example.fr"),
                            row=number,
                        )
                    if key == "siret":
                        digits = re.sub(r"\s", "", values[key])
                        if not (digits.isdigit() and len(digits) == 14):
                            raise RowError(
                                "siret",
                                _("“%(value)s” is no SIRET.", value=values[key]),
                                _("the 14 digits of the SIRET"),
                                row=number,
                            )
                        found[field] = digits
        return found

    @api.model
    def _ensure_partner(self, wizard, rows, activities, documents, cache):
        reference = rows[0][1]["reference"]
        vals = self._partner_values(rows)
        if "name" not in vals and reference not in cache["partners"]:
            raise RowError(
                "name",
                self.env._("A new contact without a name."),
                self.env._("the name on the first row of the contact"),
                row=rows[0][0],
            )
        types = {move_type for _n, _v, move_type in documents if move_type}
        customer = any(t.startswith("out_") for t in types) or not types
        supplier = any(t.startswith("in_") for t in types)
        partner = cache["partners"].get(reference)
        if not partner:
            partner = (
                self.env["res.partner"]
                .with_context(default_cae_activity_ids=False)
                .create(
                    {
                        **vals,
                        "is_company": bool(vals.get("company_registry")),
                        "company_id": wizard.company_id.id,
                        "cae_import_reference": reference,
                        "cae_activity_ids": [Command.set(activities.ids)],
                        "customer_rank": 1 if customer else 0,
                        "supplier_rank": 1 if supplier else 0,
                    }
                )
            )
            cache["partners"][reference] = partner
            return partner, "created"
        changes = {
            field: value for field, value in vals.items() if partner[field] != value
        }
        missing = activities - partner.cae_activity_ids
        if missing:
            changes["cae_activity_ids"] = [Command.link(a.id) for a in missing]
        if customer and not partner.customer_rank:
            changes["customer_rank"] = 1
        if supplier and not partner.supplier_rank:
            changes["supplier_rank"] = 1
        if not changes:
            return partner, "skipped"
        partner.write(changes)
        return partner, "updated"

    @api.model
    def _document_vals(self, wizard, partner, activity, values, move_type, cache):
        _ = self.env._
        journal_type = "sale" if move_type.startswith("out_") else "purchase"
        name = values.get("label") or _(
            "Amount still due on %(number)s of %(date)s",
            number=values["number"],
            date=format_date(self.env, values["date"]),
        )
        if values.get("total") is not None and values["total"] != values["residual"]:
            name = _(
                "%(name)s (total %(total)s)",
                name=name,
                total=formatLang(
                    self.env,
                    values["total"],
                    currency_obj=wizard.company_id.currency_id,
                ),
            )
        return {
            "move_type": move_type,
            "journal_id": cache["journals"][journal_type].id,
            "partner_id": partner.id,
            "invoice_date": values["date"],
            "date": wizard.opening_date,
            "invoice_date_due": values.get("date_due") or values["date"],
            "ref": values["number"],
            "payment_reference": values["number"],
            "cae_activity_id": activity.id,
            "invoice_line_ids": [
                Command.create(
                    {
                        "name": name,
                        "quantity": 1,
                        "price_unit": values["residual"],
                        "account_id": wizard.suspense_account_id.id,
                        "tax_ids": [Command.clear()],
                        "analytic_distribution": {
                            str(activity.analytic_account_id.id): 100
                        },
                    }
                )
            ],
        }

    @api.model
    def _same_document(self, move, vals, wizard):
        return (
            move.state == "posted"
            and move.partner_id.id == vals["partner_id"]
            and move.cae_activity_id.id == vals["cae_activity_id"]
            and move.invoice_date == vals["invoice_date"]
            and move.date == wizard.opening_date
            and move.invoice_date_due == vals["invoice_date_due"]
            and move.currency_id.compare_amounts(
                move.amount_total, vals["invoice_line_ids"][0][2]["price_unit"]
            )
            == 0
            and move.line_ids.filtered(
                lambda line: line.display_type == "product"
            ).account_id.id
            == wizard.suspense_account_id.id
        )

    @api.model
    def _ensure_document(
        self, wizard, partner, activity, number, values, move_type, cache
    ):
        _ = self.env._
        key = self._move_key(values, move_type)
        vals = self._document_vals(wizard, partner, activity, values, move_type, cache)
        move = cache["moves"].get(key)
        if move and self._same_document(move, vals, wizard):
            return "skipped"
        try:
            if move:
                if move.state == "posted" and (
                    move.currency_id.compare_amounts(
                        move.amount_residual, move.amount_total
                    )
                    != 0
                ):
                    raise RowError(
                        "residual",
                        _(
                            "The document %(number)s was imported before and "
                            "payments were matched with it since: it cannot be "
                            "changed any more.",
                            number=values["number"],
                        ),
                        _("the same row as in the file imported before"),
                        row=number,
                    )
                if move.state == "posted":
                    move.button_draft()
                move.write(
                    {
                        **vals,
                        "invoice_line_ids": [Command.clear()]
                        + vals["invoice_line_ids"],
                    }
                )
                move.date = wizard.opening_date
                move.action_post()
                return "updated"
            if cache.get("batch"):
                # Created and posted with the others (_cae_import_finish).
                cache["pending"].append({**vals, "cae_import_key": key})
                return "created"
            self._create_documents(wizard, [{**vals, "cae_import_key": key}], cache)
        except (UserError, ValidationError) as error:
            raise RowError("number", str(error.args[0]), "", row=number) from error
        return "created"

    @api.model
    def _create_documents(self, wizard, vals_list, cache):
        """Create and post the documents of ``vals_list`` in one go."""
        moves = self.env["account.move"].create(vals_list)
        # The accounting date follows the invoice's date otherwise.
        moves.filtered(lambda m: m.date != wizard.opening_date).write(
            {"date": wizard.opening_date}
        )
        moves.action_post()
        for move in moves:
            cache["moves"][move.cae_import_key] = move

    @api.model
    def _cae_import_finish(self, wizard, cache):
        if cache["pending"]:
            self._create_documents(wizard, cache["pending"], cache)
            cache["pending"] = []

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    @api.model
    def _cae_import_figures(self, wizard, rows):
        """The company's receivables and payables on the date of the
        balances, the suspense account, and the open documents imported
        (a few queries, whatever the size of the file)."""
        _ = self.env._
        company = wizard.company_id
        date = format_date(self.env, wizard.opening_date)
        Line = self.env["account.move.line"]
        Line.flush_model()
        totals = Counter()
        for account, balance in Line._read_group(
            [
                ("company_id", "=", company.id),
                ("parent_state", "=", "posted"),
                ("date", "<=", wizard.opening_date),
                (
                    "account_id.account_type",
                    "in",
                    ("asset_receivable", "liability_payable"),
                ),
            ],
            ["account_id"],
            ["balance:sum"],
        ):
            totals[account.account_type] += balance or 0.0
        suspense = Line._read_group(
            [
                ("company_id", "=", company.id),
                ("parent_state", "=", "posted"),
                ("date", "<=", wizard.opening_date),
                ("account_id", "=", wizard.suspense_account_id.id),
            ],
            [],
            ["balance:sum"],
        )[0][0]
        Move = self.env["account.move"]
        Move.flush_model()
        imported = dict(
            (move_type, (count, residual))
            for move_type, count, residual in Move._read_group(
                [
                    ("company_id", "=", company.id),
                    ("cae_import_key", "=like", "open:%"),
                    ("state", "=", "posted"),
                ],
                ["move_type"],
                ["__count", "amount_residual_signed:sum"],
            )
        )

        def imported_figures(types):
            count = sum(imported.get(t, (0, 0.0))[0] for t in types)
            residual = sum(imported.get(t, (0, 0.0))[1] for t in types)
            return count, float(residual)

        customers = imported_figures(("out_invoice", "out_refund"))
        suppliers = imported_figures(("in_invoice", "in_refund"))
        return [
            (
                _("Customers' receivables on %(date)s", date=date),
                float(totals.get("asset_receivable") or 0.0),
            ),
            (
                _("Suppliers' payables on %(date)s", date=date),
                float(totals.get("liability_payable") or 0.0),
            ),
            (
                _(
                    "Balance of %(account)s on %(date)s",
                    account=wizard.suspense_account_id.display_name,
                    date=date,
                ),
                float(suspense or 0.0),
            ),
            (_("Imported customer documents still open"), customers[0]),
            (_("Amount still due by the customers (imported)"), customers[1]),
            (_("Imported supplier documents still open"), suppliers[0]),
            (_("Amount still due to the suppliers (imported)"), -suppliers[1]),
            (
                _("Customers and suppliers of the former software"),
                self.env["res.partner"]
                .with_context(active_test=False)
                .search_count(
                    [
                        ("company_id", "=", company.id),
                        ("cae_import_reference", "!=", False),
                    ]
                ),
            ),
        ]

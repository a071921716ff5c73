# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError, ValidationError

from ..tools.sheet import normalize
from .cae_import_mixin import Column, RowError

# Values of the column "Opération" -> operation type.
OPERATION_VALUES = {
    "souscription": "subscription",
    "liberation": "release",
    "cession": "transfer",
    "transfert": "transfer",
    "retrait": "withdrawal",
    "remboursement": "withdrawal",
}


class CaeImportShare(models.AbstractModel):
    """The operations of the former share register, with their numbers.

    One row per operation, matched on its *N° registre*. Rows are
    registered in the order of their numbers through the register's own
    validation (quarter paid at subscription, shares held, minimum per
    associate, capital floor...), so that the capital, the highest capital
    ever and the floor come out as in the paper register. Numbers follow
    each other without gaps from the register's next number (an empty
    register starts at the first number of the file). A subscription paid
    at signing (*Payé à la souscription*) is followed by its payment, which
    takes the next number: the file may list it (a *Libération* of that
    amount on that number) or leave the number out.

    The former accounting already holds the capital accounts: by default
    the operations are registered without journal entries (the company's
    setting is switched off for the import and restored at its end).
    """

    _name = "cae.import.share"
    _inherit = "cae.import.mixin"
    _description = "Import of the share register"

    @api.model
    def _cae_import_key(self):
        return "number"

    @api.model
    def _cae_import_columns(self):
        _ = self.env._
        return [
            Column(
                "number",
                "N° registre",
                "int",
                True,
                _("the number of the operation in the former register"),
            ),
            Column("date", "Date", "date", True),
            Column(
                "operation",
                "Opération",
                "char",
                True,
                _("Souscription, Libération, Cession or Retrait"),
            ),
            Column(
                "associate",
                "Référence associé",
                "char",
                True,
                _("the reference of an imported associate"),
            ),
            Column(
                "share_class",
                "Classe de parts",
                "char",
                False,
                _("the code or name of a share class (empty: the first one)"),
            ),
            Column("quantity", "Nombre de parts", "int"),
            Column(
                "amount",
                "Montant",
                "amount",
                False,
                _("for a release, the amount paid"),
            ),
            Column(
                "paid",
                "Payé à la souscription",
                "amount",
                False,
                _("the amount paid when subscribing (empty: all of it)"),
            ),
            Column(
                "subscription",
                "N° souscription",
                "int",
                False,
                _("for a release, the register number of the subscription it pays"),
            ),
            Column(
                "transferee",
                "Bénéficiaire",
                "char",
                False,
                _("for a transfer, the reference of the associate who receives"),
            ),
            Column("loss", "Perte par part", "amount"),
            Column("reimbursed", "Remboursé le", "date"),
        ]

    # ------------------------------------------------------------------
    # Preparation
    # ------------------------------------------------------------------
    @api.model
    def _cae_import_prepare(self, wizard, rows):
        company = wizard.company_id
        register = self.env["cae.share.register"]._get_for_company(company)
        register._lock()
        operations = self.env["cae.share.operation"].search(
            [("company_id", "=", company.id), ("number", "!=", False)]
        )
        references = set()
        for _n, values in rows:
            references.update({values.get("associate"), values.get("transferee")})
        associates = (
            self.env["cae.associate"]
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", company.id),
                    ("import_reference", "in", [r for r in references if r]),
                ]
            )
        )
        classes = self.env["cae.share.class"].search([("company_id", "=", company.id)])
        if not operations and rows:
            # An empty register starts where the former one does.
            first = min(values["number"] for _n, values in rows)
            register.write({"next_number": first})
        accounting = company.cae_capital_accounting
        if accounting and not wizard.share_accounting:
            company.cae_capital_accounting = False
        rows.sort(key=lambda item: item[1]["number"])
        return {
            "register": register,
            "operations": {o.number: o for o in operations},
            "associates": {a.import_reference: a for a in associates},
            "classes": classes,
            "restore_accounting": accounting,
            "failed": set(),
        }

    @api.model
    def _cae_import_finish(self, wizard, cache):
        self._validate_pending(cache)
        if cache.get("restore_accounting"):
            wizard.company_id.cae_capital_accounting = True

    # ------------------------------------------------------------------
    # One operation
    # ------------------------------------------------------------------
    @api.model
    def _cae_import_row(self, wizard, values, cache):
        try:
            return self._import_operation(wizard, values, cache)
        except (RowError, UserError, ValidationError):
            # Later rows are still checked as if this one had its numbers.
            cache["failed"].add(values["number"])
            if normalize(values.get("operation")) == "souscription":
                cache["failed"].add(values["number"] + 1)
            raise

    @api.model
    def _import_operation(self, wizard, values, cache):
        _ = self.env._
        number = values["number"]
        operation_type = OPERATION_VALUES.get(normalize(values["operation"]))
        if not operation_type:
            raise RowError(
                "operation",
                _("Unknown operation “%(value)s”.", value=values["operation"]),
                _("Souscription, Libération, Cession or Retrait"),
            )
        associate = self._associate(values["associate"], "associate", cache)
        vals = self._prepare_operation_vals(
            wizard, values, operation_type, associate, cache
        )
        pending = cache.setdefault("pending", [])
        batching = cache.get("batch") and operation_type == "subscription"
        if not batching or (pending and pending[-1][0].date > vals["date"]):
            # What follows may read the subscriptions waiting (a release),
            # and a batch registers in date order, the file in number order.
            self._validate_pending(cache)
        existing = cache["operations"].get(number)
        if existing:
            if self._same(existing, vals):
                return "skipped"
            raise RowError(
                "number",
                _(
                    "The number %(number)s is already in the register: "
                    "%(operation)s.",
                    number=number,
                    operation=existing.display_name,
                ),
                _(
                    "the operation registered under this number (a registered "
                    "operation never changes)"
                ),
            )
        register = cache["register"]
        expected = register.next_number + sum(taken for _op, taken in pending)
        if number > expected and cache["failed"].issuperset(range(expected, number)):
            register.write({"next_number": number})
            expected = number
        if number != expected:
            raise RowError(
                "number",
                _(
                    "The register goes on at number %(expected)s, not %(number)s.",
                    expected=expected,
                    number=number,
                ),
                _("register numbers that follow each other without gaps"),
            )
        operation = self.env["cae.share.operation"].create(vals)
        if batching:
            # Validated with the subscriptions that follow it, in one batch
            # (the first pass only: a row that fails sends the file to the
            # careful pass, one row after another).
            pending.append((operation, 1 + bool(operation._initial_payment_due())))
            return "created"
        try:
            operation.action_validate()
            if operation_type == "withdrawal" and values.get("reimbursed"):
                operation.reimbursement_date = values["reimbursed"]
                operation.action_reimburse()
        except (UserError, ValidationError) as error:
            raise RowError("", str(error.args[0]), "") from error
        for op in operation | operation.release_ids:
            cache["operations"][op.number] = op
        return "created"

    @api.model
    def _validate_pending(self, cache):
        """Validate the subscriptions waiting, in one batch of the register
        (``cae.share.operation._validate_subscriptions``)."""
        pending = cache.get("pending")
        if not pending:
            return
        operations = self.env["cae.share.operation"].union(
            *(operation for operation, _taken in pending)
        )
        pending.clear()
        operations.action_validate()
        for op in operations | operations.release_ids:
            cache["operations"][op.number] = op

    @api.model
    def _associate(self, reference, column, cache):
        _ = self.env._
        associate = cache["associates"].get(reference)
        if not associate:
            raise RowError(
                column,
                _("No associate with the reference “%(ref)s”.", ref=reference),
                _("the reference of an associate imported before"),
            )
        return associate

    @api.model
    def _prepare_operation_vals(self, wizard, values, operation_type, associate, cache):
        _ = self.env._
        vals = {
            "operation_type": operation_type,
            "company_id": wizard.company_id.id,
            "associate_id": associate.id,
            "date": values["date"],
        }
        if values.get("share_class"):
            text = normalize(values["share_class"])
            share_class = cache["classes"].filtered(
                lambda c: text in (normalize(c.code), normalize(c.name))
            )[:1]
            if not share_class:
                raise RowError(
                    "share_class",
                    _("No share class “%(name)s”.", name=values["share_class"]),
                    _(
                        "one of the share classes: %(names)s",
                        names=", ".join(cache["classes"].mapped("code")),
                    ),
                )
            vals["share_class_id"] = share_class.id
        if operation_type == "release":
            if not values.get("amount"):
                raise RowError(
                    "amount", _("A release without an amount."), _("the amount paid")
                )
            subscription = cache["operations"].get(values.get("subscription"))
            if not subscription or subscription.operation_type != "subscription":
                raise RowError(
                    "subscription",
                    _(
                        "No subscription numbered %(number)s in the register.",
                        number=values.get("subscription") or "",
                    ),
                    _("the register number of the subscription this release pays"),
                )
            vals.update(
                subscription_id=subscription.id,
                amount=values["amount"],
                payment_method="bank",
            )
            return vals
        if not values.get("quantity"):
            raise RowError(
                "quantity",
                _("An operation on shares without a number of shares."),
                _("a positive whole number"),
            )
        vals["quantity"] = values["quantity"]
        if operation_type == "subscription":
            share_class = (
                self.env["cae.share.class"].browse(vals.get("share_class_id"))
                or self.env["cae.share.operation"].new(vals).share_class_id
            )
            total = share_class.nominal_value * values["quantity"]
            paid = values.get("paid")
            vals["initial_payment"] = total if paid is None else paid
        elif operation_type == "transfer":
            if not values.get("transferee"):
                raise RowError(
                    "transferee",
                    _("A transfer without the associate who receives the shares."),
                    _("the reference of an imported associate"),
                )
            transferee = self._associate(values["transferee"], "transferee", cache)
            vals.update(
                partner_to_id=transferee.partner_id.id,
                associate_to_id=transferee.id,
                # Approved in the former register when it was recorded.
                transfer_approved=True,
            )
        elif operation_type == "withdrawal":
            vals["loss_per_share"] = values.get("loss") or 0.0
        return vals

    @api.model
    def _same(self, operation, vals):
        return (
            operation.operation_type == vals["operation_type"]
            and operation.associate_id.id == vals["associate_id"]
            and operation.date == vals["date"]
            and (
                vals["operation_type"] == "release"
                or operation.quantity == vals.get("quantity")
            )
            and (
                vals["operation_type"] != "release"
                or operation.currency_id.compare_amounts(
                    operation.amount, vals["amount"]
                )
                == 0
            )
        )

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    @api.model
    def _cae_import_figures(self, wizard, rows):
        _ = self.env._
        self.env.flush_all()
        register = self.env["cae.share.register"]._get_for_company(wizard.company_id)
        register.invalidate_recordset()
        return [
            (_("Associates"), register.associate_count),
            (_("Shares"), register.share_count),
            (_("Share capital"), register.capital_subscribed),
            (_("Paid capital"), register.capital_paid),
            (_("Highest capital reached"), register.capital_max),
            (_("Capital floor"), register.capital_floor),
            (_("Next register number"), register.next_number),
        ]

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, models
from odoo.exceptions import UserError

from .cae_tl_booking_rules import format_hours


class CaeTlNetworkBilling(models.AbstractModel):
    """How the guests of a network are billed, called by the monthly run of
    the host place (``cae.tl.billing.run._do_bill``).

    For each home structure of the month's guests:

    1. the host bills the home structure the network price of the bookings
       (``network_amount``):

       - host and home are companies of this database: a customer invoice of
         the host (revenue on the place's activity), and its mirror, a vendor
         bill in the home company's books (an inter-company invoice: same
         lines, same amounts, purchase taxes of the same rates);
       - the place is a partner's listing: the vendor bill of that partner,
         in the books of the company listing it (the home structure);

       the home structure's bill is charged to its activity of the network
       (``cae.tl.network.structure.activity_id``);
    2. the home structure charges its members what their booking cost them
       (``amount``, after their own credits): an internal charge to the
       entrepreneur's activity, crediting the activity of the network, like
       any internal charge (the accounts of internal invoices of
       ``cae_base``), or a customer invoice to a member who is not an
       entrepreneur.

    Everything is made as superuser once the run's rights are checked, and
    posted; the bookings point to the documents, so nothing is billed twice.
    """

    _name = "cae.tl.network.billing"
    _description = "Third places: billing between the structures of a network"

    @api.model
    def _bill_guests(self, run, bookings):
        """Bill ``bookings`` (guests of a network at ``run``'s place) to their
        home structures and charge them to the guests; returns the moves."""
        moves = self.env["account.move"]
        if not bookings:
            return moves
        bookings = bookings.sudo()
        for home, group in bookings.grouped("home_company_id").items():
            structure = group[:1].network_id._structure_of(home.partner_id)
            activity = structure._get_activity()
            if not activity:
                raise UserError(
                    self.env._(
                        "Set the activity of %(company)s in the network %(network)s: "
                        "it bears the bills of the other structures.",
                        company=home.name,
                        network=group[:1].network_id.name,
                    )
                )
            if run.place_id.is_partner_listing:
                invoice = self.env["account.move"]
                bill = self._create_partner_bill(run, group, activity)
            else:
                invoice = self._create_host_invoice(run, home, group)
                bill = self._create_mirror_bill(invoice, home, activity)
            group.write(
                {
                    "network_invoice_id": invoice.id,
                    "network_bill_id": bill.id,
                    "billing_run_id": run.id,
                }
            )
            moves |= invoice | bill
            moves |= self._charge_guests(run, home, group, activity)
        return moves

    # ------------------------------------------------------------------
    # 1. The host bills the home structure
    # ------------------------------------------------------------------
    @api.model
    def _network_label(self, booking):
        return self.env._(
            "%(resource)s, %(when)s (%(duration)s): %(booker)s",
            resource=booking.resource_id.name,
            when=booking._format_local(booking.start),
            duration=format_hours(booking.duration),
            booker=booking.booker_name or "",
        )

    @api.model
    def _network_lines(self, bookings, **extra):
        return [
            Command.create(
                {
                    "product_id": booking.resource_id.product_id.id,
                    "name": self._network_label(booking),
                    "quantity": 1,
                    "price_unit": booking.network_amount,
                    **extra,
                }
            )
            for booking in bookings.sorted(lambda b: (b.start, b.id))
        ]

    @api.model
    def _create_host_invoice(self, run, home, bookings):
        """Customer invoice of the host company to the home company."""
        if not run.place_id.activity_id:
            raise UserError(
                self.env._(
                    "Set the activity of the place %(place)s: it receives what "
                    "the guests of the network are billed.",
                    place=run.place_id.display_name,
                )
            )
        company = run.company_id
        invoice = (
            self.env["account.move"]
            .sudo()
            .with_company(company)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": home.partner_id.id,
                    "company_id": company.id,
                    "invoice_date": run.date_to,
                    "invoice_origin": self.env._(
                        "%(run)s - network %(network)s",
                        run=run.display_name,
                        network=bookings[:1].network_id.name,
                    ),
                    "cae_activity_id": run.place_id.activity_id.id,
                    "cae_tl_billing_run_id": run.id,
                    "invoice_line_ids": self._network_lines(bookings),
                }
            )
        )
        invoice.action_post()
        return invoice

    @api.model
    def _create_mirror_bill(self, invoice, home, activity):
        """The host's invoice as a vendor bill of the home company: same
        labels and amounts, the home company's internal charges account and
        its purchase taxes of the same rates."""
        _journal, expense, _income = home.sudo()._cae_internal_invoice_accounts()
        lines = []
        for line in invoice.invoice_line_ids.filtered(
            lambda ln: ln.display_type == "product"
        ):
            lines.append(
                Command.create(
                    {
                        "name": line.name,
                        "quantity": line.quantity,
                        "price_unit": line.price_unit,
                        "account_id": expense.id,
                        "tax_ids": [
                            Command.set(self._map_taxes(line.tax_ids, home).ids)
                        ],
                    }
                )
            )
        bill = (
            self.env["account.move"]
            .sudo()
            .with_company(home)
            .create(
                {
                    "move_type": "in_invoice",
                    "partner_id": invoice.company_id.partner_id.id,
                    "company_id": home.id,
                    "ref": invoice.name,
                    "invoice_date": invoice.invoice_date,
                    "invoice_origin": invoice.invoice_origin,
                    "cae_activity_id": activity.id,
                    "cae_tl_network_invoice_id": invoice.id,
                    "invoice_line_ids": lines,
                }
            )
        )
        bill.action_post()
        if bill.currency_id.compare_amounts(bill.amount_total, invoice.amount_total):
            raise UserError(
                self.env._(
                    "The bill of %(home)s would not match the invoice %(invoice)s "
                    "of %(host)s (%(bill_total)s against %(total)s): check the "
                    "purchase taxes of %(home)s.",
                    home=home.name,
                    invoice=invoice.name,
                    host=invoice.company_id.name,
                    bill_total=bill.amount_total,
                    total=invoice.amount_total,
                )
            )
        invoice.cae_tl_network_bill_id = bill
        return bill

    @api.model
    def _map_taxes(self, taxes, company):
        """Purchase taxes of ``company`` with the rates of sale ``taxes``."""
        mapped = self.env["account.tax"]
        Tax = self.env["account.tax"].sudo()
        for tax in taxes:
            candidates = Tax.search(
                [
                    *Tax._check_company_domain(company),
                    ("type_tax_use", "=", "purchase"),
                    ("amount_type", "=", tax.amount_type),
                    ("amount", "=", tax.amount),
                ]
            ).filtered(lambda t, tax=tax: t.price_include == tax.price_include)
            if not candidates:
                raise UserError(
                    self.env._(
                        "%(company)s has no purchase tax of %(rate)s to record the "
                        "bill of %(host)s.",
                        company=company.name,
                        rate=tax.name,
                        host=tax.company_id.name,
                    )
                )
            mapped |= candidates[:1]
        return mapped

    @api.model
    def _create_partner_bill(self, run, bookings, activity):
        """Vendor bill of the partner running a listed place, in the books of
        the company listing it, with the purchase taxes of the products."""
        company = run.company_id
        _journal, expense, _income = company.sudo()._cae_internal_invoice_accounts()
        bill = (
            self.env["account.move"]
            .sudo()
            .with_company(company)
            .create(
                {
                    "move_type": "in_invoice",
                    "partner_id": run.place_id.operator_id.id,
                    "company_id": company.id,
                    "ref": run.display_name,
                    "invoice_date": run.date_to,
                    "invoice_origin": run.display_name,
                    "cae_activity_id": activity.id,
                    "cae_tl_billing_run_id": run.id,
                    "invoice_line_ids": self._network_lines(
                        bookings, account_id=expense.id
                    ),
                }
            )
        )
        bill.action_post()
        return bill

    # ------------------------------------------------------------------
    # 2. The home structure charges its members
    # ------------------------------------------------------------------
    @api.model
    def _charge_guests(self, run, home, bookings, activity):
        """Charge the guests of ``home`` what their bookings cost them: an
        internal charge to each entrepreneur's activity, an invoice to the
        other members, crediting the home structure's activity of the
        network."""
        bookings = bookings.filtered(lambda b: b.amount > 0 and not b.move_id)
        if not bookings:
            return self.env["account.move"]
        accounts = home.sudo()._cae_internal_invoice_accounts()
        charges = run._group_charges(
            bookings, self.env["cae.tl.membership"], company=home
        )
        moves = run._create_moves(
            charges, company=home, seller=activity, accounts=accounts
        )
        for charge, move in zip(charges.values(), moves, strict=True):
            charge["bookings"].write({"move_id": move.id})
        return moves

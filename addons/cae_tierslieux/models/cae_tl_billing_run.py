# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import format_date

from .cae_tl_booking_rules import format_hours


class CaeTlBillingRun(models.Model):
    """The monthly billing of a place: one record per place and month.

    Running it bills every booking of the month that is priced and not yet
    billed, and the monthly fees of the memberships not yet billed:

    - people outside the cooperative get one customer invoice each, grouping
      their month (the place's activity receives the revenue);
    - CAE entrepreneurs are charged internally: one journal entry per
      activity, without VAT, debiting an expense on the entrepreneur's
      activity and crediting an income on the place's activity, so that the
      charge shows in both balances.

    Guests of a network (members of another structure) are billed by the
    host to their home structure, and charged by the home structure to
    them, see ``cae.tl.network.billing``.

    Billed bookings point to their move, so running the month again bills
    nothing twice: it only picks bookings added since.
    """

    _name = "cae.tl.billing.run"
    _description = "Third-place monthly billing run"
    _inherit = ["mail.thread", "cae.job.progress.mixin"]
    _order = "date_from desc, place_id"
    _check_company_auto = True

    place_id = fields.Many2one(
        comodel_name="cae.tl.place",
        string="Place",
        required=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="place_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="Month", required=True)
    date_to = fields.Date(compute="_compute_date_to", store=True, precompute=True)
    last_run = fields.Datetime(readonly=True, copy=False)
    booking_ids = fields.One2many(
        comodel_name="cae.tl.booking",
        inverse_name="billing_run_id",
        string="Billed bookings",
        readonly=True,
    )
    move_ids = fields.One2many(
        comodel_name="account.move",
        inverse_name="cae_tl_billing_run_id",
        string="Invoices and internal charges",
        readonly=True,
    )
    membership_ids = fields.Many2many(
        comodel_name="cae.tl.membership",
        string="Billed memberships",
        readonly=True,
        copy=False,
    )
    booking_count = fields.Integer(compute="_compute_totals")
    invoice_count = fields.Integer(compute="_compute_totals")
    entry_count = fields.Integer(
        string="Internal charge count", compute="_compute_totals"
    )
    amount_invoiced = fields.Monetary(
        string="Invoiced (excl. taxes)", compute="_compute_totals"
    )
    amount_internal = fields.Monetary(
        string="Charged internally", compute="_compute_totals"
    )
    amount_network = fields.Monetary(
        string="Billed to the network",
        compute="_compute_totals",
        help="What the place billed the home structures of its guests.",
    )

    _sql_constraints = [
        (
            "place_month_unique",
            "unique(place_id, date_from)",
            "A place has one billing run per month.",
        ),
    ]

    @api.depends("date_from")
    def _compute_date_to(self):
        for run in self:
            run.date_to = run.date_from and (run.date_from + relativedelta(day=31))

    @api.depends("place_id", "date_from")
    def _compute_display_name(self):
        for run in self:
            run.display_name = (
                f"{run.place_id.name or ''} - "
                f"{format_date(self.env, run.date_from, date_format='MMMM y')}"
                if run.date_from
                else run.place_id.name
            )

    @api.depends("move_ids.amount_untaxed", "booking_ids")
    def _compute_totals(self):
        for run in self:
            # sudo: facilitators see the totals without accounting rights.
            moves = run.sudo().move_ids
            # (The host's invoices to home structures count as network.)
            invoices = moves.filtered(
                lambda m: m.move_type == "out_invoice" and not m.cae_tl_network_bill_id
            )
            entries = moves.filtered(lambda m: m.move_type == "entry")
            run.booking_count = len(run.booking_ids)
            run.invoice_count = len(invoices)
            run.entry_count = len(entries)
            run.amount_invoiced = sum(invoices.mapped("amount_untaxed"))
            run.amount_internal = sum(entries.mapped("amount_total"))
            # Guests' bookings: their network price, billed to their home.
            run.amount_network = sum(
                run.booking_ids.filtered("network_bill_id").mapped("network_amount")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_from"):
                vals["date_from"] = fields.Date.to_date(vals["date_from"]).replace(
                    day=1
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_run(self):
        self._check_can_bill()
        self._cae_job_check_not_running()
        for run in self:
            run._do_bill()
            run._cae_job_record_done(1)
        return True

    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_journal_line"
        )
        action["domain"] = [("cae_tl_billing_run_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_view_bookings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cae_tierslieux.cae_tl_booking_action"
        )
        action["domain"] = [("billing_run_id", "=", self.id)]
        action["context"] = {"create": False}
        action["view_mode"] = "list,form,calendar,pivot,graph"
        return action

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _bill_places(self, places, month, skip_running=False):
        """The runs of ``places`` for ``month``: billed at once for one
        place, else by one background job per place (channel
        ``root.cae.billing``), each run showing its progress. A run whose
        job still runs is refused (left out with ``skip_running``)."""
        month = month.replace(day=1)
        if len(places) <= 1:
            return self.browse().union(*(self._run_for(p, month) for p in places))
        runs = self.browse()
        for place in places:
            run = self._get_run(place, month)
            if skip_running and run.job_state == "running":
                continue
            run._cae_job_check_not_running()
            runs |= run
        for run in runs:
            run._cae_job_start(1)
            run._cae_job_enqueue(run.ids)
        return runs

    @api.model
    def _get_run(self, place, month):
        month = month.replace(day=1)
        return self.search(
            [("place_id", "=", place.id), ("date_from", "=", month)], limit=1
        ) or self.create({"place_id": place.id, "date_from": month})

    def _cae_job_enqueue(self, ids):
        for run in self.browse(ids):
            run.with_delay(
                description=self.env._(
                    "Third-place billing: %(run)s", run=run.display_name
                )
            ).cae_job_bill()

    def cae_job_bill(self):
        """Job: bill the place's month. Idempotent: billed bookings and
        memberships are skipped, a run again bills only what is left."""
        self.ensure_one()
        return self._cae_job_run_chunk(self.ids, self._do_bill)

    def _cae_job_check_can_retry(self):
        self._check_can_bill()

    def _cae_job_summary_detail(self):
        return self.env._(
            "%(count)s bookings billed on %(moves)s documents.",
            count=self.booking_count,
            moves=len(self.sudo().move_ids),
        )

    @api.model
    def _run_for(self, place, month):
        """Get or create the run of ``place`` for ``month``, and run it."""
        run = self._get_run(place, month)
        run._do_bill()
        run._cae_job_record_done(1)
        return run

    def _check_can_bill(self):
        if not self.env.user.has_group("cae_tierslieux.group_cae_tl_manager"):
            raise UserError(
                self.env._("Only third-place managers may run the billing.")
            )

    def _billable_bookings_domain(self):
        """Priced bookings of the month not billed yet: to their booker, or
        for a guest of a network, to their home structure."""
        self.ensure_one()
        return [
            ("place_id", "=", self.place_id.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
            "|",
            ("state", "in", ("confirmed", "done")),
            ("late_cancel", "=", True),
            "|",
            "&",
            "&",
            ("network_id", "=", False),
            ("move_id", "=", False),
            ("amount", ">", 0),
            "&",
            "&",
            ("network_id", "!=", False),
            ("network_bill_id", "=", False),
            ("network_amount", ">", 0),
        ]

    def _billable_memberships(self):
        self.ensure_one()
        return (
            self.env["cae.tl.membership"]
            .search(
                [
                    ("place_id", "=", self.place_id.id),
                    ("fee", ">", 0),
                    ("date_start", "<=", self.date_to),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", self.date_from),
                ]
            )
            .filtered(lambda m: m not in self.membership_ids)
        )

    def _lock(self):
        # Two runs of the same month at once: the second waits, then fails
        # to serialize and is replayed, finding everything billed.
        self.env.cr.execute(
            SQL(
                "UPDATE cae_tl_billing_run SET write_date = write_date "
                "WHERE id IN %s",
                tuple(self.ids),
            )
        )

    def _do_bill(self):
        """Bill what is billable; accounting documents are made as superuser
        (facilitators bill without being accountants), posted at once."""
        self._lock()
        for run in self:
            # sudo: the guests of a network belong to other companies.
            bookings = (
                self.env["cae.tl.booking"]
                .sudo()
                .search(run._billable_bookings_domain(), order="start, id")
            )
            guests = bookings.filtered("network_id")
            bookings = (bookings - guests).sudo(False)
            memberships = run._billable_memberships()
            charges = run._group_charges(bookings, memberships)
            moves = run._create_moves(charges)
            for charge, move in zip(charges.values(), moves, strict=True):
                charge["bookings"].write({"move_id": move.id, "billing_run_id": run.id})
            moves |= self.env["cae.tl.network.billing"]._bill_guests(run, guests)
            run.write(
                {
                    "last_run": fields.Datetime.now(),
                    "membership_ids": [Command.link(m.id) for m in memberships],
                }
            )
            if moves:
                run.message_post(
                    body=self.env._(
                        "%(count)s bookings billed on %(moves)s documents.",
                        count=len(bookings),
                        moves=len(moves),
                    )
                )

    def _group_charges(self, bookings, memberships, company=None):
        """``{(kind, target): {"bookings", "lines"}}`` where kind is
        ``invoice`` (target: the customer) or ``internal`` (target: the
        entrepreneur's activity), and lines are ``(label, amount, product)``.

        ``company``: the company charging them (the place's by default)."""
        self.ensure_one()
        company = company or self.company_id
        charges = defaultdict(
            lambda: {"bookings": self.env["cae.tl.booking"], "lines": []}
        )
        missing = set()
        for booking in bookings:
            key = self._charge_key(booking.partner_id, booking.entrepreneur_id)
            if not key:
                missing.add(booking.entrepreneur_id.display_name)
                continue
            charges[key]["bookings"] |= booking
            charges[key]["lines"].append(
                (
                    self._booking_label(booking),
                    booking.amount,
                    booking.resource_id.product_id,
                )
            )
        for membership in memberships:
            entrepreneur = membership.partner_id.sudo().cae_entrepreneur_ids.filtered(
                lambda e: e.company_id == company and e.stage != "exit"
            )[:1]
            key = self._charge_key(membership.partner_id, entrepreneur)
            if not key:
                missing.add(entrepreneur.display_name)
                continue
            charges[key]["lines"].append(
                (
                    self.env._(
                        "%(plan)s, %(month)s",
                        plan=membership.plan_id.name,
                        month=format_date(
                            self.env, self.date_from, date_format="MMMM y"
                        ),
                    ),
                    membership.fee,
                    membership.plan_id.product_id,
                )
            )
        if missing:
            raise UserError(
                self.env._(
                    "These entrepreneurs have no activity to charge: %(names)s.",
                    names=", ".join(sorted(missing)),
                )
            )
        return dict(charges)

    @api.model
    def _charge_key(self, partner, entrepreneur):
        if entrepreneur:
            activity = entrepreneur.sudo().activity_id
            return activity and ("internal", activity)
        return ("invoice", partner.commercial_partner_id)

    def _booking_label(self, booking):
        label = self.env._(
            "%(resource)s, %(when)s (%(duration)s): %(detail)s",
            resource=booking.resource_id.name,
            when=booking._format_local(booking.start),
            duration=format_hours(booking.duration),
            detail=booking.price_detail or "",
        )
        if booking.late_cancel:
            label = self.env._("%(label)s - late cancellation", label=label)
        return label

    def _create_moves(self, charges, company=None, seller=None, accounts=None):
        """One move per charge, in the order of ``charges``, posted.

        By default the place's company charges, to the place's activity and
        with the place's accounts; ``company``, ``seller`` (its activity
        receiving the revenue) and ``accounts`` (journal, expense, income)
        let a home structure charge its guests of a network."""
        self.ensure_one()
        if not charges:
            return self.env["account.move"]
        company = company or self.company_id
        vals_list = []
        for (kind, target), charge in charges.items():
            if kind == "invoice":
                vals_list.append(
                    self._prepare_invoice(
                        target, charge["lines"], company=company, activity=seller
                    )
                )
            else:
                vals_list.append(
                    self._prepare_internal_charge(
                        target,
                        charge["lines"],
                        company=company,
                        seller=seller,
                        accounts=accounts,
                    )
                )
        moves = self.env["account.move"].sudo().with_company(company).create(vals_list)
        moves.action_post()
        return moves.sudo(False)

    def _prepare_invoice(self, partner, lines, company=None, activity=None):
        self.ensure_one()
        company = company or self.company_id
        activity = activity or self.place_id.activity_id
        return {
            "move_type": "out_invoice",
            "partner_id": partner.id,
            "company_id": company.id,
            "invoice_date": self.date_to,
            "invoice_origin": self.display_name,
            "cae_activity_id": activity.id,
            # A home structure's documents link to the host's run through
            # their bookings only (another company).
            "cae_tl_billing_run_id": self.id if company == self.company_id else False,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "name": label,
                        "quantity": 1,
                        "price_unit": amount,
                    }
                )
                for label, amount, product in lines
            ],
        }

    def _prepare_internal_charge(
        self, activity, lines, company=None, seller=None, accounts=None
    ):
        """Entry moving the cost from the entrepreneur's activity to the
        place's (or ``seller``'s): expense lines on the activity, one income
        line on the place, no tax (both are the same company)."""
        self.ensure_one()
        place = self.place_id
        seller = seller or place.activity_id
        if not seller:
            raise UserError(
                self.env._(
                    "Set the activity of the place %(place)s: it receives the "
                    "internal charges of the entrepreneurs.",
                    place=place.display_name,
                )
            )
        company = company or self.company_id
        journal, expense, income = accounts or place._get_internal_charge_accounts()
        activity_account = str(activity.analytic_account_id.id)
        place_account = str(seller.analytic_account_id.id)
        total = company.currency_id.round(sum(amount for _label, amount, _p in lines))
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "company_id": company.id,
            "date": self.date_to,
            "ref": self.env._(
                "Third place %(run)s: %(activity)s",
                run=self.display_name,
                activity=activity.name,
            ),
            "cae_activity_id": activity.id,
            # A home structure's documents link to the host's run through
            # their bookings only (another company).
            "cae_tl_billing_run_id": self.id if company == self.company_id else False,
            "line_ids": [
                *(
                    Command.create(
                        {
                            "account_id": expense.id,
                            "name": label,
                            "debit": amount,
                            "credit": 0.0,
                            "analytic_distribution": {activity_account: 100},
                        }
                    )
                    for label, amount, _product in lines
                ),
                Command.create(
                    {
                        "account_id": income.id,
                        "name": self.env._(
                            "Internal charges of %(activity)s",
                            activity=activity.name,
                        ),
                        "debit": 0.0,
                        "credit": total,
                        "analytic_distribution": {place_account: 100},
                    }
                ),
            ],
        }

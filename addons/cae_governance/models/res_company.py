# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# Company field -> account of the chart (template xmlid) used when the field
# is left empty, per chart family (cae_base chart_defaults); another chart
# gets none and the user sets them.
# French PCG (l10n_fr_account): the associate owes the subscribed capital
# (4561 / 1011), a call makes part of it due (4562 / 4561 and 1011 / 1012), a
# payment settles it (bank / 4562 and 1012 / 1013); a withdrawal makes
# capital a debt to the associate (1013 / 4567), less the losses charged to
# the shares (119).
# Belgian PCMN (l10n_be, be_comp): a cooperative (SC) has no capital since
# the Code des sociétés et des associations but an "apport", unavailable by
# default (CNC opinion 2020/13): 1119 apport indisponible, autres, holds the
# three stages; the uncalled part is its contra account 101 (non appelé) and
# the called part due 410 (capital ou apport appelé, non versé); a
# withdrawal is owed on 489 autres dettes diverses, losses to 141 perte
# reportée, releases deducted from pay from 455 rémunérations.
# Canadian chart (l10n_ca): members' shares (parts sociales of the Loi sur
# les coopératives, RLRQ c. C-67.2) on 314000 other shares, owed by members
# on 113310 due from shareholders, repaid through 222100 amounts owing to
# shareholders, losses to 321000 retained earnings, releases deducted from
# pay from 221203 wages payable.
CAPITAL_ACCOUNT_DEFAULTS = {
    "fr": {
        "cae_capital_uncalled_account_id": "pcg_1011",
        "cae_capital_called_account_id": "pcg_1012",
        "cae_capital_paid_account_id": "pcg_1013",
        "cae_associate_subscribed_account_id": "pcg_45615",
        "cae_associate_called_account_id": "pcg_45625",
        "cae_associate_reimburse_account_id": "pcg_4567",
        "cae_capital_loss_account_id": "pcg_119",
        "cae_salary_deduction_account_id": "pcg_421",
    },
    "be": {
        "cae_capital_uncalled_account_id": "a1119",
        "cae_capital_called_account_id": "a1119",
        "cae_capital_paid_account_id": "a1119",
        "cae_associate_subscribed_account_id": "a101",
        "cae_associate_called_account_id": "a410",
        "cae_associate_reimburse_account_id": "a489",
        "cae_capital_loss_account_id": "a141",
        "cae_salary_deduction_account_id": "a455",
    },
    "ca_2023": {
        "cae_capital_uncalled_account_id": "l10n_ca_314000",
        "cae_capital_called_account_id": "l10n_ca_314000",
        "cae_capital_paid_account_id": "l10n_ca_314000",
        "cae_associate_subscribed_account_id": "l10n_ca_113310",
        "cae_associate_called_account_id": "l10n_ca_113310",
        "cae_associate_reimburse_account_id": "l10n_ca_222100",
        "cae_capital_loss_account_id": "l10n_ca_321000",
        "cae_salary_deduction_account_id": "l10n_ca_221203",
    },
}
# Assembly types of data/cae_assembly_type_data.xml (those of the main
# company), copied for every other company.
DEFAULT_ASSEMBLY_TYPES = (
    "cae_governance.assembly_type_ordinary",
    "cae_governance.assembly_type_extraordinary",
    "cae_governance.assembly_type_board",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    cae_capital_accounting = fields.Boolean(
        string="Capital accounting entries",
        default=True,
        help="Post the journal entries of subscriptions, calls, releases and "
        "reimbursements. Untick to keep only the register (books kept "
        "elsewhere).",
    )
    cae_capital_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Capital journal",
        domain="[('type', '=', 'general'), ('company_id', '=', id)]",
        help="Miscellaneous journal of the share capital entries; the first "
        "miscellaneous journal of the company when empty.",
    )
    cae_capital_uncalled_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Subscribed capital, uncalled",
        help="French chart: 1011.",
    )
    cae_capital_called_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Subscribed capital, called, unpaid",
        help="French chart: 1012.",
    )
    cae_capital_paid_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Subscribed capital, called, paid",
        help="French chart: 1013.",
    )
    cae_associate_subscribed_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Associates, contributions",
        help="What associates owe on their subscriptions, not called yet. "
        "French chart: 4561 (45615 contributions in money).",
    )
    cae_associate_called_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Associates, capital called, unpaid",
        help="French chart: 4562 (45625).",
    )
    cae_associate_reimburse_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Associates, capital to reimburse",
        help="French chart: 4567.",
    )
    cae_capital_loss_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Losses charged to withdrawn shares",
        help="Receives the losses deducted from a reimbursement. French chart: "
        "119 (loss carried forward).",
    )
    cae_salary_deduction_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Releases deducted from salary",
        help="Debited when a release is deducted from a payslip: the net pay "
        "owed to the employee decreases. French chart: 421.",
    )
    cae_reimbursement_delay_months = fields.Integer(
        string="Reimbursement delay (months)",
        default=60,
        help="Delay set by the statutes between a withdrawal and its "
        "reimbursement (loi 47-1775, art. 18).",
    )

    _sql_constraints = [
        (
            "cae_reimbursement_delay_positive",
            "CHECK(cae_reimbursement_delay_months >= 0)",
            "The reimbursement delay cannot be negative.",
        ),
    ]

    def _get_cae_capital_journal(self):
        self.ensure_one()
        # Default: the miscellaneous operations journal, not the journals Odoo
        # keeps for exchange differences and cash-basis taxes.
        journal = self.cae_capital_journal_id or self.env["account.journal"].search(
            [
                ("type", "=", "general"),
                ("company_id", "=", self.id),
                (
                    "id",
                    "not in",
                    (
                        self.currency_exchange_journal_id
                        | self.tax_cash_basis_journal_id
                    ).ids,
                ),
            ],
            order="sequence, id",
            limit=1,
        )
        if not journal:
            raise UserError(
                self.env._(
                    "%(company)s has no miscellaneous journal for the share "
                    "capital entries: set one in the Cooperative settings.",
                    company=self.name,
                )
            )
        return journal

    def _get_cae_capital_account(self, field_name):
        """The account of ``field_name``, else the default of the chart."""
        self.ensure_one()
        account = self[field_name]
        xmlid = CAPITAL_ACCOUNT_DEFAULTS.get(self._cae_chart_family(), {}).get(
            field_name
        )
        if not account and xmlid:
            account = (
                self.env["account.chart.template"]
                .with_company(self)
                .ref(xmlid, raise_if_not_found=False)
            ) or self.env["account.account"]
        if not account:
            raise UserError(
                self.env._(
                    "Set the account '%(account)s' of %(company)s in the "
                    "Cooperative settings (share capital) first.",
                    account=self._fields[field_name]._description_string(self.env),
                    company=self.name,
                )
            )
        return account

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._cae_create_assembly_types()
        return companies

    def _cae_create_assembly_types(self):
        """Give each company without assembly types a copy of the default
        ones, to adapt to its statutes."""
        Type = self.env["cae.assembly.type"].sudo().with_context(active_test=False)
        templates = Type.browse()
        for xmlid in DEFAULT_ASSEMBLY_TYPES:
            templates |= self.env.ref(xmlid, raise_if_not_found=False) or Type
        equipped = Type.search([("company_id", "in", self.ids)]).company_id
        for company in self - equipped:
            for template in templates:
                template.copy({"company_id": company.id})

# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The activity as the seller's trading name in the Factur-X XML; the VAT
breakdown's amounts with the Odoo 18.0 of the suite.

The seller of an activity's invoice is the cooperative (its name, SIRET
and VAT number, from OCA's ``account_invoice_facturx`` and
``l10n_fr_siret``); the entrepreneur's activity is the name the customer
knows: it goes in ``SellerTradeParty/SpecifiedLegalOrganization/
TradingBusinessName`` (BT-28 of EN 16931, "Seller trading name").

OCA's ``account_invoice_facturx`` 18.0.2.1 reads the VAT breakdown's base
and tax amounts as ``target_base_amount_currency`` and
``target_tax_amount_currency``, keys of Odoo's tax aggregation that later
revisions of Odoo 18.0 added; the Odoo 18.0 the suite runs on (September
2025) names them ``base_amount_currency`` and ``tax_amount_currency``, and
the XML came out with 0.00 for every rate while still valid against the
XSD. They are passed under both names.
"""

from odoo import models

LEGAL_ORGANIZATION = "SpecifiedLegalOrganization"
# Children of a TradePartyType before SpecifiedLegalOrganization, in the
# order of the Factur-X XSD.
BEFORE_LEGAL_ORGANIZATION = ("ID", "GlobalID", "Name", "RoleCode", "Description")


class AccountMove(models.Model):
    _inherit = "account.move"

    def _cii_add_trade_agreement_block(self, trade_transaction, ns):
        res = super()._cii_add_trade_agreement_block(trade_transaction, ns)
        activity = self.cae_activity_id
        if activity.kind == "entrepreneur" and activity.name:
            seller = trade_transaction.find(
                f"{ns['ram']}ApplicableHeaderTradeAgreement/{ns['ram']}SellerTradeParty"
            )
            if seller is not None:
                self._cae_facturx_add_trading_name(seller, activity.name, ns)
        return res

    def _cii_total_applicable_trade_tax_block(
        self, tax_dict, tax_vals, parent_node, ns
    ):
        if "target_base_amount_currency" not in tax_vals:
            tax_vals = {
                **tax_vals,
                "target_base_amount_currency": tax_vals.get("base_amount_currency", 0),
                "target_tax_amount_currency": tax_vals.get("tax_amount_currency", 0),
            }
        return super()._cii_total_applicable_trade_tax_block(
            tax_dict, tax_vals, parent_node, ns
        )

    def _cae_facturx_add_trading_name(self, party, trading_name, ns):
        """Add TradingBusinessName to the party's legal organization, made
        after its name when OCA's module left it out (no SIRET)."""
        legal = party.find(ns["ram"] + LEGAL_ORGANIZATION)
        if legal is None:
            position = 0
            for index, child in enumerate(party):
                if child.tag.replace(ns["ram"], "") in BEFORE_LEGAL_ORGANIZATION:
                    position = index + 1
            legal = party.makeelement(ns["ram"] + LEGAL_ORGANIZATION, {})
            party.insert(position, legal)
        name = legal.makeelement(ns["ram"] + "TradingBusinessName", {})
        name.text = trading_name
        # After the ID, before the address (LegalOrganizationType).
        identifier = legal.find(ns["ram"] + "ID")
        legal.insert(0 if identifier is None else 1, name)

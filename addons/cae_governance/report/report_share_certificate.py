# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ReportShareCertificate(models.AbstractModel):
    """Values of the share certificate: the shares an associate holds on the
    day of printing, class by class, with the amounts in French words."""

    _name = "report.cae_governance.report_share_certificate"
    _description = "Share certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        associates = self.env["cae.associate"].browse(docids)
        date = fields.Date.context_today(self)
        holdings = associates._get_holdings(date)
        certificates = {}
        for associate in associates:
            currency = associate.currency_id
            lines = []
            for (holder, share_class), (quantity, subscribed, paid) in sorted(
                holdings.items(), key=lambda item: (item[0][1].sequence, item[0][1].id)
            ):
                if holder != associate or not quantity:
                    continue
                lines.append(
                    {
                        "share_class": share_class,
                        "quantity": quantity,
                        "nominal": share_class.nominal_value,
                        "subscribed": subscribed,
                        "paid": paid,
                        "subscribed_words": associate._amount_in_words(
                            subscribed, currency
                        ),
                    }
                )
            total = sum(line["subscribed"] for line in lines)
            certificates[associate.id] = {
                "lines": lines,
                "quantity": sum(line["quantity"] for line in lines),
                "subscribed": total,
                "paid": sum(line["paid"] for line in lines),
                "subscribed_words": associate._amount_in_words(total, currency),
            }
        return {
            "doc_ids": docids,
            "doc_model": "cae.associate",
            "docs": associates,
            "date": date,
            "certificates": certificates,
        }

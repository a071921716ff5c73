# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CaeShareOperation(models.Model):
    """A subscription asked for online may be paid by salary deduction.

    Offered to associates who are employees of the cooperative (the
    associate's own rule, ``cae.associate._check_salary_deduction``). The
    part paid at subscription is paid at once, as for any subscription; the
    calls are then deducted from the payslips: the associate pays by salary
    deduction from the registration of the subscription, by the accountant,
    never from the request alone.
    """

    _inherit = "cae.share.operation"

    salary_deduction_requested = fields.Boolean(
        string="Salary deduction requested",
        readonly=True,
        copy=False,
        help="The associate asked, with this subscription, to pay the calls by "
        "salary deduction: registering it sets the associate to pay so.",
    )

    @api.model
    def _portal_payment_methods(self, associate):
        methods = super()._portal_payment_methods(associate)
        if associate.employee_id:
            methods.append(("salary", self.env._("By salary deduction")))
        return methods

    @api.model
    def _portal_subscription_vals(self, associate, payment_method):
        vals = super()._portal_subscription_vals(associate, payment_method)
        if payment_method == "salary":
            vals["salary_deduction_requested"] = True
        return vals

    def _register_subscriptions(self, register):
        res = super()._register_subscriptions(register)
        for subscription in self.filtered("salary_deduction_requested"):
            associate = subscription.associate_id
            if associate.salary_deduction:
                continue
            associate.salary_deduction = True
            associate.message_post(
                body=self.env._(
                    "Pays the calls of subscription %(name)s by salary deduction, "
                    "as requested online.",
                    name=subscription.name,
                )
            )
        return res

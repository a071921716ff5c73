/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {PortalHomeCounters} from "@portal/js/portal";

// Sale and account always show "Your orders" and "Your invoices", for
// customers. An entrepreneur's orders and invoices are her activity's, on
// "My activity": the cards only show when she has some as a customer.
const CUSTOMER_COUNTERS = ["order_count", "invoice_count"];

PortalHomeCounters.include({
    _getCountersAlwaysDisplayed() {
        const counters = this._super(...arguments);
        if (this.el.querySelector(".o_cae_portal_entrepreneur")) {
            return counters.filter((counter) => !CUSTOMER_COUNTERS.includes(counter));
        }
        return counters;
    },
});

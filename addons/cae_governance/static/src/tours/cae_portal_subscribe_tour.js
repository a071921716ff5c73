/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// An associate subscribes 8 more shares on the portal: too little paid at
// once is refused (a quarter at least), the legal minimum is then proposed.
registry.category("web_tour.tours").add("cae_portal_subscribe_tour", {
    steps: () => [
        {
            content: "Subscribe shares from My shares",
            trigger: "a[name='cae_subscribe_shares']",
            run: "click",
        },
        {
            content: "Eight shares",
            trigger: "input[name='quantity']",
            run: "edit 8",
        },
        {
            content: "Less than a quarter paid at once",
            trigger: "input[name='initial_payment']",
            run: "edit 10",
        },
        {
            content: "Paid by transfer",
            trigger: "input[name='payment_method'][value='transfer']",
            run: "click",
        },
        {
            content: "Send",
            trigger: "button[name='cae_submit_subscription']",
            run: "click",
        },
        {
            content: "The quarter rule is explained",
            trigger: "div[name='cae_subscribe_error']:contains('art. 12')",
        },
        {
            content: "The number of shares is kept",
            trigger: "input[name='quantity'][value='8']",
        },
        {
            content: "The legal minimum instead",
            trigger: "input[name='initial_payment']",
            run: "clear",
        },
        {
            content: "Send again",
            trigger: "button[name='cae_submit_subscription']",
            run: "click",
        },
        {
            content: "The cooperative has the request",
            trigger: "div[name='cae_subscription_requested']",
        },
        {
            content: "What to pay at subscription",
            trigger: "div[name='cae_subscription_to_pay']",
        },
    ],
});

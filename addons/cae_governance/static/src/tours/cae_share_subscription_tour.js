/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// An accountant opens an associate, subscribes 8 shares for them and
// registers the subscription (a quarter paid at once, the rest scheduled).
registry.category("web_tour.tours").add("cae_share_subscription_tour", {
    steps: () => [
        {
            content: "The associate is a candidate",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='candidate']",
        },
        {
            content: "Subscribe shares",
            trigger: "button[name='action_new_subscription']",
            run: "click",
        },
        {
            content: "Eight shares",
            trigger: ".o_field_widget[name='quantity'] input",
            run: "edit 8",
        },
        {
            content: "Leave the field: the schedule is proposed",
            trigger: ".o_field_widget[name='date'] input",
            run: "click",
        },
        {
            content: "The schedule has the payment at subscription and one call",
            trigger: ".o_field_widget[name='call_ids'] .o_data_row:nth-child(2)",
        },
        {
            content: "Register the subscription",
            trigger: "button[name='action_validate']",
            run: "click",
        },
        {
            content: "The subscription is registered",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='done']",
        },
        {
            content: "Its payment at subscription is listed",
            trigger: ".o_notebook .nav-link[name='releases']",
            run: "click",
        },
        {
            content: "One release",
            trigger: ".o_field_widget[name='release_ids'] .o_data_row",
        },
    ],
});

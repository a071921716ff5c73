/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A facilitator puts the decision of a youths' assembly to the ballots,
// enters the paper ballots of the room and closes the ballots.
registry.category("web_tour.tours").add("cae_cjs_ballots_tour", {
    steps: () => [
        {
            content: "Put the decisions to the ballots",
            trigger: ".o_form_view button[name='action_vote_with_ballots']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Enter the ballots of the decision",
            trigger:
                ".o_field_widget[name='decision_ids'] .o_data_row button[name='action_record_ballots']",
            run: "click",
        },
        {
            content: "Everyone votes for...",
            trigger: ".modal .o_field_widget[name='fill_choice'] select",
            run: 'select "for"',
        },
        {
            content: "...but the second youth",
            trigger:
                ".modal .o_field_widget[name='line_ids'] .o_data_row:nth-child(2) td[name='choice']",
            run: "click",
        },
        {
            content: "Who votes against",
            trigger:
                ".modal .o_field_widget[name='line_ids'] .o_selected_row .o_field_widget[name='choice'] select",
            run: 'select "against"',
        },
        {
            content: "Record the ballots",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Close the ballots",
            trigger: ".o_form_view:not(:has(.modal)) button[name='action_close_ballots']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The ballots are closed",
            trigger:
                ".o_field_widget[name='ballot_state'] .o_arrow_button_current[data-value='closed']",
        },
    ],
});

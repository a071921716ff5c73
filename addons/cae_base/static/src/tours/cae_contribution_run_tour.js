/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {formatDate} from "@web/core/l10n/dates";
import {registry} from "@web/core/registry";

const {DateTime} = luxon;
const lastMonth = () => DateTime.now().startOf("month").minus({months: 1});

/**
 * The accountant, in the French interface, creates the month's
 * contribution run, checks the figures and posts it.
 */
registry.category("web_tour.tours").add("cae_contribution_run_tour", {
    steps: () => [
        {
            content: "A new contribution run",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Proposed: last month, the first month not posted yet",
            trigger: `.o_field_widget[name='date_from'] input:value(${formatDate(lastMonth())})`,
        },
        {
            content: "To the end of last month",
            trigger: `.o_field_widget[name='date_to'] input:value(${formatDate(
                lastMonth().endOf("month")
            )})`,
        },
        {
            content: "Compute the contributions",
            trigger: "button[name='action_compute']:contains(Calculer)",
            run: "click",
        },
        {
            content: "Alice: 10 % of 1 000,00 €",
            trigger:
                ".o_field_widget[name='line_ids'] .o_data_row:contains(Alice Photographie):contains(100,00)",
        },
        {
            content: "Bob: 10 % of 250,00 €",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains(Bob Test):contains(25,00)",
        },
        {
            content: "125,00 € in all",
            trigger: ".o_field_widget[name='amount_total']:contains(125,00)",
        },
        {
            content: "Post the run",
            trigger: "button[name='action_post']:contains(Comptabiliser)",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The run is posted",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='posted']:contains(Comptabilisé)",
        },
        {
            content: "Its journal entry is there",
            trigger: "button[name='action_view_move']",
        },
        {
            content: "The chatter says it in French",
            trigger: ".o-mail-Message-body:contains(2 contribution(s), 125,00)",
        },
    ],
});

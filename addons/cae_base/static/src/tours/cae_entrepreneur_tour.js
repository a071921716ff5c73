/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {formatDate} from "@web/core/l10n/dates";
import {registry} from "@web/core/registry";

const {DateTime} = luxon;
// The CESA starts after the CAPE, so it is dated a month from today (in the
// user's own date format, computed when the tour starts).
const cesa = () => DateTime.now().plus({months: 1});

registry.category("web_tour.tours").add("cae_entrepreneur_path_tour", {
    steps: () => [
        {
            content: "Create a new entrepreneur",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "Their name",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Martine Tourneur",
        },
        {
            content: "The name of their activity",
            trigger: ".o_field_widget[name='business_name'] input",
            run: "edit Atelier Tourneur",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The entrepreneur is a candidate",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='candidate']",
        },
        {
            content: "Sign a CAPE",
            trigger: "button[name='action_start_cape']",
            run: "click",
        },
        {
            content: "Confirm the CAPE from today",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The entrepreneur is under CAPE",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='cape']",
        },
        {
            content: "Sign a CESA",
            trigger: "button[name='action_start_cesa']",
            run: "click",
        },
        {
            content: "The CESA starts next month",
            trigger: ".modal .o_field_widget[name='date'] input",
            run: `edit ${formatDate(cesa())}`,
        },
        {
            content: "Leave the date field",
            trigger: ".modal .o_field_widget[name='trial_period_months'] input",
            run: "click",
        },
        {
            content: "The end of the CAPE is proposed the day before",
            // Waits for the recomputation triggered by the new date.
            trigger: `.modal .o_field_widget[name='cape_date_end'] input:value(${formatDate(
                cesa().minus({days: 1})
            )})`,
        },
        {
            content: "Confirm the CESA",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The entrepreneur is a salaried entrepreneur",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='cesa']",
        },
        {
            content: "The path shows the three stages",
            trigger: ".o_field_widget[name='path_step_ids'] .o_data_row:nth-child(3)",
        },
    ],
});

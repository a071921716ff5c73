/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {formatDate} from "@web/core/l10n/dates";
import {registry} from "@web/core/registry";

const {DateTime} = luxon;
// The CJS starts next month; its youth turns 17 a month before. Dates are
// typed in the user's own format, computed when the tour starts.
const start = () => DateTime.now().plus({months: 1}).startOf("day");
const birth = () => start().minus({years: 17, months: 1});

registry.category("web_tour.tours").add("cae_cjs_project_tour", {
    steps: () => [
        {
            content: "Create a collective project",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Its name",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit CJS de la Tournée",
        },
        {
            content: "It starts next month",
            trigger: ".o_field_widget[name='date_start'] input",
            run: `edit ${formatDate(start())}`,
        },
        {
            content: "Leave the date field",
            trigger: ".o_field_widget[name='municipality'] input",
            run: "edit Villenave-d'Ornon",
        },
        {
            // Waits for the onchange: the input holds a date (digits) once
            // the server proposed it.
            content: "An end date is proposed",
            trigger: ".o_field_widget[name='date_end'] input:value(/\\d/)",
        },
        {
            content: "Add a youth",
            trigger:
                ".o_field_widget[name='participant_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Their name",
            trigger:
                ".o_field_widget[name='participant_ids'] .o_selected_row .o_field_widget[name='name'] input",
            run: "edit Nina Tourneur",
        },
        {
            content: "Their birth date",
            trigger:
                ".o_field_widget[name='participant_ids'] .o_selected_row .o_field_widget[name='birth_date'] input",
            run: `edit ${formatDate(birth())}`,
        },
        {
            content: "Their legal guardian",
            trigger:
                ".o_field_widget[name='participant_ids'] .o_selected_row .o_field_widget[name='guardian_name'] input",
            run: "edit Paul Tourneur",
        },
        {
            content: "The guardian consented",
            trigger:
                ".o_field_widget[name='participant_ids'] .o_selected_row .o_field_widget[name='guardian_consent'] input",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The project got its analytic account",
            trigger: ".o_form_saved .o_field_widget[name='analytic_account_id'] a",
        },
        {
            content: "The youth is a minor",
            trigger:
                ".o_field_widget[name='participant_ids'] .o_data_row td[name='is_minor'] input:checked",
        },
        {
            content: "Open the closing settings",
            trigger: ".o_notebook .nav-link[name='closing']",
            run: "click",
        },
        {
            content: "The group shares by hours worked",
            trigger: ".o_field_widget[name='distribution_key'] select",
            run: "select \"hours\"",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});

/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// Shared CI machines are slow: each step may wait 30 s for the server.
const patient = (steps) => steps.map((step) => ({timeout: 30000, ...step}));

// The summer of a youth cooperative, in French (test_journey.py): the
// facilitator records a contract, its quote and hours, and the takings of a
// sales event; the cooperative's staff closes the project; the facilitator
// prints every participant's statement.

function openCjsMenu(xmlid, label) {
    return [
        {
            content: "Open the youth cooperatives menu",
            trigger: ".o_menu_sections [data-menu-xmlid='cae_cjs.cae_cjs_menu']",
            run: "click",
        },
        {
            content: `Open ${label}`,
            trigger: `.dropdown-item[data-menu-xmlid='${xmlid}']:contains('${label}')`,
            run: "click",
        },
    ];
}

function chooseInRow(field, value) {
    return [
        {
            // The new row focuses its first cell (a date, with its picker).
            content: `Go to the ${field} cell`,
            trigger: `.o_selected_row td[name='${field}']`,
            run: "click",
        },
        {
            content: `Type ${value}`,
            trigger: `.o_selected_row .o_field_widget[name='${field}'] input`,
            run: `edit ${value}`,
        },
        {
            content: `Choose ${value}`,
            trigger: `.o_selected_row .o_field_widget[name='${field}'] .o-autocomplete--dropdown-item a:contains('${value}')`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("cae_cjs_journey_facilitator_tour", {
    steps: () =>
        patient([
            {
                content: "The facilitator lands on her projects",
                trigger: ".o_breadcrumb:contains('Projets collectifs')",
            },
            {
                content: "Her project",
                trigger: ".o_data_row td[name='name']:contains('Flashcoop de la Plage')",
            },
            ...openCjsMenu("cae_cjs.cae_cjs_contract_menu", "Contrats de service"),
            {
                content: "A new contract",
                trigger: ".o_list_button_add",
                run: "click",
            },
            {
                content: "What the youths will do",
                trigger: ".o_field_widget[name='name'] input",
                run: "edit Tonte chez Mme Durand",
            },
            {
                content: "For the project",
                trigger: ".o_field_widget[name='project_id'] input",
                run: "edit Flashcoop de la Plage",
            },
            {
                content: "Choose it",
                trigger:
                    ".o_field_widget[name='project_id'] .o-autocomplete--dropdown-item a:contains('Flashcoop de la Plage')",
                run: "click",
            },
            {
                content: "The customer",
                trigger: ".o_field_widget[name='partner_id'] input",
                run: "edit Mme Durand",
            },
            {
                content: "Choose her",
                trigger:
                    ".o_field_widget[name='partner_id'] .o-autocomplete--dropdown-item a:contains('Mme Durand')",
                run: "click",
            },
            {
                content: "Add a service",
                trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
                run: "click",
            },
            ...chooseInRow("product_id", "Tonte de pelouse"),
            {
                content: "Ten hours of mowing",
                trigger: ".o_selected_row .o_field_widget[name='quantity'] input",
                run: "edit 10",
            },
            {
                content: "Save the contract",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "Make its quote",
                trigger: "button[name='action_create_quote']:contains('Créer le devis')",
                run: "click",
            },
            {
                content: "The contract is quoted",
                trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='quoted']",
            },
            {
                content: "The hours worked on it",
                trigger: ".o_notebook .nav-link[name='work']",
                run: "click",
            },
            {
                content: "Anna worked",
                trigger: ".o_field_widget[name='work_ids'] .o_field_x2many_list_row_add a",
                run: "click",
            },
            ...chooseInRow("participant_id", "Anna"),
            {
                content: "Six hours",
                trigger: ".o_selected_row .o_field_widget[name='hours'] input",
                run: "edit 06:00",
            },
            {
                content: "Save Anna's hours",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "Saved",
                trigger: ".o_form_saved",
            },
            {
                content: "Bruno too",
                trigger: ".o_field_widget[name='work_ids'] .o_field_x2many_list_row_add a",
                run: "click",
            },
            ...chooseInRow("participant_id", "Bruno"),
            {
                content: "Four hours",
                trigger: ".o_selected_row .o_field_widget[name='hours'] input",
                run: "edit 04:00",
            },
            {
                content: "Save the hours",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "Ten hours on the contract",
                trigger: ".o_field_widget[name='hours_total']:contains('10')",
            },
            ...openCjsMenu("cae_cjs.cae_cjs_event_sale_menu", "Ventes"),
            {
                content: "The takings of the beach market",
                trigger: ".o_list_button_add",
                run: "click",
            },
            {
                content: "For the project",
                trigger: ".o_field_widget[name='project_id'] input",
                run: "edit Flashcoop de la Plage",
            },
            {
                content: "Choose it",
                trigger:
                    ".o_field_widget[name='project_id'] .o-autocomplete--dropdown-item a:contains('Flashcoop de la Plage')",
                run: "click",
            },
            {
                content: "What was sold",
                trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
                run: "click",
            },
            ...chooseInRow("price_id", "Cookies"),
            {
                content: "Fifty cookies",
                trigger: ".o_selected_row .o_field_widget[name='quantity'] input",
                run: "edit 50",
            },
            {
                content: "Save the takings",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "100.00 of takings, for the accountant to post",
                trigger: ".o_form_saved .o_field_widget[name='amount_untaxed']:contains('100,00')",
            },
        ]),
});

registry.category("web_tour.tours").add("cae_cjs_journey_closing_tour", {
    steps: () =>
        patient([
            {
                content: "The staff opens the project",
                trigger: ".o_data_row td[name='name']:contains('Flashcoop de la Plage')",
                run: "click",
            },
            {
                content: "Close and distribute",
                trigger: "button[name='action_close']:contains('Clôturer')",
                run: "click",
            },
            {
                content: "Closing is final: confirm",
                trigger: ".modal-footer button.btn-primary",
                run: "click",
            },
            {
                content: "The project is closed",
                trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='closed']",
            },
        ]),
});

registry.category("web_tour.tours").add("cae_cjs_journey_statements_tour", {
    steps: () =>
        patient([
            {
                content: "The facilitator opens the closed project",
                trigger: ".o_data_row td[name='name']:contains('Flashcoop de la Plage')",
                run: "click",
            },
            {
                content: "Print every participant's statement",
                trigger: "button[name='action_print_statements']:contains('Relevés')",
                run: "click",
            },
            {
                content: "The project is still there, without error",
                trigger:
                    "body:not(:has(.o_error_dialog)) .o_statusbar_status button.o_arrow_button_current[data-value='closed']",
            },
        ]),
});

/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// Shared CI machines are slow: each step may wait 30 s for the server.
const patient = (steps) => steps.map((step) => ({timeout: 30000, ...step}));

// An entrepreneur in the back office, in French: he lands on his activity,
// reads his balance, prepares a quote and an invoice and submits both, and
// sees nothing of another activity (test_journeys.py).

function addProductLine(field, product, productField = "product_id") {
    return [
        {
            content: "Add a line",
            trigger: `.o_field_widget[name='${field}'] .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "Type the product",
            trigger: `.o_field_widget[name='${field}'] .o_selected_row [name='${productField}'] input`,
            run: `edit ${product}`,
        },
        {
            content: "Choose the product",
            trigger: `.o_field_widget[name='${field}'] .o_selected_row [name='${productField}'] .o-autocomplete--dropdown-item a:contains('${product}')`,
            run: "click",
        },
    ];
}

function chooseCustomer(name) {
    return [
        {
            content: "Type the customer",
            trigger: ".o_field_widget[name='partner_id'] input",
            run: `edit ${name}`,
        },
        {
            content: "Choose the customer",
            trigger: `.o_field_widget[name='partner_id'] .o-autocomplete--dropdown-item a:contains('${name}')`,
            run: "click",
        },
    ];
}

function openMenu(xmlid, label) {
    return [
        {
            content: "Open the invoicing menu",
            trigger: ".o_menu_sections [data-menu-xmlid='cae_base.cae_menu_invoicing']",
            run: "click",
        },
        {
            content: `Open ${label}`,
            trigger: `.dropdown-item[data-menu-xmlid='${xmlid}']:contains('${label}')`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("cae_entrepreneur_journey_tour", {
    steps: () =>
        patient([
            {
                content: "He lands on his activity, not on Discuss",
                trigger:
                    ".o_menu_sections [data-menu-xmlid='cae_base.cae_my_activity_menu']:contains('Mon activité')",
            },
            {
                content: "His own record",
                trigger: ".o_breadcrumb:contains('Alice Test')",
            },
            {
                content: "His treasury, named as everywhere",
                trigger:
                    "button[name='action_view_balance'] .o_stat_text:contains('Trésorerie de référence')",
            },
            {
                content: "He opens his balance",
                trigger: ".o_notebook .nav-link[name='balance']",
                run: "click",
            },
            {
                content: "His customers owe him the 1,000.00 of his invoice",
                trigger:
                    ".o_field_widget[name='balance_grid_html'] tr:has(td[data-code='customers']) td:last-child:contains('000,00')",
            },
            {
                content: "Each figure tells what it is on hover",
                trigger:
                    ".o_field_widget[name='balance_grid_html'] td[data-code='reference_treasury'][title]",
            },
            ...openMenu("cae_sale.sale_order_menu_cae", "Devis"),
            {
                content: "A new quote",
                trigger: ".o_list_button_add",
                run: "click",
            },
            ...chooseCustomer("Studio Tour"),
            ...addProductLine("order_line", "Photo shoot", "product_template_id"),
            {
                content: "The line is priced",
                trigger: ".o_field_widget[name='order_line'] .o_data_row:contains('500,00')",
            },
            {
                content: "No confirmation for him: the accountants confirm",
                trigger: ".o_form_view:not(:has(button[name='action_confirm']:visible))",
            },
            {
                content: "Save the quote",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "Saved",
                trigger: ".o_form_saved",
            },
            {
                content: "Submit it",
                trigger: "button[name='action_cae_submit']:contains('Soumettre pour validation')",
                run: "click",
            },
            {
                content: "The quote waits for the accountants, in French",
                trigger: ".o_field_widget[name='cae_validation_state'] .badge:contains('À valider')",
            },
            ...openMenu("cae_base.account_move_menu_cae_invoices", "Factures clients"),
            {
                content: "Only his activity's invoices",
                trigger: ".o_data_row:contains('Customer SARL')",
            },
            {
                content: "Nothing of Bob's activity",
                trigger: ".o_list_renderer:not(:has(.o_data_row:contains('Client de Bob')))",
            },
            {
                content: "A new invoice",
                trigger: ".o_list_button_add",
                run: "click",
            },
            ...chooseCustomer("Studio Tour"),
            ...addProductLine("invoice_line_ids", "Photo shoot"),
            {
                content: "The line is priced",
                trigger: ".o_field_widget[name='invoice_line_ids'] .o_data_row:contains('500,00')",
            },
            {
                content: "Save the invoice",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "Saved",
                trigger: ".o_form_saved",
            },
            {
                content: "Submit it",
                trigger: "button[name='action_cae_submit']:contains('Soumettre pour validation')",
                run: "click",
            },
            {
                content: "The invoice waits for the accountants",
                trigger: ".o_field_widget[name='cae_validation_state'] .badge:contains('À valider')",
            },
        ]),
});

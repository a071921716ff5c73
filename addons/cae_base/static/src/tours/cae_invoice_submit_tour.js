/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("cae_invoice_submit_tour", {
    steps: () => [
        {
            content: "Prepare a new invoice",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The activity is the entrepreneur's",
            trigger: ".o_form_view .o_field_widget[name='cae_activity_id']",
        },
        {
            content: "Type the customer",
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit Studio Tour",
        },
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name='partner_id'] .o-autocomplete--dropdown-item a:contains('Studio Tour')",
            run: "click",
        },
        {
            content: "Add a line",
            trigger: ".o_field_widget[name='invoice_line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Type the product",
            trigger: ".o_field_widget[name='invoice_line_ids'] .o_selected_row [name='product_id'] input",
            run: "edit Photo shoot",
        },
        {
            content: "Choose the product",
            trigger: ".o_field_widget[name='invoice_line_ids'] .o_selected_row [name='product_id'] .o-autocomplete--dropdown-item a:contains('Photo shoot')",
            run: "click",
        },
        {
            content: "Set the price",
            trigger: ".o_field_widget[name='invoice_line_ids'] .o_selected_row [name='price_unit'] input",
            run: "edit 640",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit for validation",
            trigger: "button[name='action_cae_submit']",
            run: "click",
        },
        {
            content: "The invoice waits for the accountants",
            trigger: ".o_field_widget[name='cae_validation_state'] .badge",
        },
    ],
});

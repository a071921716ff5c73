/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A facilitator goes from the places to a place's bookings and occupancy.
registry.category("web_tour.tours").add("cae_tl_backoffice_tour", {
    steps: () => [
        {
            content: "Open a place",
            trigger: ".o_kanban_record:not(.o_kanban_ghost)",
            run: "click",
        },
        {
            content: "Its resources are listed",
            trigger: ".o_form_view .o_field_widget[name='resource_ids'] .o_data_row",
        },
        {
            content: "See its bookings",
            trigger: "button[name='action_view_bookings']",
            run: "click",
        },
        {
            content: "The calendar of the bookings",
            trigger: ".o_calendar_view",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Bookings with their prices",
            trigger: ".o_list_view .o_data_row td[name='amount']",
        },
    ],
});

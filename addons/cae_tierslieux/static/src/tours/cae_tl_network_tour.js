/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// An entrepreneur of the cooperative books a desk in the place of a partner
// structure of the network, in French (see tests/test_ui.py).
registry.category("web_tour.tours").add("cae_tl_network_booking_tour", {
    steps: () => [
        {
            content: "The partner's place is offered, marked as a network partner",
            trigger:
                ".o_cae_tl_place:has(.o_cae_tl_partner_place:contains('Partenaire du réseau')) a.o_cae_tl_resource_link:contains('Partner desks')",
            run: "click",
        },
        {
            content: "She books as a guest of the network",
            trigger: ".o_cae_tl_guest:contains('Test network')",
        },
        {
            // The current week may have no free slot left (a Friday evening, a
            // week-end): next week always has some.
            content: "Go to next week",
            trigger: "a.o_cae_tl_next_week",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Take the first free slot",
            trigger: ".o_cae_tl_slots button.o_cae_tl_slot",
            run: "click",
        },
        {
            content: "The network's price of the place shows before booking",
            trigger: ".o_cae_tl_confirm_page .o_cae_tl_quote_amount:contains('4,00')",
        },
        {
            content: "Confirm",
            trigger: "button.o_cae_tl_confirm:contains('Confirmer la réservation')",
            run: "click",
        },
        {
            content: "The booking is confirmed",
            trigger: ".o_cae_tl_booked:contains('confirmée')",
        },
    ],
});

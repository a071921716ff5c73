/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// Starts on the week grid of a resource (see tests/test_portal.py): picks the
// first free slot, sees its price before confirming, books it, then cancels
// it after a confirmation page.
registry.category("web_tour.tours").add("cae_tl_portal_booking_tour", {
    steps: () => [
        {
            content: "Only free slots are offered: take the first one",
            trigger: ".o_cae_tl_slots button.o_cae_tl_slot",
            run: "click",
        },
        {
            content: "The price shows before anything is booked",
            trigger: ".o_cae_tl_confirm_page .o_cae_tl_quote_amount",
        },
        {
            content: "Confirm the booking",
            trigger: "button.o_cae_tl_confirm",
            run: "click",
        },
        {
            content: "The booking is confirmed",
            trigger: ".o_cae_tl_booked",
        },
        {
            content: "It is listed with the other bookings",
            trigger: ".o_cae_tl_bookings tr[data-booking-id]",
        },
        {
            content: "Ask to cancel it",
            trigger: ".o_cae_tl_bookings a.o_cae_tl_cancel",
            run: "click",
        },
        {
            content: "More than 24 hours ahead: the page says it is free",
            trigger: ".o_cae_tl_cancel_page .o_cae_tl_cancel_free",
        },
        {
            content: "Confirm the cancellation",
            trigger: "button.o_cae_tl_cancel_confirm",
            run: "click",
        },
        {
            content: "The booking is cancelled",
            trigger: ".o_cae_tl_cancelled",
        },
    ],
});

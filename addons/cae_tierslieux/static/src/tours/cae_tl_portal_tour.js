/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// Starts on the week grid of a resource (see tests/test_portal.py): books the
// first free slot, then cancels the booking from the list of bookings.
registry.category("web_tour.tours").add("cae_tl_portal_booking_tour", {
    steps: () => [
        {
            content: "Only free slots are offered: take the first one",
            trigger: ".o_cae_tl_slots button.o_cae_tl_slot",
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
            content: "Cancel it (more than 24 hours ahead: free of charge)",
            trigger: ".o_cae_tl_bookings button.o_cae_tl_cancel",
            run: "click",
        },
        {
            content: "The booking is cancelled",
            trigger: ".o_cae_tl_cancelled",
        },
    ],
});

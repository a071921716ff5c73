/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// An associate opens their assembly on the portal, votes "for" on its
// resolution and sees their vote recorded.
registry.category("web_tour.tours").add("cae_assembly_vote_tour", {
    url: "/my/assemblies",
    steps: () => [
        {
            content: "Open the assembly whose votes are open",
            trigger: "a.o_cae_assembly_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The agenda shows the resolution and its document",
            trigger: ".o_cae_resolution a.o_cae_document",
        },
        {
            content: "Vote for",
            trigger: ".o_cae_resolution .o_cae_ballot input[type='radio'][value='for']",
            run: "click",
        },
        {
            content: "Record the vote",
            trigger: "button[name='cae_vote_submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The vote is recorded",
            trigger: ".o_cae_vote_success",
        },
        {
            content: "With its receipt code, shown once",
            trigger: ".o_cae_vote_success .o_cae_receipt_code:contains('-')",
        },
        {
            content: "The resolution says so",
            trigger: ".o_cae_resolution .o_cae_vote_recorded",
        },
    ],
});

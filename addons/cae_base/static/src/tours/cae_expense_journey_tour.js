/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// Shared CI machines are slow: each step may wait 30 s for the server.
const patient = (steps) => steps.map((step) => ({timeout: 30000, ...step}));

// The journey of an expense claim, in French: the entrepreneur sends it from
// the portal with its receipt, the accountant approves, posts and pays it,
// the entrepreneur sees it refunded (test_journeys.py runs the three tours).

function attachReceipt() {
    // Browsers only let scripts fill a file input through a DataTransfer.
    const input = document.querySelector("input[name='receipts']");
    const files = new DataTransfer();
    files.items.add(
        new File(["%PDF-1.4\n%%EOF\n"], "billet-train.pdf", {type: "application/pdf"})
    );
    input.files = files.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

function checkCustomerCardsHidden() {
    for (const counter of ["order_count", "invoice_count"]) {
        const card = document
            .querySelector(`[data-placeholder_count='${counter}']`)
            ?.closest(".o_portal_index_card");
        if (card && !card.classList.contains("d-none")) {
            throw new Error(`The card of ${counter} shows, empty, to an entrepreneur`);
        }
    }
}

registry.category("web_tour.tours").add("cae_expense_journey_submit_tour", {
    steps: () =>
        patient([
            {
                content: "Her portal has counted her documents",
                trigger: ".o_portal_my_home:not(:has(.o_portal_doc_spinner))",
            },
            {
                content: "No empty \"Your orders\" or \"Your invoices\" for her",
                trigger: ".o_portal_my_home",
                run: checkCustomerCardsHidden,
            },
            {
                content: "From her portal, she opens her activity",
                trigger: ".o_portal_index_card a[href='/my/activity']:contains('Mon activité')",
                run: "click",
            },
            {
                content: "Her treasury is there, with its definition on hover",
                trigger:
                    ".o_cae_balance_grid td[data-code='reference_treasury'][title*='trésorerie']",
            },
            {
                content: "She declares an expense",
                trigger: "a[name='cae_new_expense']:contains('Déclarer une dépense')",
                run: "click",
            },
            {
                content: "What it was",
                trigger: "input[name='name']",
                run: "edit Train Bordeaux - Paris",
            },
            {
                content: "Its category",
                trigger: "select[name='product_id']",
                run: "selectByLabel Billet de train",
            },
            {
                content: "Its amount, with a decimal comma",
                trigger: "input[name='amount']",
                run: "edit 42,50",
            },
            {
                content: "A note for the accountant",
                trigger: "textarea[name='description']",
                run: "edit Rendez-vous client à Paris",
            },
            {
                content: "Its receipt",
                trigger: "input[name='receipts']",
                run: attachReceipt,
            },
            {
                content: "She sends it",
                trigger: "button[name='cae_submit_expense']:contains('Envoyer')",
                run: "click",
            },
            {
                content: "The claim went to the accountant",
                trigger: "div[name='cae_expense_sent']:contains('transmise au comptable')",
            },
            {
                content: "Its status says so",
                trigger: "dd[name='cae_expense_status']:contains('Transmise au comptable')",
            },
            {
                content: "Her note is kept",
                trigger: "dd[name='cae_expense_notes']:contains('Rendez-vous client à Paris')",
            },
        ]),
});

registry.category("web_tour.tours").add("cae_expense_journey_accountant_tour", {
    steps: () =>
        patient([
            {
                content: "The accountant lands on the cooperative's work",
                trigger: ".o_breadcrumb:contains('Factures à valider')",
            },
            {
                content: "She opens the invoicing menu",
                trigger: ".o_menu_sections [data-menu-xmlid='cae_base.cae_menu_invoicing']",
                run: "click",
            },
            {
                content: "The expense claims to process",
                trigger:
                    ".dropdown-item[data-menu-xmlid='cae_base.hr_expense_sheet_menu_cae_to_process']:contains('Notes de frais à traiter')",
                run: "click",
            },
            {
                content: "The portal claim is there",
                trigger: ".o_data_row td[name='name']:contains('Train Bordeaux - Paris')",
                run: "click",
            },
            {
                content: "She approves it",
                trigger: "button[name='action_approve_expense_sheets']:contains('Approuver')",
                run: "click",
            },
            {
                content: "She posts its entry",
                trigger: "button[name='action_sheet_move_post']",
                run: "click",
            },
            {
                content: "She pays the entrepreneur",
                trigger: "button[name='action_register_payment']",
                run: "click",
            },
            {
                content: "Create it",
                trigger: ".modal button[name='action_create_payments']",
                run: "click",
            },
            {
                content: "The claim is paid",
                trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='done']",
            },
        ]),
});

registry.category("web_tour.tours").add("cae_expense_journey_refunded_tour", {
    steps: () =>
        patient([
            {
                content: "Her portal names her bills for what they are",
                trigger:
                    ".o_portal_index_card a:contains('Remboursements de mes notes de frais')",
                run: "click",
            },
            {
                content: "Her claim shows as refunded",
                trigger:
                    "tr:has(a:contains('Train Bordeaux - Paris')) td[name='cae_expense_status']:contains('Remboursée')",
            },
            {
                content: "Nothing left to refund in her balance",
                trigger:
                    ".o_cae_balance_grid tr:has(td[data-code='expense_claims']) td:last-child:contains('0,00')",
            },
            {
                content: "She opens the claim",
                trigger: "a:contains('Train Bordeaux - Paris')",
                run: "click",
            },
            {
                content: "Refunded, with its receipt",
                trigger:
                    "dd[name='cae_expense_status']:contains('Remboursée') ~ dd .badge:contains('billet-train.pdf')",
            },
        ]),
});

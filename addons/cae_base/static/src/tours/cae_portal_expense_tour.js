/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// Browsers only let scripts fill a file input through a DataTransfer.
function attachReceipt() {
    const input = document.querySelector("input[name='receipts']");
    const files = new DataTransfer();
    files.items.add(
        new File(["%PDF-1.4 billet de train"], "billet-train.pdf", {
            type: "application/pdf",
        })
    );
    input.files = files.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

registry.category("web_tour.tours").add("cae_portal_expense_tour", {
    steps: () => [
        {
            content: "The entrepreneur's activity shows its treasury",
            trigger: ".o_cae_balance_grid td[data-code='reference_treasury']",
        },
        {
            content: "Submit an expense claim",
            trigger: "a[name='cae_new_expense']",
            run: "click",
        },
        {
            content: "Describe it",
            trigger: "input[name='name']",
            run: "edit Train Bordeaux - Paris",
        },
        {
            content: "Its category",
            trigger: "select[name='product_id']",
            run: "selectByLabel Billet de train",
        },
        {
            content: "A wrong amount first",
            trigger: "input[name='amount']",
            run: "edit -5",
        },
        {
            content: "With its receipt",
            trigger: "input[name='receipts']",
            run: attachReceipt,
        },
        {
            content: "Send",
            trigger: "button[name='cae_submit_expense']",
            run: "click",
        },
        {
            content: "The amount is refused, the description kept",
            trigger: "div[name='cae_expense_error']",
        },
        {
            content: "The right amount, with a decimal comma",
            trigger: "input[name='amount']",
            run: "edit 42,50",
        },
        {
            content: "The receipt again",
            trigger: "input[name='receipts']",
            run: attachReceipt,
        },
        {
            content: "Send again",
            trigger: "button[name='cae_submit_expense']",
            run: "click",
        },
        {
            content: "The accountant has it",
            trigger: "div[name='cae_expense_sent']",
        },
    ],
});

/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// Browsers only let scripts fill a file input through a DataTransfer.
function attachBill() {
    const input = document.querySelector("input[name='bill_pdf']");
    const files = new DataTransfer();
    files.items.add(
        new File(["%PDF-1.4 facture argile"], "facture-argile.pdf", {
            type: "application/pdf",
        })
    );
    input.files = files.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

registry.category("web_tour.tours").add("cae_portal_bill_tour", {
    steps: () => [
        {
            content: "Upload a supplier bill from the activity",
            trigger: "a[name='cae_new_bill']",
            run: "click",
        },
        {
            content: "The supplier, among the activity's contacts",
            trigger: "select[name='supplier_id']",
            run: "selectByLabel Supplier SAS",
        },
        {
            content: "The bill's number",
            trigger: "input[name='ref']",
            run: "edit F-ARG-7",
        },
        {
            content: "Its category",
            trigger: "select[name='product_id']",
            run: "selectByLabel Matières premières",
        },
        {
            content: "The amount incl. VAT",
            trigger: "input[name='amount_total']",
            run: "edit 60,00",
        },
        {
            content: "A VAT above the amount first",
            trigger: "input[name='amount_tax']",
            run: "edit 70",
        },
        {
            content: "With the PDF",
            trigger: "input[name='bill_pdf']",
            run: attachBill,
        },
        {
            content: "Send",
            trigger: "button[name='cae_submit_bill']",
            run: "click",
        },
        {
            content: "The VAT is refused, the number kept",
            trigger: "div[name='cae_bill_error']",
        },
        {
            content: "The number is still there",
            trigger: "input[name='ref'][value='F-ARG-7']",
        },
        {
            content: "The right VAT, with a decimal comma",
            trigger: "input[name='amount_tax']",
            run: "edit 10,00",
        },
        {
            content: "The PDF again",
            trigger: "input[name='bill_pdf']",
            run: attachBill,
        },
        {
            content: "Send again",
            trigger: "button[name='cae_submit_bill']",
            run: "click",
        },
        {
            content: "The accountant has it",
            trigger: "div[name='cae_bill_sent']",
        },
        {
            content: "Back to the activity",
            trigger: "a.btn-secondary[href^='/my/activity/']",
            run: "click",
        },
        {
            content: "The bill is listed with its status",
            trigger: "td[name='cae_bill_status']",
        },
    ],
});
